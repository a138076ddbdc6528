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
    let timer = RestTimer::start(rest);
    view! {
        <p class="visually-hidden" aria-live="polite">{move || timer.announcement.get()}</p>
        <Show when=move || rest.with(Option::is_some)>
            <div class="rest-bar" role="timer" aria-label="Rest timer" class:paused=move || timer.paused()>
                <RestTime timer />
                <p class="rest-move">{move || timer.name().map(|n| format!("after {n}"))}</p>
                <div class="rest-left" aria-hidden="true"><span style:width=move || format!("{}%", timer.share_left())></span></div>
                <RestActions timer />
            </div>
        </Show>
    }
}

/// The seconds left, and whether the rest is paused.
#[component]
fn RestTime(timer: RestTimer) -> impl IntoView {
    view! {
        <p class="rest-time">
            <strong>"Rest: " {move || timer.left.get()} " s"</strong>
            {move || timer.paused().then(|| view! { <span class="rest-state">" · paused"</span> })}
        </p>
    }
}

/// Pause or resume, and skip. At large text only the icons show (see
/// style/main.css), so the bar stays two short rows; the names stay the same.
#[component]
fn RestActions(timer: RestTimer) -> impl IntoView {
    let pause_label = move || if timer.paused() { "Resume" } else { "Pause" };
    view! {
        <div class="rest-actions">
            <button type="button" class="secondary" on:click=move |_| timer.pause_or_resume()
                aria-label=pause_label>
                <svg class="rest-icon" viewBox="0 0 24 24" aria-hidden="true">
                    <path d=move || if timer.paused() { "M7 4l13 8-13 8z" } else { "M6 4h4v16H6zM14 4h4v16h-4z" } />
                </svg>
                <span class="rest-label">{pause_label}</span>
            </button>
            <button type="button" class="secondary" aria-label="Skip rest" on:click=move |_| timer.end("Rest skipped.")>
                <svg class="rest-icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4l11 8-11 8zM16 4h4v16h-4z" /></svg>
                <span class="rest-label">"Skip rest"</span>
            </button>
        </div>
    }
}

/// The rest in `rest`, counted down: what the bar shows and what its
/// buttons do.
#[derive(Clone, Copy)]
struct RestTimer {
    rest: RwSignal<Option<Rest>>,
    /// Whole seconds left, as last counted.
    left: RwSignal<u32>,
    /// What screen readers hear: the start, a pause, the end.
    announcement: RwSignal<String>,
}

impl RestTimer {
    /// Counts down while a rest runs (not while it is paused), and shows
    /// and announces each new rest, not each second of it.
    fn start(rest: RwSignal<Option<Rest>>) -> RestTimer {
        let timer = RestTimer {
            rest,
            left: RwSignal::new(0),
            announcement: RwSignal::new(String::new()),
        };
        let running = move || rest.with(|r| r.is_some_and(|r| !r.clock.is_paused()));
        use_interval_while(running, Duration::from_millis(250), move || {
            timer.count_down()
        });
        Effect::new(move |previous: Option<Option<f64>>| {
            let started = rest.with(|r| r.map(|r| r.started_ms));
            if started.is_some() && previous.flatten() != started {
                timer.count_down();
                let left = timer.left.get_untracked();
                timer.announcement.set(format!("Rest for {left} seconds."));
            }
            started
        });
        timer
    }

    fn count_down(self) {
        let Some(current) = self.rest.get_untracked() else {
            return;
        };
        let now = js_sys::Date::now();
        if current.clock.is_over(now) {
            self.end("Rest over: on to the next set.");
            vibrate();
        } else {
            self.left.set(current.clock.left_secs(now));
        }
    }

    /// Ends the rest, saying `message`.
    fn end(self, message: &str) {
        let from = self.rest.get_untracked().map(|r| r.exercise);
        let focus_in_bar = document()
            .active_element()
            .and_then(|el| el.closest(".rest-bar").ok().flatten())
            .is_some();
        self.rest.set(None);
        self.announcement.set(message.into());
        // Focus in the bar would fall to the page's body when it goes:
        // it goes back to the move's own rest button instead.
        if let (true, Some(exercise)) = (focus_in_bar, from) {
            focus_by_id(&start_rest_id(exercise));
        }
    }

    fn paused(self) -> bool {
        self.rest.with(|r| r.is_some_and(|r| r.clock.is_paused()))
    }

    fn pause_or_resume(self) {
        let now = js_sys::Date::now();
        let was_paused = self.paused();
        self.rest.update(|r| {
            if let Some(r) = r {
                r.clock = if was_paused {
                    r.clock.resume(now)
                } else {
                    r.clock.pause(now)
                };
            }
        });
        let said = if was_paused {
            "Rest resumed."
        } else {
            "Rest paused."
        };
        self.announcement.set(said.into());
    }

    /// The share of the rest still to go, in percent.
    fn share_left(self) -> u32 {
        let left = f64::from(self.left.get());
        self.rest.with(|r| {
            r.map_or(0, |r| {
                (left * 100.0 / f64::from(r.total_secs.max(1))).round() as u32
            })
        })
    }

    /// The name of the move the rest follows.
    fn name(self) -> Option<&'static str> {
        self.rest.with(|r| r.map(|r| r.exercise.info().name))
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
