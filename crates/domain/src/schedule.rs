//! Schedule and progress maths: training and rest days, the week's count,
//! adherence, streaks, phase progress, the strength check and pain guidance.

use crate::date::{Day, Weekday};
use crate::phase::Phase;
use crate::routine::trained;
use crate::state::{AppState, StrengthCheck};

/// The source's weekly target: three to four sessions.
pub const WEEK_TARGET_MIN: usize = 3;
pub const WEEK_TARGET_MAX: usize = 4;
/// Phase 1 lasts up to six weeks before hamstring-specific work is offered.
pub const FOUNDATION_WEEKS: i32 = 6;
/// The weaker leg must reach 90% of the stronger one before running.
pub const STRENGTH_RATIO_PERCENT: u32 = 90;

/// The days with at least one ticked set, in order.
pub fn training_days(state: &AppState) -> Vec<Day> {
    state
        .days
        .iter()
        .filter(|(_, log)| trained(log))
        .map(|(day, _)| *day)
        .collect()
}

/// What today is, for the banner on the routine page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TodayStatus {
    /// Already trained today.
    Trained,
    /// Trained yesterday: the source asks for a rest day in between.
    RestAdvised,
    /// The week's four sessions are done.
    WeekDone,
    /// A good day to train.
    TrainingDay,
}

pub fn today_status(state: &AppState, today: Day, week_start: Weekday) -> TodayStatus {
    if trained(state.day(today)) {
        TodayStatus::Trained
    } else if trained(state.day(today.plus(-1))) {
        TodayStatus::RestAdvised
    } else if sessions_in_week(state, today, week_start) >= WEEK_TARGET_MAX {
        TodayStatus::WeekDone
    } else {
        TodayStatus::TrainingDay
    }
}

/// Sessions in the week holding `day`.
pub fn sessions_in_week(state: &AppState, day: Day, week_start: Weekday) -> usize {
    let start = day.week_start(week_start);
    (0..7)
        .filter(|offset| trained(state.day(start.plus(*offset))))
        .count()
}

/// Whether `day` follows or precedes another training day (a warning, not a ban).
pub fn back_to_back(state: &AppState, day: Day) -> bool {
    trained(state.day(day)) && (trained(state.day(day.plus(-1))) || trained(state.day(day.plus(1))))
}

/// One week's adherence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekAdherence {
    pub start: Day,
    pub sessions: usize,
    pub met: bool,
}

/// The last `weeks` weeks up to and including the week holding `today`, oldest first.
pub fn adherence(
    state: &AppState,
    today: Day,
    week_start: Weekday,
    weeks: i32,
) -> Vec<WeekAdherence> {
    let this_week = today.week_start(week_start);
    (0..weeks)
        .rev()
        .map(|back| {
            let start = this_week.plus(-7 * back);
            let sessions = sessions_in_week(state, start, week_start);
            WeekAdherence {
                start,
                sessions,
                met: sessions >= WEEK_TARGET_MIN,
            }
        })
        .collect()
}

/// Consecutive weeks, ending with the last finished week (or this one once it
/// meets the target), with at least three sessions.
pub fn week_streak(state: &AppState, today: Day, week_start: Weekday) -> usize {
    let this_week = today.week_start(week_start);
    let mut streak = usize::from(sessions_in_week(state, this_week, week_start) >= WEEK_TARGET_MIN);
    let mut start = this_week.plus(-7);
    while sessions_in_week(state, start, week_start) >= WEEK_TARGET_MIN {
        streak += 1;
        start = start.plus(-7);
    }
    streak
}

/// Whole weeks since the current phase began.
pub fn weeks_in_phase(since: Day, today: Day) -> i32 {
    today.days_since(since).max(0) / 7
}

/// What the app may offer next; the user always confirms a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseOffer {
    None,
    /// Six weeks of phase 1 are done.
    Hamstring,
    /// The strength check passed with no pain at rest.
    ReturnToRun,
}

pub fn phase_offer(state: &AppState, today: Day) -> PhaseOffer {
    let Some(programme) = state.programme() else {
        return PhaseOffer::None;
    };
    match programme.phase {
        Phase::Foundation if weeks_in_phase(programme.since, today) >= FOUNDATION_WEEKS => {
            PhaseOffer::Hamstring
        }
        Phase::Hamstring if latest_strength_check(state).is_some_and(strength_ready) => {
            PhaseOffer::ReturnToRun
        }
        _ => PhaseOffer::None,
    }
}

pub fn latest_strength_check(state: &AppState) -> Option<StrengthCheck> {
    state.strength_checks.values().next_back().map(|r| r.value)
}

