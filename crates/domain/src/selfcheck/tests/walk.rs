//! The exhaustive walk: every combination of answers the check can be
//! given, each triaged safely.

use super::super::*;
use hamstring_content::selfcheck::CheckPart;

/// Walks every path through the check: at each step, every option of the
/// next question, until the flow is complete; `visit` sees each completed
/// set of answers as it is reached (none is kept: there are over 200,000).
fn for_each_completed_check(visit: &mut impl FnMut(&Answers)) {
    fn walk(answers: &mut Answers, visit: &mut impl FnMut(&Answers)) {
        match next_unanswered(answers) {
            None => visit(answers),
            Some(question) => {
                for choice in question.choices {
                    answers.insert(question.id.into(), vec![choice.id.into()]);
                    walk(answers, visit);
                }
                answers.remove(question.id);
            }
        }
    }
    walk(&mut Answers::new(), visit);
}

/// Each answer in the flow that calls for care sets the level at least as
/// urgent and is named in the result; "Not sure" on a warning sign means
/// care today or sooner.
fn assert_every_flagged_answer_counts(
    answers: &Answers,
    result: &Triage,
    asked: &[&'static Question],
) {
    let given: Vec<&Reason> = result.reasons.iter().chain(&result.also).collect();
    for question in asked {
        let choice = picked(question, answers).expect("every asked question is answered");
        if let Some(flag) = choice.flag {
            assert!(result.level <= flag.level, "{answers:?}");
            assert!(
                given
                    .iter()
                    .any(|r| r.question == question.id && r.choice == choice.id),
                "{}:{} missing from the result: {answers:?}",
                question.id,
                choice.id
            );
        }
        if question.part == CheckPart::WarningSigns && choice.id == NOT_SURE {
            assert!(result.level <= Level::Urgent, "{answers:?}");
        }
    }
}

/// Only an emergency ends the check before every same-day sign is heard,
/// and stopping early never skips a question that could be more urgent.
fn assert_stopping_early_skips_nothing_urgent(
    answers: &Answers,
    result: &Triage,
    asked: &[&'static Question],
) {
    let was_asked = |id: &str| asked.iter().any(|a| a.id == id);
    for question in QUESTIONS {
        let worst = question
            .choices
            .iter()
            .filter_map(|c| c.flag.map(|f| f.level))
            .min();
        if result.level != Level::Emergency && worst.is_some_and(|w| w <= Level::Urgent) {
            assert!(
                was_asked(question.id),
                "{} not asked: {answers:?}",
                question.id
            );
        }
        if !was_asked(question.id) {
            assert!(
                worst.is_none_or(|worst| worst >= result.level),
                "{} skipped: {answers:?}",
                question.id
            );
        }
    }
}

/// Self-care only when nothing calls for care, after every question, on the
/// typical pattern; no routine offer ("back first") before a doctor.
fn assert_reassurance_only_on_the_typical_pattern(
    answers: &Answers,
    result: &Triage,
    asked: usize,
) {
    assert_eq!(
        result.reasons.is_empty(),
        result.level == Level::SelfCare,
        "{answers:?}"
    );
    if result.level == Level::SelfCare {
        assert_eq!(
            asked,
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

/// Exhaustive over every combination of answers the check can be given:
/// the level is at least as urgent as any answer in the flow calls for;
/// "Not sure" on a warning sign always means care today or sooner; an
/// emergency or same-day result never counts as the typical pattern.
#[test]
fn every_answer_combination_is_triaged_safely() {
    let mut by_level = BTreeMap::new();
    let mut checks = 0;
    for_each_completed_check(&mut |answers| {
        let result = triage(answers);
        let asked = flow(answers);
        assert_every_flagged_answer_counts(answers, &result, &asked);
        assert_stopping_early_skips_nothing_urgent(answers, &result, &asked);
        assert_reassurance_only_on_the_typical_pattern(answers, &result, asked.len());
        *by_level.entry(result.level).or_insert(0) += 1;
        checks += 1;
    });
    // The walk covers every level and a meaningful number of paths.
    assert_eq!(by_level.len(), 4, "{by_level:?}");
    assert!(checks > 200_000, "{checks}");
}
