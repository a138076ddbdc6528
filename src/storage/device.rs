//! The small per-device choices that are not records (not merged, not
//! backed up): the theme, the guide section last read, dismissed hints, and
//! numbers kept for one tab. Written as plain text, so a page that keeps no
//! records carries no JSON encoder.

use super::{local, Health, KeyValue, PREFERENCE_PREFIX, STATE_KEY};
use hamstring_domain::device::Theme;
use hamstring_domain::state::SCHEMA_VERSION;

/// The key of the device's theme, which other tabs listen for.
pub const THEME_KEY: &str = "hamstring-rehab:device:theme";
const THEME: &str = "theme";
const READING: &str = "reading";
const RETURNING: &str = "returning";

/// Where data version 4 and older kept the theme and the reading place.
const OLDER_THEME: [&str; 3] = ["settings", "value", "theme"];
const OLDER_READING: [&str; 2] = ["reading", "value"];

/// Whether localStorage can be used at all: the one check before gloo-storage,
/// whose `raw()` panics where storage is blocked.
pub fn usable() -> bool {
    local().is_ok()
}

pub fn read_raw(key: &str) -> Option<String> {
    local().ok()?.get(key).ok().flatten()
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
        Some(text) => store.set_item(&key, text).map_err(super::local::classify),
        None => store.remove_item(&key).map_err(|_| Health::Unavailable),
    }
}

/// Notes whether this device's records make the pages show the person's
/// own screens (their session, their progress) rather than a first visit's:
/// the boot script (pwa/boot.js) reads it before the first paint, so the
/// first visit's phase choice never flashes up for a returning person.
pub fn set_returning(returning: bool) {
    set_preference(RETURNING, returning);
}

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
pub fn keep_older_choices() {
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
    let Ok(store) = local() else {
        return Health::Unavailable;
    };
    let newer = store
        .get(STATE_KEY)
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
