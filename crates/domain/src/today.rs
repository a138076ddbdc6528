//! What today is on the routine, said first: a training or a rest day, the
//! session as planned or lighter, and why; and the set to do next.

use crate::date::{Day, Weekday};
use crate::pain::{plan, NextSession, Why};
use crate::routine::SetTarget;
use crate::schedule::{today_status, TodayStatus};
use crate::state::{DayLog, Days};

/// Why today is a rest day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestBecause {
    /// This morning's pain after the last session was above 5/10.
    PainThisMorning,
    /// Trained yesterday: the source asks for a rest day in between.
    TrainedYesterday,
    /// The week's four sessions are done.
    WeekDone,
}

/// Why today's session is lighter than planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LighterBecause {
    /// The last session's pain did not settle by the next morning.
    NotSettled,
    /// The last session itself went above 5/10.
    TooMuchDuring,
    /// Next-morning pain is building from week to week.
    Trend,
}

/// Today, as the top of the routine says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Today {
    /// `Some` on a rest day. Today's own ticks do not change it: a rest day
    /// stays one after someone trains anyway.
    pub rest: Option<RestBecause>,
    /// `Some` when a training day's session is lighter than planned.
    pub lighter: Option<LighterBecause>,
    /// The session's sets are the lighter ones: on a lighter day, and on a
    /// rest day after pain (the next session is lighter, even today's).
    pub lighter_sets: bool,
}

impl Today {
    pub fn is_rest_day(self) -> bool {
        self.rest.is_some()
    }
}

/// Today's status from the pain ratings (`pain::plan`) and the week's
/// sessions (`schedule::today_status`); pain comes first.
pub fn today(days: &Days, day: Day, week_start: Weekday) -> Today {
    let plan = plan(days, day, week_start);
    let rest = match (plan.next, today_status(days, day, week_start)) {
        (NextSession::RestFirst, _) => Some(RestBecause::PainThisMorning),
        (_, TodayStatus::RestAdvised) => Some(RestBecause::TrainedYesterday),
        (_, TodayStatus::WeekDone) => Some(RestBecause::WeekDone),
        (_, TodayStatus::TrainingDay) => None,
    };
    let lighter = (plan.next == NextSession::Lighter).then(|| match plan.because_of {
        _ if plan.lighter_for_the_trend() => LighterBecause::Trend,
        Some((_, decision)) if matches!(decision.why, Why::TooMuchDuring { .. }) => {
            LighterBecause::TooMuchDuring
        }
        _ => LighterBecause::NotSettled,
    });
    Today {
        rest,
        lighter: lighter.filter(|_| rest.is_none()),
        lighter_sets: plan.next != NextSession::AsPlanned,
    }
}

