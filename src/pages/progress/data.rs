//! Your data: backup and restore, deleting everything, damaged data kept
//! aside, and settings.

use crate::browser::{download, now_ms};
use crate::components::install::InstallCard;
use crate::components::widgets::NumberField;
use crate::storage::{self, Health};
use crate::store::{use_store, Scope, Store};
use hamstring_content::data as words;
use hamstring_content::routine::{BREAK_DIFFERS, REST_DIFFERS};
use hamstring_domain::backup::{
    check_import, file_covers, file_name, Import, RestorePlan, MAX_IMPORT_BYTES,
};
use hamstring_domain::date::Weekday;
use hamstring_domain::entry::NumberRule;
use hamstring_domain::schedule::{break_differs_from_source, rest_differs_from_source};
use hamstring_domain::state::{encode, Changes, Counts, Stamped};
use leptos::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// Whether the app runs inside a frame (see `DataSection`).
#[derive(Clone, Copy)]
struct Framed(ReadSignal<bool>);

fn framed() -> bool {
    use_context::<Framed>().is_some_and(|framed| framed.0.get())
}

fn is_framed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    // `top` is this window unless something frames it (a cross-origin top
    // can still be compared, not read).
    match window.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &window),
        _ => true,
    }
}

/// Suggest a fresh backup after this many days.
const BACKUP_NUDGE_DAYS: i32 = 14;

#[component]
pub fn DataSection() -> impl IntoView {
    // Bumped when a replacement is made or undone, to show or hide "Undo".
    let undo_changed = RwSignal::new(0u32);
    // One message for restoring and undoing: the latest says what happened.
    let message = RwSignal::new(Outcome::None);
    // Inside another site's frame a click can be steered onto "Replace" or
    // "Delete": those are switched off there. Known only in the browser.
    let framed = RwSignal::new(false);
    Effect::new(move || framed.set(is_framed()));
    provide_context(Framed(framed.read_only()));
    view! {
        <InstallCard />
        <section class="card" aria-labelledby="data-title" id="data">
            <h2 id="data-title">"Your data"</h2>
            <p>"Everything you record stays in this browser on this device. Nothing is sent anywhere."</p>
            <StorageNotes />
            {move || framed.get().then(|| view! {
                <p class="status warn" id="framed-note">"This app is shown inside another site's page, so restoring, undoing and deleting are switched off here. Open the app on its own to use them."</p>
            })}
            <Backup />
            // Above the import, so it never appears where "Replace" was.
            <UndoReplace undo_changed message />
            <Restore undo_changed message />
            <Quarantine />
            <DeleteAll />
        </section>
        <SettingsForm />
    }
}

#[component]
fn StorageNotes() -> impl IntoView {
    let store = use_store();
    let stale = move || {
        store.state.with(|s| {
            let has_data = !s.is_empty();
            let last = s.last_backup.as_ref().map(|b| b.value);
            has_data && last.is_none_or(|d| store.today.get().days_since(d) >= BACKUP_NUDGE_DAYS)
        })
    };
    view! {
        {move || stale().then(|| view! {
            <p class="status" id="backup-nudge">"Your last backup is more than two weeks old, or you have none yet. A backup file keeps your history safe if this browser's data is cleared."</p>
        })}
        {move || match store.health.get() {
            Health::ReadOnly { .. } => Some(view! {
                <p class="status warn" id="read-only-note">"This version of the app can only read your data, so restoring, deleting and settings are switched off. A backup downloads your data exactly as it is stored."</p>
            }.into_any()),
            Health::Unavailable | Health::QuotaFull => Some(view! {
                <p class="status warn">"Saving is not working normally right now: see the message at the top of the page."</p>
            }.into_any()),
            _ => None,
        }}
    }
}

#[component]
fn Backup() -> impl IntoView {
    let store = use_store();
    let done = RwSignal::new(None::<String>);
    let export = move |_| {
        store.load_history();
        let today = store.today.get_untracked();
        // Storage would not list its keys: the file holds what could be read.
        let complete = store.listed.get_untracked();
        // Read-only: the stored text exactly as a newer version wrote it.
        let text = if store.health.get_untracked().is_read_only() {
            storage::with_local(storage::raw_export)
        } else {
            Some(store.state.with_untracked(|state| encode(state, today)))
        };
        let Some(text) = text else {
            done.set(Some("There is nothing stored to download.".into()));
            return;
        };
        match download(&file_name(today), "application/json", &text) {
            Ok(()) if complete => {
                store.change(Scope::Main, |state, now| {
                    state.last_backup = Some(Stamped::new(now, today))
                });
                done.set(Some(format!("Downloaded {}.", file_name(today))));
            }
            // Not counted as a backup: it may not hold everything.
            Ok(()) => done.set(Some(format!(
                "Downloaded {}. {}",
                file_name(today),
                words::DOWNLOADED_MAY_BE_INCOMPLETE
            ))),
            Err(_) => done.set(Some(
                "The download did not start. Your browser may block downloads.".into(),
            )),
        }
    };
    view! {
        <h3>"Back up"</h3>
        <p>{move || format!("This device holds {}.", store.state.with(|s| Counts::of(s).describe("no records yet")))}</p>
        {move || (!store.listed.get()).then(|| view! {
            <p class="status warn" id="backup-incomplete">{words::BACKUP_MAY_BE_INCOMPLETE}</p>
        })}
        <div class="actions"><button type="button" class="primary" on:click=export>"Download a backup file"</button></div>
        <p aria-live="polite">{move || done.get()}</p>
    }
}

