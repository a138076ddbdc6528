//! Timers: one interval hook both timers use, and the rest timer that counts
//! down the rest the dose asks for.

use crate::browser::vibrate;
use leptos::prelude::*;
use std::time::Duration;

/// Calls `tick` every `period` while the calling component lives; in the
/// browser only (an Effect), so the build-time render starts no timer.
pub fn use_interval(period: Duration, tick: impl Fn() + Clone + 'static) {
    Effect::new(move |_| {
        let handle = set_interval_with_handle(tick.clone(), period).ok();
        on_cleanup(move || {
            if let Some(handle) = handle {
                handle.clear();
            }
        });
    });
}

/// Counts down the rest the dose asks for; buzzes at the end where supported.
/// Screen readers hear the start and the end, not every second.
#[component]
pub fn RestTimer(remaining: RwSignal<Option<u32>>) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    use_interval(Duration::from_secs(1), move || {
        if let Some(left) = remaining.get_untracked() {
            if left <= 1 {
                remaining.set(None);
                announcement.set("Rest over: on to the next move.".into());
                vibrate();
            } else {
                remaining.set(Some(left - 1));
            }
        }
    });
    // A new rest period starting (not each second of it) is announced.
    Effect::new(move |previous: Option<Option<u32>>| {
        let now = remaining.get();
        if let (Some(seconds), Some(None) | None) = (now, previous) {
            announcement.set(format!("Rest for {seconds} seconds."));
        }
        now
    });
    view! {
        <p class="visually-hidden" aria-live="polite">{move || announcement.get()}</p>
        <Show when=move || remaining.get().is_some()>
            <div class="timer" role="timer" aria-label="Rest timer">
                <p><strong>"Rest: " {move || remaining.get().unwrap_or(0)} " s"</strong><br /><span>"before the next move"</span></p>
                <button type="button" class="secondary" on:click=move |_| remaining.set(None)>"Skip rest"</button>
            </div>
        </Show>
    }
}
