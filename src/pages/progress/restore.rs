//! Restoring a backup: reading the chosen file, a preview of what restoring
//! it would do, and applying it (merge, or replace with an undo copy).

use super::data::{framed, why_not_saved};
use crate::browser::now_ms;
use crate::storage::Health;
use crate::store::{use_store, Scope, Store};
use hamstring_content::data as words;
use hamstring_domain::backup::{check_import, file_covers, Import, RestorePlan, MAX_IMPORT_BYTES};
use hamstring_domain::state::{AppState, Changes, Stamped};
use leptos::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// A message after an import: whether it is good news, and its text.
pub(super) type Outcome = Option<(bool, String)>;

// Reading.

/// Choosing a backup file, then a preview of what restoring it would do.
#[component]
pub(super) fn Restore(undo_changed: RwSignal<u32>, message: RwSignal<Outcome>) -> impl IntoView {
    let store = use_store();
    let pending = RwSignal::new(None::<Import>);
    let disabled = Signal::derive(move || store.health.with(Health::is_read_only) || framed());
    let chosen = Callback::new(move |file: web_sys::File| {
        pending.set(None);
        // The preview compares with every record held here.
        store.load_history();
        read_backup(file, pending, message);
    });
    view! {
        <h3>"Restore from a backup"</h3>
        <BackupFilePicker disabled chosen />
        {move || message.get().map(|(ok, text)| view! {
            <p class=if ok { "status" } else { "status warn" } role="alert">{text}</p>
        })}
        {move || pending.get().map(|import| view! { <RestorePreview import pending message undo_changed disabled /> })}
    }
}

/// A real button that opens the file picker; the file input it drives is
/// out of sight and out of the tab order.
#[component]
fn BackupFilePicker(disabled: Signal<bool>, chosen: Callback<web_sys::File>) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let picked = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let file = input.files().and_then(|files| files.get(0));
        // The same file can be chosen again.
        input.set_value("");
        if let Some(file) = file {
            chosen.run(file);
        }
    };
    view! {
        <p id="import-help">{words::RESTORE_HELP}</p>
        <input type="file" id="import-file" class="visually-hidden" tabindex="-1" aria-label="Backup file" accept=".json,application/json"
            node_ref=input on:change=picked prop:disabled=disabled />
        <div class="actions">
            <button type="button" class="secondary" aria-describedby="import-help" prop:disabled=disabled
                on:click=move |_| if let Some(input) = input.get() { input.click() }>
                {words::CHOOSE_BACKUP_FILE}
            </button>
        </div>
    }
}

/// Reads and checks the chosen file; the preview shows once it is checked.
fn read_backup(file: web_sys::File, pending: RwSignal<Option<Import>>, message: RwSignal<Outcome>) {
    if file.size() > MAX_IMPORT_BYTES as f64 {
        message.set(Some((false, "This file is too large to be a Hamstring Rehab backup. Your current data has not been changed.".into())));
        return;
    }
    spawn_local(async move {
        let text = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string());
        match text.map(|t| check_import(&t, now_ms())) {
            Some(Ok(import)) => {
                message.set(None);
                pending.set(Some(import));
            }
            Some(Err(why)) => message.set(Some((false, why))),
            None => message.set(Some((
                false,
                "The file could not be read. Your current data has not been changed.".into(),
            ))),
        }
    });
}

// Preview.

/// What the backup holds, said once, and the ways to restore it: one
/// "Restore" on a device with nothing recorded, else Merge or Replace.
#[component]
fn RestorePreview(
    import: Import,
    pending: RwSignal<Option<Import>>,
    message: RwSignal<Outcome>,
    undo_changed: RwSignal<u32>,
    disabled: Signal<bool>,
) -> impl IntoView {
    let store = use_store();
    let holds = import.counts.describe("no records");
    let (skipped, clamped) = (import.skipped, import.clamped);
    let plan = {
        let import = import.clone();
        Memo::new(move |_| store.state.with(|local| RestorePlan::new(local, &import)))
    };
    let merge = move || {
        // A second tap on the same spot finds no import left: one restore.
        let Some(import) = pending.get_untracked() else {
            return;
        };
        pending.set(None);
        message.set(Some(merge_backup(
            store,
            &import,
            plan.get_untracked().device_empty,
        )));
    };
    let replace = move || {
        let Some(import) = pending.get_untracked() else {
            return;
        };
        pending.set(None);
        message.set(Some(replace_with_backup(store, import)));
        undo_changed.update(|n| *n += 1);
    };
    let cancel = move || pending.set(None);
    view! {
        <div class="status import-preview">
            <p><strong>"This backup holds "</strong>{holds}"."</p>
            {(skipped > 0).then(|| view! { <p>{format!("{skipped} damaged records in it will be skipped.")}</p> })}
            {(clamped > 0).then(|| view! { <p>{format!("{clamped} records in it were dated in the future by a wrong clock; they will count as written now.")}</p> })}
            {restore_choices(plan, merge, replace, cancel, disabled)}
        </div>
    }
}

