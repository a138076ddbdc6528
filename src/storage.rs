//! The one module that talks to localStorage. Everything else sees an
//! `AppState` and a `Health` telling whether saving works.
//!
//! Layout: the settings-like records under `STATE_KEY`, the by-day records
//! one month to a key (`MONTH_PREFIX` + `2026-11`), each key its own
//! envelope. A tick reads and rewrites one month, not years of records.
//!
//! Promises, each tested end to end:
//! - a write always takes in what is stored first; if that read fails,
//!   nothing is written (a failed read never turns into an empty store);
//! - text that cannot be read is copied aside once (only copies already
//!   downloaded give way to new ones) before anything replaces it, and the
//!   key is then rewritten with what was salvaged;
//! - a store written by a newer version is never written to;
//! - a deletion or replacement writes the new records before removing old
//!   keys, so a crash half-way leaves more than wanted, never less.

use hamstring_domain::backup::UndoCopy;
use hamstring_domain::date::{Day, Month};
use hamstring_domain::device::Theme;
use hamstring_domain::state::{
    decode, encode_part, AppState, DecodeError, Decoded, Part, SCHEMA_VERSION,
};
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::Storage;

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

/// localStorage, or `None` where reading the property itself throws (storage
/// disabled, sandboxed frames): `window.localStorage` can raise, not just be null.
fn storage() -> Option<Storage> {
    let window = web_sys::window()?;
    let storage = window.local_storage().ok().flatten()?;
    // Some browsers hand out a storage object that throws on first use.
    text_at(&storage, "probe").ok()?;
    Some(storage)
}

/// The text stored under `key`. A read that throws is `Unavailable`; one
/// that gives something other than text or nothing reads as damaged data
/// that cannot be set aside (the real text may be there, unseen), so
/// nothing is written: `ReadOnly { schema: 0 }`.
fn text_at(store: &Storage, key: &str) -> Result<Option<String>, Health> {
    // `getItem` as the page has it, called by hand: web-sys's binding traps
    // on anything but a string or null (a page script or extension can
    // replace the method).
    let value = js_sys::Reflect::get(store, &"getItem".into())
        .ok()
        .and_then(|method| method.dyn_into::<js_sys::Function>().ok())
        .ok_or(Health::Unavailable)?
        .call1(store, &key.into())
        .map_err(|_| Health::Unavailable)?;
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    value
        .as_string()
        .map(Some)
        .ok_or(Health::ReadOnly { schema: 0 })
}

/// Every key of this app with `prefix`, in order; `None` when listing fails.
fn keys_with(store: &Storage, prefix: &str) -> Option<Vec<String>> {
    let count = store.length().ok()?;
    let mut keys: Vec<String> = (0..count)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect();
    keys.sort();
    Some(keys)
}

/// The months stored, as far as storage can list them.
pub fn stored_months() -> Vec<Month> {
    storage()
        .and_then(|store| keys_with(&store, MONTH_PREFIX))
        .unwrap_or_default()
        .iter()
        .filter_map(|key| key.strip_prefix(MONTH_PREFIX)?.parse().ok())
        .collect()
}

/// Whether localStorage can be used at all: the one check before gloo-storage,
/// whose `raw()` panics where storage is blocked.
pub fn usable() -> bool {
    storage().is_some()
}

/// A per-device preference that is not a record (not merged, not backed up),
/// such as a dismissed hint. False where storage is unusable.
pub fn preference(name: &str) -> bool {
    read_raw(&format!("{PREFERENCE_PREFIX}{name}")).as_deref() == Some("true")
}

pub fn set_preference(name: &str, value: bool) {
    let _ = set_device_text(name, Some(if value { "true" } else { "false" }));
}

/// Writes (or with `None` removes) a device choice: never where the store is
/// a newer version's (it may read these keys differently).
fn set_device_text(name: &str, text: Option<&str>) -> Result<(), Health> {
    let health = peek_health();
    if health != Health::Saving {
        return Err(health);
    }
    // Behind `peek_health`'s check that storage works: gloo's `raw()`
    // panics where it is blocked.
    let store = <gloo_storage::LocalStorage as gloo_storage::Storage>::raw();
    let key = format!("{PREFERENCE_PREFIX}{name}");
    match text {
        Some(text) => store.set_item(&key, text).map_err(classify),
        None => store.remove_item(&key).map_err(|_| Health::Unavailable),
    }
}

/// The key of the device's theme, which other tabs listen for.
pub const THEME_KEY: &str = "hamstring-rehab:device:theme";
const THEME: &str = "theme";
const READING: &str = "reading";

