//! Records the schedule's tests build on.

use crate::date::Day;
use crate::phase::Phase;
use crate::state::{AppState, DayLog, Programme, SetKey, Stamped};
use hamstring_content::exercises::ExerciseId;

pub fn day(text: &str) -> Day {
    Day::parse(text).unwrap()
}

pub fn trained_log() -> DayLog {
    let mut log = DayLog::default();
    let key = SetKey {
        exercise: ExerciseId::GluteBridge,
        set: 1,
        side: None,
    };
    log.sets.insert(key, Stamped::new(1, true));
    log
}

pub fn with_sessions(days: &[&str]) -> AppState {
    let mut state = AppState::default();
    for d in days {
        state.days.insert(day(d), trained_log());
    }
    state
}
pub fn rated(before: u8, after: u8, morning: u8) -> DayLog {
    let mut log = trained_log();
    log.pain_before = Some(Stamped::new(1, before));
    log.pain_after = Some(Stamped::new(1, after));
    log.pain_next_morning = Some(Stamped::new(2, morning));
    log
}

pub fn in_phase(phase: Phase, since: Day) -> AppState {
    AppState {
        programme: Some(Stamped::new(1, Programme { phase, since })),
        ..AppState::default()
    }
}
