//! The week: training and rest days, the week's count, adherence, streaks,
//! and which session's morning after is asked about.

use crate::date::{Day, Weekday};
use crate::state::{day_log, AppState, Days};

/// The source's weekly target: three to four sessions.
pub const WEEK_TARGET_MIN: usize = 3;
pub const WEEK_TARGET_MAX: usize = 4;

/// The days with at least one ticked set, in order.
pub fn training_days(days: &Days) -> Vec<Day> {
    days.iter()
        .filter(|(_, log)| log.trained())
        .map(|(day, _)| *day)
        .collect()
}

/// What the plan says about today, for the banner on the routine page.
/// Today's own ticks do not change it: a rest day stays a rest day even
/// after someone trains anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TodayStatus {
    /// Trained yesterday: the source asks for a rest day in between.
    RestAdvised,
    /// The week's four sessions are done.
    WeekDone,
    /// A good day to train.
    TrainingDay,
}

pub fn today_status(days: &Days, today: Day, week_start: Weekday) -> TodayStatus {
    let trained_today = usize::from(day_log(days, today).trained());
    if day_log(days, today.plus(-1)).trained() {
        TodayStatus::RestAdvised
    } else if sessions_in_week(days, today, week_start) - trained_today >= WEEK_TARGET_MAX {
        TodayStatus::WeekDone
    } else {
        TodayStatus::TrainingDay
    }
}

/// Sessions in the week holding `day`.
pub fn sessions_in_week(days: &Days, day: Day, week_start: Weekday) -> usize {
    let start = day.week_start(week_start);
    (0..7)
        .filter(|offset| day_log(days, start.plus(*offset)).trained())
        .count()
}

/// Whether `day` follows or precedes another training day (a warning, not a ban).
pub fn back_to_back(days: &Days, day: Day) -> bool {
    let trained = |day: Day| day_log(days, day).trained();
    trained(day) && (trained(day.plus(-1)) || trained(day.plus(1)))
}

/// The day the person's records begin: the earliest phase start, day log,
/// symptom score, strength check or run. Progress counts weeks from here,
/// not from before they started.
pub fn first_record(state: &AppState) -> Option<Day> {
    let logged = state
        .days
        .iter()
        .find(|(_, log)| log.has_records())
        .map(|(day, _)| *day);
    [
        logged,
        state.programme().map(|p| p.since),
        state.phase_history.keys().next().copied(),
        state.symptom_scores.keys().next().copied(),
        state.strength_checks.keys().next().copied(),
        state.runs.keys().next().copied(),
    ]
    .into_iter()
    .flatten()
    .min()
}

/// One week's adherence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekAdherence {
    pub start: Day,
    pub sessions: usize,
    pub met: bool,
}

/// The last `weeks` weeks up to and including the week holding `today`, oldest first.
pub fn adherence(days: &Days, today: Day, week_start: Weekday, weeks: i32) -> Vec<WeekAdherence> {
    let this_week = today.week_start(week_start);
    (0..weeks)
        .rev()
        .map(|back| {
            let start = this_week.plus(-7 * back);
            let sessions = sessions_in_week(days, start, week_start);
            WeekAdherence {
                start,
                sessions,
                met: sessions >= WEEK_TARGET_MIN,
            }
        })
        .collect()
}

/// Up to `weeks` weeks as `adherence`, none before the week of the first
/// record (`first_record`); none at all before any record.
pub fn recorded_weeks(
    days: &Days,
    first: Option<Day>,
    today: Day,
    week_start: Weekday,
    weeks: i32,
) -> Vec<WeekAdherence> {
    let Some(first) = first else {
        return Vec::new();
    };
    let first_week = first.week_start(week_start);
    let mut weeks = adherence(days, today, week_start, weeks);
    weeks.retain(|week| week.start >= first_week);
    weeks
}

/// Consecutive weeks, ending with the last finished week (or this one once it
/// meets the target), with at least three sessions.
pub fn week_streak(days: &Days, today: Day, week_start: Weekday) -> usize {
    let this_week = today.week_start(week_start);
    let mut streak = usize::from(sessions_in_week(days, this_week, week_start) >= WEEK_TARGET_MIN);
    let mut start = this_week.plus(-7);
    while sessions_in_week(days, start, week_start) >= WEEK_TARGET_MIN {
        streak += 1;
        start = start.plus(-7);
    }
    streak
}

