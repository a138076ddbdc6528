//! The routine: today's session for the current phase, ticked set by set.

use crate::browser::link;
use crate::components::exercise::{ExerciseCard, SessionExercise};
use crate::components::standing::StandingBreak;
use crate::components::timer::RestTimer;
use crate::components::widgets::{Rating, Rich};
use crate::store::{use_store, Scope};
use hamstring_content::exercises::{Exercise, ExerciseId, Kind};
use hamstring_content::selfcheck::{level_text, Level, BEEN_SEEN_QUESTION};
use hamstring_domain::date::Day;
use hamstring_domain::phase::Phase;
use hamstring_domain::routine::session_progress;
use hamstring_domain::schedule::{
    back_to_back, morning_check_due, pain_zone, phase_offer, sessions_in_week, today_status,
    weeks_in_phase, PhaseOffer, TodayStatus, WEEK_TARGET_MAX, WEEK_TARGET_MIN,
};
use hamstring_domain::state::{AppStateStoreFields, CheckResult, Stamped};
use leptos::prelude::*;
use leptos_meta::Title;
use std::collections::BTreeMap;

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
    // Links such as /routine#ex-glute-bridge: the card exists only once
    // storage is read.
    Effect::new(move |_| {
        if store.loaded.get() {
            request_animation_frame(crate::browser::scroll_to_hash);
        }
    });
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
        <Title text="Your routine" />
        <article class="page routine">
            <h1>"Your routine"</h1>
            <p class="lead">"Three to four sessions a week, with a rest day in between. Tap each set as you finish it; your ticks stay on this device."</p>
            <Show when=move || store.loaded.get()>
                {move || match (waiting_for_care.get(), phase.get(), today.get()) {
                    (Some((id, level, day)), _, _) => view! { <BeenSeen id level day /> }.into_any(),
                    (None, None, _) => view! { <PhasePicker /> }.into_any(),
                    (None, Some(phase), day) => view! { <Today phase day /> }.into_any(),
                }}
                {move || view! { <Library in_session=phase.get().map(Phase::exercises).unwrap_or_default() /> }}
            </Show>
        </article>
    }
}

/// The latest self-check result, when it called for care today or sooner and
/// the person has not yet said they were seen: its id, level and day.
fn care_pending(
    results: &BTreeMap<u64, Stamped<CheckResult>>,
    seen_after: Option<u64>,
) -> Option<(u64, Level, Day)> {
    let (id, result) = results.iter().next_back()?;
    let result = &result.value;
    let level = result
        .verdict
        .level()
        .filter(|level| *level <= Level::Urgent)?;
    let seen = seen_after.is_some_and(|seen| seen >= *id);
    (!seen).then_some((*id, level, result.day))
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
                    <button type="button" class="choice phase-choice" on:click=move |_| store.set_phase(phase)>
                        <span><strong>{phase.title()}</strong><br /><span class="muted">{phase.purpose()}</span></span>
                    </button>
                }).collect_view()}
            </div>
        </section>
    }
}

#[component]
fn Today(phase: Phase, day: Day) -> impl IntoView {
    let today = day;
    let rest_timer = RwSignal::new(None::<u32>);
    // Phone first: where you are and today's ticks come before the reading.
    view! {
        <section class="card phase" aria-labelledby="phase-title">
            <h2 id="phase-title">{phase.title()}</h2>
            <PhaseStatus phase />
        </section>
        <DayStatus />
        <MorningCheck />
        {(!phase.exercises().is_empty()).then(|| view! {
            <SessionHeader phase day=today />
            {phase.exercises().into_iter().map(|id| view! { <SessionExercise id day=today rest_timer /> }).collect_view()}
            <FinishSession phase day=today />
        })}
        <section class="card habits" aria-labelledby="habits-title">
            <h2 id="habits-title">"Daily habits"</h2>
            <ul>{phase.habits().iter().map(|h| view! { <li>{*h}</li> }).collect_view()}</ul>
            <StandingBreak />
        </section>
        <section class="card" aria-labelledby="about-phase-title">
            <h2 id="about-phase-title">"About this phase"</h2>
            <p>{phase.purpose()}</p>
            <details>
                <summary>"Change phase"</summary>
                <PhasePicker />
            </details>
        </section>
        <RestTimer remaining=rest_timer />
    }
}

