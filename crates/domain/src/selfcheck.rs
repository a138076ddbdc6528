//! The self-check's rules: which questions to ask, in what order, and the
//! level of care a set of answers calls for. The questions and what each
//! answer means are content (`hamstring_content::selfcheck`); this module only
//! walks that table. It points to a next step; it never diagnoses.

use hamstring_content::selfcheck::{
    older, Flag, Level, Part, Question, NOT_SURE, QUESTIONS, RETIRED,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The option id picked for each question id. Ids, not positions, are stored
/// so reordering the options never changes a saved answer. (A list per
/// question, as the first version of the check stored it.)
pub type Answers = BTreeMap<String, Vec<String>>;

/// A question by id: today's, or a retired one that saved results still name.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().chain(RETIRED).find(|q| q.id == id)
}

/// The option picked for `question`, if it is one of its options.
fn picked(
    question: &'static Question,
    answers: &Answers,
) -> Option<&'static hamstring_content::selfcheck::Choice> {
    match answers.get(question.id).map(Vec::as_slice) {
        Some([id]) => question.choices.iter().find(|c| c.id == id),
        _ => None,
    }
}

/// Whether `chosen` is a complete answer to `question`: exactly one of its options.
pub fn is_valid_answer(question: &Question, chosen: &[String]) -> bool {
    matches!(chosen, [id] if question.choices.iter().any(|c| c.id == id))
}

/// The most urgent level any question from `from` on can call for.
fn most_urgent_from(from: usize) -> Option<Level> {
    QUESTIONS[from..]
        .iter()
        .flat_map(|q| q.choices.iter())
        .filter_map(|c| c.flag.map(|f| f.level))
        .min()
}

/// The questions to ask, in order, for these answers. An emergency answer
/// ends the check: someone who needs A&E is told at once. A same-day answer
/// does not: every later same-day sign is still asked, so the person can
/// tell the doctor all of them; the check stops after the last one.
pub fn flow(answers: &Answers) -> Vec<&'static Question> {
    let mut asked = Vec::new();
    let mut level: Option<Level> = None;
    for (index, question) in QUESTIONS.iter().enumerate() {
        asked.push(question);
        if let Some(flag) = picked(question, answers).and_then(|c| c.flag) {
            level = Some(level.map_or(flag.level, |l| l.min(flag.level)));
        }
        let settled = match level {
            Some(Level::Emergency) => true,
            Some(Level::Urgent) => {
                most_urgent_from(index + 1).is_none_or(|later| later > Level::Urgent)
            }
            _ => false,
        };
        if settled {
            break;
        }
    }
    asked
}

/// The first question in the flow still without a valid answer.
pub fn next_unanswered(answers: &Answers) -> Option<&'static Question> {
    flow(answers)
        .into_iter()
        .find(|q| picked(q, answers).is_none())
}

/// One answer that changed the result: `question` answered `choice`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Reason {
    pub question: String,
    pub choice: String,
}

impl Reason {
    /// The flag this answer carries in today's question table.
    pub fn flag(&self) -> Option<Flag> {
        question(&self.question)?
            .choices
            .iter()
            .find(|c| c.id == self.choice)?
            .flag
    }
}

/// What a finished check calls for, and the answers behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Triage {
    pub level: Level,
    /// The answers that set the level, in question order.
    pub reasons: Vec<Reason>,
    /// Less urgent points, for "once you have been seen".
    pub also: Vec<Reason>,
}

impl Triage {
    /// The lower back or a nerve may be involved: the guide's "back first".
    pub fn back_first(&self) -> bool {
        self.level == Level::Soon
            && self
                .reasons
                .iter()
                .any(|r| r.flag().is_some_and(|f| f.back))
    }
}

