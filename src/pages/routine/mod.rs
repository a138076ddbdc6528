//! The routine: today's session for the current phase, ticked set by set.

mod session;
mod today_card;

use crate::browser::link;
use crate::browser::{release_wake_lock, request_wake_lock};
use crate::components::exercise::{ExerciseCard, SessionExercise};
use crate::components::in_turn::{BelowTheFold, PartsToDraw};
use crate::components::reminders::Reminders;
use crate::components::runs::{RunLog, RunToday};
use crate::components::standing::StandingBreak;
use crate::components::timer::{Rest, RestBar};
use crate::components::widgets::Rich;
use crate::store::{use_store, Scope, Store};
use hamstring_content::exercises::{Exercise, ExerciseId, Kind};
use hamstring_content::selfcheck::{level_text, Level, BEEN_SEEN_QUESTION};
use hamstring_domain::date::Day;
use hamstring_domain::pain::{self, Plan};
use hamstring_domain::phase::Phase;
use hamstring_domain::routine::{session_targets, SetTarget};
use hamstring_domain::schedule::weeks_in_phase;
use hamstring_domain::selfcheck::care_pending;
use hamstring_domain::state::{AppStateStoreFields, Stamped};
use hamstring_domain::today::today;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;
use wasm_bindgen::JsValue;

use session::{FinishSession, MorningCheck, SessionHeader};
use today_card::{PhaseStatus, TodayCard};

/// Gives the view of the current phase's day ([`todays_session`]). The
/// routine's entry passes a lazily loaded function (Leptos's `#[lazy]`,
/// split out of its wasm by pwa/postbuild.mjs): a first visit paints and
/// answers taps on the phase choice and the exercises without that code,
/// which the page then fetches; a returning person's page fetches both at
/// once.
pub type TodaysSession = fn() -> Pin<Box<dyn Future<Output = AnyView> + Send>>;

#[component]
pub fn RoutinePage(session_view: TodaysSession) -> impl IntoView {
    let store = use_store();
    // Read narrowly: a tick does not wake these.
    let phase = Memo::new(move |_| store.phase());
    // After an emergency or same-day result, the routine waits until the
    // person says they have been seen.
    let waiting_for_care = Memo::new(move |_| {
        let seen = store
            .state
            .been_seen()
            .with(|seen| seen.as_ref().map(|s| s.value));
        store
            .state
            .check_results()
            .with(|results| care_pending(results, seen))
    });
    // A returning person's page hides the first visit's view until the app
    // has read their records, which then draws their own: until then it is
    // taken over as it is, without its controls (and their hydration, a
    // good part of the page's start).
    let returning = crate::browser::opened_as_returning();
    let screen = Memo::new(move |_| match (waiting_for_care.get(), phase.get()) {
        (Some((id, level, day)), _) => Screen::WaitForCare(id, level, day),
        (None, None) if returning && !store.loaded.get() => Screen::Hidden,
        (None, None) => Screen::FirstVisit,
        (None, Some(_)) => Screen::Session,
    });
    // The app says it has started once what storage calls for is drawn: a
    // person's own session only once its code has come.
    let session_drawn = PartsToDraw::expect_part();
    Effect::new(move |_| {
        if store.loaded.get() && screen.get() != Screen::Session {
            session_drawn.drawn();
        }
    });
    // Whether the session's code has come (it stays once it has).
    let session_came = RwSignal::new(false);
    view! {
        <article class="page routine">
            <h1>"Your routine"</h1>
            <p class="lead">"Three to four sessions a week, with a rest day in between. Your ticks stay on this device."</p>
            // Before storage is read (at build time, and while the app
            // hydrates) this is a first visit: the phase choice and every
            // exercise, painted with the page. A returning person's page
            // hides them until the app starts (see `data-returning` in
            // pwa/boot.js), then shows their own session instead.
            {move || match screen.get() {
                Screen::WaitForCare(id, level, day) => view! { <BeenSeen id level day /> <BelowTheFold><Library in_session=vec![] /></BelowTheFold> }.into_any(),
                Screen::Hidden => view! { <div class="first-visit"></div> }.into_any(),
                Screen::FirstVisit => view! {
                    <div class="first-visit">
                        <PhasePicker />
                        <Library in_session=vec![] />
                    </div>
                }.into_any(),
                // The part redraws the session itself when the phase or the
                // day changes, as the library below does.
                Screen::Session => view! {
                    <Show when=move || !session_came.get()>
                        <p class="status" role="status">"Getting today's session ready…"</p>
                    </Show>
                    {Suspend::new(async move {
                        let session = session_view().await;
                        session_came.set(true);
                        // Effects run once it is on the page: before what
                        // it draws below the fold, in a task of its own.
                        Effect::new(move |_| session_drawn.drawn());
                        session
                    })}
                    <BelowTheFold>
                        {move || phase.get().map(|phase| view! { <Library in_session=phase.exercises() /> })}
                    </BelowTheFold>
                }.into_any(),
            }}
        </article>
    }
}