#[component]
fn PhaseStatus(phase: Phase) -> impl IntoView {
    let store = use_store();
    let weeks = move || {
        store.state.with(|s| {
            s.programme()
                .map(|p| weeks_in_phase(p.since, store.today.get()))
        })
    };
    let offer = move || store.state.with(|s| phase_offer(s, store.today.get()));
    view! {
        <p class="muted">{move || weeks().map(|w| format!("Week {} of this phase.", w + 1))}</p>
        {move || match offer() {
            PhaseOffer::Hamstring => Some(view! {
                <div class="status">
                    <p>"You have done six weeks of general strengthening. If the tendon has settled, you can add hamstring-specific work."</p>
                    <button type="button" class="primary" on:click=move |_| store.set_phase(Phase::Hamstring)>"Move to phase 2"</button>
                </div>
            }.into_any()),
            PhaseOffer::ReturnToRun => Some(view! {
                <div class="status">
                    <p>"Your strength check shows both legs nearly equal and no pain at rest. You can begin a light running programme."</p>
                    <button type="button" class="primary" on:click=move |_| store.set_phase(Phase::ReturnToRun)>"Move to phase 3"</button>
                </div>
            }.into_any()),
            PhaseOffer::None if phase == Phase::Hamstring => Some(view! {
                <p>"Phase 3 opens after a " <a href=link("/progress#strength")>"strength check"</a> " shows your weaker leg at 90% or more of the stronger, with no pain at rest."</p>
            }.into_any()),
            PhaseOffer::None if phase == Phase::BackFirst => Some(view! {
                <div class="status">
                    <p>"Once your back has been checked, ruled out or treated, start the programme."</p>
                    <button type="button" class="primary" on:click=move |_| store.set_phase(Phase::Foundation)>"My back is cleared: start phase 1"</button>
                </div>
            }.into_any()),
            PhaseOffer::None => None,
        }}
    }
}

/// Training day or rest day, the week's count, and the back-to-back warning.
#[component]
fn DayStatus() -> impl IntoView {
    let store = use_store();
    let status = move || {
        let today = store.today.get();
        let start = store.week_start();
        store.state.with(|s| {
            (
                today_status(s, today, start),
                sessions_in_week(s, today, start),
                back_to_back(s, today),
            )
        })
    };
    view! {
        {move || {
            let (status, count, back_to_back) = status();
            let (class, text) = match status {
                TodayStatus::Trained => ("status", "Session logged today. Nice work."),
                TodayStatus::RestAdvised => ("status warn", "You trained yesterday. The programme asks for at least one rest day between sessions, so today is a rest day."),
                TodayStatus::WeekDone => ("status", "You have done four sessions this week: rest until the new week."),
                TodayStatus::TrainingDay => ("status", "Today is a good day for a session."),
            };
            view! {
                <section class={class} aria-live="polite" id="day-status">
                    <p><strong>{text}</strong></p>
                    <p>{format!("This week: {count} of {WEEK_TARGET_MIN}–{WEEK_TARGET_MAX} sessions.")}</p>
                    {back_to_back.then(|| view! {
                        <p class="back-to-back">"Heads up: this is back to back with another session. Rest days let the tendon recover."</p>
                    })}
                </section>
            }
        }}
    }
}

/// The day after a session: how did it feel this morning?
#[component]
fn MorningCheck() -> impl IntoView {
    let store = use_store();
    let due = move || {
        store
            .state
            .with(|s| morning_check_due(s, store.today.get()))
    };
    view! {
        {move || due().map(|day| {
            let pick = Callback::new(move |rating: u8| {
                store.change_day(day, |log, now| {
                    log.pain_next_morning = Some(Stamped::new(now, rating));
                });
            });
            view! {
                <section class="card" aria-labelledby="morning-title">
                    <h2 id="morning-title">"How does it feel this morning?"</h2>
                    <p>"Pain from yesterday's session should settle by the next morning. If it has not, make the next session lighter."</p>
                    <Rating legend="Pain this morning, 0 to 10".to_string() name="morning".to_string() value=Signal::derive(|| None) on_pick=pick />
                </section>
            }
        })}
    }
}

#[component]
fn SessionHeader(phase: Phase, day: Day) -> impl IntoView {
    let store = use_store();
    let progress = move || store.with_day(day, |log| session_progress(phase, log));
    view! {
        <h2 id="session">{format!("Today's session · {}", day.long_label())}</h2>
        <p class="muted">"Tap a set when you finish it; tap again to undo. Dashed sets are optional."</p>
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

/// After the last set: one pain rating and the pain-monitoring guidance.
#[component]
fn FinishSession(phase: Phase, day: Day) -> impl IntoView {
    let store = use_store();
    let complete = move || store.with_day(day, |log| session_progress(phase, log).complete());
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
            <Rating legend="Pain during or right after the session, 0 to 10".to_string() name="pain-after".to_string() value=rating on_pick=pick />
            <p aria-live="polite">{move || rating.get().map(|r| pain_zone(r).advice())}</p>
            <p class="muted">"Pain should settle by the next morning and should not build from week to week. If it does not settle, reduce the load. (Pain-monitoring model, Silbernagel et al., 2007.)"</p>
        </section>
    }
}
