//! localStorage as a `KeyValue`.

use super::{Health, KeyValue};
use wasm_bindgen::JsCast;
use web_sys::Storage;

/// The browser's localStorage.
pub struct Local(Storage);

/// localStorage, or `Unavailable` where reading the property itself throws
/// (storage disabled, sandboxed frames): `window.localStorage` can raise,
/// not just be null.
pub fn local() -> Result<Local, Health> {
    let window = web_sys::window().ok_or(Health::Unavailable)?;
    let storage = window.local_storage().ok().flatten();
    let local = Local(storage.ok_or(Health::Unavailable)?);
    // Some browsers hand out a storage object that throws on first use.
    local.get("probe").map_err(|_| Health::Unavailable)?;
    Ok(local)
}

impl KeyValue for Local {
    fn get(&self, key: &str) -> Result<Option<String>, Health> {
        let store = &self.0;
        // `getItem` as the page has it, called by hand: web-sys's binding
        // traps on anything but a string or null (a page script or
        // extension can replace the method).
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

    fn set(&self, key: &str, text: &str) -> Result<(), Health> {
        self.0.set_item(key, text).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), Health> {
        self.0.remove_item(key).map_err(|_| Health::Unavailable)
    }

    fn keys(&self) -> Option<Vec<String>> {
        let count = self.0.length().ok()?;
        Some(
            (0..count)
                .filter_map(|i| self.0.key(i).ok().flatten())
                .collect(),
        )
    }
}

/// A storage error as the banner names it: every browser's "full" is full
/// (Chromium and Safari: QuotaExceededError / 22; Firefox:
/// NS_ERROR_DOM_QUOTA_REACHED / 1014).
pub(super) fn classify(error: wasm_bindgen::JsValue) -> Health {
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