/// The level of care a set of answers calls for: the most urgent level any
/// answer in the flow calls for; "self-care" only when none calls for care.
/// A warning sign left unanswered counts as "not sure".
pub fn triage(answers: &Answers) -> Triage {
    let mut flags: Vec<(Reason, Flag)> = Vec::new();
    for question in flow(answers) {
        let (choice_id, flag) = match picked(question, answers) {
            Some(choice) => (choice.id, choice.flag),
            None if question.part == Part::WarningSigns => {
                let unsure = question.choices.iter().find(|c| c.id == NOT_SURE);
                (NOT_SURE, unsure.and_then(|c| c.flag))
            }
            None => continue,
        };
        if let Some(flag) = flag {
            let reason = Reason {
                question: question.id.to_string(),
                choice: choice_id.to_string(),
            };
            flags.push((reason, flag));
        }
    }
    let level = flags
        .iter()
        .map(|(_, flag)| flag.level)
        .min()
        .unwrap_or(Level::SelfCare);
    let (reasons, also) = flags
        .into_iter()
        .partition::<Vec<_>, _>(|(_, flag)| flag.level == level);
    let strip = |list: Vec<(Reason, Flag)>| list.into_iter().map(|(r, _)| r).collect();
    Triage {
        level,
        reasons: strip(reasons),
        also: strip(also),
    }
}

/// The label of the chosen option, for summaries.
pub fn answer_label(question: &Question, answers: &Answers) -> Option<&'static str> {
    let chosen = answers.get(question.id)?;
    question
        .choices
        .iter()
        .find(|c| chosen.iter().any(|id| id == c.id))
        .map(|c| c.label)
}

/// How a saved result reads: today's rules, or the first version's findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Triage(Triage),
    /// Saved by the first version of the check (data versions 1 and 2).
    Older(Vec<OlderFinding>),
}

/// A finding as the first version of the check stored it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OlderFinding {
    pub outcome: String,
    pub because: Vec<String>,
}

impl Verdict {
    /// The level a result calls for, read into today's levels where an older
    /// result named one ("get medical care now" was same-day care).
    pub fn level(&self) -> Option<Level> {
        match self {
            Verdict::Triage(triage) => Some(triage.level),
            Verdict::Older(findings) => findings
                .iter()
                .any(|f| f.outcome == "urgent-care")
                .then_some(Level::Urgent),
        }
    }

    /// One line for lists of past results.
    pub fn headline(&self) -> &'static str {
        match self {
            Verdict::Triage(triage) => hamstring_content::selfcheck::level_text(triage.level).title,
            Verdict::Older(findings) => findings
                .first()
                .and_then(|f| older::outcome(&f.outcome))
                .map_or("An earlier result", |(title, _)| title),
        }
    }
}

/// A plain-text summary for a clinician: the level, every warning sign asked
/// and its answer ("Not sure" included), the reasons, and the other answers.
pub fn summary(answers: &Answers, triage: &Triage, date: &str) -> String {
    use hamstring_content::selfcheck::level_text;
    let text = level_text(triage.level);
    let mut out = format!("Hamstring Rehab self-check, {date}\n");
    out.push_str("A record of my own answers, not a diagnosis.\n\n");
    out.push_str(&format!(
        "Result: {} ({})\n",
        text.title,
        text.when.to_ascii_lowercase()
    ));
    let reasons = |out: &mut String, heading: &str, list: &[Reason]| {
        if list.is_empty() {
            return;
        }
        out.push_str(&format!("\n{heading}\n"));
        for reason in list {
            if let Some(flag) = reason.flag() {
                out.push_str(&format!("- {}\n", flag.reason));
            }
        }
    };
    reasons(&mut out, "Because:", &triage.reasons);
    reasons(&mut out, "Also noted:", &triage.also);
    let asked = flow(answers);
    // A result saved before a question was reworded lists it in its words.
    let retired: Vec<_> = RETIRED
        .iter()
        .filter(|q| answers.contains_key(q.id))
        .collect();
    for part in [Part::WarningSigns, Part::YourPain] {
        let questions: Vec<_> = QUESTIONS
            .iter()
            .chain(retired.iter().copied())
            .filter(|q| q.part == part)
            .collect();
        out.push_str(&format!("\n{}:\n", part.title()));
        for question in questions {
            let earlier_check = !retired.is_empty();
            let shown = if !earlier_check && !asked.iter().any(|q| q.id == question.id) {
                "(not asked: the result was already clear)"
            } else if earlier_check {
                answer_label(question, answers).unwrap_or("(not in the check then)")
            } else {
                answer_label(question, answers).unwrap_or("(not answered)")
            };
            out.push_str(&format!("- {} {}\n", question.prompt, shown));
        }
    }
    out
}

