//! One-step undo of a replacement, from the copy storage keeps of what it
//! replaced.

use super::data::{framed, why_not_saved};
use super::restore::Outcome;
use crate::storage::{self, Health};
use crate::store::{use_store, Store};
use hamstring_domain::backup::UndoCopy;
use hamstring_domain::state::Counts;
use leptos::prelude::*;

/// A time as this device's calendar and clock show it: "1 Dec 2026 at 10:31".
fn local_time(ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let day = hamstring_domain::date::Day::from_ymd(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    );
    match day {
        Some(day) => format!(
            "{} at {:02}:{:02}",
            day.long_label(),
            date.get_hours(),
            date.get_minutes()
        ),
        None => "at an unknown time".into(),
    }
}

/// One-step undo of a replacement, kept until it is used or discarded.
#[component]
pub(super) fn UndoReplace(
    undo_changed: RwSignal<u32>,
    message: RwSignal<Outcome>,
) -> impl IntoView {
    let store = use_store();
    let copy = Memo::new(move |_| {
        undo_changed.track();
        storage::with_local(storage::undo_copy)
    });
    // Just after a replace the button waits a moment: a second tap meant for
    // "Replace" must not undo it.
    let armed = RwSignal::new(true);
    Effect::watch(
        move || undo_changed.get(),
        move |_, _, _| {
            armed.set(false);
            set_timeout(move || armed.set(true), UNDO_ARMS_AFTER);
        },
        false,
    );
    let undo = move |_| {
        let Some(before) = copy.get_untracked() else {
            return;
        };
        message.set(Some(undo_replace(store, before)));
        undo_changed.update(|n| *n += 1);
    };
    let discard = move |_| {
        storage::with_local(storage::drop_undo_copy);
        undo_changed.update(|n| *n += 1);
    };
    view! {
        {move || copy.get().map(|before| view! {
            <div class="status" id="undo-replace">
                <h3>"Undo the last replace"</h3>
                <p>{format!(
                    "Your data from before the last replace{} is kept on this device: {}. Undoing puts it back in place of everything here now.",
                    before.taken_at.map(|at| format!(" (kept {})", local_time(at))).unwrap_or_default(),
                    Counts::of(&before.state).describe("no records"),
                )}</p>
                <div class="actions">
                    <button type="button" class="primary" on:click=undo prop:disabled=move || !armed.get() || framed() || store.health.with(Health::is_read_only)>"Undo the replace"</button>
                    <button type="button" class="secondary" on:click=discard prop:disabled=framed>"Discard the copy"</button>
                </div>
            </div>
        })}
    }
}

/// Puts the copy back in place of everything here, and says how that went.
fn undo_replace(store: Store, before: UndoCopy) -> (bool, String) {
    match store.replace(before.state, false) {
        Ok(()) => {
            storage::with_local(storage::drop_undo_copy);
            (
                true,
                "Undone: your data is back as it was before the replace.".into(),
            )
        }
        Err(problem) => (
            false,
            format!(
                "The replace could not be undone: {}. The copy is still kept.",
                why_not_saved(&problem)
            ),
        ),
    }
}

/// How long "Undo the replace" waits after a replace: longer than a double tap.
const UNDO_ARMS_AFTER: std::time::Duration = std::time::Duration::from_millis(1000);
