//! Around today's session: the morning after the last one, its header, and its end.

use crate::components::widgets::Rating;
use crate::store::use_store;
use hamstring_content::plural;
use hamstring_content::routine::{
    BUILDING_UP, NOT_SETTLED, NOT_SETTLED_NO_BASELINE, PAIN_ACCEPTABLE, PAIN_BEFORE_WHY,
    PAIN_MODEL, PAIN_SAFE, PAIN_TOO_MUCH, REST_SUGGESTED, SETTLED, TOO_MUCH_DURING,
    TOO_MUCH_MORNING,
};
use hamstring_domain::date::Day;
use hamstring_domain::pain::{decide, in_session, pain_zone, InSession, PainZone, Why};
use hamstring_domain::routine::{session_progress, SessionProgress};
use hamstring_domain::routine::{Dropped, SetTarget};
use hamstring_domain::schedule::{
    back_to_back, morning_check_day, sessions_in_week, WEEK_TARGET_MAX, WEEK_TARGET_MIN,
};
use hamstring_domain::state::{AppStateStoreFields, Stamped};
use leptos::prelude::*;

/// The morning after a session: how does it feel, and what that means for
/// the next session. Yesterday's stays on screen all day, so the rating can
/// be changed; an older session still unrated is asked about on the next
/// opening (and stays until the page is left, to show what it means).
#[component]
pub(super) fn MorningCheck(day: Day) -> impl IntoView {
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
pub(super) fn SessionHeader(day: Day, targets: Memo<Vec<SetTarget>>) -> impl IntoView {
    let store = use_store();
    // Read four times a render: worked out once.
    let progress = Memo::new(move |_| {
        targets.with(|targets| store.with_day(day, |log| session_progress(targets, log)))
    });
    view! {
        <SessionStatus day targets progress />
        <PainBefore day />
        <p aria-live="polite">{move || (store.with_day(day, in_session) == InSession::RestSuggested)
            .then(|| view! { <span class="status warn rest-suggested">{REST_SUGGESTED}</span> })}</p>
        <div class="progress-bar" role="progressbar" aria-label="Session progress"
            aria-valuemin="0" aria-valuemax="100" aria-valuenow=move || progress.get().percent()>
            <span style:width=move || format!("{}%", progress.get().percent())></span>
        </div>
        <p class="session-count" aria-live="polite">{move || {
            let p = progress.get();
            format!("{} of {} sets done", p.done.min(p.required), p.required)
        }}</p>
    }
}

/// Sets building up, how to tick, whether the session is done, and this
/// week's sessions against the plan.
#[component]
fn SessionStatus(
    day: Day,
    targets: Memo<Vec<SetTarget>>,
    progress: Memo<SessionProgress>,
) -> impl IntoView {
    let store = use_store();
    let week = move || {
        let start = store.week_start();
        store
            .state
            .days()
            .with(|days| (sessions_in_week(days, day, start), back_to_back(days, day)))
    };
    let building =
        move || targets.with(|t| t.iter().any(|t| t.dropped == Some(Dropped::BuildingUp)));
    view! {
        <div class="session-status" aria-live="polite">
            {move || building().then(|| view! { <p class="muted">{BUILDING_UP}</p> })}
            {move || {
                let (count, back_to_back) = week();
                let complete = progress.get().complete();
                let done = if complete {
                    "Session done today. Nice work."
                } else {
                    "Tap a set when you finish it; tap again to undo. Dashed sets are optional."
                };
                view! {
                    <p class=if complete { "status done" } else { "muted" }>{done}</p>
                    <p class="muted">{format!("This week: {} of {WEEK_TARGET_MIN}–{WEEK_TARGET_MAX}.", plural(count, "session", "sessions"))}</p>
                    {back_to_back.then(|| view! {
                        <p class="status warn back-to-back">"Heads up: this is back to back with another session. Rest days let the tendon recover."</p>
                    })}
                }
            }}
        </div>
    }
}

/// The pain before starting, open until it is rated.
#[component]
fn PainBefore(day: Day) -> impl IntoView {
    let store = use_store();
    let before = Signal::derive(move || {
        store.with_day(day, |log| log.pain_before.as_ref().map(|p| p.value))
    });
    let pick_before = Callback::new(move |value: u8| {
        store.change_day(day, |log, now| {
            log.pain_before = Some(Stamped::new(now, value))
        });
    });
    view! {
        <details class="card before" open=move || untrack(|| before.get().is_none())>
            <summary>"Pain before you start"</summary>
            <Rating legend="Pain now, before the session, 0 to 10" name="pain-before" value=before on_pick=pick_before />
            <p class="muted">{PAIN_BEFORE_WHY}</p>
        </details>
    }
}

/// After the last set: the pain during or right after, and what it means.
#[component]
pub(super) fn FinishSession(day: Day, targets: Memo<Vec<SetTarget>>) -> impl IntoView {
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
