//! Loading: the first screen's months at start, the older ones just after.

use super::{wall, Store, FIRST_SCREEN_DAYS};
use crate::browser::today;
use crate::storage::{self, Health, Loaded};
use leptos::prelude::*;

impl Store {
    /// Reads storage (the last hundred days first) and shows it.
    pub fn start(&self) {
        let (now, clamp_after) = wall();
        let today = today();
        let recent = today.plus(-FIRST_SCREEN_DAYS).month();
        let loaded = match storage::local() {
            Ok(local) => {
                storage::keep_older_choices();
                storage::load(&local, now, clamp_after, recent)
            }
            Err(problem) => Loaded::nothing(problem),
        };
        self.clock
            .update_value(|clock| clock.observe(loaded.state.max_stamp()));
        self.synced.set_value(loaded.synced);
        self.later.set_value(loaded.later);
        self.today.set(today);
        self.listed.set(loaded.listed);
        self.health.set(match loaded.health {
            // A note about repaired records gives way to the warning that a
            // backup may miss records.
            Health::Saving | Health::Salvaged { .. } | Health::Clamped { .. } if !loaded.listed => {
                Health::Unlisted
            }
            health => health,
        });
        self.state.set(loaded.state);
        self.days_changed();
        self.loaded.set(true);
        if !loaded.rewrite.is_empty() && !self.read_only() {
            self.write(&loaded.rewrite);
        }
    }

    /// Loads the older months, if not yet loaded. Called just after the
    /// page is drawn (its later part too, on progress), and before anything that needs every record (a backup,
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
        let more = storage::local().map_or_else(Loaded::nothing, |local| {
            storage::load_keys(&local, &keys, now, clamp_after)
        });
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
        self.days_changed();
        if !more.rewrite.is_empty() && !self.read_only() {
            self.write(&more.rewrite);
        }
    }
}
