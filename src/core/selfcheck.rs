//! The self-check: questions as data, branching, and the rules that turn
//! answers into findings. It points to a next step; it never diagnoses.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Pick exactly one option (radio buttons).
    One,
    /// Tick any options; "none of these" is its own option (checkboxes).
    Many,
}

#[derive(Debug)]
pub struct Choice {
    pub id: &'static str,
    pub label: &'static str,
}

#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    pub prompt: &'static str,
    /// Why the question is asked, with a link into the guide.
    pub why: &'static str,
    pub style: Style,
    pub choices: &'static [Choice],
}

/// The option ids picked for each question id. Ids, not positions, are
/// stored so reordering the options never changes a saved answer.
pub type Answers = BTreeMap<String, Vec<String>>;

const fn choice(id: &'static str, label: &'static str) -> Choice {
    Choice { id, label }
}

const NOT_SURE: Choice = choice("not-sure", "Not sure");
const YES: Choice = choice("yes", "Yes");
const NO: Choice = choice("no", "No");

pub const NONE_OF_THESE: &str = "none";

pub const QUESTIONS: &[Question] = &[
    Question {
        id: "where",
        prompt: "Where is the pain?",
        why: "High hamstring tendonitis hurts deep at the sit bone, the bony point you sit on. [Read what it is](/#what-is-it).",
        style: Style::One,
        choices: &[
            choice("sit-bone", "Deep in the buttock, at the sit bone"),
            choice("elsewhere", "Somewhere else in the buttock or the back of the thigh"),
            NOT_SURE,
        ],
    },
    Question {
        id: "onset",
        prompt: "How did it start?",
        why: "This injury usually creeps up over weeks of running. A sudden start points to something else, such as a tear. [Read the signs](/#symptoms).",
        style: Style::One,
        choices: &[
            choice("gradual", "Gradually, building up over time as I kept running"),
            choice("sudden", "Suddenly: during a sprint, a slip or a forced stretch"),
            NOT_SURE,
        ],
    },
    Question {
        id: "sudden-signs",
        prompt: "When it happened, did you feel a pop, see bruising on the back of the thigh, or have trouble walking?",
        why: "Together with a sudden start, these can mean a hamstring tear, which needs a doctor soon rather than home exercises.",
        style: Style::One,
        choices: &[YES, NO, NOT_SURE],
    },
    Question {
        id: "progress",
        prompt: "How has the pain changed since it began?",
        why: "The typical pattern starts as soreness after running, then hurts during runs, and later when sitting. [Read the signs](/#symptoms).",
        style: Style::One,
        choices: &[
            choice("after", "It is sore after running"),
            choice("during", "It hurts during running too"),
            choice("sitting", "It now hurts when I sit as well"),
            NOT_SURE,
        ],
    },
    Question {
        id: "sitting-pressure",
        prompt: "Does sitting press on the sore spot and make it hurt?",
        why: "Direct pressure on the sit bone often hurts with this injury. [Read the signs](/#symptoms).",
        style: Style::One,
        choices: &[YES, NO, NOT_SURE],
    },
    Question {
        id: "sitting-hours",
        prompt: "About how many hours a day do you spend sitting?",
        why: "Long sitting loads the tendon and the lower back. Breaking it up is part of the treatment. [Read what to do first](/#treatment).",
        style: Style::One,
        choices: &[
            choice("under-4", "Under 4 hours"),
            choice("4-6", "4 to 6 hours"),
            choice("6-8", "6 to 8 hours"),
            choice("over-8", "More than 8 hours"),
        ],
    },
    Question {
        id: "back-pain",
        prompt: "Do you have lower-back pain, now or in the past?",
        why: "Many runners with this injury have a history of back trouble, and the back needs checking first. [Read why runners get it](/#why-runners).",
        style: Style::One,
        choices: &[YES, NO, NOT_SURE],
    },
    Question {
        id: "radiating",
        prompt: "Do you feel tingling, numbness or pain running down the back of your leg?",
        why: "Symptoms that travel down the leg, especially past the knee, suggest an irritated nerve from the lower back. [Read why runners get it](/#why-runners).",
        style: Style::One,
        choices: &[
            NO,
            choice("above-knee", "Yes, down to above the knee"),
            choice("past-knee", "Yes, down past the knee"),
            NOT_SURE,
        ],
    },
    Question {
        id: "runs",
        prompt: "Which runs does it stop you from doing?",
        why: "Runners with this injury can often jog slowly but not manage long runs or speedwork. [Read a runner's story](/#case-study).",
        style: Style::One,
        choices: &[
            choice("none", "None yet"),
            choice("long-fast", "Long runs or speedwork"),
            choice("all", "Even slow, easy runs"),
            choice("not-running", "I am not running at the moment"),
        ],
    },
    Question {
        id: "gait",
        prompt: "Has your stride changed, so you seem to ride over the leg instead of pushing off with it?",
        why: "After a long time with the injury, runners often stop using the hamstring to drive forward. [Read the signs](/#symptoms).",
        style: Style::One,
        choices: &[YES, NO, NOT_SURE],
    },
    Question {
        id: "red-flags",
        prompt: "Do any of these apply to you now?",
        why: "These signs need a doctor rather than a home programme, whatever else you answered.",
        style: Style::Many,
        choices: &[
            choice("bladder", "Changes in bladder or bowel control, or numbness around the groin or saddle area"),
            choice("weakness", "Numbness or weakness in the leg"),
            choice("night", "Severe, constant pain that has nothing to do with activity, or pain that wakes me at night"),
            choice("fever", "Fever, or feeling unwell along with the pain"),
            choice(NONE_OF_THESE, "None of these"),
        ],
    },
];

pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

fn picked(answers: &Answers, question: &str, option: &str) -> bool {
    answers
        .get(question)
        .is_some_and(|chosen| chosen.iter().any(|c| c == option))
}

/// Whether a question still applies given the other answers: the follow-up on
/// a sudden start is only asked after a sudden start.
pub fn applies(question: &Question, answers: &Answers) -> bool {
    match question.id {
        "sudden-signs" => picked(answers, "onset", "sudden"),
        _ => true,
    }
}

/// The questions to ask, in order, for these answers.
pub fn flow(answers: &Answers) -> Vec<&'static Question> {
    QUESTIONS.iter().filter(|q| applies(q, answers)).collect()
}

/// Whether an answer is complete and consistent for its question.
pub fn is_valid_answer(question: &Question, chosen: &[String]) -> bool {
    let known = chosen
        .iter()
        .all(|c| question.choices.iter().any(|choice| choice.id == c));
    match question.style {
        Style::One => chosen.len() == 1 && known,
        Style::Many => {
            let none = chosen.iter().any(|c| c == NONE_OF_THESE);
            !chosen.is_empty() && known && (!none || chosen.len() == 1)
        }
    }
}

/// The first question in the flow still without a valid answer.
pub fn next_unanswered(answers: &Answers) -> Option<&'static Question> {
    flow(answers).into_iter().find(|q| {
        !answers
            .get(q.id)
            .is_some_and(|chosen| is_valid_answer(q, chosen))
    })
}

/// Next steps, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    UrgentCare,
    PhysicianSoon,
    BackFirst,
    FitsPattern,
    NotTypical,
}

impl Outcome {
    pub fn title(self) -> &'static str {
        match self {
            Outcome::UrgentCare => "Get medical care now",
            Outcome::PhysicianSoon => "See a physician soon",
            Outcome::BackFirst => "Have your lower back checked first",
            Outcome::FitsPattern => "Your answers fit high hamstring tendonitis",
            Outcome::NotTypical => "This is not the typical pattern",
        }
    }

    pub fn advice(self) -> &'static str {
        match self {
            Outcome::UrgentCare => "You reported a sign that needs a doctor, not a home programme. Contact a doctor or urgent care today; a change in bladder or bowel control or numbness around the groin is an emergency. Hold off on the exercises until you have been seen.",
            Outcome::PhysicianSoon => "A sudden start during a sprint, a slip or a forced stretch is not the usual overuse pattern and may be a hamstring tear. See a physician soon, before starting the routine.",
            Outcome::BackFirst => "Back pain or symptoms running down the leg suggest the lower back or a nerve is involved. The guide's advice is to have an orthopedic surgeon or a spine specialist check the back before you start the hamstring programme.",
            Outcome::FitsPattern => "A deep ache at the sit bone that built up with running is the typical pattern. Start the routine at phase 1: general leg strengthening, a standing break every 15–20 minutes of sitting, no slumped sitting, and no hamstring stretching for now. Cross-train instead of running.",
            Outcome::NotTypical => "Your answers do not match the usual picture of this injury. Other problems can cause pain here, so it is worth seeing a physician or physical therapist. The guide explains what the typical pattern looks like.",
        }
    }

    /// The programme phase this outcome points to, if it points to one.
    pub fn suggested_phase(self) -> Option<crate::core::routine::Phase> {
        use crate::core::routine::Phase;
        match self {
            Outcome::BackFirst => Some(Phase::BackFirst),
            Outcome::FitsPattern => Some(Phase::Foundation),
            _ => None,
        }
    }
}

