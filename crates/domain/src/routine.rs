//! The session a phase asks for: a tick target per set, and how far a day's
//! log is through it.

use crate::phase::Phase;
use crate::state::{DayLog, SetKey, Side};
use hamstring_content::exercises::{Dose, ExerciseId};

/// One tick target in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetTarget {
    pub key: SetKey,
    /// Beyond the dose's minimum ("3–4 sets": the fourth is optional).
    pub optional: bool,
}

/// The tick targets for an exercise: one per set, and per side where the dose
/// is per side (left then right).
pub fn set_targets(exercise: ExerciseId) -> Vec<SetTarget> {
    let Dose {
        sets_min,
        sets_max,
        per_side,
        ..
    } = exercise.info().dose;
    let sides: &[Option<Side>] = if per_side {
        &[Some(Side::Left), Some(Side::Right)]
    } else {
        &[None]
    };
    (1..=sets_max)
        .flat_map(|set| {
            sides.iter().map(move |side| SetTarget {
                key: SetKey {
                    exercise,
                    set,
                    side: *side,
                },
                optional: set > sets_min,
            })
        })
        .collect()
}

/// How far through a phase's session a day's log is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionProgress {
    /// Required sets ticked.
    pub done: usize,
    /// Required sets in the session.
    pub required: usize,
}

impl SessionProgress {
    pub fn complete(self) -> bool {
        self.required > 0 && self.done >= self.required
    }

    /// Whole percent, for a progress bar.
    pub fn percent(self) -> u32 {
        (self.done.min(self.required) * 100)
            .checked_div(self.required)
            .unwrap_or(0) as u32
    }
}

pub fn session_progress(phase: Phase, log: &DayLog) -> SessionProgress {
    let required: Vec<SetKey> = phase
        .exercises()
        .into_iter()
        .flat_map(set_targets)
        .filter(|target| !target.optional)
        .map(|target| target.key)
        .collect();
    SessionProgress {
        done: required.iter().filter(|key| log.is_done(**key)).count(),
        required: required.len(),
    }
}

/// A day counts as a training day once any set was ticked.
pub fn trained(log: &DayLog) -> bool {
    log.done_count() > 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Stamped;

    #[test]
    fn foundation_has_no_direct_hamstring_work() {
        assert_eq!(
            Phase::Foundation.exercises(),
            vec![
                ExerciseId::GluteBridge,
                ExerciseId::BulgarianSplitSquat,
                ExerciseId::BodyweightSquat,
                ExerciseId::FoamRoll
            ]
        );
        assert!(Phase::Foundation
            .habits()
            .iter()
            .any(|h| h.contains("15–20 minutes")));
    }

    #[test]
    fn later_phases_and_prevention_have_every_exercise() {
        for phase in [Phase::Hamstring, Phase::ReturnToRun, Phase::Prevention] {
            assert_eq!(phase.exercises(), ExerciseId::ALL.to_vec(), "{phase:?}");
        }
        assert!(Phase::BackFirst.exercises().is_empty());
    }

    #[test]
    fn targets_follow_the_dose() {
        let curl = set_targets(ExerciseId::BallLegCurl);
        assert_eq!(curl.len(), 4);
        assert_eq!(curl.iter().filter(|t| t.optional).count(), 1);
        let split = set_targets(ExerciseId::BulgarianSplitSquat);
        assert_eq!(split.len(), 2);
        assert_eq!(split[0].key.side, Some(Side::Left));
        assert_eq!(split[1].key.side, Some(Side::Right));
        assert_eq!(set_targets(ExerciseId::RomanianDeadlift).len(), 3);
        assert_eq!(set_targets(ExerciseId::GluteBridge).len(), 1);
    }

    #[test]
    fn progress_counts_required_sets_only() {
        let mut log = DayLog::default();
        let phase = Phase::Foundation;
        // bridge 1 + split 2 + squat 3 required (4th optional) + roll 1
        assert_eq!(session_progress(phase, &log).required, 7);
        for target in phase.exercises().into_iter().flat_map(set_targets) {
            log.sets.insert(target.key, Stamped::new(1, true));
        }
        let progress = session_progress(phase, &log);
        assert!(progress.complete());
        assert_eq!(progress.percent(), 100);
        assert!(trained(&log));
        // An undone tick no longer counts.
        let first = set_targets(ExerciseId::GluteBridge)[0].key;
        log.sets.insert(first, Stamped::new(2, false));
        assert!(!session_progress(phase, &log).complete());
    }
}