/// The set to do next: the first required set of the session not yet
/// ticked, in the session's order; then the first optional one; `None` once
/// every set still in the session is done.
pub fn next_set(targets: &[SetTarget], log: &DayLog) -> Option<SetTarget> {
    let open = |optional: bool| {
        targets
            .iter()
            .find(|t| t.dropped.is_none() && t.optional == optional && !log.is_done(t.key))
            .copied()
    };
    open(false).or_else(|| open(true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phase::Phase;
    use crate::routine::{session_targets, set_targets};
    use crate::state::{AppState, Stamped};
    use hamstring_content::exercises::ExerciseId;

    const MON: Weekday = Weekday::Mon;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    /// A session with every phase-1 set ticked and its ratings.
    fn session(after: u8, morning: Option<u8>) -> DayLog {
        let mut log = DayLog::default();
        for target in Phase::Foundation
            .exercises()
            .into_iter()
            .flat_map(set_targets)
        {
            log.sets.insert(target.key, Stamped::new(1, true));
        }
        log.pain_before = Some(Stamped::new(1, 2));
        log.pain_after = Some(Stamped::new(1, after));
        log.pain_next_morning = morning.map(|m| Stamped::new(1, m));
        log
    }

    fn with(days: &[(&str, DayLog)]) -> AppState {
        let mut state = AppState::default();
        for (d, log) in days {
            state.days.insert(day(d), log.clone());
        }
        state
    }

    #[test]
    fn a_first_day_is_a_training_day_as_planned() {
        let today = today(&Days::new(), day("2026-12-01"), MON);
        assert_eq!(
            today,
            Today {
                rest: None,
                lighter: None,
                lighter_sets: false
            }
        );
    }

    #[test]
    fn the_day_after_a_session_is_a_rest_day_even_after_training_anyway() {
        let mut state = with(&[("2026-11-30", session(2, Some(2)))]);
        let tuesday = day("2026-12-01");
        assert_eq!(
            today(&state.days, tuesday, MON).rest,
            Some(RestBecause::TrainedYesterday)
        );
        state.days.insert(tuesday, session(2, None));
        assert!(today(&state.days, tuesday, MON).is_rest_day());
        // Training anyway makes the next day a rest day too, then training again.
        assert!(today(&state.days, day("2026-12-02"), MON).is_rest_day());
        assert_eq!(today(&state.days, day("2026-12-03"), MON).rest, None);
    }

    #[test]
    fn pain_this_morning_says_rest_first_then_a_lighter_session() {
        let state = with(&[("2026-11-30", session(2, Some(6)))]);
        let rest = today(&state.days, day("2026-12-01"), MON);
        assert_eq!(rest.rest, Some(RestBecause::PainThisMorning));
        assert_eq!(rest.lighter, None, "a rest day says rest, not lighter");
        assert!(rest.lighter_sets, "training anyway is lighter");
        let next = today(&state.days, day("2026-12-02"), MON);
        assert_eq!(next.rest, None);
        assert_eq!(next.lighter, Some(LighterBecause::NotSettled));
    }

    #[test]
    fn a_rest_day_says_rest_even_when_the_next_session_is_also_lighter() {
        // Yesterday's session did not quite settle (4 the next morning, 2 before).
        let state = with(&[("2026-11-30", session(2, Some(4)))]);
        let today = today(&state.days, day("2026-12-01"), MON);
        assert_eq!(today.rest, Some(RestBecause::TrainedYesterday));
        assert_eq!(today.lighter, None);
        assert!(today.lighter_sets, "training anyway is lighter");
    }

    #[test]
    fn a_session_above_five_makes_the_next_one_lighter_for_that_reason() {
        let state = with(&[("2026-11-28", session(7, Some(2)))]);
        let today = today(&state.days, day("2026-12-01"), MON);
        assert_eq!(today.lighter, Some(LighterBecause::TooMuchDuring));
        assert!(today.lighter_sets);
    }

    #[test]
    fn four_sessions_in_the_week_make_the_rest_of_it_rest_days() {
        let state = with(&[
            ("2026-11-23", session(2, Some(2))),
            ("2026-11-24", session(2, Some(2))),
            ("2026-11-25", session(2, Some(2))),
            ("2026-11-26", session(2, Some(2))),
        ]);
        // Four by Thursday: Saturday rests; Monday 30 starts a new week.
        assert_eq!(
            today(&state.days, day("2026-11-28"), MON).rest,
            Some(RestBecause::WeekDone)
        );
        assert_eq!(today(&state.days, day("2026-12-01"), MON).rest, None);
    }

    #[test]
    fn the_next_set_is_the_first_required_one_not_done_then_the_optional_ones() {
        let targets = session_targets(Phase::Foundation, 3, false);
        let mut log = DayLog::default();
        let key = |log: &DayLog| next_set(&targets, log).map(|t| t.key.to_string());
        assert_eq!(key(&log).as_deref(), Some("glute-bridge:1"));
        log.sets.insert(targets[0].key, Stamped::new(1, true));
        assert_eq!(key(&log).as_deref(), Some("bulgarian-split-squat:1:L"));
        // Done out of order: the gap comes first.
        for target in targets.iter().skip(2).filter(|t| !t.optional) {
            log.sets.insert(target.key, Stamped::new(1, true));
        }
        assert_eq!(key(&log).as_deref(), Some("bulgarian-split-squat:1:L"));
        log.sets.insert(targets[1].key, Stamped::new(1, true));
        assert_eq!(key(&log).as_deref(), Some("bodyweight-squat:4"));
        log.sets.insert(
            set_targets(ExerciseId::BodyweightSquat)[3].key,
            Stamped::new(1, true),
        );
        assert_eq!(key(&log), None);
    }

    #[test]
    fn sets_left_out_today_are_never_next() {
        let targets = session_targets(Phase::Foundation, 3, true);
        let mut log = DayLog::default();
        for target in targets.iter().filter(|t| t.dropped.is_none()) {
            log.sets.insert(target.key, Stamped::new(1, true));
        }
        assert_eq!(next_set(&targets, &log), None);
    }
}
