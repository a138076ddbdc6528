//! The one module that talks to localStorage. Everything else sees an
//! `AppState` and a `Health` telling whether saving works.
//!
//! Layout: the settings-like records under `STATE_KEY`, the by-day records
//! one month to a key (`MONTH_PREFIX` + `2026-11`), each key its own
//! envelope. A tick reads and rewrites one month, not years of records.
//!
//! Here: writing, taking in, replacing, the undo copy. Beside it: `load`
//! (reading at start), `quarantine` (damage kept aside), `local`
//! (localStorage) and `device` (the per-device choices that are not records).
//!
//! The records are read and written through `KeyValue`: localStorage in
//! the browser (`Local`), an in-memory store in the native tests
//! (`storage/tests.rs`), which test each promise, as the end-to-end tests do:
//! - a write always takes in what is stored first; if that read fails,
//!   nothing is written (a failed read never turns into an empty store);
//! - text that cannot be read is copied aside once (only copies already
//!   downloaded give way to new ones) before anything replaces it, and the
//!   key is then rewritten with what was salvaged;
//! - a store written by a newer version is never written to;
//! - a deletion or replacement writes the new records before removing old
//!   keys, so a crash half-way leaves more than wanted, never less; a
//!   replacement that fails puts back what was stored and the undo copy.

use hamstring_domain::backup::UndoCopy;
use hamstring_domain::date::{Day, Month};
use hamstring_domain::state::{decode, encode_part, AppState, DecodeError, Part};
use std::collections::HashMap;

mod device;
mod load;
mod local;
#[cfg(test)]
mod memory;
mod quarantine;
#[cfg(test)]
mod tests;

pub use device::*;
pub use load::{load, load_keys, Loaded};
pub use local::{local, Local};
pub use quarantine::{discard_quarantined, note_downloaded, quarantine, quarantined};

pub const STATE_KEY: &str = "hamstring-rehab:state";
pub const MONTH_PREFIX: &str = "hamstring-rehab:month:";
pub const QUARANTINE_PREFIX: &str = "hamstring-rehab:quarantine:";
/// Where the first versions kept their one quarantined copy.
const OLD_QUARANTINE_KEY: &str = "hamstring-rehab:quarantine";
/// What a "Replace" replaced, kept for one-step undo.
pub const UNDO_KEY: &str = "hamstring-rehab:before-replace";
/// Per-device preferences (see `preference`).
pub const PREFERENCE_PREFIX: &str = "hamstring-rehab:device:";
/// Damaged copies kept aside before downloaded ones give way.
pub const MAX_QUARANTINED: usize = 5;

/// How storage is doing, for the banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    Saving,
    /// Storage is switched off, blocked or failing: working in memory only.
    Unavailable,
    /// The browser refused to store more.
    QuotaFull,
    /// Written by a newer app version (or damaged and impossible to set
    /// aside: schema 0): shown, never overwritten.
    ReadOnly {
        schema: u32,
    },
    /// Stored text could not be read; it is kept under a quarantine key.
    Quarantined {
        reason: String,
    },
    /// Some damaged records were left out; the rest loaded.
    Salvaged {
        dropped: usize,
    },
    /// Some records were dated in the future by a wrong clock and now count
    /// as written at load time.
    Clamped {
        count: usize,
    },
    /// Saving works, but the browser would not list the stored keys, so only
    /// the keys the app keeps an index of were read: a backup may miss
    /// records. Stays up until a reload lists them.
    Unlisted,
}

impl Health {
    pub fn is_read_only(&self) -> bool {
        matches!(self, Health::ReadOnly { .. })
    }
}

/// What this tab last read or wrote under each key, as a hash: a key whose
/// text still hashes the same holds nothing this tab has not taken in.
#[derive(Debug, Clone, Default)]
pub struct Synced(HashMap<String, u64>);

impl Synced {
    fn knows(&self, key: &str, text: &str) -> bool {
        self.0.get(key) == Some(&hash(text))
    }

    fn note(&mut self, key: &str, text: &str) {
        self.0.insert(key.to_string(), hash(text));
    }

    pub fn extend(&mut self, other: Synced) {
        self.0.extend(other.0);
    }
}

/// FNV-1a: cheap, and only ever compared with itself.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

pub fn key_of(part: &Part) -> String {
    match part {
        Part::Main => STATE_KEY.to_string(),
        Part::Month(month) => format!("{MONTH_PREFIX}{month}"),
    }
}

/// The part a storage key holds, for the `storage` event.
pub fn part_of(key: &str) -> Option<Part> {
    if key == STATE_KEY {
        return Some(Part::Main);
    }
    key.strip_prefix(MONTH_PREFIX)?
        .parse()
        .ok()
        .map(Part::Month)
}

