//! Phases of the programme and the session each phase asks for.

use crate::content::exercises::{Dose, ExerciseId, Kind, CATALOGUE};
use crate::core::state::{DayLog, SetKey, Side};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// Lower back or nerve signs: get them checked before the hamstring programme.
    BackFirst,
    /// Up to six weeks of general leg strengthening; no direct hamstring work.
    Foundation,
    /// Hamstring-specific work added.
    Hamstring,
    /// A light return to running once strength is nearly equal.
    ReturnToRun,
    /// No injury: every exercise from the start, to stay clear of it.
    Prevention,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::BackFirst,
        Phase::Foundation,
        Phase::Hamstring,
        Phase::ReturnToRun,
        Phase::Prevention,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Phase::BackFirst => "Phase 0 · Lower back first",
            Phase::Foundation => "Phase 1 · General leg strength",
            Phase::Hamstring => "Phase 2 · Hamstring work",
            Phase::ReturnToRun => "Phase 3 · Light running",
            Phase::Prevention => "Prevention",
        }
    }

    /// What this phase adds, and why.
    pub fn purpose(self) -> &'static str {
        match self {
            Phase::BackFirst => "Lower-back pain, or tingling, numbness or pain running down the leg, can mean the back or a nerve is involved. Have an orthopedic surgeon or a spine specialist check it first; the hamstring programme starts once the back is ruled out or treated.",
            Phase::Foundation => "For up to six weeks, strengthen the whole leg while the tendon settles. No direct hamstring exercise and no hamstring stretching yet.",
            Phase::Hamstring => "The hamstring has had time to recover its normal function, so hamstring-specific moves join the routine: the ball leg curl, the Romanian deadlift and the stretch.",
            Phase::ReturnToRun => "Strength is nearly equal between your legs, so a light running programme can begin alongside the full routine.",
            Phase::Prevention => "No hamstring trouble: keep the hamstring and leg strong with every move from the start, and go easy on your lower back.",
        }
    }

    /// Whether an exercise belongs in this phase's session.
    pub fn includes(self, exercise: ExerciseId) -> bool {
        match self {
            Phase::BackFirst => false,
            Phase::Foundation => exercise.info().kind != Kind::DirectHamstring,
            Phase::Hamstring | Phase::ReturnToRun | Phase::Prevention => true,
        }
    }

    pub fn exercises(self) -> Vec<ExerciseId> {
        CATALOGUE
            .iter()
            .map(|exercise| exercise.id)
            .filter(|id| self.includes(*id))
            .collect()
    }

    /// Daily habits that go with the phase.
    pub fn habits(self) -> &'static [&'static str] {
        match self {
            Phase::BackFirst | Phase::Foundation => &[
                "Cross-train instead of running: running keeps the tendon irritated and can stop it healing.",
                "Stand up for a short break every 15–20 minutes of sitting.",
                "Sit tall; avoid slumping.",
                "Skip hamstring stretches for now so the sciatic nerve can settle.",
            ],
            Phase::Hamstring => &[
                "Keep cross-training instead of running for now.",
                "Keep breaking up sitting every 15–20 minutes, and avoid slumping.",
            ],
            Phase::ReturnToRun => &[
                "Start with short, easy runs and log how the tendon feels the next morning.",
                "Keep breaking up sitting every 15–20 minutes.",
            ],
            Phase::Prevention => &["Avoid putting too much stress on your lower back."],
        }
    }

    pub fn has_run_log(self) -> bool {
        self == Phase::ReturnToRun
    }
}

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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::state::Stamped;

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
