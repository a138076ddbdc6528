//! Your data: backup and restore, deleting everything, damaged data kept
//! aside, and settings.

use crate::app::browser::{download, is_apple_mobile, now_ms};
use crate::app::store::use_store;
use crate::core::backup::{check_import, file_name, Contents, Import};
use crate::core::date::Weekday;
use crate::core::state::{encode, AppState, Stamped};
use crate::storage::{self, Health, QUARANTINE_KEY};
use leptos::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// Suggest a fresh backup after this many days.
const BACKUP_NUDGE_DAYS: i32 = 14;

#[component]
pub fn DataSection() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="data-title" id="data">
            <h2 id="data-title">"Your data"</h2>
            <p>"Everything you record stays in this browser on this device. Nothing is sent anywhere."</p>
            <StorageNotes />
            <Backup />
            <Restore />
            <Quarantine />
            <DeleteAll />
        </section>
        <Settings />
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
        {is_apple_mobile().then(|| view! {
            <p class="status warn">"On iPhone and iPad, Safari may erase this app's data after 7 days without a visit, unless you add the app to your Home Screen (Share, then Add to Home Screen). Keep a backup file to be safe."</p>
        })}
        {move || stale().then(|| view! {
            <p class="status" id="backup-nudge">"Your last backup is more than two weeks old, or you have none yet. A backup file keeps your history safe if this browser's data is cleared."</p>
        })}
        {move || (store.health.get() != Health::Saving).then(|| view! {
            <p class="status warn">"Saving is not working normally right now: see the message at the top of the page."</p>
        })}
    }
}

#[component]
fn Backup() -> impl IntoView {
    let store = use_store();
    let done = RwSignal::new(None::<String>);
    let export = move |_| {
        let today = store.today.get_untracked();
        let text = store.state.with_untracked(|state| encode(state, today));
        match download(&file_name(today), "application/json", &text) {
            Ok(()) => {
                store.change(|state, now| state.last_backup = Some(Stamped::new(now, today)));
                done.set(Some(format!("Downloaded {}.", file_name(today))));
            }
            Err(_) => done.set(Some(
                "The download did not start. Your browser may block downloads.".into(),
            )),
        }
    };
    view! {
        <h3>"Back up"</h3>
        <p>{move || format!("This device holds {}.", store.state.with(|s| Contents::of(s).describe()))}</p>
        <div class="actions"><button type="button" class="primary" on:click=export>"Download a backup file"</button></div>
        <p aria-live="polite">{move || done.get()}</p>
    }
}

#[component]
fn Restore() -> impl IntoView {
    let store = use_store();
    let pending = RwSignal::new(None::<Import>);
    let message = RwSignal::new(None::<(bool, String)>);
    let picked = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        pending.set(None);
        if file.size() > crate::core::backup::MAX_IMPORT_BYTES as f64 {
            message.set(Some((false, "This file is too large to be a Hamstring Rehab backup. Your current data has not been changed.".into())));
            return;
        }
        spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            match text.map(|t| check_import(&t)) {
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
    };
    let apply = move |replace: bool| {
        let Some(import) = pending.get_untracked() else {
            return;
        };
        if replace {
            store.replace(import.state.as_replacement(now_ms()));
        } else {
            store.change(|state, _| *state = state.merge(&import.state));
        }
        pending.set(None);
        message.set(Some((
            true,
            if replace {
                "Your data was replaced by the backup.".into()
            } else {
                "The backup was merged with your data.".into()
            },
        )));
    };
    view! {
        <h3>"Restore from a backup"</h3>
        <label class="field" for="import-file">"Choose a backup file (.json)"</label>
        <input type="file" id="import-file" accept=".json,application/json" on:change=picked />
        {move || message.get().map(|(ok, text)| view! {
            <p class=if ok { "status" } else { "status warn" } role="alert">{text}</p>
        })}
        {move || pending.get().map(|import| view! {
            <div class="status import-preview">
                <p><strong>"This backup holds "</strong>{import.contents.describe()}"."</p>
                {(import.skipped > 0).then(|| view! { <p>{format!("{} damaged records in it will be skipped.", import.skipped)}</p> })}
                <p>"Merge keeps everything on this device and adds the backup's records (the newer version of each wins). Replace makes this device match the backup."</p>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| apply(false)>"Merge"</button>
                    <button type="button" class="secondary" on:click=move |_| apply(true)>"Replace"</button>
                    <button type="button" class="secondary" on:click=move |_| pending.set(None)>"Cancel"</button>
                </div>
            </div>
        })}
    }
}

/// Damaged stored text, kept aside rather than deleted.
#[component]
fn Quarantine() -> impl IntoView {
    let raw = RwSignal::new(storage::read_raw(QUARANTINE_KEY));
    view! {
        {move || raw.get().map(|text| {
            let size = text.len();
            view! {
                <div class="status warn quarantine">
                    <h3>"Damaged data kept aside"</h3>
                    <p>{format!("Saved data that could not be read in full is kept here ({size} characters). Download it to keep a copy or to send it for help.")}</p>
                    <div class="actions">
                        <button type="button" class="secondary" on:click=move |_| { let _ = download("hamstring-rehab-damaged-data.txt", "text/plain", &text); }>"Download the damaged data"</button>
                        <button type="button" class="secondary" on:click=move |_| { storage::clear_quarantine(); raw.set(None); }>"Discard it"</button>
                    </div>
                </div>
            }
        })}
    }
}

#[component]
fn DeleteAll() -> impl IntoView {
    let store = use_store();
    let confirming = RwSignal::new(false);
    let deleted = RwSignal::new(false);
    let delete = move |_| {
        store.replace(AppState {
            reset_at: now_ms(),
            ..AppState::default()
        });
        confirming.set(false);
        deleted.set(true);
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
                <div class="actions"><button type="button" class="secondary danger" on:click=move |_| { deleted.set(false); confirming.set(true); }>"Delete all my data…"</button></div>
            }.into_any()
        }}
        <p aria-live="polite">{move || deleted.get().then_some("All your data was deleted.")}</p>
    }
}

#[component]
fn Settings() -> impl IntoView {
    let store = use_store();
    let settings = move || store.state.with(|s| s.settings());
    let update = move |apply: Box<dyn FnOnce(&mut crate::core::state::Settings)>| {
        store.change(|state, now| {
            let mut settings = state.settings();
            apply(&mut settings);
            state.settings = Some(Stamped::new(now, settings));
        });
    };
    let number = |ev: &leptos::ev::Event| event_target_value(ev).trim().parse::<u32>().ok();
    view! {
        <section class="card" aria-labelledby="settings-title" id="settings">
            <h2 id="settings-title">"Settings"</h2>
            <label class="field">"Rest after a split-squat set (seconds)"
                <input type="number" inputmode="numeric" min="0" max="600" name="rest-secs"
                    prop:value=move || settings().rest_secs.to_string()
                    on:change=move |ev| if let Some(n) = number(&ev).filter(|n| *n <= 600) { update(Box::new(move |s| s.rest_secs = n)) } />
            </label>
            <label class="field">"Standing break every (minutes)"
                <input type="number" inputmode="numeric" min="5" max="120" name="break-minutes"
                    prop:value=move || settings().break_minutes.to_string()
                    on:change=move |ev| if let Some(n) = number(&ev).filter(|n| (5..=120).contains(n)) { update(Box::new(move |s| s.break_minutes = n)) } />
            </label>
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
        </section>
    }
}
