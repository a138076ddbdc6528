//! The summary read as a physiotherapist would: each kind of record for
//! the period, where the period starts, and the latest self-check.

use super::*;
use crate::phase::Phase;
use crate::state::{Programme, RunEntry, SetKey, Stamped, StrengthCheck};

/// A session, a strength check and two runs in the last days before
/// `today`, and a session two months before.
fn records_before(today: Day) -> AppState {
    let mut state = AppState {
        programme: Some(Stamped::new(
            1,
            Programme {
                phase: Phase::Hamstring,
                since: today.plus(-20),
            },
        )),
        ..AppState::default()
    };
    let key: SetKey = "glute-bridge:1".parse().unwrap();
    let log = state.days.entry(today.plus(-3)).or_default();
    log.sets.insert(key, Stamped::new(1, true));
    log.pain_before = Some(Stamped::new(1, 2));
    log.pain_after = Some(Stamped::new(1, 4));
    log.pain_next_morning = Some(Stamped::new(2, 2));
    log.loads
        .insert(ExerciseId::RomanianDeadlift, Stamped::new(1, Some(75)));
    // Outside the period: left out.
    state
        .days
        .entry(today.plus(-60))
        .or_default()
        .sets
        .insert(key, Stamped::new(1, true));
    state.strength_checks.insert(
        today.plus(-2),
        Stamped::new(
            1,
            StrengthCheck {
                left: 18,
                right: 20,
                pain_at_rest: false,
            },
        ),
    );
    let run = |minutes, pain_now, morning| {
        let pain_next_morning = Some(morning);
        Stamped::new(
            1,
            RunEntry {
                minutes,
                pain_now,
                pain_next_morning,
            },
        )
    };
    state.runs.insert(today.plus(-1), run(15, 2, 1));
    // A run above 5 did not settle, whatever the morning says.
    state.runs.insert(today.plus(-3), run(20, 8, 3));
    state
}

#[test]
fn the_summary_holds_each_kind_of_record_for_the_period() {
    let today = Day::parse("2026-11-26").unwrap();
    let state = records_before(today);
    let text = physio_summary(&state, today.plus(-27), today, Weekday::Mon);
    assert!(
        text.contains("Phase 2 · Hamstring work, since Fri 6 November 2026 (2 weeks)"),
        "{text}"
    );
    assert!(text.contains("23 Nov: 2 / 4 / 2 (settled)"), "{text}");
    assert!(
        text.contains("7.5 kg from 23 Nov (1 session with"),
        "{text}"
    );
    assert!(
        text.contains("left 18, right 20; weaker side 90%"),
        "{text}"
    );
    assert!(
        text.contains("25 Nov: 15 min, pain 2 after, 1 next morning, settled"),
        "{text}"
    );
    assert!(
        text.contains("23 Nov: 20 min, pain 8 after, 3 next morning, did not settle"),
        "{text}"
    );
    assert!(!text.contains("27 Sep"), "outside the period");
    assert!(text.contains("not a diagnosis"));
    assert!(
        text.contains("LATEST SELF-CHECK\n-----------------\nNone taken."),
        "{text}"
    );
}

#[test]
fn the_period_starts_at_the_first_record_and_loads_show_each_change() {
    let today = Day::parse("2026-11-26").unwrap();
    let mut state = AppState::default();
    let key: SetKey = "glute-bridge:1".parse().unwrap();
    for (offset, load) in [(-9, 50), (-7, 50), (-5, 60), (-2, 50)] {
        let log = state.days.entry(today.plus(offset)).or_default();
        log.sets.insert(key, Stamped::new(1, true));
        log.loads
            .insert(ExerciseId::RomanianDeadlift, Stamped::new(1, Some(load)));
    }
    let report = physio_report(&state, today.plus(-83), today, Weekday::Mon);
    // Started on Tue 17 November: two weeks, not twelve.
    assert_eq!(report.from, today.plus(-9));
    let starts: Vec<_> = report.weeks.iter().map(|w| w.start).collect();
    assert_eq!(starts, vec![today.plus(-10), today.plus(-3)]);
    assert_eq!(
        report.loads_line().unwrap(),
        "5 kg from 17 Nov, 6 kg from 21 Nov, 5 kg from 24 Nov (4 sessions with a weight logged)"
    );
    assert_eq!(
        report.weeks_line(),
        "4 sessions in 2 weeks: 2 a week on average. 1 of 2 reached the aim of 3 to 4."
    );
    assert_eq!(time_since(today.plus(-1), today), "1 day");
    assert_eq!(time_since(today.plus(-13), today), "1 week");
}

#[test]
fn the_latest_self_check_gives_its_level_and_reasons() {
    use crate::selfcheck::{triage, Answers};
    use crate::state::CheckResult;
    use hamstring_content::selfcheck::QUESTIONS;
    let today = Day::parse("2026-11-26").unwrap();
    // The first answer of each question that carries a warning flag.
    let mut answers = Answers::new();
    let question = QUESTIONS
        .iter()
        .find(|q| q.choices.iter().any(|c| c.flag.is_some()))
        .unwrap();
    let choice = question.choices.iter().find(|c| c.flag.is_some()).unwrap();
    answers.insert(question.id.to_string(), vec![choice.id.to_string()]);
    let triaged = triage(&answers);
    let title = level_text(triaged.level).title;
    let mut state = AppState::default();
    state.check_results.insert(
        5,
        Stamped::new(
            5,
            CheckResult {
                day: today,
                answers,
                verdict: Verdict::Triage(triaged),
            },
        ),
    );
    let text = physio_summary(&state, today.plus(-27), today, Weekday::Mon);
    let flag = choice.flag.unwrap();
    assert!(
        text.contains(&format!("{}: {title}", today.long_label())),
        "{text}"
    );
    assert!(text.contains(&format!("- {}", flag.reason)), "{text}");
}
