//! The app's state in a signal, saved through `crate::storage` on every change
//! and kept in step with other tabs; and the actions pages share.

use crate::app::browser::{now_ms, today};
use crate::core::date::Day;
use crate::core::routine::Phase;
use crate::core::state::{AppState, Clock, Part, Programme, Stamped, MAX_CLOCK_SKEW_MS};
use crate::storage::{self, Health, Synced};
use leptos::prelude::*;

/// Which records a change touches, so only their keys are read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Settings, programme, self-check and other single records.
    Main,
    /// The records of one day (its month's key).
    Day(Day),
}

impl Scope {
    fn parts(self) -> Vec<Part> {
        match self {
            Scope::Main => vec![Part::Main],
            Scope::Day(day) => vec![Part::Month(day.month())],
        }
    }
}

#[derive(Clone, Copy)]
pub struct Store {
    pub state: RwSignal<AppState>,
    pub health: RwSignal<Health>,
    pub today: RwSignal<Day>,
    clock: StoredValue<Clock>,
    synced: StoredValue<Synced>,
    /// Older month keys, loaded just after the first screen (`load_history`).
    later: StoredValue<Vec<String>>,
}

/// Months before this many days ago load after the first screen: the
/// routine, the week table and twelve weeks of charts need none of them.
const FIRST_SCREEN_DAYS: i32 = 100;

/// Wall-clock time, and the time after which a stamp counts as a wrong clock.
fn wall() -> (u64, u64) {
    let now = now_ms();
    (now, now + MAX_CLOCK_SKEW_MS)
}

impl Store {
    pub fn load() -> Store {
        let (now, clamp_after) = wall();
        let today = today();
        let loaded = storage::load(now, clamp_after, today.plus(-FIRST_SCREEN_DAYS).month());
        let mut clock = Clock::default();
        clock.observe(loaded.state.max_stamp());
        let store = Store {
            state: RwSignal::new(loaded.state),
            health: RwSignal::new(loaded.health),
            today: RwSignal::new(today),
            clock: StoredValue::new(clock),
            synced: StoredValue::new(loaded.synced),
            later: StoredValue::new(loaded.later),
        };
        if !loaded.rewrite.is_empty() && !store.health.get_untracked().is_read_only() {
            store.write(&loaded.rewrite);
        }
        store
    }

    /// Loads the older months, if not yet loaded. Called just after the
    /// first screen, and before anything that needs every record (a backup,
    /// an import's preview).
    pub fn load_history(&self) {
        let keys = self
            .later
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if keys.is_empty() {
            return;
        }
        let (now, clamp_after) = wall();
        let more = storage::load_keys(&keys, now, clamp_after);
        match more.health {
            Health::Unavailable => {
                // Try again next time; nothing is written meanwhile.
                self.later.set_value(keys);
                self.settle_health(Some(Health::Unavailable));
                return;
            }
            Health::ReadOnly { .. } => self.health.set(more.health.clone()),
            Health::Saving => {}
            note => {
                if self.health.get_untracked() == Health::Saving {
                    self.health.set(note);
                }
            }
        }
        self.clock
            .update_value(|clock| clock.observe(more.state.max_stamp()));
        self.synced
            .update_value(|synced| synced.extend(more.synced));
        self.state.update(|state| state.merge_in(&more.state));
        if !more.rewrite.is_empty() && !self.read_only() {
            self.write(&more.rewrite);
        }
    }

    fn read_only(&self) -> bool {
        self.health.get_untracked().is_read_only()
    }

    /// A new stamp, later than any this tab wrote or saw.
    fn stamp(&self) -> u64 {
        let (now, _) = wall();
        self.clock
            .try_update_value(|clock| clock.stamp(now))
            .unwrap_or(now)
    }

    /// Applies a change and saves it at once. What other tabs stored under
    /// the same keys is taken in first, so the change is stamped later than
    /// anything it was based on. If that read fails, the change stays in
    /// memory and nothing is written. Read-only mode changes nothing.
    pub fn change(&self, scope: Scope, apply: impl FnOnce(&mut AppState, u64)) {
        if self.read_only() {
            return;
        }
        let parts = scope.parts();
        let (now, clamp_after) = wall();
        let mut problem = None;
        self.state.update(|state| {
            let taken = self
                .synced
                .try_update_value(|synced| {
                    storage::take_in(state, &parts, synced, now, clamp_after)
                })
                .unwrap_or(Err(Health::Unavailable));
            let at = match &taken {
                Ok(taken) => {
                    self.clock.update_value(|clock| clock.observe(taken.latest));
                    self.stamp()
                }
                Err(_) => self.stamp(),
            };
            apply(state, at);
            problem = match taken {
                Ok(taken) => {
                    let mut all = parts.clone();
                    all.extend(taken.also_write);
                    all.sort();
                    all.dedup();
                    self.write_parts(state, &all).err()
                }
                Err(problem) => Some(problem),
            };
        });
        self.settle_health(problem);
    }

