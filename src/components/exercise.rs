//! An exercise's card (name, picture, dose, what it trains, how to do it),
//! and the same card in a session: a tick target per set (sets left out
//! today shown as such), the rest timer, the weight used and reps.

use crate::browser::link;
use crate::components::timer::RestTimer;
use crate::components::widgets::NumberField;
use crate::store::use_store;
use hamstring_content::exercises::{Exercise, ExerciseId};
use hamstring_content::routine::ADD_LOAD;
use hamstring_domain::date::Day;
use hamstring_domain::entry::NumberRule;
use hamstring_domain::routine::{Dropped, SetTarget};
use hamstring_domain::schedule::add_load_suggested;
use hamstring_domain::state::{SetKey, Side, Stamped, MAX_LOAD_TENTHS, MAX_REPS};
use leptos::prelude::*;

const REPS: NumberRule = NumberRule::whole(0..=MAX_REPS as u32);
/// Kilograms, kept in tenths.
const LOAD_KG: NumberRule = NumberRule {
    scale: 10,
    min: 0,
    max: MAX_LOAD_TENTHS as u32,
};

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
    /// When a rest after a set ends (see `RestTimer`).
    rest_until: RwSignal<Option<f64>>,
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
        // Only during today's session (not when filling in a past day), and
        // an untick takes back the rest the tick started.
        let today = day == store.today.get_untracked();
        if was_done {
            rest_until.set(None);
        } else if today && set_finished && exercise.dose.rest_after_secs.is_some() {
            let seconds = untrack(|| store.settings().rest_secs);
            rest_until
                .set((seconds > 0).then(|| js_sys::Date::now() + f64::from(seconds) * 1000.0));
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
                                        <span class="tick">"✓"</span>
                                        {label.clone()}
                                    </span>
                                </label>
                            }.into_any()
                        }
                    }
                }).collect_view()}
            </div>
            {exercise.dose.rest_after_secs.map(|_| view! { <RestTimer rest_until /> })}
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
    let saved = Signal::derive(move || {
        store.with_day(day, |log| log.loads.get(&id).map(|r| u32::from(r.value)))
    });
    let suggest = move || store.state.with(|s| add_load_suggested(s, id, day));
    let commit = move |tenths: Option<u32>| {
        store.change_day(day, |log, now| {
            match tenths.and_then(|t| u16::try_from(t).ok()) {
                Some(tenths) => {
                    log.loads.insert(id, Stamped::new(now, tenths));
                }
                None => {
                    log.loads.remove(&id);
                }
            }
        });
    };
    view! {
        <NumberField label="Weight used (kg in each hand)" aria_label=format!("{name}: weight used, kg in each hand")
            name=format!("load-{id}-{day}") rule=LOAD_KG value=saved clearable=true on_commit=Callback::new(commit) />
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
                    let saved = Signal::derive(move || store.with_day(day, |log| log.reps.get(&key).map(|r| u32::from(r.value))));
                    let commit = move |reps: Option<u32>| store.change_day(day, |log, now| {
                        match reps.and_then(|n| u8::try_from(n).ok()) {
                            Some(n) => { log.reps.insert(key, Stamped::new(now, n)); }
                            None => { log.reps.remove(&key); }
                        }
                    });
                    view! {
                        <NumberField label=field_label aria_label=label name=format!("reps-{key}-{day}") rule=REPS
                            placeholder=if low == high { low.to_string() } else { format!("{low}–{high}") } value=saved clearable=true on_commit=Callback::new(commit) />
                    }
                }).collect_view()}
            </div>
        </details>
    }
}
