//! The return to running: the stage the next run is at, the run log, and
//! the next-morning check after every run, as after every session. On the
//! routine page in phase 3 and prevention, and on Progress.

use crate::components::widgets::Rating;
use crate::store::{use_store, Scope};
use hamstring_content::routine::{RUN_NOT_SETTLED, RUN_RULE, RUN_STAGES, RUN_TOO_MUCH};
use hamstring_domain::pain::{pain_zone, PainZone};
use hamstring_domain::running::{current_stage, run_settled, STAGES};
use hamstring_domain::state::{AppStateStoreFields, RunEntry, Stamped};
use leptos::prelude::*;

#[component]
pub fn RunLog() -> impl IntoView {
    let store = use_store();
    let visible = move || {
        let phase = store
            .state
            .programme()
            .with(|p| p.as_ref().map(|p| p.value.phase));
        phase.is_some_and(|p| p.has_run_log()) || store.state.runs().with(|runs| !runs.is_empty())
    };
    let stage = move || store.state.with(current_stage);
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
        {move || visible().then(|| view! {
            <section class="card" aria-labelledby="runs-title" id="runs">
                <h2 id="runs-title">"Return to running"</h2>
                <p><strong>{move || format!("Stage {} of {STAGES}: ", stage())}</strong>{move || RUN_STAGES[usize::from(stage() - 1)]}</p>
                <ol class="stages">
                    {RUN_STAGES.iter().enumerate().map(|(i, text)| view! {
                        <li class:current=move || usize::from(stage()) == i + 1>{*text}</li>
                    }).collect_view()}
                </ol>
                <p class="muted">{RUN_RULE}</p>
                <form on:submit=save>
                    <label class="field">"Minutes run today" <input type="number" inputmode="numeric" min="1" max="600" name="minutes" bind:value=minutes /></label>
                    <Rating legend="Pain during or right after the run, 0 to 10" name="run-pain" value=pain_now on_pick=Callback::new(move |n| pain_now.set(Some(n))) />
                    <p role="alert" class="error">{move || error.get()}</p>
                    <div class="actions"><button type="submit" class="primary">"Log run"</button></div>
                </form>
                <ul class="runs">
                    {move || runs().into_iter().map(|(day, run)| {
                        let morning = move |n: u8| store.change(Scope::Day(day), |state, now| {
                            if let Some(entry) = state.runs.get_mut(&day) {
                                entry.value.pain_next_morning = Some(n);
                                entry.at = now;
                            }
                        });
                        let minutes = if run.minutes == 1 { "1 minute".to_string() } else { format!("{} minutes", run.minutes) };
                        view! {
                            <li>
                                <p><strong>{day.long_label()}</strong>{format!(": {minutes}, pain {} out of 10.", run.pain_now)}</p>
                                {(pain_zone(run.pain_now) == PainZone::TooMuch).then(|| view! { <p class="status warn">{RUN_TOO_MUCH}</p> })}
                                {match run.pain_next_morning {
                                    Some(m) if run_settled(&run) == Some(true) => view! { <p>{format!("Next morning: {m}. Settled.")}</p> }.into_any(),
                                    Some(m) if pain_zone(run.pain_now) == PainZone::TooMuch => view! { <p>{format!("Next morning: {m}.")}</p> }.into_any(),
                                    Some(m) => view! { <p class="status warn">{format!("Next morning: {m}. {RUN_NOT_SETTLED}")}</p> }.into_any(),
                                    None if day < store.today.get_untracked() => view! {
                                        <Rating legend=format!("Pain the morning after the run on {}", day.long_label()) name=format!("run-morning-{day}") value=Signal::derive(|| None) on_pick=Callback::new(morning) />
                                    }.into_any(),
                                    None => view! { <p class="muted">"Rate the pain tomorrow morning."</p> }.into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
