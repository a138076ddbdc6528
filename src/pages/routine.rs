//! The routine: today's session for the current phase, ticked set by set.

use crate::browser::link;
use crate::browser::{release_wake_lock, request_wake_lock};
use crate::components::exercise::{set_label, toggle_set, ExerciseCard, SessionExercise};
use crate::components::reminders::Reminders;
use crate::components::runs::{RunLog, RunToday};
use crate::components::standing::StandingBreak;
use crate::components::timer::{Rest, RestBar};
use crate::components::widgets::{Rating, Rich};
use crate::store::{use_store, Scope, Store};
use hamstring_content::exercises::{Exercise, ExerciseId, Kind};
use hamstring_content::routine::{
    BUILDING_UP, BUILDING_UP_PAIN, FOUNDATION_READY, FOUNDATION_RULE, FOUNDATION_SEE_PHYSIO,
    LIGHTER_TODAY, LIGHTER_TODAY_DURING, LIGHTER_TODAY_TREND, NOT_SETTLED, NOT_SETTLED_NO_BASELINE,
    PAIN_ACCEPTABLE, PAIN_BEFORE_WHY, PAIN_MODEL, PAIN_SAFE, PAIN_TOO_MUCH, REST_DAY_SESSION,
    REST_DAY_SESSION_OPEN, REST_SUGGESTED, REST_TODAY_BACK_TO_BACK, REST_TODAY_PAIN,
    REST_TODAY_WEEK_DONE, SETTLED, STRENGTH_READY, STRENGTH_RULE, TOO_MUCH_DURING,
    TOO_MUCH_MORNING, TRAINING_DAY,
};
use hamstring_content::selfcheck::{level_text, Level, BEEN_SEEN_QUESTION};
use hamstring_domain::date::Day;
use hamstring_domain::pain::{self, decide, in_session, pain_zone, InSession, PainZone, Plan, Why};
use hamstring_domain::phase::Phase;
use hamstring_domain::routine::session_progress;
use hamstring_domain::routine::{session_targets, Dropped, SetTarget};
use hamstring_domain::schedule::{
    back_to_back, foundation_progress, morning_check_day, phase_offer, sessions_in_week,
    weeks_in_phase, PhaseOffer, SETTLED_IN_A_ROW, WEEK_TARGET_MAX, WEEK_TARGET_MIN,
};
use hamstring_domain::selfcheck::care_pending;
use hamstring_domain::state::{AppStateStoreFields, Stamped};
use hamstring_domain::today::{next_set, today, LighterBecause, RestBecause, Today as TodayStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

#[component]
pub fn RoutinePage() -> impl IntoView {
    let store = use_store();
    // Read narrowly: a tick does not wake these.
    let phase = Memo::new(move |_| {
        store
            .state
            .programme()
            .with(|p| p.as_ref().map(|p| p.value.phase))
    });
    // A new session after midnight, even if the page stayed open.
    let today = store.today;
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
    view! {
        <article class="page routine">
            <h1>"Your routine"</h1>
            <p class="lead">"Three to four sessions a week, with a rest day in between. Your ticks stay on this device."</p>
            // Before storage is read (at build time, and while the app
            // hydrates) this is a first visit: the phase choice and every
            // exercise, painted with the page. A returning person's page
            // hides them until the app starts (see `data-returning` in
            // pwa/postbuild.mjs), then shows their own session instead.
            {move || match (waiting_for_care.get(), phase.get(), today.get()) {
                (Some((id, level, day)), _, _) => view! { <BeenSeen id level day /> <Library in_session=vec![] /> }.into_any(),
                (None, None, _) => view! {
                    <div class="first-visit">
                        <PhasePicker />
                        <Library in_session=vec![] />
                    </div>
                }.into_any(),
                (None, Some(phase), day) => view! { <Today phase day /> <Library in_session=phase.exercises() /> }.into_any(),
            }}
        </article>
    }
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
/// its heading rather than falling back to the page's body.
fn focus_phase_heading() {
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        let heading = document().get_element_by_id("phase-title");
        if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
        }
    });
}