/// The weaker side as a whole percentage of the stronger.
pub fn strength_ratio_percent(check: StrengthCheck) -> u32 {
    let strong = check.left.max(check.right);
    if strong == 0 {
        return 0;
    }
    u32::from(check.left.min(check.right)) * 100 / u32::from(strong)
}

/// Strength nearly equal (weaker ≥ 90% of stronger) and no pain at rest.
pub fn strength_ready(check: StrengthCheck) -> bool {
    strength_ratio_percent(check) >= STRENGTH_RATIO_PERCENT && !check.pain_at_rest
}

/// The pain-monitoring model (Silbernagel et al., 2007), for a 0–10 rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PainZone {
    /// 0–3: safe.
    Safe,
    /// 4–5: acceptable.
    Acceptable,
    /// 6–10: too much; reduce the load.
    TooMuch,
}

pub fn pain_zone(rating: u8) -> PainZone {
    match rating {
        0..=3 => PainZone::Safe,
        4..=5 => PainZone::Acceptable,
        _ => PainZone::TooMuch,
    }
}

impl PainZone {
    pub fn advice(self) -> &'static str {
        match self {
            PainZone::Safe => "Up to 3 out of 10 is a safe level of pain during or after exercise.",
            PainZone::Acceptable => {
                "4 or 5 out of 10 is acceptable, as long as it settles by the next morning."
            }
            PainZone::TooMuch => "Above 5 out of 10 is too much: make the next session lighter.",
        }
    }
}

/// The 24-hour rule: pain should settle by the next morning. It has not if
/// the morning rating is above the safe zone or higher than right after.
pub fn settled_by_morning(after: u8, morning: u8) -> bool {
    pain_zone(morning) == PainZone::Safe || morning < after
}

/// Training days whose next-morning rating is still missing, most recent first:
/// the app asks about yesterday's session today.
pub fn morning_check_due(state: &AppState, today: Day) -> Option<Day> {
    let yesterday = today.plus(-1);
    let log = state.day(yesterday);
    (trained(log) && log.pain_next_morning.is_none()).then_some(yesterday)
}

