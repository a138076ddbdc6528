//! The return to running: stages from short walk–run intervals to
//! speedwork (duration before speed, hills and speedwork last), moved up by
//! runs that settled by the next morning, as sessions are.

use crate::pain::settled;
use crate::state::{AppState, RunEntry};

/// The stages, 1 to `STAGES` (their words: `hamstring_content::routine::RUN_STAGES`).
pub const STAGES: u8 = 4;
/// Runs in a row that settled, to move up a stage.
pub const SETTLED_RUNS_TO_MOVE_UP: usize = 3;

/// A run settled: rated the next morning at 3/10 or less (no rating from
/// before a run, so the safe zone is the mark).
pub fn run_settled(run: &RunEntry) -> Option<bool> {
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
        let mut state = AppState::default();
        let first = Day::parse("2026-11-01").unwrap();
        for (i, morning) in mornings.iter().enumerate() {
            let run = RunEntry {
                minutes: 20,
                pain_now: 2,
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
}
