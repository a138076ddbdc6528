//! The standing-break reminder for desk days: a countdown that keeps going
//! across pages (its due time is kept for the tab, as each page is its own
//! document), with a browser notification where the person allows it and
//! an in-page alert always.

use crate::browser::{has_notifications, now_ms, vibrate};
use crate::components::timer::use_interval;
use crate::storage;
use crate::store::use_store;
use hamstring_domain::schedule::{countdown, seconds_until};
use leptos::prelude::*;
use std::time::Duration;
use web_sys::{Notification, NotificationPermission};

const BREAK_DUE: &str = "break-due";

/// When the next break is due (ms since the epoch), if the reminder is on;
/// and whether a break is due now. Provided once by the app.
#[derive(Clone, Copy)]
pub struct BreakReminder {
    pub due: RwSignal<Option<f64>>,
    pub ringing: RwSignal<bool>,
    pub now: RwSignal<f64>,
}

impl BreakReminder {
    pub fn provide() {
        let reminder = BreakReminder {
            due: RwSignal::new(None),
            ringing: RwSignal::new(false),
            now: RwSignal::new(0.0),
        };
        // A reminder started on another page of this tab goes on here.
        Effect::new(move |_| reminder.due.set(storage::tab_number(BREAK_DUE)));
        use_interval(Duration::from_secs(1), move || {
            let Some(due) = reminder.due.get_untracked() else {
                return;
            };
            let now = now_ms() as f64;
            reminder.now.set(now);
            if now >= due && !reminder.ringing.get_untracked() {
                reminder.ringing.set(true);
                ring();
            }
        });
        provide_context(reminder);
    }

    fn start(self, minutes: u32) {
        let now = now_ms() as f64;
        self.now.set(now);
        self.ringing.set(false);
        let due = now + f64::from(minutes) * 60_000.0;
        storage::set_tab_number(BREAK_DUE, Some(due));
        self.due.set(Some(due));
    }

    fn stop(self) {
        storage::set_tab_number(BREAK_DUE, None);
        self.due.set(None);
        self.ringing.set(false);
    }
}

fn ring() {
    vibrate();
    if has_notifications() && Notification::permission() == NotificationPermission::Granted {
        let _ = Notification::new("Time for a standing break: stand up and move for a minute.");
    }
}

#[component]
pub fn StandingBreak() -> impl IntoView {
    let store = use_store();
    let reminder = expect_context::<BreakReminder>();
    let minutes = move || store.settings().break_minutes;
    let start = move |_| {
        // Ask once; without permission the in-page alert still shows.
        if has_notifications() && Notification::permission() == NotificationPermission::Default {
            let _ = Notification::request_permission();
        }
        reminder.start(minutes());
    };
    view! {
        <div class="standing-break">
            {move || match reminder.due.get() {
                None => view! {
                    <p>{move || format!("Desk day? Get a reminder to stand up every {} minutes.", minutes())}</p>
                    <button type="button" class="secondary" on:click=start>"Start break reminders"</button>
                }.into_any(),
                Some(due) => view! {
                    {move || if reminder.ringing.get() {
                        view! {
                            <div class="status warn" role="alert">
                                <p><strong>"Time for a standing break."</strong>" Stand up and move for a minute."</p>
                                <button type="button" class="primary" on:click=move |_| reminder.start(minutes())>"Done: next reminder"</button>
                            </div>
                        }.into_any()
                    } else {
                        view! {
                            <p>"Next standing break in " <strong class="countdown">{move || countdown(seconds_until(due, reminder.now.get()))}</strong></p>
                        }.into_any()
                    }}
                    <button type="button" class="secondary" on:click=move |_| reminder.stop()>"Stop reminders"</button>
                }.into_any(),
            }}
        </div>
    }
}
