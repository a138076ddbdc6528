//! The top of the routine: the phase, what today is, and the set to do next.

use crate::browser::link;
use crate::components::exercise::{set_label, toggle_set};
use crate::components::timer::Rest;
use crate::store::use_store;
use hamstring_content::plural;
use hamstring_content::routine::{
    BUILDING_UP_PAIN, FOUNDATION_READY, FOUNDATION_RULE, FOUNDATION_SEE_PHYSIO, LIGHTER_TODAY,
    LIGHTER_TODAY_DURING, LIGHTER_TODAY_TREND, REST_DAY_SESSION, REST_DAY_SESSION_OPEN,
    REST_TODAY_BACK_TO_BACK, REST_TODAY_PAIN, REST_TODAY_WEEK_DONE, STRENGTH_READY, STRENGTH_RULE,
    TRAINING_DAY,
};
use hamstring_domain::date::Day;
use hamstring_domain::pain::Plan;
use hamstring_domain::phase::Phase;
use hamstring_domain::routine::SetTarget;
use hamstring_domain::schedule::{
    foundation_progress, phase_offer, weeks_in_phase, PhaseOffer, SETTLED_IN_A_ROW,
};
use hamstring_domain::state::AppStateStoreFields;
use hamstring_domain::today::{next_set, LighterBecause, RestBecause, Today as TodayStatus};
use leptos::prelude::*;

use super::todays_plan;

/// The top of the routine: the phase, whether today is a training or a
/// rest day and why, and the set to do next, tappable there.
#[component]
pub(super) fn TodayCard(
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
    view! {
        <section class="card today" aria-labelledby="phase-title" id="today">
            <h2 id="phase-title">{phase.title()}</h2>
            <p class="muted">{format!("{} · week {} of this phase", day.long_label(), week + 1)}</p>
            {if has_session {
                view! {
                    <DayStatus status />
                    <TrainAnyway status open />
                    <UpNext day targets open rest />
                }.into_any()
            } else {
                view! { <PhaseStatus phase plan=Memo::new(move |_| todays_plan(store, day)) /> }.into_any()
            }}
        </section>
    }
}

/// Training, lighter or rest today, and why.
#[component]
fn DayStatus(status: Memo<TodayStatus>) -> impl IntoView {
    view! {
        <div id="day-status" aria-live="polite">
            {move || {
                let status = status.get();
                match (status.rest, status.lighter) {
                    (Some(why), _) => view! { <p class="status warn rest-day">{rest_text(why)}</p> }.into_any(),
                    (None, Some(why)) => view! { <p class="status warn lighter">{lighter_text(why)}</p> }.into_any(),
                    (None, None) => view! { <p class="status training-day">{TRAINING_DAY}</p> }.into_any(),
                }
            }}
        </div>
    }
}

fn rest_text(why: RestBecause) -> &'static str {
    match why {
        RestBecause::PainThisMorning => REST_TODAY_PAIN,
        RestBecause::TrainedYesterday => REST_TODAY_BACK_TO_BACK,
        RestBecause::WeekDone => REST_TODAY_WEEK_DONE,
    }
}

fn lighter_text(why: LighterBecause) -> &'static str {
    match why {
        LighterBecause::Trend => LIGHTER_TODAY_TREND,
        LighterBecause::TooMuchDuring => LIGHTER_TODAY_DURING,
        LighterBecause::NotSettled => LIGHTER_TODAY,
    }
}

/// On a rest day the session is folded; this opens it.
#[component]
fn TrainAnyway(status: Memo<TodayStatus>, open: RwSignal<bool>) -> impl IntoView {
    move || {
        status.get().is_rest_day().then(|| view! {
            <div class="rest-day-session">
                <p class="muted">{move || if open.get() { REST_DAY_SESSION_OPEN } else { REST_DAY_SESSION }}</p>
                <button type="button" class="secondary train-anyway" aria-controls="session-body"
                    aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                    "Train anyway"
                </button>
            </div>
        })
    }
}

/// The set to do next, tickable here, while the session is open; once
/// every set is done, the way to the pain rating.
#[component]
fn UpNext(
    day: Day,
    targets: Memo<Vec<SetTarget>>,
    open: RwSignal<bool>,
    rest: RwSignal<Option<Rest>>,
) -> impl IntoView {
    let store = use_store();
    let next = move || targets.with(|targets| store.with_day(day, |log| next_set(targets, log)));
    move || {
        open.get().then(|| match next() {
            Some(target) => view! { <NextSet day target rest /> }.into_any(),
            None => view! { <p class="status done"><a href="#finish-title">"Every set is done: rate the pain."</a></p> }.into_any(),
        })
    }
}

