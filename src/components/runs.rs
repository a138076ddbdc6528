//! The return to running: the stage the next run is at, the run log, and
//! the next-morning check after every run, as after every session. On the
//! routine page in phase 3 today's run comes first (`RunToday`); the whole
//! log is on Progress and in prevention (`RunLog`).

use crate::components::widgets::Rating;
use crate::store::{use_store, Scope, Store};
use hamstring_content::routine::{
    minutes_text, run_as_last, run_done_today, run_longer, run_rate_first, run_shorter, RUN_FIRST,
    RUN_NOT_SETTLED, RUN_RULE, RUN_STAGES, RUN_TOO_MUCH,
};
use hamstring_domain::date::Day;
use hamstring_domain::pain::{pain_zone, PainZone};
use hamstring_domain::running::{
    current_stage, next_run_length, run_settled, run_to_rate, RunLength, STAGES,
};
use hamstring_domain::state::{AppStateStoreFields, RunEntry, Stamped};
use leptos::prelude::*;

/// The running stage, read so that it wakes its readers only when the runs
/// change (`current_stage` reads nothing else). Cheap to work out: no memo.
fn run_stage(store: Store) -> impl Fn() -> u8 + Copy + Send + Sync + 'static {
    move || store.state.runs().with(current_stage)
}

#[component]
pub fn RunLog() -> impl IntoView {
    let store = use_store();
    let visible = move || {
        store.phase().is_some_and(|p| p.has_run_log())
            || store.state.runs().with(|runs| !runs.is_empty())
    };
    let stage = run_stage(store);
    view! {
        {move || visible().then(|| view! {
            <section class="card" aria-labelledby="runs-title" id="runs">
                <h2 id="runs-title">"Return to running"</h2>
                <p><strong>{move || format!("Stage {} of {STAGES}: ", stage())}</strong>{move || RUN_STAGES[usize::from(stage() - 1)]}</p>
                <Stages />
                <p class="muted">{RUN_RULE}</p>
                <RunForm />
                <RunList ask_morning=true />
            </section>
        })}
    }
}

/// Today's run, first on the routine in phase 3, as a session's card is:
/// the stage, what to do and how long, the morning after the last run when
/// it is not rated yet, and logging today's; the stages and past runs fold.
#[component]
pub fn RunToday() -> impl IntoView {
    let store = use_store();
    let stage = run_stage(store);
    let today = store.today;
    let length = move || {
        store
            .state
            .runs()
            .with(|runs| next_run_length(runs, today.get()))
    };
    // Asked until the page is left, so the answer shows what it means.
    let to_rate = store
        .state
        .with_untracked(|s| run_to_rate(&s.runs, today.get_untracked()));
    view! {
        <section class="card run-today" aria-labelledby="runs-title" id="runs">
            <h2 id="runs-title">"Today's run"</h2>
            <p><strong>{move || format!("Stage {} of {STAGES}: ", stage())}</strong>{move || RUN_STAGES[usize::from(stage() - 1)]}</p>
            <p class="run-length">{move || match length() {
                RunLength::FirstRun => RUN_FIRST.to_string(),
                RunLength::DoneToday(m) => run_done_today(m),
                RunLength::RateLastFirst(m) => run_rate_first(m),
                RunLength::AsLast(m) => run_as_last(m),
                RunLength::LongerThanLast(m) => run_longer(m),
                RunLength::ShorterThanLast(m) => run_shorter(m),
            }}</p>
            {to_rate.map(|day| view! { <RunMorning day /> })}
            <RunForm />
            <details class="how">
                <summary>"The stages, and how to move up"</summary>
                <Stages />
                <p class="muted">{RUN_RULE}</p>
            </details>
            <details class="how">
                <summary>"Your runs"</summary>
                <RunList ask_morning=false />
            </details>
        </section>
    }
}

/// The morning after a run: its pain now, and whether it settled.
#[component]
fn RunMorning(day: Day) -> impl IntoView {
    let store = use_store();
    let yesterday = day == store.today.get_untracked().plus(-1);
    let value = Signal::derive(move || {
        store
            .state
            .runs()
            .with(|runs| runs.get(&day).and_then(|r| r.value.pain_next_morning))
    });
    let outcome = move || {
        store
            .state
            .runs()
            .with(|runs| runs.get(&day).map(|r| r.value))
            .filter(|run| run.pain_next_morning.is_some())
            .map(|run| run_outcome(&run))
    };
    let legend = if yesterday {
        "Pain this morning, after yesterday's run, 0 to 10".to_string()
    } else {
        format!(
            "Pain the morning after your run on {}, 0 to 10",
            day.long_label()
        )
    };
    view! {
        <div class="run-morning">
            <Rating legend=legend name=format!("run-morning-{day}") value=value on_pick=Callback::new(move |n| rate_morning(store, day, n)) />
            <p aria-live="polite">{move || outcome().map(|(class, text)| view! { <span class=class>{text}</span> })}</p>
        </div>
    }
}