/// Where data version 4 and older kept the theme and the reading place.
const OLDER_THEME: [&str; 3] = ["settings", "value", "theme"];
const OLDER_READING: [&str; 2] = ["reading", "value"];

/// The theme chosen on this device (`Theme::System` until one is).
pub fn theme() -> Theme {
    read_raw(THEME_KEY)
        .or_else(|| older_choice(&OLDER_THEME))
        .map_or(Theme::System, |name| Theme::from_name(&name))
}

pub fn set_theme(theme: Theme) -> Result<(), Health> {
    set_device_text(THEME, theme.name())
}

/// The guide section last reached on this device, if any.
pub fn reading_place() -> Option<String> {
    read_raw(&format!("{PREFERENCE_PREFIX}{READING}")).or_else(|| older_choice(&OLDER_READING))
}

pub fn set_reading_place(section: &str) {
    let _ = set_device_text(READING, Some(section));
}

/// The main key's data version and records, read with the browser's JSON
/// parser, so a page that reads no records carries no decoder.
fn parse_main(text: &str) -> Option<(f64, wasm_bindgen::JsValue)> {
    let stored = js_sys::JSON::parse(text).ok()?;
    let schema = js_sys::Reflect::get(&stored, &"schema".into())
        .ok()?
        .as_f64()?;
    Some((schema, js_sys::Reflect::get(&stored, &"state".into()).ok()?))
}

/// Data version 4 and older kept the theme and the reading place among the
/// records; read from there until the first write of version 5 drops them
/// (`keep_older_choices` moves them to the device first).
fn older_choice(path: &[&str]) -> Option<String> {
    let text = read_raw(STATE_KEY)?;
    // Most stores never held the field: no parse at every start for them.
    let field = path.last()?;
    if !text.contains(&format!("\"{field}\"")) {
        return None;
    }
    let (schema, mut value) = parse_main(&text)?;
    if schema > 4.0 {
        return None;
    }
    for field in path {
        value = js_sys::Reflect::get(&value, &(*field).into()).ok()?;
    }
    value.as_string()
}

/// Moves an older store's theme and reading place to the device, before the
/// first write of this version drops them from the records.
fn keep_older_choices() {
    if read_raw(THEME_KEY).is_none() {
        if let Some(theme) = older_choice(&OLDER_THEME) {
            let _ = set_device_text(THEME, Theme::from_name(&theme).name());
        }
    }
    if read_raw(&format!("{PREFERENCE_PREFIX}{READING}")).is_none() {
        if let Some(section) = older_choice(&OLDER_READING) {
            set_reading_place(&section);
        }
    }
}

/// Forgets this device's choices of what was read and how it looks: part
/// of "Delete all my data".
pub fn forget_device_choices() {
    let _ = set_device_text(THEME, None);
    let _ = set_device_text(READING, None);
}

/// How saving stands, as far as a page that reads no records can tell:
/// storage blocked, or a newer version's store (never written to).
pub fn peek_health() -> Health {
    let Some(store) = storage() else {
        return Health::Unavailable;
    };
    let newer = text_at(&store, STATE_KEY)
        .ok()
        .flatten()
        .and_then(|text| parse_main(&text))
        .map(|(schema, _)| schema)
        .filter(|schema| *schema > f64::from(SCHEMA_VERSION));
    match newer {
        Some(schema) => Health::ReadOnly {
            schema: schema as u32,
        },
        None => Health::Saving,
    }
}

/// A number kept for this tab only (sessionStorage), for what must outlive
/// moving from page to page but not the tab: when the next standing break
/// is due. None where session storage is unusable.
pub fn tab_number(name: &str) -> Option<f64> {
    let store = web_sys::window()?.session_storage().ok()??;
    store
        .get_item(&format!("{PREFERENCE_PREFIX}{name}"))
        .ok()??
        .parse::<i64>()
        .ok()
        .map(|ms| ms as f64)
}

pub fn set_tab_number(name: &str, value: Option<f64>) {
    let Some(store) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) else {
        return;
    };
    let key = format!("{PREFERENCE_PREFIX}{name}");
    let _ = match value {
        // Whole milliseconds: integer text, without the float formatter.
        Some(value) => store.set_item(&key, &(value.round() as i64).to_string()),
        None => store.remove_item(&key),
    };
}

pub fn read_raw(key: &str) -> Option<String> {
    text_at(&storage()?, key).ok().flatten()
}

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
    fn new(health: Health) -> Loaded {
        Loaded {
            state: AppState::default(),
            health,
            synced: Synced::default(),
            rewrite: Vec::new(),
            later: Vec::new(),
            listed: true,
        }
    }
}