    fn write_parts(&self, state: &AppState, parts: &[Part]) -> Result<(), Health> {
        let today = self.today.get_untracked();
        self.synced
            .try_update_value(|synced| storage::write(state, parts, today, synced))
            .unwrap_or(Err(Health::Unavailable))
    }

    /// Writes `parts` as they are in memory.
    fn write(&self, parts: &[Part]) {
        let problem = self
            .state
            .with_untracked(|state| self.write_parts(state, parts).err());
        self.settle_health(problem);
    }

    /// After a save: a problem shows; success clears a saving problem (not a
    /// note about what loading found).
    fn settle_health(&self, problem: Option<Health>) {
        match problem {
            Some(problem) => {
                if self.health.get_untracked() != problem {
                    self.health.set(problem);
                }
            }
            None => {
                if matches!(
                    self.health.get_untracked(),
                    Health::QuotaFull | Health::Unavailable
                ) {
                    self.health.set(Health::Saving);
                }
            }
        }
    }

    /// Another tab stored `text` under `key` (`None`: removed it). Its
    /// records are merged in; if ours hold something it lacks (two tabs
    /// wrote at the same moment), ours are written back.
    pub fn take_in_other_tab(&self, key: Option<String>, text: Option<String>) {
        let Some(key) = key else {
            // The other tab cleared storage: write everything we hold back.
            self.synced.set_value(Synced::default());
            let parts = self.state.with_untracked(all_parts);
            if !self.read_only() {
                self.write(&parts);
            }
            return;
        };
        let Some(part) = storage::part_of(&key) else {
            return;
        };
        let (now, clamp_after) = wall();
        if let Some(text) = &text {
            match crate::core::state::decode(text) {
                Ok(mut theirs) => {
                    theirs.state.clamp_future(clamp_after, now);
                    self.clock
                        .update_value(|clock| clock.observe(theirs.state.max_stamp()));
                    let merged = self.state.with_untracked(|ours| ours.merge(&theirs.state));
                    if self.state.with_untracked(|ours| *ours != merged) {
                        self.state.set(merged);
                    }
                }
                Err(crate::core::state::DecodeError::Newer { schema }) => {
                    self.health.set(Health::ReadOnly { schema });
                    return;
                }
                Err(_) => {}
            }
        }
        self.synced
            .update_value(|synced| storage::note_synced(synced, &key, text.as_deref()));
        let write_back = self.state.with_untracked(|ours| match &text {
            Some(text) => storage::lacks(text, ours, &part),
            None => !ours.part(&part).is_empty(),
        });
        if write_back && !self.read_only() {
            self.write(&[part]);
        }
    }

    /// Starts `phase` today (the self-check's suggestion, the picker, or a move on).
    pub fn set_phase(&self, phase: Phase) {
        let since = self.today.get_untracked();
        self.change(Scope::Main, |state, now| {
            state.programme = Some(Stamped::new(now, Programme { phase, since }));
        });
    }

    /// Takes in a backup: only ever adds (see `AppState::merge_import`).
    /// Returns the state before, to describe what changed.
    pub fn merge_import(&self, backup: &AppState) -> Option<AppState> {
        if self.read_only() {
            return None;
        }
        self.load_history();
        let before = self.state.get_untracked();
        let merged = before.merge_import(backup);
        self.clock
            .update_value(|clock| clock.observe(merged.max_stamp()));
        self.state.set(merged);
        let parts = self.state.with_untracked(all_parts);
        self.write(&parts);
        Some(before)
    }

    /// Replaces everything with `state` (an import that replaces, or undoing
    /// one), keeping what it replaces for one-step undo when `keep_undo`.
    pub fn replace(&self, state: AppState, keep_undo: bool) -> Result<(), Health> {
        if self.read_only() {
            return Err(self.health.get_untracked());
        }
        self.load_history();
        let today = self.today.get_untracked();
        if keep_undo {
            self.state
                .with_untracked(|current| storage::keep_undo_copy(current, today))?;
        }
        let replacement = state.as_replacement(self.stamp());
        let result = self
            .synced
            .try_update_value(|synced| storage::replace_all(&replacement, today, synced))
            .unwrap_or(Err(Health::Unavailable));
        self.settle_health(result.clone().err());
        self.state.set(replacement);
        result
    }

    /// "Delete all my data": nothing is kept, not even an undo copy.
    pub fn delete_all(&self) -> Result<(), Health> {
        if self.read_only() {
            return Err(self.health.get_untracked());
        }
        storage::drop_undo_copy();
        self.replace(AppState::default(), false)
    }
}

/// Every part that holds records: each month, then the main key.
fn all_parts(state: &AppState) -> Vec<Part> {
    let mut parts: Vec<Part> = state.months().into_iter().map(Part::Month).collect();
    parts.push(Part::Main);
    parts
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