/// What the routine shows, from the person's records.
#[derive(Clone, Copy, PartialEq)]
enum Screen {
    /// A self-check result that called for a doctor, not yet seen to.
    WaitForCare(u64, Level, Day),
    /// A returning person's page before storage is read.
    Hidden,
    FirstVisit,
    Session,
}

/// Asks "Have you been seen?" before offering the routine after an
/// emergency or same-day self-check result.
#[component]
fn BeenSeen(id: u64, level: Level, day: Day) -> impl IntoView {
    let store = use_store();
    let not_yet = RwSignal::new(false);
    let text = level_text(level);
    let class = if level == Level::Emergency {
        "card level emergency"
    } else {
        "card level urgent"
    };
    view! {
        <section class=class aria-labelledby="been-seen-title" id="been-seen">
            <p class="level-when">{format!("Your self-check on {}", day.long_label())}</p>
            <h2 id="been-seen-title">{text.title}</h2>
            <p>"Your answers called for a doctor before any exercise. Hold off on the routine until you have been seen."</p>
            <p><strong>{BEEN_SEEN_QUESTION}</strong></p>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| store.change(Scope::Main, |state, now| state.been_seen = Some(Stamped::new(now, id)))>
                    "Yes, I have been seen"
                </button>
                <button type="button" class="secondary" on:click=move |_| not_yet.set(true)>"Not yet"</button>
            </div>
            <div aria-live="polite">
                {move || not_yet.get().then(|| view! {
                    {text.action.iter().map(|line| view! { <p><Rich text=*line /></p> }).collect_view()}
                    <p><a href=link(&format!("/check?result={id}"))>"See your result and the reasons"</a></p>
                })}
            </div>
        </section>
    }
}

/// Every exercise not in today's session, with its instructions, so each one
/// has a card to link to (the guide links here) and the next phase's moves
/// can be read ahead.
#[component]
fn Library(in_session: Vec<ExerciseId>) -> impl IntoView {
    let rest: Vec<&'static Exercise> = ExerciseId::ALL
        .into_iter()
        .filter(|id| !in_session.contains(id))
        .map(ExerciseId::info)
        .collect();
    (!rest.is_empty()).then(|| view! {
        <section aria-labelledby="library-title" class="library">
            <h2 id="library-title">{if in_session.is_empty() { "The exercises" } else { "Not in your session yet" }}</h2>
            {rest.into_iter().map(|exercise| view! {
                <ExerciseCard exercise>
                    {(exercise.kind == Kind::DirectHamstring).then(|| view! {
                        <p class="muted">"Direct hamstring work: it joins the routine in phase 2."</p>
                    })}
                </ExerciseCard>
            }).collect_view()}
        </section>
    })
}

/// Choosing a phase by hand, for people who skip the self-check.
#[component]
pub fn PhasePicker() -> impl IntoView {
    let store = use_store();
    view! {
        <section class="card" aria-labelledby="pick-phase">
            <h2 id="pick-phase">"Where are you starting?"</h2>
            <p>"The " <a href=link("/check")>"self-check"</a> " can suggest a phase. Or choose one yourself; you can change it at any time."</p>
            <div class="choices">
                {Phase::ALL.iter().map(|&phase| view! {
                    <button type="button" class="choice phase-choice" on:click=move |_| { store.set_phase(phase); focus_phase_heading(); }>
                        <span><strong>{phase.title()}</strong><br /><span class="muted">{phase.purpose()}</span></span>
                    </button>
                }).collect_view()}
            </div>
        </section>
    }
}

/// The picker is replaced by the phase's session: keyboard focus moves to
/// its heading rather than falling back to the page's body. On a first
/// visit the session's code may still be on its way: the heading is looked
/// for in each frame until it is drawn (for a minute at most).
fn focus_phase_heading() {
    focus_phase_heading_within(3600);
}

fn focus_phase_heading_within(frames: u32) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let heading = document().get_element_by_id("phase-title");
        match heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
            Some(heading) => {
                let _ = heading.set_attribute("tabindex", "-1");
                let _ = heading.focus();
            }
            None if frames > 0 => focus_phase_heading_within(frames - 1),
            None => {}
        }
    });
}

/// Today's plan from the pain ratings: lighter or rest first after pain
/// that did not settle (see `hamstring_domain::pain`).
fn todays_plan(store: Store, day: Day) -> Plan {
    let week_start = store.week_start();
    store
        .state
        .days()
        .with(|days| pain::plan(days, day, week_start))
}