/// Loads the main key and the months from `recent` on, and lists the older
/// month keys (years of history need not hold up the first screen). Never
/// fails: problems are reported through `Health`. Stamps later than
/// `clamp_after` are set to `now`. Where the browser will not list its keys
/// (`Loaded::listed` false), the months the main key's index names are read
/// by name; where it will, the index is completed with what is there (stores
/// from before the index have none).
pub fn load(now: u64, clamp_after: u64, recent: Month) -> Loaded {
    let Some(store) = storage() else {
        return Loaded::new(Health::Unavailable);
    };
    keep_older_choices();
    let listed = keys_with(&store, MONTH_PREFIX);
    let months = match &listed {
        Some(keys) => keys.clone(),
        None => indexed_keys(&store),
    };
    let first_recent = key_of(&Part::Month(recent));
    let (later, mut keys): (Vec<String>, Vec<String>) =
        months.into_iter().partition(|key| *key < first_recent);
    keys.push(STATE_KEY.to_string());
    let mut loaded = load_keys(&keys, now, clamp_after);
    loaded.later = later;
    loaded.listed = listed.is_some();
    // A failed read leaves nothing to complete, and nothing may be written.
    let read_all = !matches!(loaded.health, Health::Unavailable | Health::ReadOnly { .. });
    if let Some(keys) = listed.filter(|_| read_all) {
        let parts: Vec<Part> = keys.iter().filter_map(|key| part_of(key)).collect();
        let state = &mut loaded.state;
        let before = state.month_index.len();
        state
            .month_index
            .extend(parts.iter().filter_map(|part| match part {
                Part::Month(month) => Some(*month),
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
fn indexed_keys(store: &Storage) -> Vec<String> {
    let Some(Ok(main)) = text_at(store, STATE_KEY).ok().flatten().map(|t| decode(&t)) else {
        return Vec::new();
    };
    main.state
        .known_months()
        .into_iter()
        .map(|month| key_of(&Part::Month(month)))
        .collect()
}

/// Loads the given keys (see `load`).
pub fn load_keys(keys: &[String], now: u64, clamp_after: u64) -> Loaded {
    let mut loaded = Loaded::new(Health::Saving);
    let Some(store) = storage() else {
        return Loaded::new(Health::Unavailable);
    };
    let mut dropped = 0;
    for key in keys {
        let raw = match text_at(&store, key) {
            Ok(Some(raw)) => raw,
            Ok(None) => continue,
            // Half a store must not pass for the whole one.
            Err(problem) => return Loaded::new(problem),
        };
        match decode(&raw) {
            Ok(Decoded { state, dropped: 0 }) => {
                if key == STATE_KEY && !state.months().is_empty() {
                    // Data version 1 or 2: everything under one key. Write
                    // the months, then the slimmer main key.
                    loaded
                        .rewrite
                        .extend(state.months().into_iter().map(Part::Month));
                    loaded.rewrite.push(Part::Main);
                }
                loaded.synced.note(key, &raw);
                loaded.state.merge_in(&state);
            }
            Ok(Decoded {
                state,
                dropped: some,
            }) => {
                // The original stays aside; the salvaged copy replaces it.
                if !quarantine(&store, &raw, now) {
                    loaded.health = Health::ReadOnly { schema: 0 };
                }
                dropped += some;
                // Its own key too: a month with nothing left is removed, so
                // the next load finds no damage to set aside again.
                loaded.rewrite.extend(part_of(key));
                loaded
                    .rewrite
                    .extend(state.months().into_iter().map(Part::Month));
                loaded.rewrite.push(Part::Main);
                loaded.state.merge_in(&state);
            }
            Err(DecodeError::Newer { schema }) => return Loaded::new(Health::ReadOnly { schema }),
            Err(DecodeError::Unreadable(reason)) => {
                let kept = quarantine(&store, &raw, now) && store.remove_item(key).is_ok();
                loaded.health = if kept {
                    Health::Quarantined { reason }
                } else {
                    // Could not move it aside: touch nothing and save nothing.
                    Health::ReadOnly { schema: 0 }
                };
            }
        }
    }
    let clamped = loaded.state.clamp_future(clamp_after, now);
    if clamped > 0 {
        loaded
            .rewrite
            .extend(loaded.state.months().into_iter().map(Part::Month));
        loaded.rewrite.push(Part::Main);
    }
    // Months first, the main key last (`Part`'s order).
    loaded.rewrite.sort();
    loaded.rewrite.dedup();
    if loaded.health == Health::Saving {
        if dropped > 0 {
            loaded.health = Health::Salvaged { dropped };
        } else if clamped > 0 {
            loaded.health = Health::Clamped { count: clamped };
        }
    }
    loaded
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
    state: &mut AppState,
    parts: &[Part],
    synced: &mut Synced,
    now: u64,
    clamp_after: u64,
) -> Result<Taken, Health> {
    let store = storage().ok_or(Health::Unavailable)?;
    let mut latest = 0;
    let mut merged = false;
    let mut also_write = Vec::new();
    let mut keys: Vec<String> = parts.iter().map(key_of).collect();
    keys.push(STATE_KEY.to_string());
    keys.dedup();
    for key in keys {
        let stored = text_at(&store, &key)?;
        let Some(text) = stored else { continue };
        if synced.knows(&key, &text) {
            continue;
        }
        match decode(&text) {
            Ok(mut theirs) => {
                // Damaged records would be gone once ours is written over them.
                if theirs.dropped > 0 && !quarantine(&store, &text, now) {
                    return Err(Health::ReadOnly { schema: 0 });
                }
                theirs.state.clamp_future(clamp_after, now);
                latest = latest.max(theirs.state.max_stamp());
                if key == STATE_KEY && !theirs.state.months().is_empty() {
                    also_write.extend(theirs.state.months().into_iter().map(Part::Month));
                    also_write.push(Part::Main);
                }
                state.merge_in(&theirs.state);
                merged = true;
                synced.note(&key, &text);
            }
            Err(DecodeError::Newer { schema }) => return Err(Health::ReadOnly { schema }),
            // New damage since load: keep it aside, then ours replaces it.
            Err(DecodeError::Unreadable(_)) => {
                if !quarantine(&store, &text, now) {
                    return Err(Health::ReadOnly { schema: 0 });
                }
            }
        }
    }
    Ok(Taken {
        merged,
        latest,
        also_write,
    })
}

/// Writes `parts` of `state` where they differ from what this tab last
/// synced; a month with no records left is removed.
pub fn write(
    state: &AppState,
    parts: &[Part],
    today: Day,
    synced: &mut Synced,
) -> Result<(), Health> {
    let store = storage().ok_or(Health::Unavailable)?;
    for part in parts {
        let key = key_of(part);
        let slice = state.part(part);
        if matches!(part, Part::Month(_)) && slice.is_empty() {
            if synced.0.remove(&key).is_some() || text_at(&store, &key).ok().flatten().is_some() {
                store.remove_item(&key).map_err(|_| Health::Unavailable)?;
            }
            continue;
        }
        let text = encode_part(state, part, today);
        if synced.knows(&key, &text) {
            continue;
        }
        store.set_item(&key, &text).map_err(classify)?;
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
pub fn replace_all(state: &AppState, today: Day, synced: &mut Synced) -> Result<(), Health> {
    let store = storage().ok_or(Health::Unavailable)?;
    if let Some(Err(DecodeError::Newer { schema })) = text_at(&store, STATE_KEY)
        .ok()
        .flatten()
        .map(|t| decode(&t))
    {
        return Err(Health::ReadOnly { schema });
    }
    let old_months = keys_with(&store, MONTH_PREFIX).unwrap_or_else(|| {
        state
            .month_index
            .iter()
            .map(|month| key_of(&Part::Month(*month)))
            .collect()
    });
    let mut parts: Vec<Part> = state.months().into_iter().map(Part::Month).collect();
    parts.push(Part::Main);
    write(state, &parts, today, synced)?;
    let kept: Vec<String> = parts.iter().map(key_of).collect();
    for key in old_months.iter().filter(|key| !kept.contains(key)) {
        store.remove_item(key).map_err(|_| Health::Unavailable)?;
        synced.0.remove(key);
    }
    Ok(())
}

/// Keeps the copy for undoing a replacement.
pub fn keep_undo_copy(copy: &UndoCopy, today: Day) -> Result<(), Health> {
    let store = storage().ok_or(Health::Unavailable)?;
    store
        .set_item(UNDO_KEY, &copy.encode(today))
        .map_err(classify)
}

pub fn undo_copy() -> Option<UndoCopy> {
    UndoCopy::decode(&read_raw(UNDO_KEY)?)
}

/// After a replace that failed: the undo copy is what it was before it.
pub fn put_back_undo_copy(kept: Option<&UndoCopy>, today: Day) {
    match kept {
        Some(copy) => {
            let _ = keep_undo_copy(copy, today);
        }
        None => drop_undo_copy(),
    }
}

pub fn drop_undo_copy() {
    if let Some(store) = storage() {
        let _ = store.remove_item(UNDO_KEY);
    }
}

/// What is stored, exactly as it is, for a backup in read-only mode: the
/// main key's text when it is the only key (or storage cannot list its
/// keys: the backup then says it may be incomplete), else every key and
/// its text.
pub fn raw_export() -> Option<String> {
    let store = storage()?;
    let mut keys = keys_with(&store, MONTH_PREFIX).unwrap_or_default();
    if keys.is_empty() {
        return text_at(&store, STATE_KEY).ok().flatten();
    }
    keys.push(STATE_KEY.to_string());
    let texts: serde_json::Map<String, serde_json::Value> = keys
        .into_iter()
        .filter_map(|key| Some((key.clone(), text_at(&store, &key).ok().flatten()?.into())))
        .collect();
    serde_json::to_string(&texts).ok()
}

/// Copies damaged text aside under a new quarantine key, once: text that
/// is kept aside already is not copied again. Past `MAX_QUARANTINED`
/// copies, or when storage is full, only copies the person has downloaded
/// give way, oldest first. False when it could not be kept.
fn quarantine(store: &Storage, text: &str, now: u64) -> bool {
    let copies = quarantined_keys(store);
    if copies
        .iter()
        .any(|key| text_at(store, key).ok().flatten().as_deref() == Some(text))
    {
        return true;
    }
    let mut downloaded: Vec<&String> = copies.iter().filter(|key| was_downloaded(key)).collect();
    let mut kept = copies.len();
    while kept >= MAX_QUARANTINED && !downloaded.is_empty() {
        discard(store, downloaded.remove(0));
        kept -= 1;
    }
    let mut key = format!("{QUARANTINE_PREFIX}{now}");
    while text_at(store, &key).ok().flatten().is_some() {
        key.push('+');
    }
    loop {
        if store.set_item(&key, text).is_ok() {
            return true;
        }
        // Full: a copy already downloaded gives way to this one.
        if downloaded.is_empty() {
            return false;
        }
        discard(store, downloaded.remove(0));
    }
}

/// Copies text another tab stored aside when it is damaged (see `quarantine`).
pub fn set_aside(text: &str, now: u64) -> bool {
    storage().is_some_and(|store| quarantine(&store, text, now))
}

fn downloaded_mark(key: &str) -> String {
    format!("quarantine-downloaded:{key}")
}

fn was_downloaded(key: &str) -> bool {
    preference(&downloaded_mark(key))
}

/// The person downloaded this copy: it may now give way to newer ones.
pub fn note_downloaded(key: &str) {
    set_preference(&downloaded_mark(key), true);
}

fn discard(store: &Storage, key: &str) {
    let _ = store.remove_item(key);
    let _ = store.remove_item(&format!("{PREFERENCE_PREFIX}{}", downloaded_mark(key)));
}

/// Quarantine keys, oldest first (the first versions' single key before all).
fn quarantined_keys(store: &Storage) -> Vec<String> {
    let mut keys = keys_with(store, QUARANTINE_PREFIX).unwrap_or_default();
    keys.sort_by_key(|key| {
        key.trim_start_matches(QUARANTINE_PREFIX)
            .trim_end_matches('+')
            .parse::<u64>()
            .unwrap_or(0)
    });
    if text_at(store, OLD_QUARANTINE_KEY).ok().flatten().is_some() {
        keys.insert(0, OLD_QUARANTINE_KEY.to_string());
    }
    keys
}

/// Every damaged copy kept aside, oldest first: its key and text.
pub fn quarantined() -> Vec<(String, String)> {
    let Some(store) = storage() else {
        return Vec::new();
    };
    quarantined_keys(&store)
        .into_iter()
        .filter_map(|key| Some((key.clone(), text_at(&store, &key).ok().flatten()?)))
        .collect()
}

/// Removes one quarantined copy once the person has dealt with it.
pub fn discard_quarantined(key: &str) {
    if let Some(store) = storage() {
        discard(&store, key);
    }
}

/// A storage error as the banner names it: every browser's "full" is full
/// (Chromium and Safari: QuotaExceededError / 22; Firefox:
/// NS_ERROR_DOM_QUOTA_REACHED / 1014).
fn classify(error: wasm_bindgen::JsValue) -> Health {
    let quota = error.dyn_ref::<web_sys::DomException>().is_some_and(|e| {
        matches!(
            e.name().as_str(),
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED"
        ) || matches!(e.code(), 22 | 1014)
    });
    if quota {
        Health::QuotaFull
    } else {
        Health::Unavailable
    }
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