/// How far back the routine still asks about a session's morning after.
pub const MORNING_CHECK_DAYS: i32 = 14;

/// The session whose morning after the routine asks about today: the last
/// session before today, if it was yesterday (rated or not, so the rating
/// can be changed all day) or is still unrated. A runner who skipped the app
/// the next day is asked on the next opening, so the plan can still act on it.
pub fn morning_check_day(days: &Days, today: Day) -> Option<Day> {
    let last = (1..=MORNING_CHECK_DAYS)
        .map(|back| today.plus(-back))
        .find(|day| day_log(days, *day).trained())?;
    let unrated = day_log(days, last).pain_next_morning.is_none();
    (last == today.plus(-1) || unrated).then_some(last)
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::testing::{day, trained_log, with_sessions};
    use crate::state::{Stamped, StrengthCheck};
    use proptest::prelude::*;

    #[test]
    fn today_status_rules() {
        let mon = day("2026-11-23");
        let state = with_sessions(&["2026-11-23"]);
        // Training today does not turn today into a rest day.
        assert_eq!(
            today_status(&state.days, mon, Weekday::Mon),
            TodayStatus::TrainingDay
        );
        assert_eq!(
            today_status(&state.days, mon.plus(1), Weekday::Mon),
            TodayStatus::RestAdvised
        );
        assert_eq!(
            today_status(&state.days, mon.plus(2), Weekday::Mon),
            TodayStatus::TrainingDay
        );
        let full = with_sessions(&["2026-11-23", "2026-11-25", "2026-11-27", "2026-11-28"]);
        assert_eq!(
            today_status(&full.days, day("2026-11-29").plus(1), Weekday::Mon),
            TodayStatus::TrainingDay
        );
        let full_week = with_sessions(&["2026-11-23", "2026-11-24", "2026-11-26", "2026-11-27"]);
        assert_eq!(
            today_status(&full_week.days, day("2026-11-29"), Weekday::Mon),
            TodayStatus::WeekDone
        );
        // Ticking a set on a rest day keeps the warning.
        let trained_anyway = with_sessions(&["2026-11-23", "2026-11-24"]);
        assert_eq!(
            today_status(&trained_anyway.days, day("2026-11-24"), Weekday::Mon),
            TodayStatus::RestAdvised
        );
        let fifth = with_sessions(&[
            "2026-11-23",
            "2026-11-25",
            "2026-11-27",
            "2026-11-28",
            "2026-11-29",
        ]);
        assert_eq!(
            today_status(&fifth.days, day("2026-11-29"), Weekday::Mon),
            TodayStatus::RestAdvised
        );
        let fifth_apart = with_sessions(&[
            "2026-11-23",
            "2026-11-24",
            "2026-11-26",
            "2026-11-27",
            "2026-11-29",
        ]);
        assert_eq!(
            today_status(&fifth_apart.days, day("2026-11-29"), Weekday::Mon),
            TodayStatus::WeekDone
        );
    }

    #[test]
    fn back_to_back_is_flagged_on_both_days() {
        let state = with_sessions(&["2026-11-23", "2026-11-24", "2026-11-26"]);
        assert!(back_to_back(&state.days, day("2026-11-23")));
        assert!(back_to_back(&state.days, day("2026-11-24")));
        assert!(!back_to_back(&state.days, day("2026-11-26")));
        assert!(!back_to_back(&state.days, day("2026-11-25")));
    }

    #[test]
    fn weeks_follow_the_locale_start_across_the_year_end() {
        // Sessions on Sun 28 Dec 2025 and Thu 1 Jan 2026.
        let state = with_sessions(&["2025-12-28", "2026-01-01"]);
        let new_year = day("2026-01-01");
        // A Monday week starts Mon 29 Dec, so Sunday 28 Dec falls in the week before.
        assert_eq!(sessions_in_week(&state.days, new_year, Weekday::Mon), 1);
        assert_eq!(
            sessions_in_week(&state.days, day("2025-12-27"), Weekday::Mon),
            1
        );
        // Sunday and Saturday weeks both hold the two sessions.
        assert_eq!(sessions_in_week(&state.days, new_year, Weekday::Sun), 2);
        assert_eq!(sessions_in_week(&state.days, new_year, Weekday::Sat), 2);
    }

    #[test]
    fn adherence_and_streak() {
        let state = with_sessions(&[
            "2026-11-02",
            "2026-11-04",
            "2026-11-06", // week of 2 Nov: 3
            "2026-11-09",
            "2026-11-11",
            "2026-11-13",
            "2026-11-15", // week of 9 Nov: 4
            "2026-11-17", // week of 16 Nov: 1
            "2026-11-23",
            "2026-11-25",
            "2026-11-27", // this week: 3
        ]);
        let today = day("2026-11-27");
        let weeks = adherence(&state.days, today, Weekday::Mon, 4);
        let counts: Vec<_> = weeks.iter().map(|w| w.sessions).collect();
        assert_eq!(counts, vec![3, 4, 1, 3]);
        assert_eq!(weeks[0].start, day("2026-11-02"));
        assert_eq!(week_streak(&state.days, today, Weekday::Mon), 1);
        assert_eq!(week_streak(&state.days, day("2026-11-16"), Weekday::Mon), 2);
    }

    #[test]
    fn weeks_begin_with_the_first_record() {
        let today = day("2026-11-27");
        assert_eq!(first_record(&AppState::default()), None);
        assert!(recorded_weeks(&AppState::default().days, None, today, Weekday::Mon, 8).is_empty());
        // A first session on Wednesday 18 November: two weeks, not eight.
        let mut state = with_sessions(&["2026-11-18", "2026-11-25"]);
        let weeks = recorded_weeks(&state.days, first_record(&state), today, Weekday::Mon, 8);
        let starts: Vec<_> = weeks.iter().map(|w| w.start).collect();
        assert_eq!(starts, vec![day("2026-11-16"), day("2026-11-23")]);
        // A strength check before the first session starts the record.
        state.strength_checks.insert(
            day("2026-11-10"),
            Stamped::new(
                1,
                StrengthCheck {
                    left: 10,
                    right: 10,
                    pain_at_rest: false,
                },
            ),
        );
        assert_eq!(first_record(&state), Some(day("2026-11-10")));
        assert_eq!(
            recorded_weeks(&state.days, first_record(&state), today, Weekday::Mon, 8).len(),
            3
        );
        // Never more than asked for.
        assert_eq!(
            recorded_weeks(&state.days, first_record(&state), today, Weekday::Mon, 2).len(),
            2
        );
    }

    #[test]
    fn the_morning_after_can_be_rated_on_a_later_day() {
        let mut state = with_sessions(&["2026-11-20", "2026-11-24"]);
        let tuesday = Some(day("2026-11-24"));
        assert_eq!(morning_check_day(&state.days, day("2026-11-25")), tuesday);
        // Not opened on Wednesday: asked on Friday, about the last session only.
        assert_eq!(morning_check_day(&state.days, day("2026-11-27")), tuesday);
        state
            .days
            .get_mut(&day("2026-11-24"))
            .unwrap()
            .pain_next_morning = Some(Stamped::new(2, 1));
        // Rated: still shown the next day, to change it; not after.
        assert_eq!(morning_check_day(&state.days, day("2026-11-25")), tuesday);
        assert_eq!(morning_check_day(&state.days, day("2026-11-27")), None);
        // Two weeks on, no longer asked.
        let old = with_sessions(&["2026-11-01"]);
        assert_eq!(morning_check_day(&old.days, day("2026-11-16")), None);
        assert_eq!(
            morning_check_day(&old.days, day("2026-11-15")),
            Some(day("2026-11-01"))
        );
    }

    proptest! {
        #[test]
        fn week_counts_add_up(offsets in proptest::collection::btree_set(0i32..70, 0..40), first in 0usize..7) {
            let first = Weekday::ALL[first];
            let base = day("2026-03-01"); // spans the spring DST change in many zones
            let mut state = AppState::default();
            for offset in &offsets {
                state.days.insert(base.plus(*offset), trained_log());
            }
            let weeks = adherence(&state.days, base.plus(69), first, 12);
            let total: usize = weeks.iter().map(|w| w.sessions).sum();
            prop_assert_eq!(total, offsets.len());
            for w in &weeks {
                prop_assert!(w.sessions <= 7);
                prop_assert_eq!(w.start.weekday(), first);
            }
        }
    }
}
