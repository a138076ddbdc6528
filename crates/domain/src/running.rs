//! The return to running: stages from short walk–run intervals to
//! speedwork (duration before speed, hills and speedwork last), moved up by
//! runs that settled by the next morning and stayed at or under 5/10, as
//! sessions are.

use crate::pain::{pain_zone, settled, PainZone};
use crate::state::{AppState, RunEntry};

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
pub fn current_stage(state: &AppState) -> u8 {
    let mut stage = 1;
    let mut settled_here = 0;
    for run in state.runs.values().map(|r| &r.value) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Day;
    use crate::state::Stamped;

    fn runs(mornings: &[Option<u8>]) -> AppState {
        let during: Vec<(u8, Option<u8>)> = mornings.iter().map(|m| (2, *m)).collect();
        runs_with(&during)
    }

    /// Runs every other day: (pain during or right after, next morning).
    fn runs_with(ratings: &[(u8, Option<u8>)]) -> AppState {
        let mut state = AppState::default();
        let first = Day::parse("2026-11-01").unwrap();
        for (i, (pain_now, morning)) in ratings.iter().enumerate() {
            let run = RunEntry {
                minutes: 20,
                pain_now: *pain_now,
                pain_next_morning: *morning,
            };
            state
                .runs
                .insert(first.plus(2 * i as i32), Stamped::new(1, run));
        }
        state
    }

    #[test]
    fn stages_are_earned_by_settled_runs_and_lost_by_one_that_was_not() {
        assert_eq!(current_stage(&AppState::default()), 1);
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
}