/// An outcome and the questions whose answers led to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub outcome: Outcome,
    pub because: Vec<String>,
}

/// A rule: an outcome, and for each question that can trigger it, the options
/// that do. A rule fires when any listed answer was given (and its question
/// applies), unless `all` is set, when every listed question must match.
struct Rule {
    outcome: Outcome,
    all: bool,
    when: &'static [(&'static str, &'static [&'static str])],
}

const RULES: &[Rule] = &[
    Rule {
        outcome: Outcome::UrgentCare,
        all: false,
        when: &[
            ("red-flags", &["bladder", "weakness", "night", "fever"]),
            ("sudden-signs", &["yes"]),
        ],
    },
    Rule {
        outcome: Outcome::PhysicianSoon,
        all: false,
        when: &[("onset", &["sudden"])],
    },
    Rule {
        outcome: Outcome::BackFirst,
        all: false,
        when: &[
            ("back-pain", &["yes"]),
            ("radiating", &["above-knee", "past-knee"]),
        ],
    },
    Rule {
        outcome: Outcome::FitsPattern,
        all: true,
        when: &[("where", &["sit-bone"]), ("onset", &["gradual"])],
    },
];

/// The findings for a set of answers, most urgent first. Never empty: when no
/// rule fits the typical pattern or a medical cause, "not typical" is given.
pub fn evaluate(answers: &Answers) -> Vec<Finding> {
    let live = |question: &str| self::question(question).is_some_and(|q| applies(q, answers));
    let mut findings: Vec<Finding> = RULES
        .iter()
        .filter_map(|rule| {
            let matched: Vec<String> = rule
                .when
                .iter()
                .filter(|(question, options)| {
                    live(question) && options.iter().any(|o| picked(answers, question, o))
                })
                .map(|(question, _)| question.to_string())
                .collect();
            let fires = if rule.all {
                matched.len() == rule.when.len()
            } else {
                !matched.is_empty()
            };
            fires.then_some(Finding {
                outcome: rule.outcome,
                because: matched,
            })
        })
        .collect();
    let has = |outcome| findings.iter().any(|f: &Finding| f.outcome == outcome);
    if !has(Outcome::FitsPattern) && !has(Outcome::UrgentCare) && !has(Outcome::PhysicianSoon) {
        findings.push(Finding {
            outcome: Outcome::NotTypical,
            because: vec!["where".into(), "onset".into()],
        });
    }
    findings.sort_by_key(|f| f.outcome);
    findings
}

/// The label of each chosen option, for summaries.
pub fn answer_labels(question: &Question, answers: &Answers) -> Vec<&'static str> {
    let chosen = answers.get(question.id).cloned().unwrap_or_default();
    question
        .choices
        .iter()
        .filter(|choice| chosen.iter().any(|c| c == choice.id))
        .map(|choice| choice.label)
        .collect()
}

