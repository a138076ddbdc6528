//! The return to running: stages from short walk–run intervals to
//! speedwork (duration before speed, hills and speedwork last), moved up by
//! runs that settled by the next morning and stayed at or under 5/10, as
//! sessions are.

use crate::date::Day;
use crate::pain::{pain_zone, settled, PainZone};
use crate::schedule::MORNING_CHECK_DAYS;
use crate::state::{RunEntry, Runs};

/// The stages, 1 to `STAGES` (their words: `hamstring_content::routine::RUN_STAGES`).
pub const STAGES: u8 = 4;
/// Runs in a row that settled, to move up a stage.
pub const SETTLED_RUNS_TO_MOVE_UP: usize = 3;

/// A run settled: its pain during or right after stayed at 5/10 or less,
/// and the next morning was rated 3/10 or less (no rating from before a
/// run, so the safe zone is the mark). A run above 5/10 did not settle,
/// whatever the morning says, and is known not to before the morning.
pub fn run_settled(run: &RunEntry) -> Option<bool> {
    if pain_zone(run.pain_now) == PainZone::TooMuch {
        return Some(false);
    }
    run.pain_next_morning.map(|morning| settled(None, morning))
}

/// The stage the next run is at: runs are replayed in order, moving up a
/// stage after three settled runs in a row at it, and back down one after a
/// run that did not settle.
pub fn current_stage(runs: &Runs) -> u8 {
    let mut stage = 1;
    let mut settled_here = 0;
    for run in runs.values().map(|r| &r.value) {
        match run_settled(run) {
            Some(true) => {
                settled_here += 1;
                if settled_here >= SETTLED_RUNS_TO_MOVE_UP && stage < STAGES {
                    stage += 1;
                    settled_here = 0;
                }
            }
            Some(false) => {
                stage = (stage - 1).max(1);
                settled_here = 0;
            }
            None => {}
        }
    }
    stage
}

/// How long today's run should be, from the last one: the app names no
/// minutes of its own (the source gives none), only the person's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunLength {
    /// No run yet: short, easy walk–run intervals.
    FirstRun,
    /// Logged today already (its minutes).
    DoneToday(u16),
    /// The last run is not rated the morning after yet: rate it first.
    RateLastFirst(u16),
    /// The last run settled: about as long again.
    AsLast(u16),
    /// The last run settled, at the stage that adds duration: a little longer.
    LongerThanLast(u16),
    /// The last run did not settle: shorter or easier.
    ShorterThanLast(u16),
}

/// The stage that builds duration before speed ("longer easy runs").
pub const DURATION_STAGE: u8 = 2;

/// Today's run: its length from the last run and the stage it is at.
pub fn next_run_length(runs: &Runs, today: Day) -> RunLength {
    let Some((day, run)) = runs.range(..=today).next_back() else {
        return RunLength::FirstRun;
    };
    let run = run.value;
    if *day == today {
        return RunLength::DoneToday(run.minutes);
    }
    match run_settled(&run) {
        None => RunLength::RateLastFirst(run.minutes),
        Some(false) => RunLength::ShorterThanLast(run.minutes),
        Some(true) if current_stage(runs) == DURATION_STAGE => {
            RunLength::LongerThanLast(run.minutes)
        }
        Some(true) => RunLength::AsLast(run.minutes),
    }
}

