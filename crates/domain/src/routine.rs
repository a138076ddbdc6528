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
    /// Left out of today's session, and why.
    pub dropped: Option<Dropped>,
}

/// Why a set is left out of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dropped {
    /// A move new to this phase builds up a set a week, so the session never
    /// jumps to double its volume in one step.
    BuildingUp,
    /// The pain did not settle: a lighter session.
    Lighter,
}

/// The tick targets for an exercise's full dose: one per set, and per side
/// where the dose is per side (left then right).
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
                dropped: None,
            })
        })
        .collect()
}

/// The sets a move new to `phase` asks for in the phase's `week` (from 0):
/// one set in the first week, two in the second, then the full dose.
fn building_up(phase: Phase, exercise: ExerciseId, week: i32) -> Option<u8> {
    let new_in_phase = phase == Phase::Hamstring && !Phase::Foundation.includes(exercise);
    (new_in_phase && week < 2).then_some(week as u8 + 1)
}

/// A day's session: every set of the phase's moves, with the ones left out
/// today marked (a move that is building up, or a lighter session after pain
/// that did not settle: no optional sets, and one set fewer of every move
/// that has more than one).
pub fn session_targets(phase: Phase, week: i32, lighter: bool) -> Vec<SetTarget> {
    phase
        .exercises()
        .into_iter()
        .flat_map(|exercise| {
            let targets = set_targets(exercise);
            let cap = building_up(phase, exercise, week);
            let required_sets = targets
                .iter()
                .filter(|t| !t.optional)
                .map(|t| t.key.set)
                .max()
                .unwrap_or(1);
            let after_ramp = cap.map_or(required_sets, |cap| cap.min(required_sets));
            let lighter_sets = if lighter {
                after_ramp.saturating_sub(1).max(1)
            } else {
                after_ramp
            };
            targets.into_iter().map(move |mut target| {
                target.dropped = if cap.is_some_and(|cap| target.key.set > cap) {
                    Some(Dropped::BuildingUp)
                } else if lighter && (target.optional || target.key.set > lighter_sets) {
                    Some(Dropped::Lighter)
                } else {
                    None
                };
                target
            })
        })
        .collect()
}

/// How far through a session's required sets a day's log is.
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

/// Progress through `targets` (the required ones still in the session).
pub fn session_progress(targets: &[SetTarget], log: &DayLog) -> SessionProgress {
    let required: Vec<SetKey> = targets
        .iter()
        .filter(|target| !target.optional && target.dropped.is_none())
        .map(|target| target.key)
        .collect();
    SessionProgress {
        done: required.iter().filter(|key| log.is_done(**key)).count(),
        required: required.len(),
    }
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
        let targets = session_targets(phase, 0, false);
        // bridge 1 + split 2 + squat 3 required (4th optional) + roll 1
        assert_eq!(session_progress(&targets, &log).required, 7);
        for target in phase.exercises().into_iter().flat_map(set_targets) {
            log.sets.insert(target.key, Stamped::new(1, true));
        }
        let progress = session_progress(&targets, &log);
        assert!(progress.complete());
        assert_eq!(progress.percent(), 100);
        assert!(log.trained());
        // An undone tick no longer counts.
        let first = set_targets(ExerciseId::GluteBridge)[0].key;
        log.sets.insert(first, Stamped::new(2, false));
        assert!(!session_progress(&targets, &log).complete());
    }

    fn required(targets: &[SetTarget]) -> usize {
        targets
            .iter()
            .filter(|t| !t.optional && t.dropped.is_none())
            .count()
    }

    #[test]
    fn phase_two_builds_up_a_set_a_week_and_never_doubles_the_volume() {
        let phase_one = required(&session_targets(Phase::Foundation, 5, false));
        let weeks: Vec<usize> = (0..4)
            .map(|week| required(&session_targets(Phase::Hamstring, week, false)))
            .collect();
        assert_eq!(phase_one, 7);
        assert_eq!(weeks, vec![10, 12, 14, 14]);
        let mut previous = phase_one;
        for volume in weeks {
            assert!(volume < 2 * previous, "{previous} → {volume}");
            previous = volume;
        }
        // Prevention starts with everything: no injury to build up from.
        assert_eq!(required(&session_targets(Phase::Prevention, 0, false)), 14);
    }

    #[test]
    fn a_lighter_session_drops_optional_sets_and_one_set_of_each_longer_move() {
        let targets = session_targets(Phase::Foundation, 3, true);
        // bridge 1 + split 2 (one set, both sides) + squat 2 + roll 1
        assert_eq!(required(&targets), 6);
        let dropped: Vec<String> = targets
            .iter()
            .filter(|t| t.dropped == Some(Dropped::Lighter))
            .map(|t| t.key.to_string())
            .collect();
        assert_eq!(dropped, ["bodyweight-squat:3", "bodyweight-squat:4"]);
    }
}