/// The current phase's day, as the routine's entry loads it
/// ([`TodaysSession`]): drawn again when the phase changes, and after
/// midnight even if the page stayed open.
pub fn todays_session() -> AnyView {
    let store = use_store();
    let phase = Memo::new(move |_| store.phase());
    let today = store.today;
    (move || {
        phase.get().map(|phase| {
            let day = today.get();
            view! { <Today phase day /> }
        })
    })
    .into_any()
}

/// Today first: in phase 3 today's run; then what today is and the set to
/// do next, the morning after the last session, the session itself (folded
/// on a rest day) with the rest between sets in view; then the habits, the
/// phase's rules and the library.
#[component]
fn Today(phase: Phase, day: Day) -> impl IntoView {
    let store = use_store();
    let rest = RwSignal::new(None::<Rest>);
    keep_screen_awake();
    let week = move || {
        store.state.programme().with(|p| {
            p.as_ref()
                .map(|p| weeks_in_phase(p.value.since, day))
                .unwrap_or(0)
        })
    };
    let plan = Memo::new(move |_| todays_plan(store, day));
    let status = Memo::new(move |_| {
        let week_start = store.week_start();
        store.state.days().with(|days| today(days, day, week_start))
    });
    // The session's sets: the phase's moves, those building up in a new
    // phase, and fewer after pain that did not settle.
    let targets = Memo::new(move |_| session_targets(phase, week(), status.get().lighter_sets));
    // Folded on a rest day, unless the person trained today already.
    let open = RwSignal::new(untrack(|| {
        !status.get().is_rest_day() || store.with_day(day, |log| log.trained())
    }));
    view! {
        {(phase == Phase::ReturnToRun).then(|| view! { <RunToday /> })}
        <div class="today-flow">
            <TodayCard phase day status targets open rest week=week() />
            <MorningCheck day />
            <Session phase day targets open rest />
            <RestBar rest />
        </div>
        <BelowTheFold>
            {(phase == Phase::Prevention).then(|| view! { <RunLog /> })}
            <Habits phase />
            <Reminders phase />
            <AboutPhase phase plan />
        </BelowTheFold>
    }
}

/// Today's session, move by move, between its header and its end; a phase
/// without exercises has none.
#[component]
fn Session(
    phase: Phase,
    day: Day,
    targets: Memo<Vec<SetTarget>>,
    open: RwSignal<bool>,
    rest: RwSignal<Option<Rest>>,
) -> impl IntoView {
    let has_session = !phase.exercises().is_empty();
    has_session.then(|| view! {
        <section class="session" aria-labelledby="session">
            <h2 id="session">{format!("Today's session · {}", day.long_label())}</h2>
            <div id="session-body" hidden=move || !open.get()>
                <SessionHeader day targets />
                {move || {
                    let all = targets.get();
                    phase.exercises().into_iter().map(|id| {
                        let mine: Vec<_> = all.iter().filter(|t| t.key.exercise == id).copied().collect();
                        view! { <SessionExercise id day targets=mine rest /> }
                    }).collect_view()
                }}
                <FinishSession day targets />
            </div>
        </section>
    })
}

#[component]
fn Habits(phase: Phase) -> impl IntoView {
    view! {
        <section class="card habits" aria-labelledby="habits-title">
            <h2 id="habits-title">"Daily habits"</h2>
            <ul>{phase.habits().iter().map(|h| view! { <li>{*h}</li> }).collect_view()}</ul>
            <StandingBreak />
        </section>
    }
}

/// What the phase is for, where it stands, and the way to change it.
#[component]
fn AboutPhase(phase: Phase, plan: Memo<Plan>) -> impl IntoView {
    let has_session = !phase.exercises().is_empty();
    view! {
        <section class="card phase" aria-labelledby="about-phase-title">
            <h2 id="about-phase-title">"About this phase"</h2>
            <p>{phase.purpose()}</p>
            {has_session.then(|| view! { <PhaseStatus phase plan /> })}
            <details>
                <summary>"Change phase"</summary>
                <PhasePicker />
            </details>
        </section>
    }
}

/// Keeps the phone's screen on while a session is open, where the browser
/// can (Screen Wake Lock); taken again when the page comes back into view.
fn keep_screen_awake() {
    let lock = StoredValue::new_local(None::<JsValue>);
    let acquire = move || {
        spawn_local(async move {
            lock.set_value(request_wake_lock().await);
        });
    };
    Effect::new(move |_| acquire());
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            acquire();
        }
    });
    on_cleanup(move || {
        visibility.remove();
        if let Some(sentinel) = lock.try_get_value().flatten() {
            release_wake_lock(&sentinel);
        }
    });
}
