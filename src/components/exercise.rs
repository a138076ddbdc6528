//! An exercise's card (name, dose, what it trains, how to do it), and the
//! same card in a session with a tick target per set and an optional reps log.

use crate::store::use_store;
use hamstring_content::exercises::{Exercise, ExerciseId};
use hamstring_domain::date::Day;
use hamstring_domain::routine::{set_targets, SetTarget};
use hamstring_domain::state::{SetKey, Side, Stamped};
use leptos::prelude::*;

fn set_label(target: &SetTarget) -> String {
    let side = match target.key.side {
        Some(Side::Left) => " left",
        Some(Side::Right) => " right",
        None => "",
    };
    format!("Set {}{side}", target.key.set)
}

/// An exercise's card: name, dose, what it trains, and how to do it. The
/// session puts tick targets inside; the library a note.
#[component]
pub fn ExerciseCard(exercise: &'static Exercise, children: Children) -> impl IntoView {
    let anchor = exercise.id.anchor();
    view! {
        <section class="card exercise" id=anchor.clone() aria-labelledby=format!("{anchor}-title")>
            <h3 id=format!("{anchor}-title")>{exercise.name}</h3>
            <p><strong class="dose">{exercise.dose_text}</strong> <span class="muted">" · " {exercise.trains}</span></p>
            {children()}
            <details>
                <summary>"How to do it"</summary>
                <ol class="steps">{exercise.steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
                {exercise.note.map(|note| view! { <p class="muted">{note}</p> })}
            </details>
        </section>
    }
}

/// An exercise in a day's session: its card with a tick target per set.
#[component]
pub fn SessionExercise(
    id: ExerciseId,
    day: Day,
    rest_timer: RwSignal<Option<u32>>,
) -> impl IntoView {
    let store = use_store();
    let exercise: &'static Exercise = id.info();
    let done = move |key: SetKey| store.with_day(day, |log| log.is_done(key));
    let toggle = move |key: SetKey| {
        let was_done = untrack(|| store.with_day(day, |log| log.is_done(key)));
        store.change_day(day, |log, now| {
            log.sets.insert(key, Stamped::new(now, !was_done));
        });
        // The dose asks for rest after this set; the user may change how long
        // in settings, and 0 turns the timer off.
        if !was_done && exercise.dose.rest_after_secs.is_some() {
            let seconds = untrack(|| store.settings().rest_secs);
            rest_timer.set((seconds > 0).then_some(seconds));
        }
    };
    view! {
        <ExerciseCard exercise>
            <div class="sets" role="group" aria-label=format!("{} sets", exercise.name)>
                {set_targets(id).into_iter().map(|target| {
                    let key = target.key;
                    let label = set_label(&target);
                    let name = format!("{}: {}{}", exercise.name, label, if target.optional { " (optional)" } else { "" });
                    view! {
                        <label class=if target.optional { "set optional" } else { "set" }>
                            <input type="checkbox" aria-label=name
                                prop:checked=move || done(key)
                                on:change=move |_| toggle(key) />
                            <span aria-hidden="true">
                                {move || if done(key) { "✓ " } else { "" }}
                                {label.clone()}
                            </span>
                        </label>
                    }
                }).collect_view()}
            </div>
            {exercise.dose.reps.map(|(low, high)| view! { <RepsLog id day low high /> })}
        </ExerciseCard>
    }
}

/// Optional: how many repetitions each set actually had.
#[component]
fn RepsLog(id: ExerciseId, day: Day, low: u8, high: u8) -> impl IntoView {
    let store = use_store();
    let name = id.info().name;
    view! {
        <details class="reps-log">
            <summary>"Log reps (optional)"</summary>
            <div class="reps-fields">
                {set_targets(id).into_iter().map(|target| {
                    let key = target.key;
                    let label = format!("{}: {} reps done", name, set_label(&target));
                    let field_label = set_label(&target);
                    view! {
                        <label class="field">{field_label}
                            <input type="number" inputmode="numeric" min="0" max="99" placeholder=format!("{low}–{high}") aria-label=label
                                prop:value=move || store.with_day(day, |log| log.reps.get(&key).map(|r| r.value.to_string()).unwrap_or_default())
                                on:change=move |ev| {
                                    let text = event_target_value(&ev);
                                    let reps = text.trim().parse::<u8>().ok().filter(|n| *n <= 99);
                                    store.change_day(day, |log, now| {
                                        match reps {
                                            Some(n) => { log.reps.insert(key, Stamped::new(now, n)); }
                                            None => { log.reps.remove(&key); }
                                        }
                                    });
                                } />
                        </label>
                    }
                }).collect_view()}
            </div>
        </details>
    }
}
