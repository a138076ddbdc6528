//! Timers: one interval hook both timers use, and the rest timer that counts
//! down the rest the dose asks for.

use crate::browser::vibrate;
use hamstring_domain::schedule::seconds_until;
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

/// Counts down the rest the dose asks for, to the time it ends (so a phone
/// that slept or a slow tick does not stretch it); buzzes at the end where
/// supported. Screen readers hear the start and the end, not every second.
#[component]
pub fn RestTimer(
    /// When the rest ends, in ms since the epoch; `None` when not resting.
    rest_until: RwSignal<Option<f64>>,
) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let left = RwSignal::new(0u32);
    let count_down = move || {
        if let Some(end) = rest_until.get_untracked() {
            let seconds = seconds_until(end, js_sys::Date::now());
            if seconds == 0 {
                rest_until.set(None);
                announcement.set("Rest over: on to the next move.".into());
                vibrate();
            } else {
                left.set(seconds);
            }
        }
    };
    use_interval(Duration::from_millis(250), count_down);
    // A new rest period (not each second of it) is shown and announced.
    Effect::new(move |previous: Option<Option<f64>>| {
        let now = rest_until.get();
        if now.is_some() && previous.flatten() != now {
            count_down();
            announcement.set(format!("Rest for {} seconds.", left.get_untracked()));
        }
        now
    });
    view! {
        <p class="visually-hidden" aria-live="polite">{move || announcement.get()}</p>
        <Show when=move || rest_until.get().is_some()>
            <div class="timer" role="timer" aria-label="Rest timer">
                <p><strong>"Rest: " {move || left.get()} " s"</strong><br /><span>"before the next move"</span></p>
                <button type="button" class="secondary" on:click=move |_| rest_until.set(None)>"Skip rest"</button>
            </div>
        </Show>
    }
}