/// What the records need of a key-value store. Errors are what the banner
/// shows: a read that fails is `Unavailable`; one that gives something other
/// than text is damage that cannot be set aside (`ReadOnly { schema: 0 }`);
/// a write the store refuses for want of room is `QuotaFull`.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, Health>;
    fn set(&self, key: &str, text: &str) -> Result<(), Health>;
    fn remove(&self, key: &str) -> Result<(), Health>;
    /// Every key stored, in any order; `None` where listing fails.
    fn keys(&self) -> Option<Vec<String>>;
}

/// What `read` finds in localStorage, or the default where it cannot be used.
pub fn with_local<T: Default>(read: impl FnOnce(&Local) -> T) -> T {
    local().map(|local| read(&local)).unwrap_or_default()
}

/// The text under `key`, where reading works and finds text.
fn text_of(store: &impl KeyValue, key: &str) -> Option<String> {
    store.get(key).ok().flatten()
}

/// Every key of this app with `prefix`, in order; `None` when listing fails.
fn keys_with(store: &impl KeyValue, prefix: &str) -> Option<Vec<String>> {
    let keys = store.keys()?.into_iter();
    Some(sorted_unique(keys.filter(|key| key.starts_with(prefix))))
}

/// `items` in order, each once. Each type `sort` is used on adds its own
/// copy of the standard library's sort to the wasm (about 3.5 KB each);
/// these lists are short (keys, parts), so inserting each in place is quick.
pub fn sorted_unique<T: Ord>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut sorted = Vec::new();
    for item in items {
        if let Err(place) = sorted.binary_search(&item) {
            sorted.insert(place, item);
        }
    }
    sorted
}

/// The months stored, as far as storage can list them.
pub fn stored_months(store: &impl KeyValue) -> Vec<Month> {
    keys_with(store, MONTH_PREFIX)
        .unwrap_or_default()
        .iter()
        .filter_map(|key| key.strip_prefix(MONTH_PREFIX)?.parse().ok())
        .collect()
}

/// What `take_in` found.
pub struct Taken {
    /// Whether another tab's records were merged in.
    pub merged: bool,
    /// The latest stamp seen.
    pub latest: u64,
    /// Parts to write besides the change's own: an older version of the app
    /// (in another tab) wrote everything under the main key again.
    pub also_write: Vec<Part>,
}

/// Takes in what is stored under `parts` (and the main key, which carries
/// deletions) that this tab has not seen yet. A read that fails is an
/// error: the caller must not write then.
pub fn take_in(
    store: &impl KeyValue,
    state: &mut AppState,
    parts: &[Part],
    synced: &mut Synced,
    (now, clamp_after): (u64, u64),
) -> Result<Taken, Health> {
    let mut taken = Taken {
        merged: false,
        latest: 0,
        also_write: Vec::new(),
    };
    let mut keys: Vec<String> = parts.iter().map(key_of).collect();
    keys.push(STATE_KEY.to_string());
    keys.dedup();
    for key in keys {
        let Some(text) = store.get(&key)? else {
            continue;
        };
        if synced.knows(&key, &text) {
            continue;
        }
        match decode(&text) {
            Ok(mut theirs) => {
                // Damaged records would be gone once ours is written over them.
                if theirs.dropped > 0 && !quarantine(store, &text, now) {
                    return Err(Health::ReadOnly { schema: 0 });
                }
                theirs.state.clamp_future(clamp_after, now);
                taken.latest = taken.latest.max(theirs.state.max_stamp());
                if key == STATE_KEY && !theirs.state.months().is_empty() {
                    taken.also_write.extend(theirs.state.parts());
                }
                state.merge_in(&theirs.state);
                taken.merged = true;
                synced.note(&key, &text);
            }
            Err(DecodeError::Newer { schema }) => return Err(Health::ReadOnly { schema }),
            // New damage since load: keep it aside, then ours replaces it.
            Err(DecodeError::Unreadable(_)) => {
                if !quarantine(store, &text, now) {
                    return Err(Health::ReadOnly { schema: 0 });
                }
            }
        }
    }
    Ok(taken)
}

/// Writes `parts` of `state` where they differ from what this tab last
/// synced; a month with no records left is removed.
pub fn write(
    store: &impl KeyValue,
    state: &AppState,
    parts: &[Part],
    today: Day,
    synced: &mut Synced,
) -> Result<(), Health> {
    for part in parts {
        let key = key_of(part);
        let slice = state.part(part);
        if matches!(part, Part::Month(_)) && slice.is_empty() {
            if synced.0.remove(&key).is_some() || text_of(store, &key).is_some() {
                store.remove(&key)?;
            }
            continue;
        }
        let text = encode_part(state, part, today);
        if synced.knows(&key, &text) {
            continue;
        }
        store.set(&key, &text)?;
        synced.note(&key, &text);
    }
    Ok(())
}

