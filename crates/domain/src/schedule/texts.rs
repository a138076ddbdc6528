//! The texts that state a rule's numbers, checked against the rules' own
//! constants.

use super::*;
use crate::pain::{ACCEPTABLE, SAFE};
use crate::running::SETTLED_RUNS_TO_MOVE_UP;
use hamstring_content::{guide, phases, routine as text, selfcheck};

/// A small number as the texts spell it.
fn word(n: usize) -> &'static str {
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven",
    ][n]
}

/// A text and the numbers it must state.
type Case = (&'static str, Vec<String>);

fn breaks() -> String {
    format!(
        "{}–{} minutes",
        SOURCE_BREAK_MINUTES.start(),
        SOURCE_BREAK_MINUTES.end()
    )
}

fn too_much() -> String {
    format!("above {ACCEPTABLE} out of 10")
}

/// The pain zones and what they mean for today and the next session.
fn pain_cases() -> Vec<Case> {
    vec![
        (text::PAIN_SAFE, vec![format!("Up to {SAFE} out of 10")]),
        (
            text::PAIN_ACCEPTABLE,
            vec![format!("{} or {ACCEPTABLE} out of 10", SAFE + 1)],
        ),
        (
            text::PAIN_TOO_MUCH,
            vec![format!("Above {ACCEPTABLE} out of 10")],
        ),
        (text::REST_SUGGESTED, vec![too_much()]),
        (text::PAIN_BEFORE_WHY, vec![format!("{ACCEPTABLE} or less")]),
        (
            text::NOT_SETTLED_NO_BASELINE,
            vec![format!("above {SAFE} out of 10")],
        ),
        (
            text::TOO_MUCH_MORNING,
            vec![format!("more than {ACCEPTABLE} out of 10")],
        ),
        (text::TOO_MUCH_DURING, vec![too_much()]),
        (text::LIGHTER_TODAY_DURING, vec![too_much()]),
        (text::REST_TODAY_PAIN, vec![too_much()]),
        (
            text::REST_TODAY_WEEK_DONE,
            vec![format!("{} sessions this week", word(WEEK_TARGET_MAX))],
        ),
    ]
}

/// Moving on through the phases, running and more weight.
fn progress_cases() -> Vec<Case> {
    let weeks = |days: i32| word(((days + 1) / 7) as usize);
    vec![
        (
            text::FOUNDATION_RULE,
            vec![
                format!("at least {FOUNDATION_SESSIONS} sessions"),
                format!("over {} weeks or more", weeks(FOUNDATION_SPAN_DAYS)),
                format!("last {SETTLED_IN_A_ROW} rated sessions"),
                format!("no higher than {ACCEPTABLE} out of 10"),
            ],
        ),
        (
            text::FOUNDATION_SEE_PHYSIO,
            vec![format!(
                "{} weeks into phase 1",
                word(FOUNDATION_WEEKS as usize)
            )],
        ),
        (
            text::STRENGTH_RULE,
            vec![
                "at least a week apart".to_string(),
                format!("{STRENGTH_RATIO_PERCENT}% or more"),
            ],
        ),
        (text::STRENGTH_READY, vec!["a week apart".to_string()]),
        (
            text::RUN_RULE,
            vec![
                format!("{} runs in a row", word(SETTLED_RUNS_TO_MOVE_UP)),
                format!("{ACCEPTABLE} out of 10 or less"),
                format!("({SAFE} or less)"),
                format!("above {ACCEPTABLE}"),
            ],
        ),
        (text::RUN_TOO_MUCH, vec![too_much()]),
        (
            text::ADD_LOAD,
            vec![
                format!("last {} sessions", word(SESSIONS_BEFORE_MORE_LOAD)),
                format!("{SAFE} or less"),
            ],
        ),
    ]
}

/// The timers' figures, where the source gives them.
fn source_cases() -> Vec<Case> {
    let breaks = breaks();
    vec![
        (
            text::REST_DIFFERS,
            vec![format!("rest {SOURCE_REST_SECS} seconds")],
        ),
        (text::BREAK_DIFFERS, vec![breaks.clone()]),
        (
            phases::FOUNDATION.purpose,
            vec![format!("up to {} weeks", word(FOUNDATION_WEEKS as usize))],
        ),
        (phases::FOUNDATION.habits[1], vec![breaks.clone()]),
        (phases::HAMSTRING.habits[1], vec![breaks.clone()]),
        (phases::RETURN_TO_RUN.habits[1], vec![breaks.clone()]),
        (
            selfcheck::level_text(selfcheck::Level::SelfCare).action[1],
            vec![breaks.clone()],
        ),
    ]
}

/// Every number a text states about a rule is the rule's own constant:
/// change one without the other and this fails.
#[test]
fn texts_state_the_numbers_the_rules_use() {
    assert_eq!(
        STRENGTH_CHECKS_APART_DAYS, 7,
        "the texts say 'a week apart'"
    );
    let cases = [pain_cases(), progress_cases(), source_cases()].concat();
    for (text, numbers) in &cases {
        for number in numbers {
            assert!(
                text.to_lowercase().contains(&number.to_lowercase()),
                "{text:?} should say {number:?}"
            );
        }
    }
}

/// The guide states the source's numbers, which the rules follow, and the
/// settings start at them.
#[test]
fn the_guide_and_the_defaults_follow_the_source() {
    let guide: String = guide::SECTIONS
        .iter()
        .flat_map(|s| s.blocks)
        .map(|b| format!("{b:?}"))
        .collect();
    for number in [
        breaks(),
        format!("up to {} weeks", word(FOUNDATION_WEEKS as usize)),
        format!("up to {SAFE} out of 10"),
        format!("up to {ACCEPTABLE} is acceptable"),
    ] {
        assert!(guide.contains(&number), "the guide should say {number:?}");
    }
    // The defaults are the source's values.
    let defaults = crate::state::Settings::default();
    assert!(!rest_differs_from_source(defaults.rest_secs));
    assert!(!break_differs_from_source(defaults.break_minutes));
}
