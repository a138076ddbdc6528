//! Keeping in step with other tabs: what a `storage` event brings is merged
//! in, waking only the readers of what changed.

use super::{wall, Store};
use crate::storage::{self, Health, Synced};
use hamstring_domain::date::Day;
use hamstring_domain::state::{
    decode, keep_only, AppState, AppStateStoreFields, DayLog, DecodeError, Part,
};
use leptos::prelude::*;
use reactive_stores::AtKeyed;
use std::collections::BTreeMap;

impl Store {
    /// Another tab stored `text` under `key` (`None`: removed it). Its
    /// records are merged in, waking only the readers of what changed; if
    /// ours hold something it lacks (two tabs wrote at the same moment),
    /// ours are written back.
    pub fn take_in_other_tab(&self, key: Option<String>, text: Option<String>) {
        let Some(key) = key else {
            // The other tab cleared storage: write everything we hold back.
            self.synced.set_value(Synced::default());
            let parts = self.state.with_untracked(AppState::parts);
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
            let decoded = decode(text);
            // Another tab's damaged or foreign text is kept aside, as damage
            // found at load is, before ours is written over it.
            let damaged = decoded.as_ref().map_or_else(
                |error| matches!(error, DecodeError::Unreadable(_)),
                |theirs| theirs.dropped > 0,
            );
            if damaged
                && !storage::local().is_ok_and(|local| storage::quarantine(&local, text, now))
            {
                self.health.set(Health::ReadOnly { schema: 0 });
                return;
            }
            match decoded {
                Ok(mut theirs) => {
                    theirs.state.clamp_future(clamp_after, now);
                    self.clock
                        .update_value(|clock| clock.observe(theirs.state.max_stamp()));
                    self.keep_in_undo_copy(&theirs.state);
                    self.patch(&part, &theirs.state);
                }
                Err(DecodeError::Newer { schema }) => {
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

    /// Records another tab wrote just before this tab's replace, heard of
    /// only after it: the replace supersedes them, so they go into its undo
    /// copy, where undoing brings them back with the rest.
    fn keep_in_undo_copy(&self, theirs: &AppState) {
        let reset_at = self.state.with_untracked(|state| state.reset_at);
        let mut newer = theirs.clone();
        newer.drop_before(reset_at);
        if reset_at == 0 || newer == *theirs {
            return;
        }
        let Ok(local) = storage::local() else {
            return;
        };
        let Some(mut copy) = storage::undo_copy(&local).filter(|copy| copy.replaced_at == reset_at)
        else {
            return;
        };
        let mut late = theirs.clone();
        late.reset_at = 0;
        if copy.state.merge(&late) != copy.state {
            copy.state.merge_in(&late);
            if let Err(problem) = storage::keep_undo_copy(&local, &copy, self.today.get_untracked())
            {
                self.settle_health(Some(problem));
            }
        }
    }

    /// Merges `theirs` (one stored part) in, notifying narrowly: a month's
    /// days one by one; anything else (or a deletion) the whole store.
    fn patch(&self, part: &Part, theirs: &AppState) {
        if matches!(part, Part::Month(_)) && theirs.holds_only_days() {
            for (day, log) in &theirs.days {
                self.patch_day(*day, log);
            }
            return;
        }
        let changed = self
            .state
            .with_untracked(|ours| ours.merge(theirs) != *ours);
        if changed {
            self.state.update(|ours| ours.merge_in(theirs));
            self.days_changed();
        }
    }

    /// Merges another copy's log of `day` in, waking only that day's readers.
    fn patch_day(&self, day: Day, theirs: &DayLog) {
        // Inserted, not collected: `collect` would bring in a sort.
        let only = |log: Option<&DayLog>| {
            let mut days = BTreeMap::new();
            if let Some(log) = log {
                days.insert(day, log.clone());
            }
            AppState {
                days,
                ..AppState::default()
            }
        };
        let (merged, current) = self.state.with_untracked(|ours| {
            let mut mine = only(ours.days.get(&day));
            mine.merge_in(&only(Some(theirs)));
            (mine.days.into_values().next(), ours.days.get(&day).cloned())
        });
        if merged == current {
            return;
        }
        let days = self.state.days();
        match (merged, current.is_some()) {
            (Some(log), true) => AtKeyed::new(days, day).set(log),
            (Some(log), false) => days.update(|days| {
                days.insert(day, log);
            }),
            (None, _) => days.update(|days| keep_only(days, |other, _| *other != day)),
        }
        self.days_changed();
    }
}