/// The run whose morning after the routine asks about today: the latest
/// run before today with no next-morning rating, from the last two weeks.
pub fn run_to_rate(runs: &Runs, today: Day) -> Option<Day> {
    let (day, run) = runs.range(..today).next_back()?;
    (run.value.pain_next_morning.is_none() && *day >= today.plus(-MORNING_CHECK_DAYS))
        .then_some(*day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Day;
    use crate::state::Stamped;

    fn runs(mornings: &[Option<u8>]) -> Runs {
        let during: Vec<(u8, Option<u8>)> = mornings.iter().map(|m| (2, *m)).collect();
        runs_with(&during)
    }

    /// Runs every other day: (pain during or right after, next morning).
    fn runs_with(ratings: &[(u8, Option<u8>)]) -> Runs {
        let mut runs = Runs::new();
        let first = Day::parse("2026-11-01").unwrap();
        for (i, (pain_now, morning)) in ratings.iter().enumerate() {
            let run = RunEntry {
                minutes: 20,
                pain_now: *pain_now,
                pain_next_morning: *morning,
            };
            runs.insert(first.plus(2 * i as i32), Stamped::new(1, run));
        }
        runs
    }

    #[test]
    fn stages_are_earned_by_settled_runs_and_lost_by_one_that_was_not() {
        assert_eq!(current_stage(&Runs::new()), 1);
        assert_eq!(current_stage(&runs(&[Some(1), Some(2)])), 1);
        assert_eq!(current_stage(&runs(&[Some(1), Some(2), Some(3)])), 2);
        // Not rated: counts neither way.
        assert_eq!(current_stage(&runs(&[Some(1), None, Some(2), Some(3)])), 2);
        assert_eq!(
            current_stage(&runs(&[Some(1), Some(2), Some(3), Some(5)])),
            1
        );
        let all_settled = vec![Some(0); 30];
        assert_eq!(current_stage(&runs(&all_settled)), STAGES);
    }

    /// An 8/10 run followed by a 3/10 morning is not a settled run.
    #[test]
    fn a_run_above_five_never_moves_a_stage_up() {
        let zones = |pain_now| {
            run_settled(&RunEntry {
                minutes: 20,
                pain_now,
                pain_next_morning: Some(3),
            })
        };
        assert_eq!(zones(3), Some(true));
        assert_eq!(zones(5), Some(true));
        assert_eq!(zones(6), Some(false));
        // Known at once, before the morning is rated.
        let unrated = RunEntry {
            minutes: 20,
            pain_now: 8,
            pain_next_morning: None,
        };
        assert_eq!(run_settled(&unrated), Some(false));
        assert_eq!(
            current_stage(&runs_with(&[(2, Some(1)), (2, Some(2)), (8, Some(3))])),
            1
        );
        // At stage 2, a run above 5 sends it back down.
        let up_then_too_much = [(2, Some(1)), (2, Some(1)), (2, Some(1)), (7, None)];
        assert_eq!(current_stage(&runs_with(&up_then_too_much)), 1);
    }

    #[test]
    fn todays_run_is_as_long_as_the_last_settled_one_shorter_after_one_that_was_not() {
        let day = |offset| Day::parse("2026-11-01").unwrap().plus(offset);
        assert_eq!(next_run_length(&Runs::new(), day(0)), RunLength::FirstRun);
        // runs_with puts runs on days 0, 2, 4, … of November.
        let state = runs_with(&[(2, Some(1))]);
        assert_eq!(next_run_length(&state, day(3)), RunLength::AsLast(20));
        assert_eq!(next_run_length(&state, day(0)), RunLength::DoneToday(20));
        let unrated = runs_with(&[(2, None)]);
        assert_eq!(
            next_run_length(&unrated, day(1)),
            RunLength::RateLastFirst(20)
        );
        let sore = runs_with(&[(2, Some(5))]);
        assert_eq!(
            next_run_length(&sore, day(1)),
            RunLength::ShorterThanLast(20)
        );
        // Three settled runs move up to the stage that adds duration.
        let moved_up = runs_with(&[(2, Some(1)), (2, Some(1)), (2, Some(1))]);
        assert_eq!(current_stage(&moved_up), DURATION_STAGE);
        assert_eq!(
            next_run_length(&moved_up, day(5)),
            RunLength::LongerThanLast(20)
        );
    }

    #[test]
    fn the_morning_after_the_latest_run_is_asked_until_rated() {
        let day = |offset| Day::parse("2026-11-01").unwrap().plus(offset);
        let state = runs_with(&[(2, Some(1)), (2, None)]);
        assert_eq!(run_to_rate(&state, day(3)), Some(day(2)));
        // Not on the run's own day, nor after two weeks.
        assert_eq!(run_to_rate(&state, day(2)), None);
        assert_eq!(run_to_rate(&state, day(2 + MORNING_CHECK_DAYS + 1)), None);
        assert_eq!(run_to_rate(&runs_with(&[(2, Some(1))]), day(1)), None);
    }
}
