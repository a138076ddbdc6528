//! Changes to everything at once: a backup merged or replacing what is
//! here, its undo, and "Delete all my data".

use super::Store;
use crate::browser::now_ms;
use crate::storage::{self, Health};
use hamstring_domain::device::Theme;
use hamstring_domain::state::{AppState, Part};
use leptos::prelude::*;

impl Store {
    /// Takes in a backup: only ever adds (see `AppState::merge_import`).
    /// What other tabs stored is taken in first. Returns the state before,
    /// to describe what changed. If the write fails, what it wrote is put
    /// back, so storage and the screen still hold what they held.
    pub fn merge_import(&self, backup: &AppState) -> Result<AppState, Health> {
        if self.read_only() {
            return Err(self.health.get_untracked());
        }
        self.load_history();
        let mut parts = self.take_in_everything()?;
        let before = self.state.get_untracked();
        let mut merged = before.merge_import(backup);
        parts.extend(merged.parts());
        let parts = storage::sorted_unique(parts);
        // New months are named in the main key before their keys exist.
        let written = if merged.index_months(&parts) {
            self.write_parts(&merged, &[Part::Main])
        } else {
            Ok(())
        };
        if let Err(problem) = written.and_then(|()| self.write_parts(&merged, &parts)) {
            let _ = self.write_parts(&before, &parts);
            self.settle_health(Some(problem.clone()));
            return Err(problem);
        }
        self.settle_health(None);
        self.clock
            .update_value(|clock| clock.observe(merged.max_stamp()));
        self.state.set(merged);
        self.days_changed();
        Ok(before)
    }

    /// Takes in every stored part (see `take_in`): before a change to all of
    /// them, so a tick another tab made a moment ago is part of what it
    /// changes. Returns the parts to write; a failed read is shown and
    /// returned.
    fn take_in_everything(&self) -> Result<Vec<Part>, Health> {
        let mut parts = self.state.with_untracked(AppState::parts);
        let stored = storage::with_local(storage::stored_months);
        parts.extend(stored.into_iter().map(Part::Month));
        // Where storage cannot list its keys, those it has an index of.
        let indexed = self.state.with_untracked(|state| state.month_index.clone());
        parts.extend(indexed.into_iter().map(Part::Month));
        let parts = storage::sorted_unique(parts);
        self.take_in(&parts).inspect_err(|problem| {
            self.settle_health(Some(problem.clone()));
        })
    }

    /// Replaces everything with `state` (an import that replaces, or undoing
    /// one), keeping what it replaces for undo when `keep_undo`: a run of
    /// replaces keeps what was there before the first (`UndoCopy`). What
    /// other tabs wrote just before is taken in first, so it is in the copy.
    /// If writing fails, what was stored is put back and nothing changes.
    pub fn replace(&self, state: AppState, keep_undo: bool) -> Result<(), Health> {
        if self.read_only() {
            return Err(self.health.get_untracked());
        }
        self.load_history();
        self.take_in_everything()?;
        let today = self.today.get_untracked();
        let mut replacement = state.as_replacement(self.stamp());
        let undo_at = keep_undo.then(now_ms);
        let written = storage::local().and_then(|local| {
            self.state
                .try_update_untracked(|current| {
                    self.synced
                        .try_update_value(|synced| {
                            storage::replace(
                                &local,
                                current,
                                &mut replacement,
                                undo_at,
                                today,
                                synced,
                            )
                        })
                        .unwrap_or(Err(Health::Unavailable))
                })
                .unwrap_or(Err(Health::Unavailable))
        });
        self.settle_health(written.clone().err());
        written?;
        self.state.set(replacement);
        self.days_changed();
        Ok(())
    }

    /// "Delete all my data": nothing is kept, not even an undo copy (that
    /// goes only once the deletion is saved).
    pub fn delete_all(&self) -> Result<(), Health> {
        self.replace(AppState::default(), false)?;
        storage::with_local(storage::drop_undo_copy);
        storage::forget_device_choices();
        self.theme.set(Theme::System);
        Ok(())
    }
}
