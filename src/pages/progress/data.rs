//! Your data: backup and restore, deleting everything, damaged data kept
//! aside, and settings.

use super::restore::{Outcome, Restore};
use super::undo::UndoReplace;
use crate::browser::download;
use crate::components::install::InstallCard;
use crate::components::widgets::NumberField;
use crate::storage::{self, Health};
use crate::store::{use_store, Scope};
use hamstring_content::data as words;
use hamstring_content::routine::{BREAK_DIFFERS, REST_DIFFERS};
use hamstring_domain::backup::{backup_due, file_name};
use hamstring_domain::date::Weekday;
use hamstring_domain::entry::NumberRule;
use hamstring_domain::schedule::{break_differs_from_source, rest_differs_from_source};
use hamstring_domain::state::{encode, AppStateStoreFields, Counts, Stamped};
use leptos::prelude::*;

/// Whether the app runs inside a frame (see `DataSection`).
#[derive(Clone, Copy)]
struct Framed(ReadSignal<bool>);

pub(super) fn framed() -> bool {
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

#[component]
pub fn DataSection() -> impl IntoView {
    // Bumped when a replacement is made or undone, to show or hide "Undo".
    let undo_changed = RwSignal::new(0u32);
    // One message for restoring and undoing: the latest says what happened.
    let message = RwSignal::<Outcome>::new(None);
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
    // Whether anything is recorded changes far less often than the records:
    // the note wakes only when that, or the last backup, does.
    let has_data = Memo::new(move |_| store.state.with(|s| !s.is_empty()));
    let stale = move || {
        let last = store
            .state
            .last_backup()
            .with(|b| b.as_ref().map(|b| b.value));
        backup_due(has_data.get(), last, store.today.get())
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

/// Why a write failed, in the words the banner uses.
pub(super) fn why_not_saved(problem: &Health) -> &'static str {
    match problem {
        Health::QuotaFull => "this browser's storage for this app is full",
        Health::ReadOnly { .. } => "this version of the app can only read the data stored here",
        _ => "this browser is not letting the app save right now",
    }
}

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
    // A read of the settings field: a tick does not wake it.
    let settings = move || store.settings();
    let saved = RwSignal::new(None::<Result<(), Health>>);
    let update = move |apply: Box<dyn FnOnce(&mut hamstring_domain::state::Settings)>| {
        saved.set(Some(store.try_change(Scope::Main, |state, now| {
            let mut settings = state.settings();
            apply(&mut settings);
            state.settings = Some(Stamped::new(now, settings));
        })));
    };
    let rest_secs = Signal::derive(move || Some(settings().rest_secs));
    let break_minutes = Signal::derive(move || Some(settings().break_minutes));
    view! {
        <section class="card" aria-labelledby="settings-title" id="settings">
            <h2 id="settings-title">"Settings"</h2>
            <NumberField label="Rest between sets (seconds)" name="rest-secs" rule=NumberRule::whole(hamstring_domain::state::Settings::REST_SECS) value=rest_secs
                on_commit=Callback::new(move |n: Option<u32>| if let Some(n) = n { update(Box::new(move |s| s.rest_secs = n)) }) />
            {move || rest_differs_from_source(settings().rest_secs).then(|| view! { <p class="muted setting-note">{REST_DIFFERS}</p> })}
            <NumberField label="Standing break every (minutes)" name="break-minutes" rule=NumberRule::whole(hamstring_domain::state::Settings::BREAK_MINUTES) value=break_minutes
                on_commit=Callback::new(move |n: Option<u32>| if let Some(n) = n { update(Box::new(move |s| s.break_minutes = n)) }) />
            {move || break_differs_from_source(settings().break_minutes).then(|| view! { <p class="muted setting-note">{BREAK_DIFFERS}</p> })}
            <label class="field">"Weeks start on"
                <select name="week-start" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let day = Weekday::ALL.into_iter().find(|d| d.short_name() == value);
                    update(Box::new(move |s| s.week_start = day));
                }>
                    <option value="auto" selected=move || settings().week_start.is_none()>"Your region's default"</option>
                    {Weekday::ALL.into_iter().map(|d| view! {
                        <option value=d.short_name() selected=move || settings().week_start == Some(d)>{d.short_name()}</option>
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