/// Minutes and seconds left, as a countdown reads: "19:05".
pub fn countdown(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// Whole seconds until `due_ms`, never negative, rounding up so a countdown
/// shows 0:00 only when the time has come.
pub fn seconds_until(due_ms: f64, now_ms: f64) -> u32 {
    ((due_ms - now_ms) / 1000.0).ceil().max(0.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{DayLog, Programme, SetKey, Stamped};
    use hamstring_content::exercises::ExerciseId;
    use proptest::prelude::*;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    fn trained_log() -> DayLog {
        let mut log = DayLog::default();
        let key = SetKey {
            exercise: ExerciseId::GluteBridge,
            set: 1,
            side: None,
        };
        log.sets.insert(key, Stamped::new(1, true));
        log
    }

    fn with_sessions(days: &[&str]) -> AppState {
        let mut state = AppState::default();
        for d in days {
            state.days.insert(day(d), trained_log());
        }
        state
    }

    #[test]
    fn today_status_rules() {
        let mon = day("2026-11-23");
        let state = with_sessions(&["2026-11-23"]);
        assert_eq!(
            today_status(&state, mon, Weekday::Mon),
            TodayStatus::Trained
        );
        assert_eq!(
            today_status(&state, mon.plus(1), Weekday::Mon),
            TodayStatus::RestAdvised
        );
        assert_eq!(
            today_status(&state, mon.plus(2), Weekday::Mon),
            TodayStatus::TrainingDay
        );
        let full = with_sessions(&["2026-11-23", "2026-11-25", "2026-11-27", "2026-11-28"]);
        assert_eq!(
            today_status(&full, day("2026-11-29").plus(1), Weekday::Mon),
            TodayStatus::TrainingDay
        );
        let full_week = with_sessions(&["2026-11-23", "2026-11-24", "2026-11-26", "2026-11-27"]);
        assert_eq!(
            today_status(&full_week, day("2026-11-29"), Weekday::Mon),
            TodayStatus::WeekDone
        );
    }

    #[test]
    fn back_to_back_is_flagged_on_both_days() {
        let state = with_sessions(&["2026-11-23", "2026-11-24", "2026-11-26"]);
        assert!(back_to_back(&state, day("2026-11-23")));
        assert!(back_to_back(&state, day("2026-11-24")));
        assert!(!back_to_back(&state, day("2026-11-26")));
        assert!(!back_to_back(&state, day("2026-11-25")));
    }

    #[test]
    fn weeks_follow_the_locale_start_across_the_year_end() {
        // Sessions on Sun 28 Dec 2025 and Thu 1 Jan 2026.
        let state = with_sessions(&["2025-12-28", "2026-01-01"]);
        let new_year = day("2026-01-01");
        // A Monday week starts Mon 29 Dec, so Sunday 28 Dec falls in the week before.
        assert_eq!(sessions_in_week(&state, new_year, Weekday::Mon), 1);
        assert_eq!(sessions_in_week(&state, day("2025-12-27"), Weekday::Mon), 1);
        // Sunday and Saturday weeks both hold the two sessions.
        assert_eq!(sessions_in_week(&state, new_year, Weekday::Sun), 2);
        assert_eq!(sessions_in_week(&state, new_year, Weekday::Sat), 2);
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
        let weeks = adherence(&state, today, Weekday::Mon, 4);
        let counts: Vec<_> = weeks.iter().map(|w| w.sessions).collect();
        assert_eq!(counts, vec![3, 4, 1, 3]);
        assert_eq!(weeks[0].start, day("2026-11-02"));
        assert_eq!(week_streak(&state, today, Weekday::Mon), 1);
        assert_eq!(week_streak(&state, day("2026-11-16"), Weekday::Mon), 2);
    }

    #[test]
    fn phase_offers() {
        let mut state = AppState::default();
        let start = day("2026-10-01");
        state.programme = Some(Stamped::new(
            1,
            Programme {
                phase: Phase::Foundation,
                since: start,
            },
        ));
        assert_eq!(phase_offer(&state, start.plus(41)), PhaseOffer::None);
        assert_eq!(phase_offer(&state, start.plus(42)), PhaseOffer::Hamstring);
        state.programme = Some(Stamped::new(
            2,
            Programme {
                phase: Phase::Hamstring,
                since: start,
            },
        ));
        assert_eq!(phase_offer(&state, start.plus(60)), PhaseOffer::None);
        let check = |left, right, pain_at_rest| StrengthCheck {
            left,
            right,
            pain_at_rest,
        };
        state
            .strength_checks
            .insert(start.plus(50), Stamped::new(3, check(18, 20, false)));
        assert_eq!(phase_offer(&state, start.plus(60)), PhaseOffer::ReturnToRun);
        state
            .strength_checks
            .insert(start.plus(55), Stamped::new(4, check(17, 20, false)));
        assert_eq!(phase_offer(&state, start.plus(60)), PhaseOffer::None);
        state
            .strength_checks
            .insert(start.plus(56), Stamped::new(5, check(20, 20, true)));
        assert_eq!(phase_offer(&state, start.plus(60)), PhaseOffer::None);
    }

    #[test]
    fn strength_ratio_edges() {
        let check = |left, right| StrengthCheck {
            left,
            right,
            pain_at_rest: false,
        };
        assert!(strength_ready(check(9, 10)));
        assert!(strength_ready(check(10, 9)));
        assert!(!strength_ready(check(8, 9))); // 88%
        assert!(!strength_ready(check(0, 0)));
        assert_eq!(strength_ratio_percent(check(0, 12)), 0);
    }

    #[test]
    fn pain_zones_match_the_model() {
        let zones: Vec<_> = (0..=10).map(pain_zone).collect();
        assert_eq!(&zones[..4], &[PainZone::Safe; 4]);
        assert_eq!(&zones[4..6], &[PainZone::Acceptable; 2]);
        assert_eq!(&zones[6..], &[PainZone::TooMuch; 5]);
        assert!(settled_by_morning(5, 2));
        assert!(settled_by_morning(5, 4));
        assert!(!settled_by_morning(4, 4));
        assert!(!settled_by_morning(2, 5));
    }

    #[test]
    fn morning_check_is_due_the_day_after_training() {
        let mut state = with_sessions(&["2026-11-24"]);
        assert_eq!(
            morning_check_due(&state, day("2026-11-25")),
            Some(day("2026-11-24"))
        );
        assert_eq!(morning_check_due(&state, day("2026-11-26")), None);
        state
            .days
            .get_mut(&day("2026-11-24"))
            .unwrap()
            .pain_next_morning = Some(Stamped::new(2, 1));
        assert_eq!(morning_check_due(&state, day("2026-11-25")), None);
    }

    #[test]
    fn countdowns() {
        assert_eq!(countdown(20 * 60), "20:00");
        assert_eq!(countdown(65), "1:05");
        assert_eq!(countdown(0), "0:00");
        assert_eq!(seconds_until(10_000.0, 8_500.0), 2);
        assert_eq!(seconds_until(10_000.0, 10_000.0), 0);
        assert_eq!(seconds_until(10_000.0, 12_000.0), 0);
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
            let weeks = adherence(&state, base.plus(69), first, 12);
            let total: usize = weeks.iter().map(|w| w.sessions).sum();
            prop_assert_eq!(total, offsets.len());
            for w in &weeks {
                prop_assert!(w.sessions <= 7);
                prop_assert_eq!(w.start.weekday(), first);
            }
        }
    }
}
