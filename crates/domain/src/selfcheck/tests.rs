//! The self-check's rules walked as a person would: personas, every path
//! through the check, and results saved by older versions.

use super::*;
use hamstring_content::selfcheck::CheckPart;

mod walk;

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

/// Someone the check is for: who, their answers ("no" or the first harmless
/// option to every question, then `changes`; only `changes` when not
/// `typical_otherwise`), the level they must be shown and the answers behind it.
struct Persona {
    who: &'static str,
    typical_otherwise: bool,
    changes: &'static [(&'static str, &'static str)],
    level: Level,
    reasons: &'static [&'static str],
}

const PEOPLE: &[Persona] = &[
    Persona {
        who: "a typical runner: gradual sit-bone pain, no warning signs",
        typical_otherwise: true,
        changes: &[],
        level: Level::SelfCare,
        reasons: &[],
    },
    Persona {
        who: "months of gradual pain, then a pop with bruising last week",
        typical_otherwise: true,
        changes: &[("pop", "yes-bruising")],
        level: Level::Urgent,
        reasons: &["pop:yes-bruising"],
    },
    Persona {
        who: "saddle numbness and a change in peeing",
        typical_otherwise: false,
        changes: &[("saddle-numb", "yes"), ("bladder", "yes")],
        level: Level::Emergency,
        reasons: &["saddle-numb:yes"],
    },
    Persona {
        who: "both hamstrings sore after hills, read against 'does not count'",
        typical_otherwise: true,
        changes: &[("sides", "both"), ("progress", "after")],
        level: Level::SelfCare,
        reasons: &[],
    },
    Persona {
        who: "one-sided tingling at the sit bone that comes and goes",
        typical_otherwise: true,
        changes: &[("tingling", "above-knee")],
        level: Level::Soon,
        reasons: &["tingling:above-knee"],
    },
    Persona {
        who: "past cancer and a swollen calf",
        typical_otherwise: true,
        changes: &[("cancer", "yes"), ("calf", "yes")],
        level: Level::Urgent,
        reasons: &["cancer:yes", "calf:yes"],
    },
    Persona {
        who: "the guide's own runner: one-sided tingling when she sits, some back pain",
        typical_otherwise: true,
        changes: &[("back-pain", "yes"), ("tingling", "past-knee")],
        level: Level::Soon,
        reasons: &["back-pain:yes", "tingling:past-knee"],
    },
    Persona {
        who: "mostly lower-back pain",
        typical_otherwise: true,
        changes: &[("where", "lower-back"), ("back-pain", "yes")],
        level: Level::Soon,
        reasons: &["where:lower-back", "back-pain:yes"],
    },
    Persona {
        who: "fever and pain at night",
        typical_otherwise: true,
        changes: &[("fever", "yes"), ("night-rest", "yes")],
        level: Level::Urgent,
        reasons: &["fever:yes", "night-rest:yes"],
    },
    Persona {
        who: "pain at the knee",
        typical_otherwise: true,
        changes: &[("where", "knee")],
        level: Level::Soon,
        reasons: &["where:knee"],
    },
    Persona {
        who: "past cancer and weight loss, otherwise typical",
        typical_otherwise: true,
        changes: &[("cancer", "yes"), ("weight", "yes")],
        level: Level::Urgent,
        reasons: &["cancer:yes", "weight:yes"],
    },
    Persona {
        who: "not sure about saddle numbness, everything else typical",
        typical_otherwise: true,
        changes: &[("saddle-numb", NOT_SURE)],
        level: Level::Urgent,
        reasons: &["saddle-numb:not-sure"],
    },
    Persona {
        who: "a swollen, tender calf",
        typical_otherwise: true,
        changes: &[("calf", "yes")],
        level: Level::Urgent,
        reasons: &["calf:yes"],
    },
    Persona {
        who: "weeks of self-care and no better",
        typical_otherwise: true,
        changes: &[("self-care", "not-improving")],
        level: Level::Soon,
        reasons: &["self-care:not-improving"],
    },
];

/// The people the check is for, as they would answer: the level they must
/// be shown, and the answers that set it.
#[test]
fn personas() {
    for person in PEOPLE {
        let given = if person.typical_otherwise {
            with(person.changes)
        } else {
            answers(person.changes)
        };
        let result = triage(&given);
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
    unsure_then_no.retain(|id, _| question(id).unwrap().part == CheckPart::WarningSigns);
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
    assert!(text.contains("Have you ever had cancer, or are you being treated for cancer now? No"));
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
    let parts: Vec<CheckPart> = QUESTIONS.iter().map(|q| q.part).collect();
    let first_pain = parts
        .iter()
        .position(|p| *p == CheckPart::YourPain)
        .unwrap();
    assert!(parts[first_pain..]
        .iter()
        .all(|p| *p == CheckPart::YourPain));
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

/// Every warning sign's "Not sure" calls for care today at least, and its
/// "Yes" too: the table itself, not only the walk.
#[test]
fn warning_signs_never_reassure() {
    for q in QUESTIONS
        .iter()
        .filter(|q| q.part == CheckPart::WarningSigns)
    {
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
    assert!(
        text.contains("Do you have pain, tingling, numbness or weakness going down both legs? Yes")
    );
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