/// Whether `part` of `ours` holds anything the stored text `theirs` lacks:
/// then this tab writes it back (another tab's write raced with ours).
pub fn lacks(theirs: &str, ours: &AppState, part: &Part) -> bool {
    let Ok(theirs) = decode(theirs) else {
        return true;
    };
    let mine = ours.part(part);
    theirs.state.merge(&mine) != theirs.state
}

/// Notes text another tab stored (from a `storage` event) as synced.
pub fn note_synced(synced: &mut Synced, key: &str, text: Option<&str>) {
    match text {
        Some(text) => synced.note(key, text),
        None => {
            synced.0.remove(key);
        }
    }
}

/// Replaces everything stored by `state` (delete all, or an import that
/// replaces): its months first, then the main key with its deletion time,
/// then the months it no longer has: those listed, or where storage cannot
/// list its keys, the months the index names (records under a month it
/// does not name are older than the deletion time, so they never load).
pub fn replace_all(
    store: &impl KeyValue,
    state: &AppState,
    today: Day,
    synced: &mut Synced,
) -> Result<(), Health> {
    if let Some(Err(DecodeError::Newer { schema })) = text_of(store, STATE_KEY).map(|t| decode(&t))
    {
        return Err(Health::ReadOnly { schema });
    }
    let old_months = keys_with(store, MONTH_PREFIX).unwrap_or_else(|| {
        state
            .month_index
            .iter()
            .map(|month| key_of(&Part::Month(*month)))
            .collect()
    });
    let parts = state.parts();
    write(store, state, &parts, today, synced)?;
    let kept: Vec<String> = parts.iter().map(key_of).collect();
    for key in old_months.iter().filter(|key| !kept.contains(key)) {
        store.remove(key)?;
        synced.0.remove(key);
    }
    Ok(())
}

/// Replaces everything stored (and `current`'s month index) by
/// `replacement` (`AppState::as_replacement`, its stamp the reset time).
/// With `undo_at`, what it replaces is kept for undo first, taken at that
/// time (`UndoCopy::before_replace`). The months it brings are named in the
/// main key before their keys are written, and the months it replaces stay
/// named until they are removed. If writing fails, what was stored and the
/// undo copy are put back.
pub fn replace(
    store: &impl KeyValue,
    current: &mut AppState,
    replacement: &mut AppState,
    undo_at: Option<u64>,
    today: Day,
    synced: &mut Synced,
) -> Result<(), Health> {
    let kept = undo_copy(store);
    if let Some(now) = undo_at {
        let copy = UndoCopy::before_replace(kept.clone(), current, now, replacement.reset_at);
        keep_undo_copy(store, &copy, today)?;
    }
    replacement.month_index = current.known_months();
    let index = if replacement.index_months(&replacement.parts()) {
        current.month_index = replacement.month_index.clone();
        write(store, current, &[Part::Main], today, synced)
    } else {
        Ok(())
    };
    let written = index.and_then(|()| {
        replace_all(store, replacement, today, synced).inspect_err(|_| {
            let _ = replace_all(store, current, today, synced);
        })
    });
    if written.is_err() && undo_at.is_some() {
        put_back_undo_copy(store, kept.as_ref(), today);
    }
    written
}

/// Keeps the copy for undoing a replacement.
pub fn keep_undo_copy(store: &impl KeyValue, copy: &UndoCopy, today: Day) -> Result<(), Health> {
    store.set(UNDO_KEY, &copy.encode(today))
}

pub fn undo_copy(store: &impl KeyValue) -> Option<UndoCopy> {
    UndoCopy::decode(&text_of(store, UNDO_KEY)?)
}

/// After a replace that failed: the undo copy is what it was before it.
fn put_back_undo_copy(store: &impl KeyValue, kept: Option<&UndoCopy>, today: Day) {
    let _ = match kept {
        Some(copy) => keep_undo_copy(store, copy, today),
        None => store.remove(UNDO_KEY),
    };
}

pub fn drop_undo_copy(store: &impl KeyValue) {
    let _ = store.remove(UNDO_KEY);
}

/// What is stored, exactly as it is, for a backup in read-only mode: the
/// main key's text when it is the only key (or storage cannot list its
/// keys: the backup then says it may be incomplete), else every key and
/// its text.
pub fn raw_export(store: &impl KeyValue) -> Option<String> {
    let mut keys = keys_with(store, MONTH_PREFIX).unwrap_or_default();
    if keys.is_empty() {
        return text_of(store, STATE_KEY);
    }
    keys.push(STATE_KEY.to_string());
    let texts: serde_json::Map<String, serde_json::Value> = keys
        .into_iter()
        .filter_map(|key| Some((key.clone(), text_of(store, &key)?.into())))
        .collect();
    serde_json::to_string(&texts).ok()
}

/// Asks the browser not to evict our data under storage pressure.
pub fn request_persistence() {
    if let Some(window) = web_sys::window() {
        if let Ok(promise) = window.navigator().storage().persist() {
            // The answer changes nothing we do; ignore it.
            drop(promise);
        }
    }
}