/// A plain-text summary for a clinician: what was answered and what followed.
pub fn summary(answers: &Answers, findings: &[Finding], date: &str) -> String {
    let mut text = format!("Hamstring Rehab self-check, {date}\n");
    text.push_str("This is a record of my own answers, not a diagnosis.\n\nMy answers:\n");
    for question in flow(answers) {
        let labels = answer_labels(question, answers);
        let shown = if labels.is_empty() {
            "(not answered)".to_string()
        } else {
            labels.join("; ")
        };
        text.push_str(&format!("- {} {}\n", question.prompt, shown));
    }
    text.push_str("\nWhat the app suggested:\n");
    for finding in findings {
        text.push_str(&format!("- {}\n", finding.outcome.title()));
    }
    text
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        let mut answers = Answers::new();
        for (question, option) in pairs {
            answers
                .entry(question.to_string())
                .or_default()
                .push(option.to_string());
        }
        answers
    }

    fn outcomes(answers: &Answers) -> Vec<Outcome> {
        evaluate(answers).into_iter().map(|f| f.outcome).collect()
    }

    const TYPICAL: &[(&str, &str)] = &[
        ("where", "sit-bone"),
        ("onset", "gradual"),
        ("progress", "sitting"),
        ("sitting-pressure", "yes"),
        ("sitting-hours", "6-8"),
        ("back-pain", "no"),
        ("radiating", "no"),
        ("runs", "long-fast"),
        ("gait", "no"),
        ("red-flags", "none"),
    ];

    fn with(base: &[(&str, &str)], changes: &[(&str, &str)]) -> Answers {
        let mut result = answers(base);
        for (question, option) in changes {
            result.insert(question.to_string(), vec![option.to_string()]);
        }
        result
    }

    #[test]
    fn the_table_of_personas() {
        type Persona<'a> = (&'a [(&'a str, &'a str)], &'a [Outcome]);
        let cases: &[Persona] = &[
            (&[], &[Outcome::FitsPattern]),
            (
                &[("back-pain", "yes")],
                &[Outcome::BackFirst, Outcome::FitsPattern],
            ),
            (
                &[("radiating", "past-knee")],
                &[Outcome::BackFirst, Outcome::FitsPattern],
            ),
            (&[("radiating", "not-sure")], &[Outcome::FitsPattern]),
            (
                &[("red-flags", "night")],
                &[Outcome::UrgentCare, Outcome::FitsPattern],
            ),
            (
                &[("onset", "sudden"), ("sudden-signs", "no")],
                &[Outcome::PhysicianSoon],
            ),
            (
                &[("onset", "sudden"), ("sudden-signs", "yes")],
                &[Outcome::UrgentCare, Outcome::PhysicianSoon],
            ),
            (&[("where", "elsewhere")], &[Outcome::NotTypical]),
            (
                &[("where", "not-sure"), ("back-pain", "yes")],
                &[Outcome::BackFirst, Outcome::NotTypical],
            ),
        ];
        for (changes, expected) in cases {
            assert_eq!(&outcomes(&with(TYPICAL, changes)), expected, "{changes:?}");
        }
    }

    #[test]
    fn a_stale_follow_up_is_ignored() {
        // The person first said "sudden" and "pop", then changed the start to gradual.
        let edited = with(TYPICAL, &[("sudden-signs", "yes")]);
        assert_eq!(outcomes(&edited), vec![Outcome::FitsPattern]);
        assert!(!flow(&edited).iter().any(|q| q.id == "sudden-signs"));
    }

    #[test]
    fn findings_say_which_answers_led_to_them() {
        let findings = evaluate(&with(
            TYPICAL,
            &[("back-pain", "yes"), ("radiating", "past-knee")],
        ));
        assert_eq!(findings[0].outcome, Outcome::BackFirst);
        assert_eq!(findings[0].because, vec!["back-pain", "radiating"]);
        assert_eq!(findings[1].because, vec!["where", "onset"]);
    }

    #[test]
    fn every_outcome_is_reachable() {
        let all: Vec<Outcome> = [
            with(TYPICAL, &[("red-flags", "fever")]),
            with(TYPICAL, &[("onset", "sudden"), ("sudden-signs", "no")]),
            with(TYPICAL, &[("back-pain", "yes")]),
            with(TYPICAL, &[]),
            with(TYPICAL, &[("where", "elsewhere")]),
        ]
        .iter()
        .flat_map(outcomes)
        .collect();
        for outcome in [
            Outcome::UrgentCare,
            Outcome::PhysicianSoon,
            Outcome::BackFirst,
            Outcome::FitsPattern,
            Outcome::NotTypical,
        ] {
            assert!(all.contains(&outcome), "{outcome:?}");
        }
    }

    #[test]
    fn answer_validation() {
        let flags = question("red-flags").unwrap();
        let ids = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(is_valid_answer(flags, &ids(&["none"])));
        assert!(is_valid_answer(flags, &ids(&["night", "fever"])));
        assert!(!is_valid_answer(flags, &ids(&["none", "fever"])));
        assert!(!is_valid_answer(flags, &ids(&[])));
        let where_ = question("where").unwrap();
        assert!(!is_valid_answer(where_, &ids(&["sit-bone", "elsewhere"])));
        assert!(!is_valid_answer(where_, &ids(&["knee"])));
    }

    #[test]
    fn next_unanswered_walks_the_flow() {
        assert_eq!(next_unanswered(&Answers::new()).unwrap().id, "where");
        let partway = answers(&[("where", "sit-bone"), ("onset", "sudden")]);
        assert_eq!(next_unanswered(&partway).unwrap().id, "sudden-signs");
        assert!(next_unanswered(&answers(TYPICAL)).is_none());
    }

    #[test]
    fn summary_lists_answers_and_outcomes() {
        let all = answers(TYPICAL);
        let text = summary(&all, &evaluate(&all), "2026-11-25");
        assert!(text.contains("not a diagnosis"));
        assert!(text.contains("Where is the pain? Deep in the buttock, at the sit bone"));
        assert!(text.contains("- Your answers fit high hamstring tendonitis"));
        assert!(!text.contains("pop"), "skipped follow-up must not appear");
    }

    #[test]
    fn question_ids_and_choices_are_unique() {
        let mut ids: Vec<_> = QUESTIONS.iter().map(|q| q.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), QUESTIONS.len());
        for q in QUESTIONS {
            let mut choices: Vec<_> = q.choices.iter().map(|c| c.id).collect();
            choices.sort();
            choices.dedup();
            assert_eq!(choices.len(), q.choices.len(), "{}", q.id);
        }
        for rule in RULES {
            for (question_id, options) in rule.when {
                let q = question(question_id).expect("rule names a real question");
                for option in *options {
                    assert!(q.choices.iter().any(|c| c.id == *option), "{option}");
                }
            }
        }
    }

    /// Any combination of valid answers (one option per question, or any set
    /// of red flags): findings are never empty, sorted, and a red flag always
    /// puts urgent care first.
    fn any_answers() -> impl Strategy<Value = Answers> {
        let per_question: Vec<_> = QUESTIONS
            .iter()
            .map(|q| {
                let count = q.choices.len();
                (
                    proptest::option::weighted(0.9, 0..count),
                    proptest::bits::u8::between(0, count.min(8)),
                )
            })
            .collect();
        per_question.prop_map(|picks| {
            let mut answers = Answers::new();
            for (q, (one, mask)) in QUESTIONS.iter().zip(picks) {
                let chosen: Vec<String> = match q.style {
                    Style::One => one
                        .map(|i| vec![q.choices[i].id.to_string()])
                        .unwrap_or_default(),
                    Style::Many => q
                        .choices
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask & (1 << i) != 0)
                        .map(|(_, c)| c.id.to_string())
                        .collect(),
                };
                if !chosen.is_empty() {
                    answers.insert(q.id.to_string(), chosen);
                }
            }
            answers
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn findings_are_never_empty_and_red_flags_win(answers in any_answers()) {
            let findings = evaluate(&answers);
            prop_assert!(!findings.is_empty());
            let sorted = findings.windows(2).all(|w| w[0].outcome < w[1].outcome);
            prop_assert!(sorted);
            let red_flag = ["bladder", "weakness", "night", "fever"]
                .iter()
                .any(|flag| picked(&answers, "red-flags", flag));
            if red_flag {
                prop_assert_eq!(findings[0].outcome, Outcome::UrgentCare);
            }
        }
    }

    /// Exhaustive over the answers that drive the rules: every red flag forces
    /// the urgent outcome whatever else was answered.
    #[test]
    fn every_red_flag_forces_urgent_care_exhaustively() {
        let options = |id: &str| -> Vec<&'static str> {
            question(id).unwrap().choices.iter().map(|c| c.id).collect()
        };
        let mut checked = 0;
        for flag in ["bladder", "weakness", "night", "fever"] {
            for where_ in options("where") {
                for onset in options("onset") {
                    for sudden in options("sudden-signs") {
                        for back in options("back-pain") {
                            for radiating in options("radiating") {
                                let all = answers(&[
                                    ("where", where_),
                                    ("onset", onset),
                                    ("sudden-signs", sudden),
                                    ("back-pain", back),
                                    ("radiating", radiating),
                                    ("red-flags", flag),
                                ]);
                                assert_eq!(outcomes(&all)[0], Outcome::UrgentCare);
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(checked, 4 * 3 * 3 * 3 * 3 * 4);
    }
}
