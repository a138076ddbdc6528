//! The app's state in a signal, saved through `crate::storage` on every change
//! and kept in step with other tabs.

use crate::app::browser::{now_ms, today};
use crate::core::date::Day;
use crate::core::routine::Phase;
use crate::core::state::{AppState, Programme, Stamped};
use crate::storage::{self, Health, Saved};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Store {
    pub state: RwSignal<AppState>,
    pub health: RwSignal<Health>,
    pub today: RwSignal<Day>,
}

impl Store {
    pub fn load() -> Store {
        let (state, health) = storage::load();
        Store {
            state: RwSignal::new(state),
            health: RwSignal::new(health),
            today: RwSignal::new(today()),
        }
    }

    /// Applies a change stamped with the current time, then saves at once.
    /// In read-only mode nothing changes: the newer app's data stays as it is.
    pub fn change(&self, apply: impl FnOnce(&mut AppState, u64)) {
        if matches!(self.health.get_untracked(), Health::ReadOnly { .. }) {
            return;
        }
        self.state.update(|state| apply(state, now_ms()));
        self.persist();
    }

    /// Saves the current state, taking in what another tab saved meanwhile.
    pub fn persist(&self) {
        let today = self.today.get_untracked();
        match self
            .state
            .with_untracked(|state| storage::save(state, today))
        {
            Saved::Ok(merged) => {
                if let Some(merged) = merged {
                    self.state.set(*merged);
                }
                let health = self.health.get_untracked();
                if matches!(health, Health::QuotaFull | Health::Unavailable) {
                    self.health.set(Health::Saving);
                }
            }
            Saved::Failed(problem) => self.health.set(problem),
        }
    }

    /// Another tab saved: merge its records into ours.
    pub fn take_in_other_tab(&self) {
        if let Some(theirs) = storage::read_stored() {
            let merged = self.state.with_untracked(|ours| ours.merge(&theirs));
            if self.state.with_untracked(|ours| *ours != merged) {
                self.state.set(merged);
            }
        }
    }

    /// Starts `phase` today (the self-check's suggestion, the picker, or a move on).
    pub fn set_phase(&self, phase: Phase) {
        let since = self.today.get_untracked();
        self.change(|state, now| {
            state.programme = Some(Stamped::new(now, Programme { phase, since }));
        });
    }

    /// Replaces everything (delete all, or an import that replaces).
    pub fn replace(&self, state: AppState) {
        match storage::overwrite(&state, self.today.get_untracked()) {
            Ok(()) => self.health.set(Health::Saving),
            Err(problem) => self.health.set(problem),
        }
        self.state.set(state);
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