/// The same kind of summary for a result of the first version of the check.
pub fn older_summary(answers: &Answers, findings: &[OlderFinding], date: &str) -> String {
    let mut out = format!("Hamstring Rehab self-check, {date} (earlier version of the check)\n");
    out.push_str("A record of my own answers, not a diagnosis.\n\nMy answers:\n");
    for (id, chosen) in answers {
        let Some((prompt, options)) = older::question(id) else {
            continue;
        };
        let labels: Vec<&str> = options
            .iter()
            .filter(|(option, _)| chosen.iter().any(|c| c == option))
            .map(|(_, label)| *label)
            .collect();
        out.push_str(&format!("- {prompt} {}\n", labels.join("; ")));
    }
    out.push_str("\nWhat the app suggested:\n");
    for finding in findings {
        if let Some((title, _)) = older::outcome(&finding.outcome) {
            out.push_str(&format!("- {title}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use hamstring_content::selfcheck::Part;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(q, c)| (q.to_string(), vec![c.to_string()]))
            .collect()
    }

    /// Every question answered "no" or its first harmless option, then `changes`.
    fn with(changes: &[(&str, &str)]) -> Answers {
        let mut all = answers(TYPICAL);
        for (q, c) in changes {
            all.insert(q.to_string(), vec![c.to_string()]);
        }
        all
    }

    const TYPICAL: &[(&str, &str)] = &[
        ("saddle-numb", "no"),
        ("bladder", "no"),
        ("both-legs-nerve", "no"),
        ("weak-leg", "no"),
        ("pop", "no"),
        ("accident", "no"),
        ("fever", "no"),
        ("night-rest", "no"),
        ("cancer", "no"),
        ("weight", "no"),
        ("immune", "no"),
        ("calf", "no"),
        ("where", "sit-bone"),
        ("sides", "one"),
        ("onset", "gradual"),
        ("progress", "sitting"),
        ("back-pain", "no"),
        ("tingling", "no"),
        ("self-care", "not-yet"),
    ];

    fn ids(list: &[Reason]) -> Vec<String> {
        list.iter()
            .map(|r| format!("{}:{}", r.question, r.choice))
            .collect()
    }

    /// The people the check is for, as they would answer; the level they must
    /// be shown, and whether the routine may be offered (self-care or back first).
    #[test]
    fn personas() {
        struct Persona {
            who: &'static str,
            answers: Answers,
            level: Level,
            reasons: &'static [&'static str],
        }
        let people = [
            Persona {
                who: "a typical runner: gradual sit-bone pain, no warning signs",
                answers: with(&[]),
                level: Level::SelfCare,
                reasons: &[],
            },
            Persona {
                who: "months of gradual pain, then a pop with bruising last week",
                answers: with(&[("pop", "yes-bruising")]),
                level: Level::Urgent,
                reasons: &["pop:yes-bruising"],
            },
            Persona {
                who: "saddle numbness and a change in peeing",
                answers: answers(&[("saddle-numb", "yes"), ("bladder", "yes")]),
                level: Level::Emergency,
                reasons: &["saddle-numb:yes"],
            },
            Persona {
                who: "both hamstrings sore after hills, read against 'does not count'",
                answers: with(&[("sides", "both"), ("progress", "after")]),
                level: Level::SelfCare,
                reasons: &[],
            },
            Persona {
                who: "one-sided tingling at the sit bone that comes and goes",
                answers: with(&[("tingling", "above-knee")]),
                level: Level::Soon,
                reasons: &["tingling:above-knee"],
            },
            Persona {
                who: "past cancer and a swollen calf",
                answers: with(&[("cancer", "yes"), ("calf", "yes")]),
                level: Level::Urgent,
                reasons: &["cancer:yes", "calf:yes"],
            },
            Persona {
                who: "the guide's own runner: one-sided tingling when she sits, some back pain",
                answers: with(&[("back-pain", "yes"), ("tingling", "past-knee")]),
                level: Level::Soon,
                reasons: &["back-pain:yes", "tingling:past-knee"],
            },
            Persona {
                who: "mostly lower-back pain",
                answers: with(&[("where", "lower-back"), ("back-pain", "yes")]),
                level: Level::Soon,
                reasons: &["where:lower-back", "back-pain:yes"],
            },
            Persona {
                who: "fever and pain at night",
                answers: with(&[("fever", "yes"), ("night-rest", "yes")]),
                level: Level::Urgent,
                reasons: &["fever:yes", "night-rest:yes"],
            },
            Persona {
                who: "pain at the knee",
                answers: with(&[("where", "knee")]),
                level: Level::Soon,
                reasons: &["where:knee"],
            },
            Persona {
                who: "past cancer and weight loss, otherwise typical",
                answers: with(&[("cancer", "yes"), ("weight", "yes")]),
                level: Level::Urgent,
                reasons: &["cancer:yes", "weight:yes"],
            },
            Persona {
                who: "not sure about saddle numbness, everything else typical",
                answers: with(&[("saddle-numb", NOT_SURE)]),
                level: Level::Urgent,
                reasons: &["saddle-numb:not-sure"],
            },
            Persona {
                who: "a swollen, tender calf",
                answers: with(&[("calf", "yes")]),
                level: Level::Urgent,
                reasons: &["calf:yes"],
            },
            Persona {
                who: "weeks of self-care and no better",
                answers: with(&[("self-care", "not-improving")]),
                level: Level::Soon,
                reasons: &["self-care:not-improving"],
            },
        ];
        for person in people {
            let result = triage(&person.answers);
            assert_eq!(result.level, person.level, "{}", person.who);
            assert_eq!(ids(&result.reasons), person.reasons, "{}", person.who);
        }
    }

    #[test]
    fn the_check_stops_at_an_emergency_and_after_the_last_same_day_sign_when_urgent() {
        let emergency = answers(&[("saddle-numb", "yes")]);
        assert_eq!(flow(&emergency).len(), 1);
        assert!(next_unanswered(&emergency).is_none());
        // Not sure about the saddle area: every other warning sign is still asked.
        let unsure = answers(&[("saddle-numb", NOT_SURE)]);
        assert_eq!(next_unanswered(&unsure).unwrap().id, "bladder");
        let mut unsure_then_no = with(&[("saddle-numb", NOT_SURE)]);
        unsure_then_no.retain(|id, _| question(id).unwrap().part == Part::WarningSigns);
        assert!(next_unanswered(&unsure_then_no).is_none());
        assert_eq!(triage(&unsure_then_no).level, Level::Urgent);
        // Urgent early on: the later same-day signs are asked, the pain is not.
        let fever = with(&[("fever", "yes")]);
        assert_eq!(flow(&fever).last().unwrap().id, "calf");
    }

    #[test]
    fn a_pop_is_asked_of_everyone_and_an_earlier_yes_is_kept() {
        let gradual = answers(&[
            ("saddle-numb", "no"),
            ("bladder", "no"),
            ("both-legs-nerve", "no"),
            ("weak-leg", "no"),
        ]);
        assert_eq!(next_unanswered(&gradual).unwrap().id, "pop");
        // Changing another answer later never drops the pop.
        let mut pop = with(&[("pop", "yes-bruising")]);
        pop.insert("onset".into(), vec!["sudden".into()]);
        pop.insert("onset".into(), vec!["gradual".into()]);
        assert_eq!(triage(&pop).level, Level::Urgent);
    }

    #[test]
    fn answers_beyond_the_stop_are_kept_and_count_again_when_the_stop_goes() {
        let mut all = with(&[("back-pain", "yes")]);
        all.insert("fever".into(), vec!["yes".into()]);
        assert_eq!(triage(&all).level, Level::Urgent);
        all.insert("fever".into(), vec!["no".into()]);
        let result = triage(&all);
        assert_eq!(result.level, Level::Soon);
        assert_eq!(ids(&result.reasons), ["back-pain:yes"]);
    }

    #[test]
    fn self_care_only_when_the_pattern_fits() {
        // The only answers without a flag on the pattern questions are the typical ones.
        for (id, typical) in [("where", "sit-bone"), ("onset", "gradual")] {
            for choice in question(id).unwrap().choices {
                assert_eq!(
                    choice.flag.is_none(),
                    choice.id == typical,
                    "{id}:{}",
                    choice.id
                );
            }
        }
    }

    #[test]
    fn answer_validation() {
        let where_ = question("where").unwrap();
        let list = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(is_valid_answer(where_, &list(&["sit-bone"])));
        assert!(!is_valid_answer(where_, &list(&["sit-bone", "knee"])));
        assert!(!is_valid_answer(where_, &list(&["ankle"])));
        assert!(!is_valid_answer(where_, &list(&[])));
    }

    #[test]
    fn summary_names_the_level_every_warning_sign_and_the_reasons() {
        let all = with(&[("calf", NOT_SURE)]);
        let text = summary(&all, &triage(&all), "2026-11-26");
        assert!(text.contains("not a diagnosis"));
        assert!(text.contains("Result: Get medical advice today (today)"));
        assert!(text.contains("You were not sure about a swollen, warm, red or tender calf."));
        assert!(text.contains("Is either calf swollen, warm, red or tender? Not sure"));
        assert!(
            text.contains("Have you ever had cancer, or are you being treated for cancer now? No")
        );
        assert!(text.contains("Where is the pain worst? (not asked: the result was already clear)"));
    }

    #[test]
    fn question_ids_and_choices_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for q in QUESTIONS {
            assert!(seen.insert(q.id), "{}", q.id);
            let mut choices = std::collections::HashSet::new();
            for c in q.choices {
                assert!(choices.insert(c.id), "{}:{}", q.id, c.id);
            }
        }
        // Warning signs first, then the pain: the check can stop early.
        let parts: Vec<Part> = QUESTIONS.iter().map(|q| q.part).collect();
        let first_pain = parts.iter().position(|p| *p == Part::YourPain).unwrap();
        assert!(parts[first_pain..].iter().all(|p| *p == Part::YourPain));
        // Every emergency sign comes before every urgent one.
        let levels = |q: &Question| {
            q.choices
                .iter()
                .filter_map(|c| c.flag.map(|f| f.level))
                .min()
        };
        let last_emergency = QUESTIONS
            .iter()
            .rposition(|q| levels(q) == Some(Level::Emergency))
            .unwrap();
        let first_urgent_only = QUESTIONS
            .iter()
            .position(|q| levels(q) == Some(Level::Urgent))
            .unwrap();
        assert!(last_emergency < first_urgent_only);
    }

    /// Walks every path through the check: at each step, every option of the
    /// next question, until the flow is complete. Returns the answer sets.
    fn every_completed_check() -> Vec<Answers> {
        fn walk(answers: &mut Answers, out: &mut Vec<Answers>) {
            match next_unanswered(answers) {
                None => out.push(answers.clone()),
                Some(question) => {
                    for choice in question.choices {
                        answers.insert(question.id.into(), vec![choice.id.into()]);
                        walk(answers, out);
                    }
                    answers.remove(question.id);
                }
            }
        }
        let mut out = Vec::new();
        walk(&mut Answers::new(), &mut out);
        out
    }

    /// Exhaustive over every combination of answers the check can be given:
    /// the level is at least as urgent as any answer in the flow calls for;
    /// "Not sure" on a warning sign always means care today or sooner; an
    /// emergency or same-day result never counts as the typical pattern.
    #[test]
    fn every_answer_combination_is_triaged_safely() {
        let all = every_completed_check();
        let mut by_level = BTreeMap::new();
        for answers in &all {
            let result = triage(answers);
            *by_level.entry(result.level).or_insert(0) += 1;
            let asked = flow(answers);
            let given: Vec<&Reason> = result.reasons.iter().chain(&result.also).collect();
            for question in &asked {
                let choice = picked(question, answers).expect("every asked question is answered");
                if let Some(flag) = choice.flag {
                    assert!(result.level <= flag.level, "{answers:?}");
                    // Every answer that calls for care is named in the result.
                    assert!(
                        given
                            .iter()
                            .any(|r| r.question == question.id && r.choice == choice.id),
                        "{}:{} missing from the result: {answers:?}",
                        question.id,
                        choice.id
                    );
                }
                if question.part == Part::WarningSigns && choice.id == NOT_SURE {
                    assert!(result.level <= Level::Urgent, "{answers:?}");
                }
            }
            // Only an emergency ends the check before every same-day sign is heard.
            if result.level != Level::Emergency {
                for question in QUESTIONS.iter().filter(|q| {
                    q.choices
                        .iter()
                        .any(|c| c.flag.is_some_and(|f| f.level <= Level::Urgent))
                }) {
                    assert!(
                        asked.iter().any(|a| a.id == question.id),
                        "{} not asked: {answers:?}",
                        question.id
                    );
                }
            }
            // Stopping early never skips a question that could be more urgent.
            for skipped in QUESTIONS
                .iter()
                .filter(|q| !asked.iter().any(|a| a.id == q.id))
            {
                let worst = skipped
                    .choices
                    .iter()
                    .filter_map(|c| c.flag.map(|f| f.level))
                    .min();
                assert!(
                    worst.is_none_or(|worst| worst >= result.level),
                    "{} skipped: {answers:?}",
                    skipped.id
                );
            }
            assert_eq!(
                result.reasons.is_empty(),
                result.level == Level::SelfCare,
                "{answers:?}"
            );
            if result.level == Level::SelfCare {
                assert_eq!(
                    asked.len(),
                    QUESTIONS.len(),
                    "self-care only after every question"
                );
                assert_eq!(answers.get("where").unwrap()[0], "sit-bone");
                assert_eq!(answers.get("onset").unwrap()[0], "gradual");
            }
            if result.level <= Level::Urgent {
                assert!(
                    !result.back_first(),
                    "no routine offer before a doctor: {answers:?}"
                );
            }
        }
        // The walk covers every level and a meaningful number of paths.
        assert_eq!(by_level.len(), 4, "{by_level:?}");
        assert!(all.len() > 200_000, "{}", all.len());
    }

    /// Every warning sign's "Not sure" calls for care today at least, and its
    /// "Yes" too: the table itself, not only the walk.
    #[test]
    fn warning_signs_never_reassure() {
        for q in QUESTIONS.iter().filter(|q| q.part == Part::WarningSigns) {
            let unsure = q
                .choices
                .iter()
                .find(|c| c.id == NOT_SURE)
                .expect("a Not sure option");
            assert!(
                unsure.flag.is_some_and(|f| f.level <= Level::Urgent),
                "{}",
                q.id
            );
            assert!(
                q.choices.iter().any(|c| c.id == "no" && c.flag.is_none()),
                "{}",
                q.id
            );
        }
    }

    /// A result saved before the saddle, both-legs and night questions were
    /// narrowed still reads in the words the person answered.
    #[test]
    fn results_saved_with_a_retired_question_keep_its_words() {
        let saved = answers(&[("saddle", "no"), ("both-legs", "yes")]);
        let triage = Triage {
            level: Level::Emergency,
            reasons: vec![Reason {
                question: "both-legs".into(),
                choice: "yes".into(),
            }],
            also: vec![],
        };
        assert_eq!(
            triage.reasons[0].flag().unwrap().reason,
            "Pain, tingling, numbness or weakness in both legs."
        );
        let text = summary(&saved, &triage, "2026-11-27");
        assert!(text.contains("- Pain, tingling, numbness or weakness in both legs."));
        assert!(text.contains(
            "Do you have pain, tingling, numbness or weakness going down both legs? Yes"
        ));
        assert!(text.contains("Is the pain on one side or both? (not in the check then)"));
        // Retired questions are never asked again.
        assert!(flow(&Answers::new())
            .iter()
            .all(|q| !RETIRED.iter().any(|r| r.id == q.id)));
    }

    #[test]
    fn older_results_read_in_their_own_words() {
        let findings = vec![OlderFinding {
            outcome: "fits-pattern".into(),
            because: vec!["where".into(), "onset".into()],
        }];
        let verdict = Verdict::Older(findings.clone());
        assert_eq!(
            verdict.headline(),
            "Your answers fit high hamstring tendonitis"
        );
        assert_eq!(verdict.level(), None);
        let urgent = Verdict::Older(vec![OlderFinding {
            outcome: "urgent-care".into(),
            because: vec![],
        }]);
        assert_eq!(urgent.level(), Some(Level::Urgent));
        let old_answers = answers(&[("where", "sit-bone"), ("red-flags", "none")]);
        let text = older_summary(&old_answers, &findings, "2026-11-09");
        assert!(text.contains("Where is the pain? Deep in the buttock, at the sit bone"));
        assert!(text.contains("Do any of these apply to you now? None of these"));
        assert!(text.contains("- Your answers fit high hamstring tendonitis"));
    }

    #[test]
    fn levels_serialise_by_name() {
        let result = triage(&with(&[("cancer", "yes")]));
        let json = serde_json::to_string(&Verdict::Triage(result.clone())).unwrap();
        assert!(json.contains(r#""level":"urgent""#), "{json}");
        assert_eq!(
            serde_json::from_str::<Verdict>(&json).unwrap(),
            Verdict::Triage(result)
        );
    }
}
