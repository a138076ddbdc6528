//! The programme's phases, and which exercises each one holds.

use hamstring_content::exercises::{ExerciseId, Kind, CATALOGUE};
use hamstring_content::phases::{self, PhaseText};
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

    /// The phase's words (`hamstring_content::phases`).
    pub fn text(self) -> &'static PhaseText {
        match self {
            Phase::BackFirst => &phases::BACK_FIRST,
            Phase::Foundation => &phases::FOUNDATION,
            Phase::Hamstring => &phases::HAMSTRING,
            Phase::ReturnToRun => &phases::RETURN_TO_RUN,
            Phase::Prevention => &phases::PREVENTION,
        }
    }

    pub fn title(self) -> &'static str {
        self.text().title
    }

    /// What this phase adds, and why.
    pub fn purpose(self) -> &'static str {
        self.text().purpose
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
        self.text().habits
    }

    pub fn has_run_log(self) -> bool {
        self == Phase::ReturnToRun
    }
}
