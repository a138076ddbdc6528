//! Damaged text kept aside, once, before anything replaces it.

use super::{keys_with, set_preference, sorted_unique, text_of, KeyValue};
use super::{MAX_QUARANTINED, OLD_QUARANTINE_KEY, PREFERENCE_PREFIX, QUARANTINE_PREFIX};

/// Copies damaged text aside under a new quarantine key, once: text that
/// is kept aside already is not copied again. Past `MAX_QUARANTINED`
/// copies, or when storage is full, only copies the person has downloaded
/// give way, oldest first. False when it could not be kept.
pub fn quarantine(store: &impl KeyValue, text: &str, now: u64) -> bool {
    let copies = quarantined_keys(store);
    if copies
        .iter()
        .any(|key| text_of(store, key).as_deref() == Some(text))
    {
        return true;
    }
    let mut downloaded: Vec<&String> = copies
        .iter()
        .filter(|key| was_downloaded(store, key))
        .collect();
    let mut kept = copies.len();
    while kept >= MAX_QUARANTINED && !downloaded.is_empty() {
        discard(store, downloaded.remove(0));
        kept -= 1;
    }
    let mut key = format!("{QUARANTINE_PREFIX}{now}");
    while text_of(store, &key).is_some() {
        key.push('+');
    }
    loop {
        if store.set(&key, text).is_ok() {
            return true;
        }
        // Full: a copy already downloaded gives way to this one.
        if downloaded.is_empty() {
            return false;
        }
        discard(store, downloaded.remove(0));
    }
}

/// The preference that marks a quarantined copy as downloaded.
const DOWNLOADED: &str = "quarantine-downloaded:";

fn downloaded_mark(key: &str) -> String {
    format!("{PREFERENCE_PREFIX}{DOWNLOADED}{key}")
}

fn was_downloaded(store: &impl KeyValue, key: &str) -> bool {
    text_of(store, &downloaded_mark(key)).as_deref() == Some("true")
}

/// The person downloaded this copy: it may now give way to newer ones.
pub fn note_downloaded(key: &str) {
    set_preference(&format!("{DOWNLOADED}{key}"), true);
}

fn discard(store: &impl KeyValue, key: &str) {
    let _ = store.remove(key);
    let _ = store.remove(&downloaded_mark(key));
}

/// Quarantine keys, oldest first (the first versions' single key before all).
fn quarantined_keys(store: &impl KeyValue) -> Vec<String> {
    let by_time = keys_with(store, QUARANTINE_PREFIX)
        .unwrap_or_default()
        .into_iter()
        .map(|key| {
            let time = key
                .trim_start_matches(QUARANTINE_PREFIX)
                .trim_end_matches('+')
                .parse::<u64>()
                .unwrap_or(0);
            (time, key)
        });
    let mut keys: Vec<String> = sorted_unique(by_time)
        .into_iter()
        .map(|(_, key)| key)
        .collect();
    if text_of(store, OLD_QUARANTINE_KEY).is_some() {
        keys.insert(0, OLD_QUARANTINE_KEY.to_string());
    }
    keys
}

/// Every damaged copy kept aside, oldest first: its key and text.
pub fn quarantined(store: &impl KeyValue) -> Vec<(String, String)> {
    quarantined_keys(store)
        .into_iter()
        .filter_map(|key| Some((key.clone(), text_of(store, &key)?)))
        .collect()
}

/// Removes one quarantined copy once the person has dealt with it.
pub fn discard_quarantined(store: &impl KeyValue, key: &str) {
    discard(store, key);
}