/// One "Restore" on a device with nothing recorded, else Merge and Replace,
/// each said with what it would do.
fn restore_choices(
    plan: Memo<RestorePlan>,
    merge: impl Fn() + Copy + Send + Sync + 'static,
    replace: impl Fn() + Copy + Send + Sync + 'static,
    cancel: impl Fn() + Copy + Send + Sync + 'static,
    disabled: Signal<bool>,
) -> impl IntoView {
    move || {
        if plan.with(|plan| plan.device_empty) {
            return view! {
                <p>{words::RESTORE_ON_EMPTY_DEVICE}</p>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| merge() prop:disabled=disabled>"Restore"</button>
                    <button type="button" class="secondary" on:click=move |_| cancel()>"Cancel"</button>
                </div>
            }
            .into_any();
        }
        let plan = plan.get();
        let nothing_to_merge = plan.merge_changes_nothing();
        view! {
            <p><strong>"Merge"</strong>{plan.merge_text()}</p>
            <p><strong>"Replace"</strong>{plan.replace_text()}</p>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| merge() prop:disabled=move || disabled.get() || nothing_to_merge>"Merge"</button>
                <button type="button" class="secondary" on:click=move |_| replace() prop:disabled=disabled>"Replace"</button>
                <button type="button" class="secondary" on:click=move |_| cancel()>"Cancel"</button>
            </div>
            {nothing_to_merge.then(|| view! { <p>"Merging would change nothing: everything in this backup is already here."</p> })}
        }
        .into_any()
    }
}

// Apply.

/// Merges the backup in (on an empty device, "Restore") and says what changed.
fn merge_backup(store: Store, import: &Import, device_empty: bool) -> (bool, String) {
    let unticks = store
        .state
        .with_untracked(|local| local.import_unticks(&import.state));
    match store.merge_import(&import.state) {
        Ok(before) => {
            let changes = store
                .state
                .with_untracked(|after| Changes::between(&before, after));
            note_restored(store, &import.state);
            let mut text = if device_empty {
                format!("Restored. The backup {}.", changes.describe_done())
            } else {
                format!("Merged. The backup {}.", changes.describe_done())
            };
            if unticks > 0 {
                text.push_str(&format!(" {}", unticks_kept(unticks)));
            }
            (true, text)
        }
        Err(problem) => (
            false,
            format!(
                "Nothing was {}: {}. Your data is as it was.",
                if device_empty { "restored" } else { "merged" },
                why_not_saved(&problem)
            ),
        ),
    }
}

/// Replaces everything with the backup and says what changed. The device
/// then matches the file the person holds, as good as a backup made today:
/// that is part of the replacement itself (a later write would end the run
/// of replaces that one undo takes back).
fn replace_with_backup(store: Store, import: Import) -> (bool, String) {
    let changes = store
        .state
        .with_untracked(|before| Changes::between(before, &import.state));
    let mut file = import.state;
    // Stamped anew with the rest by the replace.
    file.last_backup = Some(Stamped::new(0, store.today.get_untracked()));
    match store.replace(file, true) {
        Ok(()) => {
            (true, format!("Replaced. This device now matches the backup: it {}. Your data from before is kept: you can undo this above.", changes.describe_done()))
        }
        Err(problem) => (
            false,
            format!(
                "Nothing was replaced: {}. Your data is as it was.",
                why_not_saved(&problem)
            ),
        ),
    }
}

/// After a merge that left every record here in the file the person holds,
/// that file is as good as a backup made today (`file_covers`).
fn note_restored(store: Store, file: &AppState) {
    if store
        .state
        .with_untracked(|device| file_covers(file, device))
    {
        let today = store.today.get_untracked();
        store.change(Scope::Main, |state, now| {
            state.last_backup = Some(Stamped::new(now, today))
        });
    }
}

fn unticks_kept(count: usize) -> String {
    if count == 1 {
        "1 set the backup marks \"not done\" is still ticked here.".into()
    } else {
        format!("{count} sets the backup marks \"not done\" are still ticked here.")
    }
}