#[component]
fn NextSet(day: Day, target: SetTarget, rest: RwSignal<Option<Rest>>) -> impl IntoView {
    let store = use_store();
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
    }
}

/// Where the phase stands: its week, pain building up, and the move to the
/// next phase once it is due, or else the rule that earns it.
#[component]
pub(super) fn PhaseStatus(phase: Phase, plan: Memo<Plan>) -> impl IntoView {
    let store = use_store();
    let weeks = move || {
        store.state.programme().with(|p| {
            p.as_ref()
                .map(|p| weeks_in_phase(p.value.since, store.today.get()))
        })
    };
    // Read narrowly, and kept as a memo: a tick reruns the rule but
    // redraws the box only when the offer changes.
    let offer = Memo::new(move |_| {
        let state = store.state;
        state.days().with(|days| {
            state.strength_checks().with(|checks| {
                state.programme().with(|programme| {
                    let programme = programme.as_ref().map(|p| &p.value);
                    phase_offer(programme, days, checks, store.today.get())
                })
            })
        })
    });
    let building = move || plan.get().building_up;
    view! {
        <p class="muted">{move || weeks().map(|w| format!("Week {} of this phase.", w + 1))}</p>
        {move || building().then(|| view! { <p class="status warn" id="pain-trend">{BUILDING_UP_PAIN}</p> })}
        {move || match offer.get() {
            PhaseOffer::Hamstring => view! {
                <PhaseOfferBox why=FOUNDATION_READY to=Phase::Hamstring label="Move to phase 2" />
            }.into_any(),
            PhaseOffer::SeePhysio => view! {
                <div class="status warn">
                    <p>{FOUNDATION_SEE_PHYSIO}</p>
                </div>
            }.into_any(),
            PhaseOffer::ReturnToRun => view! {
                <PhaseOfferBox why=STRENGTH_READY to=Phase::ReturnToRun label="Move to phase 3" />
            }.into_any(),
            PhaseOffer::None => view! { <PhaseRule phase /> }.into_any(),
        }}
    }
}

/// The offer of the next phase: why the person may move on, and the button
/// that moves them to phase `to`.
#[component]
fn PhaseOfferBox(why: &'static str, to: Phase, label: &'static str) -> impl IntoView {
    let store = use_store();
    view! {
        <div class="status offer">
            <p>{why}</p>
            <button type="button" class="primary" on:click=move |_| store.set_phase(to)>{label}</button>
        </div>
    }
}

/// What earns the next phase, while it is not yet offered.
#[component]
fn PhaseRule(phase: Phase) -> impl IntoView {
    match phase {
        Phase::Foundation => view! {
            <p>{FOUNDATION_RULE}</p>
            <FoundationProgress />
        }
        .into_any(),
        Phase::Hamstring => view! {
            <p>{STRENGTH_RULE} " " <a href=link("/progress#strength")>"Do a strength check"</a></p>
        }
        .into_any(),
        Phase::BackFirst => view! { <BackCleared /> }.into_any(),
        _ => ().into_any(),
    }
}

/// Before the programme: the way to start it once the back is cleared.
#[component]
fn BackCleared() -> impl IntoView {
    let store = use_store();
    view! {
        <div class="status">
            <p>"Once your back has been checked, ruled out or treated, start the programme."</p>
            <button type="button" class="primary" on:click=move |_| store.set_phase(Phase::Foundation)>"My back is cleared: start phase 1"</button>
        </div>
    }
}

/// Phase 1's sessions so far, against the rule for phase 2.
#[component]
fn FoundationProgress() -> impl IntoView {
    let store = use_store();
    let progress = move || {
        let since = store
            .state
            .programme()
            .with(|p| p.as_ref().map(|p| p.value.since))?;
        let today = store.today.get();
        Some(
            store
                .state
                .days()
                .with(|days| foundation_progress(days, since, today)),
        )
    };
    // A span needs two sessions: one is "1 session", not "over 0 days".
    view! {
        <p class="muted" id="phase-progress">{move || progress().map(|p| format!(
            "So far: {}{}, {} settled in a row.",
            plural(p.sessions, "session", "sessions"),
            if p.sessions > 1 { format!(" over {}", plural(p.span_days.max(1) as usize, "day", "days")) } else { String::new() },
            p.settled_in_a_row.min(SETTLED_IN_A_ROW),
        ))}</p>
    }
}