/// Today's plan from the pain ratings: lighter or rest first after pain
/// that did not settle (see `hamstring_domain::pain`).
fn todays_plan(store: Store, day: Day) -> Plan {
    let week_start = store.week_start();
    store.state.with(|s| pain::plan(&s.days, day, week_start))
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
        store.state.with(|s| today(&s.days, day, week_start))
    });
    // The session's sets: the phase's moves, those building up in a new
    // phase, and fewer after pain that did not settle.
    let targets = Memo::new(move |_| session_targets(phase, week(), status.get().lighter_sets));
    // Folded on a rest day, unless the person trained today already.
    let open = RwSignal::new(untrack(|| {
        !status.get().is_rest_day() || store.with_day(day, |log| log.trained())
    }));
    let has_session = !phase.exercises().is_empty();
    view! {
        {(phase == Phase::ReturnToRun).then(|| view! { <RunToday /> })}
        <div class="today-flow">
            <TodayCard phase day status targets open rest week=week() />
            <MorningCheck day />
            {has_session.then(|| view! {
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
            })}
            <RestBar rest />
        </div>
        {(phase == Phase::Prevention).then(|| view! { <RunLog /> })}
        <section class="card habits" aria-labelledby="habits-title">
            <h2 id="habits-title">"Daily habits"</h2>
            <ul>{phase.habits().iter().map(|h| view! { <li>{*h}</li> }).collect_view()}</ul>
            <StandingBreak />
        </section>
        <Reminders phase />
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

/// The top of the routine: the phase, whether today is a training or a
/// rest day and why, and the set to do next, tappable there.
#[component]
fn TodayCard(
    phase: Phase,
    day: Day,
    status: Memo<TodayStatus>,
    targets: Memo<Vec<SetTarget>>,
    open: RwSignal<bool>,
    rest: RwSignal<Option<Rest>>,
    week: i32,
) -> impl IntoView {
    let store = use_store();
    let has_session = !phase.exercises().is_empty();
    let next = move || targets.with(|targets| store.with_day(day, |log| next_set(targets, log)));
    view! {
        <section class="card today" aria-labelledby="phase-title" id="today">
            <h2 id="phase-title">{phase.title()}</h2>
            <p class="muted">{format!("{} · week {} of this phase", day.long_label(), week + 1)}</p>
            {if has_session {
                view! {
                    <div id="day-status" aria-live="polite">
                        {move || {
                            let status = status.get();
                            match (status.rest, status.lighter) {
                                (Some(why), _) => view! { <p class="status warn rest-day">{match why {
                                    RestBecause::PainThisMorning => REST_TODAY_PAIN,
                                    RestBecause::TrainedYesterday => REST_TODAY_BACK_TO_BACK,
                                    RestBecause::WeekDone => REST_TODAY_WEEK_DONE,
                                }}</p> }.into_any(),
                                (None, Some(why)) => view! { <p class="status warn lighter">{match why {
                                    LighterBecause::Trend => LIGHTER_TODAY_TREND,
                                    LighterBecause::TooMuchDuring => LIGHTER_TODAY_DURING,
                                    LighterBecause::NotSettled => LIGHTER_TODAY,
                                }}</p> }.into_any(),
                                (None, None) => view! { <p class="status training-day">{TRAINING_DAY}</p> }.into_any(),
                            }
                        }}
                    </div>
                    {move || status.get().is_rest_day().then(|| view! {
                        <div class="rest-day-session">
                            <p class="muted">{move || if open.get() { REST_DAY_SESSION_OPEN } else { REST_DAY_SESSION }}</p>
                            <button type="button" class="secondary train-anyway" aria-controls="session-body"
                                aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                                "Train anyway"
                            </button>
                        </div>
                    })}
                    {move || open.get().then(|| match next() {
                        Some(target) => {
                            let exercise = target.key.exercise.info();
                            view! {
                                <div class="up-next">
                                    <p id="up-next-move"><span class="muted">"Up next: "</span>
                                        <a href=format!("#{}", target.key.exercise.anchor())><strong>{exercise.name}</strong></a>
                                        {format!(" · {}{}", set_label(&target), if target.optional { " (optional)" } else { "" })}
                                        <br /><span class="muted">{exercise.dose_text}</span>
                                    </p>
                                    <button type="button" class="primary up-next-tick" aria-describedby="up-next-move"
                                        on:click=move |_| toggle_set(store, day, target.key, Some(rest))>
                                        <span aria-hidden="true">"✓ "</span>{format!("Done: {}", set_label(&target))}
                                    </button>
                                </div>
                            }.into_any()
                        }
                        None => view! { <p class="status done"><a href="#finish-title">"Every set is done: rate the pain."</a></p> }.into_any(),
                    })}
                }.into_any()
            } else {
                view! { <PhaseStatus phase plan=Memo::new(move |_| todays_plan(store, day)) /> }.into_any()
            }}
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

#[component]
fn PhaseStatus(phase: Phase, plan: Memo<Plan>) -> impl IntoView {
    let store = use_store();
    let weeks = move || {
        store.state.programme().with(|p| {
            p.as_ref()
                .map(|p| weeks_in_phase(p.value.since, store.today.get()))
        })
    };
    let offer = move || store.state.with(|s| phase_offer(s, store.today.get()));
    let foundation = move || {
        store.state.with(|s| {
            s.programme()
                .map(|p| foundation_progress(&s.days, p.since, store.today.get()))
        })
    };
    let building = move || plan.get().building_up;
    view! {
        <p class="muted">{move || weeks().map(|w| format!("Week {} of this phase.", w + 1))}</p>
        {move || building().then(|| view! { <p class="status warn" id="pain-trend">{BUILDING_UP_PAIN}</p> })}
        {move || match offer() {
            PhaseOffer::Hamstring => view! {
                <div class="status offer">
                    <p>{FOUNDATION_READY}</p>
                    <button type="button" class="primary" on:click=move |_| store.set_phase(Phase::Hamstring)>"Move to phase 2"</button>
                </div>
            }.into_any(),
            PhaseOffer::SeePhysio => view! {
                <div class="status warn">
                    <p>{FOUNDATION_SEE_PHYSIO}</p>
                </div>
            }.into_any(),
            PhaseOffer::ReturnToRun => view! {
                <div class="status offer">
                    <p>{STRENGTH_READY}</p>
                    <button type="button" class="primary" on:click=move |_| store.set_phase(Phase::ReturnToRun)>"Move to phase 3"</button>
                </div>
            }.into_any(),
            PhaseOffer::None => match phase {
                Phase::Foundation => view! {
                    <p>{FOUNDATION_RULE}</p>
                    // A span needs two sessions: one is "1 session", not "over 0 days".
                    <p class="muted" id="phase-progress">{move || foundation().map(|p| format!(
                        "So far: {}{}, {} settled in a row.",
                        plural(p.sessions, "session", "sessions"),
                        if p.sessions > 1 { format!(" over {}", plural(p.span_days.max(1) as usize, "day", "days")) } else { String::new() },
                        p.settled_in_a_row.min(SETTLED_IN_A_ROW),
                    ))}</p>
                }.into_any(),
                Phase::Hamstring => view! {
                    <p>{STRENGTH_RULE} " " <a href=link("/progress#strength")>"Do a strength check"</a></p>
                }.into_any(),
                Phase::BackFirst => view! {
                    <div class="status">
                        <p>"Once your back has been checked, ruled out or treated, start the programme."</p>
                        <button type="button" class="primary" on:click=move |_| store.set_phase(Phase::Foundation)>"My back is cleared: start phase 1"</button>
                    </div>
                }.into_any(),
                _ => ().into_any(),
            },
        }}
    }
}

/// "1 session", "2 sessions".
fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// The morning after a session: how does it feel, and what that means for
/// the next session. Yesterday's stays on screen all day, so the rating can
/// be changed; an older session still unrated is asked about on the next
/// opening (and stays until the page is left, to show what it means).
#[component]
fn MorningCheck(day: Day) -> impl IntoView {
    let store = use_store();
    let Some(session) = store
        .state
        .with_untracked(|s| morning_check_day(&s.days, day))
    else {
        return ().into_any();
    };
    let yesterday = session == day.plus(-1);
    let rating = Signal::derive(move || {
        store.with_day(session, |log| {
            log.pain_next_morning.as_ref().map(|p| p.value)
        })
    });
    let decision = move || {
        rating.get()?;
        store.with_day(session, decide)
    };
    let pick = Callback::new(move |rating: u8| {
        store.change_day(session, |log, now| {
            log.pain_next_morning = Some(Stamped::new(now, rating));
        });
    });
    let (title, ask, legend) = if yesterday {
        (
            "How does it feel this morning?".to_string(),
            "Rate the pain now, the morning after yesterday's session.".to_string(),
            "Pain this morning, 0 to 10".to_string(),
        )
    } else {
        let when = session.long_label();
        (
            format!("How did it feel the morning after {when}?"),
            format!("Your session on {when} has no morning-after rating yet. Rate the pain you had the next morning, as best you remember."),
            format!("Pain the morning after {when}, 0 to 10"),
        )
    };
    view! {
            <section class="card morning" aria-labelledby="morning-title">
                <h2 id="morning-title">{title}</h2>
                <p>{ask} " It should be no higher than before the session, and 5 or less."</p>
                <Rating legend=legend name="morning" value=rating on_pick=pick />
                <p aria-live="polite" class="decision">{move || decision().map(|d| {
                    let (class, text) = match d.why {
                        Why::Settled => ("status", SETTLED),
                        Why::NotSettled { baseline: Some(_), .. } => ("status warn", NOT_SETTLED),
                        Why::NotSettled { baseline: None, .. } => ("status warn", NOT_SETTLED_NO_BASELINE),
                        Why::TooMuchMorning { .. } => ("status warn", TOO_MUCH_MORNING),
                        Why::TooMuchDuring { .. } => ("status warn", TOO_MUCH_DURING),
                    };
                    view! { <span class=class>{text}</span> }
                })}</p>
            </section>
    }
    .into_any()
}

/// The top of today's session: what the plan holds this week, the pain
/// before starting, and the progress.
#[component]
fn SessionHeader(day: Day, targets: Memo<Vec<SetTarget>>) -> impl IntoView {
    let store = use_store();
    // Read four times a render: worked out once.
    let progress = Memo::new(move |_| {
        targets.with(|targets| store.with_day(day, |log| session_progress(targets, log)))
    });
    let progress = move || progress.get();
    let week = move || {
        let start = store.week_start();
        store.state.with(|s| {
            (
                sessions_in_week(&s.days, day, start),
                back_to_back(&s.days, day),
            )
        })
    };
    let building =
        move || targets.with(|t| t.iter().any(|t| t.dropped == Some(Dropped::BuildingUp)));
    let before = Signal::derive(move || {
        store.with_day(day, |log| log.pain_before.as_ref().map(|p| p.value))
    });
    let pick_before = Callback::new(move |value: u8| {
        store.change_day(day, |log, now| {
            log.pain_before = Some(Stamped::new(now, value))
        });
    });
    view! {
        <div class="session-status" aria-live="polite">
            {move || building().then(|| view! { <p class="muted">{BUILDING_UP}</p> })}
            {move || {
                let (count, back_to_back) = week();
                let p = progress();
                let done = if p.complete() {
                    "Session done today. Nice work."
                } else {
                    "Tap a set when you finish it; tap again to undo. Dashed sets are optional."
                };
                view! {
                    <p class=if p.complete() { "status done" } else { "muted" }>{done}</p>
                    <p class="muted">{format!("This week: {} of {WEEK_TARGET_MIN}–{WEEK_TARGET_MAX}.", plural(count, "session", "sessions"))}</p>
                    {back_to_back.then(|| view! {
                        <p class="status warn back-to-back">"Heads up: this is back to back with another session. Rest days let the tendon recover."</p>
                    })}
                }
            }}
        </div>
        <details class="card before" open=move || untrack(|| before.get().is_none())>
            <summary>"Pain before you start"</summary>
            <Rating legend="Pain now, before the session, 0 to 10" name="pain-before" value=before on_pick=pick_before />
            <p class="muted">{PAIN_BEFORE_WHY}</p>
        </details>
        <p aria-live="polite">{move || (store.with_day(day, in_session) == InSession::RestSuggested)
            .then(|| view! { <span class="status warn rest-suggested">{REST_SUGGESTED}</span> })}</p>
        <div class="progress-bar" role="progressbar" aria-label="Session progress"
            aria-valuemin="0" aria-valuemax="100" aria-valuenow=move || progress().percent()>
            <span style:width=move || format!("{}%", progress().percent())></span>
        </div>
        <p class="session-count" aria-live="polite">{move || {
            let p = progress();
            format!("{} of {} sets done", p.done.min(p.required), p.required)
        }}</p>
    }
}

/// After the last set: the pain during or right after, and what it means.
#[component]
fn FinishSession(day: Day, targets: Memo<Vec<SetTarget>>) -> impl IntoView {
    let store = use_store();
    let complete = move || {
        targets.with(|targets| store.with_day(day, |log| session_progress(targets, log).complete()))
    };
    let rating =
        Signal::derive(move || store.with_day(day, |log| log.pain_after.as_ref().map(|p| p.value)));
    let pick = Callback::new(move |value: u8| {
        store.change_day(day, |log, now| {
            log.pain_after = Some(Stamped::new(now, value));
        });
    });
    view! {
        <section class="card finish" aria-labelledby="finish-title">
            <h2 id="finish-title">{move || if complete() { "Session done: how was the pain?" } else { "How is the pain?" }}</h2>
            <Rating legend="Pain during or right after the session, 0 to 10" name="pain-after" value=rating on_pick=pick />
            <p aria-live="polite">{move || rating.get().map(|r| match pain_zone(r) {
                PainZone::Safe => PAIN_SAFE,
                PainZone::Acceptable => PAIN_ACCEPTABLE,
                PainZone::TooMuch => PAIN_TOO_MUCH,
            })}</p>
            <p class="muted">{PAIN_MODEL}</p>
        </section>
    }
}