/// Saves the morning-after rating of the run on `day`.
fn rate_morning(store: Store, day: Day, rating: u8) {
    store.change(Scope::Day(day), |state, now| {
        if let Some(entry) = state.runs.get_mut(&day) {
            entry.value.pain_next_morning = Some(rating);
            entry.at = now;
        }
    });
}

/// What a rated run's morning after means: its class and words.
fn run_outcome(run: &RunEntry) -> (&'static str, String) {
    let morning = run.pain_next_morning.unwrap_or_default();
    match run_settled(run) {
        Some(true) => ("", format!("Next morning: {morning}. Settled.")),
        _ if pain_zone(run.pain_now) == PainZone::TooMuch => {
            ("", format!("Next morning: {morning}."))
        }
        _ => (
            "status warn",
            format!("Next morning: {morning}. {RUN_NOT_SETTLED}"),
        ),
    }
}

#[component]
fn Stages() -> impl IntoView {
    let store = use_store();
    let stage = run_stage(store);
    view! {
        <ol class="stages">
            {RUN_STAGES.iter().enumerate().map(|(i, text)| view! {
                <li class:current=move || usize::from(stage()) == i + 1>{*text}</li>
            }).collect_view()}
        </ol>
    }
}

/// Logging today's run: its minutes and the pain during or right after.
#[component]
fn RunForm() -> impl IntoView {
    let store = use_store();
    let minutes = RwSignal::new(String::new());
    let pain_now = RwSignal::new(None::<u8>);
    let error = RwSignal::new(None::<&'static str>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let minutes = minutes
            .get_untracked()
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|m| RunEntry::MINUTES.contains(m));
        let (Some(minutes), Some(pain_now)) = (minutes, pain_now.get_untracked()) else {
            error.set(Some(
                "Enter the minutes run (1 to 600) and rate the pain now.",
            ));
            return;
        };
        error.set(None);
        let today = store.today.get_untracked();
        store.change(Scope::Day(today), |state, now| {
            let run = RunEntry {
                minutes,
                pain_now,
                pain_next_morning: None,
            };
            state.runs.insert(today, Stamped::new(now, run));
        });
    };
    view! {
        <form on:submit=save>
            <label class="field">"Minutes run today" <input type="number" inputmode="numeric" min="1" max="600" name="minutes" bind:value=minutes /></label>
            <Rating legend="Pain during or right after the run, 0 to 10" name="run-pain" value=pain_now on_pick=Callback::new(move |n| pain_now.set(Some(n))) />
            <p role="alert" class="error">{move || error.get()}</p>
            <div class="actions"><button type="submit" class="primary">"Log run"</button></div>
        </form>
    }
}

/// The last twelve runs with their pain; where `ask_morning`, an unrated
/// past run asks for its morning after (the routine asks at the top).
#[component]
fn RunList(ask_morning: bool) -> impl IntoView {
    let store = use_store();
    let runs = move || {
        store.state.runs().with(|runs| {
            runs.iter()
                .rev()
                .take(12)
                .map(|(d, r)| (*d, r.value))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ul class="runs">
            {move || runs().into_iter().map(|(day, run)| {
                view! {
                    <li>
                        <p><strong>{day.long_label()}</strong>{format!(": {}, pain {} out of 10.", minutes_text(run.minutes), run.pain_now)}</p>
                        {(pain_zone(run.pain_now) == PainZone::TooMuch).then(|| view! { <p class="status warn">{RUN_TOO_MUCH}</p> })}
                        {match run.pain_next_morning {
                            Some(_) => {
                                let (class, text) = run_outcome(&run);
                                view! { <p class=class>{text}</p> }.into_any()
                            }
                            None if ask_morning && day < store.today.get_untracked() => view! {
                                <Rating legend=format!("Pain the morning after the run on {}", day.long_label()) name=format!("run-morning-{day}") value=Signal::derive(|| None) on_pick=Callback::new(move |n| rate_morning(store, day, n)) />
                            }.into_any(),
                            None if day < store.today.get_untracked() => view! { <p class="muted">"Next morning: not rated yet."</p> }.into_any(),
                            None => view! { <p class="muted">"Rate the pain tomorrow morning."</p> }.into_any(),
                        }}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
