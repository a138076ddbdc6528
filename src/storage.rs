//! The one module that talks to localStorage. Everything else sees an
//! `AppState` and a `Health` telling whether saving works.
//!
//! Reading never crashes and never silently replaces data: text that cannot be
//! read is copied to a quarantine key first, and a store from a newer app
//! version puts the app in read-only mode.

use crate::core::date::Day;
use crate::core::state::{decode, encode, AppState, DecodeError, Decoded};
use wasm_bindgen::JsCast;
use web_sys::Storage;

pub const STATE_KEY: &str = "hamstring-rehab:state";

thread_local! {
    /// The stored text whose records this tab already holds (it loaded,
    /// wrote or merged it). While the store still holds exactly this, no other
    /// tab has written, and a save need not read and merge it again: that
    /// keeps a tick from re-parsing years of records.
    static SEEN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn seen(raw: &str) -> bool {
    SEEN.with_borrow(|seen| seen.as_deref() == Some(raw))
}

fn mark_seen(raw: String) {
    SEEN.set(Some(raw));
}
pub const QUARANTINE_KEY: &str = "hamstring-rehab:quarantine";

/// How storage is doing, for the banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    Saving,
    /// Storage is switched off or blocked: working in memory only.
    Unavailable,
    /// The browser refused to store more.
    QuotaFull,
    /// Written by a newer app version: shown, never overwritten.
    ReadOnly {
        schema: u32,
    },
    /// The store could not be read; its text is kept under the quarantine key.
    Quarantined {
        reason: String,
    },
    /// Some damaged records were left out; the rest loaded.
    Salvaged {
        dropped: usize,
    },
}

/// localStorage, or `None` where reading the property itself throws (storage
/// disabled, sandboxed frames): `window.localStorage` can raise, not just be null.
fn storage() -> Option<Storage> {
    let window = web_sys::window()?;
    let storage = window.local_storage().ok().flatten()?;
    // Some browsers hand out a storage object that throws on first use.
    storage.get_item("probe").ok()?;
    Some(storage)
}

pub fn read_raw(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Loads the state. Never fails: problems are reported through `Health`.
pub fn load() -> (AppState, Health) {
    let Some(store) = storage() else {
        return (AppState::default(), Health::Unavailable);
    };
    let Ok(raw) = store.get_item(STATE_KEY) else {
        return (AppState::default(), Health::Unavailable);
    };
    let Some(raw) = raw else {
        return (AppState::default(), Health::Saving);
    };
    match decode(&raw) {
        Ok(Decoded { state, dropped: 0 }) => {
            mark_seen(raw);
            (state, Health::Saving)
        }
        Ok(Decoded { state, dropped }) => {
            // Keep the original text too: the salvaged copy will replace it.
            let _ = store.set_item(QUARANTINE_KEY, &raw);
            (state, Health::Salvaged { dropped })
        }
        Err(DecodeError::Newer { schema }) => (AppState::default(), Health::ReadOnly { schema }),
        Err(DecodeError::Unreadable(reason)) => {
            let kept = store.set_item(QUARANTINE_KEY, &raw).is_ok()
                && store.remove_item(STATE_KEY).is_ok();
            if kept {
                (AppState::default(), Health::Quarantined { reason })
            } else {
                // Could not move it aside: touch nothing and save nothing.
                (AppState::default(), Health::ReadOnly { schema: 0 })
            }
        }
    }
}

/// What a save did.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// Saved. With a state when another tab had written meanwhile: ours
    /// merged with theirs, which the caller should show.
    Ok(Option<Box<AppState>>),
    Failed(Health),
}

/// Saves `state`, first merging in whatever another tab stored since, so
/// neither tab's records are lost. `today` decides which days are old enough
/// to store compactly.
pub fn save(state: &AppState, today: Day) -> Saved {
    let Some(store) = storage() else {
        return Saved::Failed(Health::Unavailable);
    };
    let stored = store.get_item(STATE_KEY).ok().flatten();
    let merged = match stored.as_deref() {
        Some(raw) if seen(raw) => None,
        Some(raw) => match decode(raw) {
            Ok(theirs) => Some(Box::new(theirs.state.merge(state))),
            Err(DecodeError::Newer { schema }) => {
                return Saved::Failed(Health::ReadOnly { schema })
            }
            // Unreadable text here was already quarantined at load, or is
            // new damage: our copy is the best there is.
            Err(DecodeError::Unreadable(_)) => None,
        },
        None => None,
    };
    let text = encode(merged.as_deref().unwrap_or(state), today);
    match store.set_item(STATE_KEY, &text) {
        Ok(()) => {
            mark_seen(text);
            Saved::Ok(merged)
        }
        Err(error) => Saved::Failed(classify(error)),
    }
}

fn classify(error: wasm_bindgen::JsValue) -> Health {
    let quota = error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "QuotaExceededError" || e.code() == 22);
    if quota {
        Health::QuotaFull
    } else {
        Health::Unavailable
    }
}

/// Reads what another tab stored, for the `storage` event; the caller merges
/// all of it, so it counts as seen.
pub fn read_stored() -> Option<AppState> {
    let raw = read_raw(STATE_KEY)?;
    let state = decode(&raw).ok()?.state;
    mark_seen(raw);
    Some(state)
}

/// Removes the quarantined text once the user has dealt with it.
pub fn clear_quarantine() {
    if let Some(store) = storage() {
        let _ = store.remove_item(QUARANTINE_KEY);
    }
}

/// Replaces the stored state outright (delete all, or import "replace").
pub fn overwrite(state: &AppState, today: Day) -> Result<(), Health> {
    let store = storage().ok_or(Health::Unavailable)?;
    let text = encode(state, today);
    store.set_item(STATE_KEY, &text).map_err(classify)?;
    mark_seen(text);
    Ok(())
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
