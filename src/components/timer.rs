//! Timers: the interval hook both timers use, and the rest between sets,
//! which a tick or the person starts, and which can be paused and skipped.

use crate::browser::vibrate;
use hamstring_content::exercises::ExerciseId;
use hamstring_domain::routine::RestClock;
use leptos::prelude::*;
use std::time::Duration;

/// Calls `tick` every `period` while the calling component lives; in the
/// browser only (an Effect), so the build-time render starts no timer.
pub fn use_interval(period: Duration, tick: impl Fn() + Clone + 'static) {
    use_interval_while(|| true, period, tick);
}

/// As `use_interval`, but only while `active` holds: the interval starts
/// when it turns true and is cleared when it turns false, and on unmount
/// (the Leptos timer example's hook, with its cleanup).
pub fn use_interval_while(
    active: impl Fn() -> bool + 'static,
    period: Duration,
    tick: impl Fn() + Clone + 'static,
) {
    Effect::new(move |_| {
        if !active() {
            return;
        }
        let handle = set_interval_with_handle(tick.clone(), period).ok();
        on_cleanup(move || {
            if let Some(handle) = handle {
                handle.clear();
            }
        });
    });
}

/// A rest between sets in progress.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rest {
    /// The move it follows; its "Start rest" button takes focus back when
    /// the rest ends from the bar.
    pub exercise: ExerciseId,
    pub total_secs: u32,
    /// When it started, telling one rest from the next.
    pub started_ms: f64,
    pub clock: RestClock,
}

impl Rest {
    pub fn start(exercise: ExerciseId, secs: u32) -> Rest {
        let now = js_sys::Date::now();
        Rest {
            exercise,
            total_secs: secs,
            started_ms: now,
            clock: RestClock::start(now, secs),
        }
    }
}

/// The id of a move's "Start rest" button.
pub fn start_rest_id(exercise: ExerciseId) -> String {
    format!("rest-{}", exercise.slug())
}

/// The running rest, in a bar that sticks to the bottom of the session
/// while it runs (counted to the time it ends, so a phone that slept does
/// not stretch it); buzzes at the end where supported. Screen readers hear
/// the start, a pause and the end, not every second.
#[component]
pub fn RestBar(rest: RwSignal<Option<Rest>>) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let left = RwSignal::new(0u32);
    let end = move |message: &str| {
        let from = rest.get_untracked().map(|r| r.exercise);
        let focus_in_bar = document()
            .active_element()
            .and_then(|el| el.closest(".rest-bar").ok().flatten())
            .is_some();
        rest.set(None);
        announcement.set(message.into());
        // Focus in the bar would fall to the page's body when it goes:
        // it goes back to the move's own rest button instead.
        if let (true, Some(exercise)) = (focus_in_bar, from) {
            focus_by_id(&start_rest_id(exercise));
        }
    };
    let count_down = move || {
        let Some(current) = rest.get_untracked() else {
            return;
        };
        let now = js_sys::Date::now();
        if current.clock.is_over(now) {
            end("Rest over: on to the next set.");
            vibrate();
        } else {
            left.set(current.clock.left_secs(now));
        }
    };
    let running = move || rest.with(|r| r.is_some_and(|r| !r.clock.is_paused()));
    use_interval_while(running, Duration::from_millis(250), count_down);
    // A new rest (not each second of it) is shown and announced.
    Effect::new(move |previous: Option<Option<f64>>| {
        let started = rest.with(|r| r.map(|r| r.started_ms));
        if started.is_some() && previous.flatten() != started {
            count_down();
            announcement.set(format!("Rest for {} seconds.", left.get_untracked()));
        }
        started
    });
    let paused = move || rest.with(|r| r.is_some_and(|r| r.clock.is_paused()));
    let pause_or_resume = move |_| {
        let now = js_sys::Date::now();
        let was_paused = paused();
        rest.update(|r| {
            if let Some(r) = r {
                r.clock = if was_paused {
                    r.clock.resume(now)
                } else {
                    r.clock.pause(now)
                };
            }
        });
        announcement.set(
            if was_paused {
                "Rest resumed."
            } else {
                "Rest paused."
            }
            .into(),
        );
    };
    let share_left = move || {
        rest.with(|r| {
            r.map_or(0, |r| {
                (f64::from(left.get()) * 100.0 / f64::from(r.total_secs.max(1))).round() as u32
            })
        })
    };
    let name = move || rest.with(|r| r.map(|r| r.exercise.info().name));
    view! {
        <p class="visually-hidden" aria-live="polite">{move || announcement.get()}</p>
        <Show when=move || rest.with(Option::is_some)>
            <div class="rest-bar" role="timer" aria-label="Rest timer" class:paused=paused>
                <p class="rest-time">
                    <strong>"Rest: " {move || left.get()} " s"</strong>
                    {move || paused().then(|| view! { <span class="rest-state">" · paused"</span> })}
                </p>
                <p class="rest-move">{move || name().map(|n| format!("after {n}"))}</p>
                <div class="rest-left" aria-hidden="true"><span style:width=move || format!("{}%", share_left())></span></div>
                // At large text only the icons show (see style/main.css), so
                // the bar stays two short rows; the names stay the same.
                <div class="rest-actions">
                    <button type="button" class="secondary" on:click=pause_or_resume
                        aria-label=move || if paused() { "Resume" } else { "Pause" }>
                        <svg class="rest-icon" viewBox="0 0 24 24" aria-hidden="true">
                            <path d=move || if paused() { "M7 4l13 8-13 8z" } else { "M6 4h4v16H6zM14 4h4v16h-4z" } />
                        </svg>
                        <span class="rest-label">{move || if paused() { "Resume" } else { "Pause" }}</span>
                    </button>
                    <button type="button" class="secondary" aria-label="Skip rest" on:click=move |_| end("Rest skipped.")>
                        <svg class="rest-icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4l11 8-11 8zM16 4h4v16h-4z" /></svg>
                        <span class="rest-label">"Skip rest"</span>
                    </button>
                </div>
            </div>
        </Show>
    }
}

fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    let target = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}
