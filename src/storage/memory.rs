//! An in-memory `KeyValue` for the native tests, which can be told to fail
//! the ways a browser's storage does, and which logs every write in order.

use super::{Health, KeyValue};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

#[derive(Default)]
pub struct Memory {
    texts: RefCell<BTreeMap<String, String>>,
    /// Every `set` and `remove`, in order, as "set KEY" or "remove KEY".
    log: RefCell<Vec<String>>,
    /// Reads of the app's keys throw (the probe still works).
    pub failing_reads: Cell<bool>,
    /// Listing the keys throws.
    pub unlisted: Cell<bool>,
    /// Writes of keys with this prefix are refused as full.
    pub full_for: RefCell<Option<String>>,
}

impl Memory {
    /// A store holding `texts`, with an empty log.
    pub fn with(texts: &[(&str, &str)]) -> Memory {
        let memory = Memory::default();
        for (key, text) in texts {
            memory
                .texts
                .borrow_mut()
                .insert(key.to_string(), text.to_string());
        }
        memory
    }

    pub fn text(&self, key: &str) -> Option<String> {
        self.texts.borrow().get(key).cloned()
    }

    /// Every key and its text.
    pub fn all(&self) -> BTreeMap<String, String> {
        self.texts.borrow().clone()
    }

    /// The writes so far, in order.
    pub fn log(&self) -> Vec<String> {
        self.log.borrow().clone()
    }

    /// Forgets the writes so far: what a test set up is not what it checks.
    pub fn forget_log(&self) {
        self.log.borrow_mut().clear();
    }

    pub fn refuse_as_full(&self, prefix: &str) {
        *self.full_for.borrow_mut() = Some(prefix.to_string());
    }
}

impl KeyValue for Memory {
    fn get(&self, key: &str) -> Result<Option<String>, Health> {
        if self.failing_reads.get() && key.starts_with("hamstring-rehab:") {
            return Err(Health::Unavailable);
        }
        Ok(self.text(key))
    }

    fn set(&self, key: &str, text: &str) -> Result<(), Health> {
        if let Some(prefix) = self.full_for.borrow().as_deref() {
            if key.starts_with(prefix) {
                return Err(Health::QuotaFull);
            }
        }
        self.log.borrow_mut().push(format!("set {key}"));
        self.texts
            .borrow_mut()
            .insert(key.to_string(), text.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), Health> {
        self.log.borrow_mut().push(format!("remove {key}"));
        self.texts.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Option<Vec<String>> {
        if self.unlisted.get() {
            return None;
        }
        Some(self.texts.borrow().keys().cloned().collect())
    }
}
