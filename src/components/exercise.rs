//! An exercise's card (name, picture, dose, what it trains, how to do it),
//! and the same card in a session: a tick target per set (sets left out
//! today shown as such), the rest timer, the weight used and reps.

use crate::browser::link;
use crate::components::timer::RestTimer;
use crate::store::use_store;
use hamstring_content::exercises::{Exercise, ExerciseId};
use hamstring_content::routine::ADD_LOAD;
use hamstring_domain::date::Day;
use hamstring_domain::routine::{Dropped, SetTarget};
use hamstring_domain::schedule::add_load_suggested;
use hamstring_domain::state::{SetKey, Side, Stamped, MAX_LOAD_TENTHS};
use leptos::prelude::*;

fn set_label(target: &SetTarget) -> String {
    let side = match target.key.side {
        Some(Side::Left) => " left",
        Some(Side::Right) => " right",
        None => "",
    };
    format!("Set {}{side}", target.key.set)
}

/// An exercise's card: name, picture (start and end position), dose, what
/// it trains, and how to do it. The session puts tick targets inside; the
/// library a note.
#[component]
pub fn ExerciseCard(exercise: &'static Exercise, children: Children) -> impl IntoView {
    let anchor = exercise.id.anchor();
    view! {
        <section class="card exercise" id=anchor.clone() aria-labelledby=format!("{anchor}-title")>
            <h3 id=format!("{anchor}-title")>{exercise.name}</h3>
            <img class="figure" src=link(&format!("/exercises/{}.svg", exercise.id.slug())) alt=exercise.picture
                width="240" height="120" loading="lazy" decoding="async" />
            <p><strong class="dose">{exercise.dose_text}</strong> <span class="muted">" · " {exercise.trains}</span></p>
            {children()}
            <details class="how">
                <summary>"How to do it"</summary>
                <ol class="steps">{exercise.steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
                {exercise.note.map(|note| view! { <p class="muted">{note}</p> })}
            </details>
        </section>
    }
}

/// An exercise in a day's session: its card with a tick target per set.
/// `targets` are this exercise's sets for the day (some left out today).
#[component]
pub fn SessionExercise(
    id: ExerciseId,
    day: Day,
    targets: Vec<SetTarget>,
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
        // The dose asks for rest after a set: after both sides of it, for a
        // move done one leg at a time. 0 seconds in settings turns it off.
        let set_finished = match key.side {
            None => true,
            Some(side) => {
                let other = SetKey {
                    side: Some(if side == Side::Left {
                        Side::Right
                    } else {
                        Side::Left
                    }),
                    ..key
                };
                untrack(|| done(other))
            }
        };
        if !was_done && set_finished && exercise.dose.rest_after_secs.is_some() {
            let seconds = untrack(|| store.settings().rest_secs);
            rest_timer.set((seconds > 0).then_some(seconds));
        }
    };
    let reps = exercise.dose.reps;
    let loaded = exercise.loaded;
    view! {
        <ExerciseCard exercise>
            <div class="sets" role="group" aria-label=format!("{} sets", exercise.name)>
                {targets.iter().map(|target| {
                    let key = target.key;
                    let label = set_label(target);
                    match target.dropped {
                        Some(why) => view! {
                            <span class="set dropped">
                                <span><s>{label}</s> <small>{match why { Dropped::Lighter => "lighter today", Dropped::BuildingUp => "not yet" }}</small></span>
                            </span>
                        }.into_any(),
                        None => {
                            let name = format!("{}: {}{}", exercise.name, label, if target.optional { " (optional)" } else { "" });
                            view! {
                                <label class="set" class:optional=target.optional>
                                    <input type="checkbox" aria-label=name
                                        prop:checked=move || done(key)
                                        on:change=move |_| toggle(key) />
                                    <span aria-hidden="true">
                                        {move || if done(key) { "✓ " } else { "" }}
                                        {label.clone()}
                                    </span>
                                </label>
                            }.into_any()
                        }
                    }
                }).collect_view()}
            </div>
            {exercise.dose.rest_after_secs.map(|_| view! { <RestTimer remaining=rest_timer /> })}
            {loaded.then(|| view! { <LoadLog id day /> })}
            {reps.map(|(low, high)| view! { <RepsLog id day low high targets=targets.clone() /> })}
        </ExerciseCard>
    }
}

/// The weight used, for a move done with weights; and, when the last two
/// sessions with it settled, were complete and stayed at low pain, the
/// suggestion to add a little.
#[component]
fn LoadLog(id: ExerciseId, day: Day) -> impl IntoView {
    let store = use_store();
    let name = id.info().name;
    let value = move || {
        store.with_day(day, |log| {
            log.loads
                .get(&id)
                .map(|r| {
                    format!("{}.{}", r.value / 10, r.value % 10)
                        .trim_end_matches(".0")
                        .to_string()
                })
                .unwrap_or_default()
        })
    };
    let suggest = move || store.state.with(|s| add_load_suggested(s, id, day));
    view! {
        <label class="field load">"Weight used (kg in each hand)"
            <input type="number" inputmode="decimal" min="0" max="200" step="0.5" aria-label=format!("{name}: weight used, kg in each hand")
                prop:value=value
                on:change=move |ev| {
                    let text = event_target_value(&ev).trim().replace(',', ".");
                    let tenths = text.parse::<f32>().ok().map(|kg| (kg * 10.0).round()).filter(|t| (0.0..=f32::from(MAX_LOAD_TENTHS)).contains(t)).map(|t| t as u16);
                    store.change_day(day, |log, now| match tenths {
                        Some(tenths) => {
                            log.loads.insert(id, Stamped::new(now, tenths));
                        }
                        None => {
                            log.loads.remove(&id);
                        }
                    });
                } />
        </label>
        {move || suggest().then(|| view! { <p class="status">{ADD_LOAD}</p> })}
    }
}

/// Optional: how many repetitions each set actually had.
#[component]
fn RepsLog(id: ExerciseId, day: Day, low: u8, high: u8, targets: Vec<SetTarget>) -> impl IntoView {
    let store = use_store();
    let name = id.info().name;
    view! {
        <details class="reps-log">
            <summary>"Log reps (optional)"</summary>
            <div class="reps-fields">
                {targets.into_iter().filter(|t| t.dropped.is_none()).map(|target| {
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