/// A message after an import: whether it is good news, and its text.
type Outcome = Option<(bool, String)>;

/// Choosing a backup file, then a preview of what restoring it would do.
#[component]
fn Restore(undo_changed: RwSignal<u32>, message: RwSignal<Outcome>) -> impl IntoView {
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
    let merge = move |_| {
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
    let replace = move |_| {
        let Some(import) = pending.get_untracked() else {
            return;
        };
        pending.set(None);
        message.set(Some(replace_with_backup(store, import)));
        undo_changed.update(|n| *n += 1);
    };
    let cancel = move |_| pending.set(None);
    view! {
        <div class="status import-preview">
            <p><strong>"This backup holds "</strong>{holds}"."</p>
            {(skipped > 0).then(|| view! { <p>{format!("{skipped} damaged records in it will be skipped.")}</p> })}
            {(clamped > 0).then(|| view! { <p>{format!("{clamped} records in it were dated in the future by a wrong clock; they will count as written now.")}</p> })}
            {move || if plan.get().device_empty {
                view! {
                    <p>{words::RESTORE_ON_EMPTY_DEVICE}</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=merge prop:disabled=disabled>"Restore"</button>
                        <button type="button" class="secondary" on:click=cancel>"Cancel"</button>
                    </div>
                }.into_any()
            } else {
                let plan = plan.get();
                let nothing_to_merge = plan.merge_changes_nothing();
                view! {
                    <p><strong>"Merge"</strong>{plan.merge_text()}</p>
                    <p><strong>"Replace"</strong>{plan.replace_text()}</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=merge prop:disabled=move || disabled.get() || nothing_to_merge>"Merge"</button>
                        <button type="button" class="secondary" on:click=replace prop:disabled=disabled>"Replace"</button>
                        <button type="button" class="secondary" on:click=cancel>"Cancel"</button>
                    </div>
                    {nothing_to_merge.then(|| view! { <p>"Merging would change nothing: everything in this backup is already here."</p> })}
                }.into_any()
            }}
        </div>
    }
}

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
fn note_restored(store: Store, file: &hamstring_domain::state::AppState) {
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

/// Why a write failed, in the words the banner uses.
fn why_not_saved(problem: &Health) -> &'static str {
    match problem {
        Health::QuotaFull => "this browser's storage for this app is full",
        Health::ReadOnly { .. } => "this version of the app can only read the data stored here",
        _ => "this browser is not letting the app save right now",
    }
}

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
fn UndoReplace(undo_changed: RwSignal<u32>, message: RwSignal<Outcome>) -> impl IntoView {
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
        match store.replace(before.state, false) {
            Ok(()) => {
                storage::with_local(storage::drop_undo_copy);
                message.set(Some((
                    true,
                    "Undone: your data is back as it was before the replace.".into(),
                )));
            }
            Err(problem) => message.set(Some((
                false,
                format!(
                    "The replace could not be undone: {}. The copy is still kept.",
                    why_not_saved(&problem)
                ),
            ))),
        }
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

/// How long "Undo the replace" waits after a replace: longer than a double tap.
const UNDO_ARMS_AFTER: std::time::Duration = std::time::Duration::from_millis(1000);

/// Damaged stored text, kept aside rather than deleted.
#[component]
fn Quarantine() -> impl IntoView {
    let copies = RwSignal::new(storage::with_local(storage::quarantined));
    view! {
        {move || {
            let list = copies.get();
            (!list.is_empty()).then(|| view! {
                <div class="status warn quarantine">
                    <h3>"Damaged data kept aside"</h3>
                    <p>{if list.len() == 1 {
                        "1 copy of saved data that could not be read in full is kept here. Download it to keep it or to send it for help.".to_string()
                    } else {
                        format!("{} copies of saved data that could not be read in full are kept here. Download them to keep them or to send them for help; only copies you have downloaded make room for new ones.", list.len())
                    }}</p>
                    <ul class="quarantined">
                        {list.into_iter().enumerate().map(|(i, (key, text))| {
                            let size = text.len();
                            let downloaded_key = key.clone();
                            let name = format!("hamstring-rehab-damaged-data-{}.txt", i + 1);
                            view! {
                                <li>
                                    <p>{format!("Copy {} ({size} characters)", i + 1)}</p>
                                    <div class="actions">
                                        <button type="button" class="secondary" aria-label=format!("Download the damaged data, copy {}", i + 1) on:click=move |_| if download(&name, "text/plain", &text).is_ok() { storage::note_downloaded(&downloaded_key); }>"Download the damaged data"</button>
                                        <button type="button" class="secondary" aria-label=format!("Discard it, copy {}", i + 1) prop:disabled=framed on:click=move |_| { storage::with_local(|local| storage::discard_quarantined(local, &key)); copies.set(storage::with_local(storage::quarantined)); }>"Discard it"</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
    }
}

#[component]
fn DeleteAll() -> impl IntoView {
    let store = use_store();
    let confirming = RwSignal::new(false);
    let outcome = RwSignal::new(None::<String>);
    let delete = move |_| {
        outcome.set(Some(match store.delete_all() {
            Ok(()) => "All your data was deleted.".to_string(),
            Err(problem) => format!(
                "Your data could not be deleted: {}. Nothing was changed.",
                why_not_saved(&problem)
            ),
        }));
        confirming.set(false);
    };
    view! {
        <h3>"Delete all my data"</h3>
        {move || if confirming.get() {
            view! {
                <div class="status warn" role="alert">
                    <p><strong>"Delete everything on this device?"</strong>" Your sessions, self-check results, scores and settings will be gone. This cannot be undone; download a backup first if you may want it."</p>
                    <div class="actions">
                        <button type="button" class="danger secondary" on:click=delete>"Yes, delete everything"</button>
                        <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Keep my data"</button>
                    </div>
                </div>
            }.into_any()
        } else {
            view! {
                <div class="actions"><button type="button" class="secondary danger" prop:disabled=move || framed() || store.health.with(Health::is_read_only) on:click=move |_| { outcome.set(None); confirming.set(true); }>"Delete all my data…"</button></div>
            }.into_any()
        }}
        <p aria-live="polite">{move || outcome.get()}</p>
    }
}

#[component]
fn SettingsForm() -> impl IntoView {
    let store = use_store();
    // Read in six places: worked out once, and only when the settings change.
    let settings = Memo::new(move |_| store.settings());
    let saved = RwSignal::new(None::<Result<(), Health>>);
    let update = move |apply: Box<dyn FnOnce(&mut hamstring_domain::state::Settings)>| {
        saved.set(Some(store.try_change(Scope::Main, |state, now| {
            let mut settings = state.settings();
            apply(&mut settings);
            state.settings = Some(Stamped::new(now, settings));
        })));
    };
    let rest_secs = Signal::derive(move || Some(settings.get().rest_secs));
    let break_minutes = Signal::derive(move || Some(settings.get().break_minutes));
    view! {
        <section class="card" aria-labelledby="settings-title" id="settings">
            <h2 id="settings-title">"Settings"</h2>
            <NumberField label="Rest between sets (seconds)" name="rest-secs" rule=NumberRule::whole(hamstring_domain::state::Settings::REST_SECS) value=rest_secs
                on_commit=Callback::new(move |n: Option<u32>| if let Some(n) = n { update(Box::new(move |s| s.rest_secs = n)) }) />
            {move || rest_differs_from_source(settings.get().rest_secs).then(|| view! { <p class="muted setting-note">{REST_DIFFERS}</p> })}
            <NumberField label="Standing break every (minutes)" name="break-minutes" rule=NumberRule::whole(hamstring_domain::state::Settings::BREAK_MINUTES) value=break_minutes
                on_commit=Callback::new(move |n: Option<u32>| if let Some(n) = n { update(Box::new(move |s| s.break_minutes = n)) }) />
            {move || break_differs_from_source(settings.get().break_minutes).then(|| view! { <p class="muted setting-note">{BREAK_DIFFERS}</p> })}
            <label class="field">"Weeks start on"
                <select name="week-start" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let day = Weekday::ALL.into_iter().find(|d| d.short_name() == value);
                    update(Box::new(move |s| s.week_start = day));
                }>
                    <option value="auto" selected=move || settings.get().week_start.is_none()>"Your region's default"</option>
                    {Weekday::ALL.into_iter().map(|d| view! {
                        <option value=d.short_name() selected=move || settings.get().week_start == Some(d)>{d.short_name()}</option>
                    }).collect_view()}
                </select>
            </label>
            <p aria-live="polite" id="settings-saved">{move || saved.get().map(|outcome| match outcome {
                Ok(()) => "Saved.".to_string(),
                Err(problem) => format!("Not saved: {}. The change holds on this page only until it is closed.", why_not_saved(&problem)),
            })}</p>
        </section>
    }
}
