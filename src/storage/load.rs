//! Loading: every key read, damage set aside, what needs writing back noted.

use super::{
    key_of, keys_with, part_of, quarantine, sorted_unique, text_of, Health, KeyValue, Synced,
};
use super::{MONTH_PREFIX, STATE_KEY};
use hamstring_domain::date::Month;
use hamstring_domain::state::{decode, AppState, DecodeError, Decoded, Part};

/// What loading found.
pub struct Loaded {
    pub state: AppState,
    pub health: Health,
    pub synced: Synced,
    /// Parts to write back at once: salvaged, clamped, or still in the
    /// single-key layout of data versions 1 and 2.
    pub rewrite: Vec<Part>,
    /// Month keys older than the first screen needs, for `load_keys` later.
    pub later: Vec<String>,
    /// Whether storage listed its keys. If not, only the keys the index
    /// names were read, and records under others may be missing.
    pub listed: bool,
}

impl Loaded {
    /// Nothing loaded, for `health`'s reason.
    pub fn nothing(health: Health) -> Loaded {
        Loaded {
            state: AppState::default(),
            health,
            synced: Synced::default(),
            rewrite: Vec::new(),
            later: Vec::new(),
            listed: true,
        }
    }

    /// Notes every part of `state` to write back: its months, then the main key.
    fn rewrite_all(&mut self, state: &AppState) {
        self.rewrite.extend(state.parts());
    }
}

/// Loads the main key and the months from `recent` on, and lists the older
/// month keys (years of history need not hold up the first screen). Never
/// fails: problems are reported through `Health`. Stamps later than
/// `clamp_after` are set to `now`. Where the browser will not list its keys
/// (`Loaded::listed` false), the months the main key's index names are read
/// by name; where it will, the index is completed with what is there (stores
/// from before the index have none).
pub fn load(store: &impl KeyValue, now: u64, clamp_after: u64, recent: Month) -> Loaded {
    let listed = keys_with(store, MONTH_PREFIX);
    let months = match &listed {
        Some(keys) => keys.clone(),
        None => indexed_keys(store),
    };
    let first_recent = key_of(&Part::Month(recent));
    let (later, mut keys): (Vec<String>, Vec<String>) =
        months.into_iter().partition(|key| *key < first_recent);
    keys.push(STATE_KEY.to_string());
    let mut loaded = load_keys(store, &keys, now, clamp_after);
    loaded.later = later;
    loaded.listed = listed.is_some();
    // A failed read leaves nothing to complete, and nothing may be written.
    let read_all = !matches!(loaded.health, Health::Unavailable | Health::ReadOnly { .. });
    if let Some(keys) = listed.filter(|_| read_all) {
        let state = &mut loaded.state;
        let before = state.month_index.len();
        state
            .month_index
            .extend(keys.iter().filter_map(|key| match part_of(key)? {
                Part::Month(month) => Some(month),
                Part::Main => None,
            }));
        if state.month_index.len() > before && !loaded.rewrite.contains(&Part::Main) {
            loaded.rewrite.push(Part::Main);
        }
    }
    loaded
}

/// The month keys the main key's index names (and, for data versions 1
/// and 2, the months its own records are in); none if it cannot be read.
fn indexed_keys(store: &impl KeyValue) -> Vec<String> {
    let Some(Ok(main)) = text_of(store, STATE_KEY).map(|t| decode(&t)) else {
        return Vec::new();
    };
    main.state
        .known_months()
        .into_iter()
        .map(|month| key_of(&Part::Month(month)))
        .collect()
}

/// Loads the given keys (see `load`).
pub fn load_keys(store: &impl KeyValue, keys: &[String], now: u64, clamp_after: u64) -> Loaded {
    let mut loaded = Loaded::nothing(Health::Saving);
    let mut dropped = 0;
    for key in keys {
        let raw = match store.get(key) {
            Ok(Some(raw)) => raw,
            Ok(None) => continue,
            // Half a store must not pass for the whole one.
            Err(problem) => return Loaded::nothing(problem),
        };
        match loaded.take(store, key, &raw, now) {
            Ok(some) => dropped += some,
            Err(newer) => return Loaded::nothing(newer),
        }
    }
    let clamped = loaded.state.clamp_future(clamp_after, now);
    if clamped > 0 {
        let parts = loaded.state.parts();
        loaded.rewrite.extend(parts);
    }
    // Months first, the main key last (`Part`'s order).
    loaded.rewrite = sorted_unique(std::mem::take(&mut loaded.rewrite));
    if loaded.health == Health::Saving {
        if dropped > 0 {
            loaded.health = Health::Salvaged { dropped };
        } else if clamped > 0 {
            loaded.health = Health::Clamped { count: clamped };
        }
    }
    loaded
}

impl Loaded {
    /// Takes in the text `raw` stored under `key`: damage is set aside first.
    /// Returns how many damaged records were left out, or, for a newer
    /// version's text, that nothing may be written.
    fn take(
        &mut self,
        store: &impl KeyValue,
        key: &str,
        raw: &str,
        now: u64,
    ) -> Result<usize, Health> {
        match decode(raw) {
            Ok(Decoded { state, dropped: 0 }) => {
                if key == STATE_KEY && !state.months().is_empty() {
                    // Data version 1 or 2: everything under one key. Write
                    // the months, then the slimmer main key.
                    self.rewrite_all(&state);
                }
                self.synced.note(key, raw);
                self.state.merge_in(&state);
                Ok(0)
            }
            Ok(Decoded { state, dropped }) => {
                // The original stays aside; the salvaged copy replaces it.
                if !quarantine(store, raw, now) {
                    self.health = Health::ReadOnly { schema: 0 };
                }
                // Its own key too: a month with nothing left is removed, so
                // the next load finds no damage to set aside again.
                self.rewrite.extend(part_of(key));
                self.rewrite_all(&state);
                self.state.merge_in(&state);
                Ok(dropped)
            }
            Err(DecodeError::Newer { schema }) => Err(Health::ReadOnly { schema }),
            Err(DecodeError::Unreadable(reason)) => {
                let kept = quarantine(store, raw, now) && store.remove(key).is_ok();
                self.health = if kept {
                    Health::Quarantined { reason }
                } else {
                    // Could not move it aside: touch nothing and save nothing.
                    Health::ReadOnly { schema: 0 }
                };
                Ok(0)
            }
        }
    }
}
