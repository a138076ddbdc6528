//! An exercise's card (name, picture, dose, what it trains, how to do it),
//! and the same card in a session: a tick target per set (sets left out
//! today shown as such), starting a rest by hand, the weight used and reps.

use crate::browser::link;
use crate::components::timer::{start_rest_id, Rest};
use crate::components::widgets::NumberField;
use crate::store::{use_store, Store};
use hamstring_content::exercises::{Exercise, ExerciseId};
use hamstring_content::routine::{rest_text, ADD_LOAD};
use hamstring_domain::date::Day;
use hamstring_domain::entry::NumberRule;
use hamstring_domain::routine::{
    rest_after_tick, rest_from_source, rests_between_sets, Dropped, SetTarget,
};
use hamstring_domain::schedule::add_load_suggested;
use hamstring_domain::state::{
    AppStateStoreFields, SetKey, Side, Stamped, MAX_LOAD_TENTHS, MAX_REPS,
};
use leptos::prelude::*;

const REPS: NumberRule = NumberRule::whole(0..=MAX_REPS as u32);
/// Kilograms, kept in tenths.
const LOAD_KG: NumberRule = NumberRule {
    scale: 10,
    min: 0,
    max: MAX_LOAD_TENTHS as u32,
};

pub fn set_label(target: &SetTarget) -> String {
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

/// Ticks a set, or takes the tick back. During today's session (not when
/// filling in a past day) a tick starts the rest the set asks for
/// (`rest_after_tick`), and an untick takes back a running rest.
pub fn toggle_set(store: Store, day: Day, key: SetKey, rest: Option<RwSignal<Option<Rest>>>) {
    let was_done = untrack(|| store.with_day(day, |log| log.is_done(key)));
    store.change_day(day, |log, now| {
        log.sets.insert(key, Stamped::new(now, !was_done));
    });
    let Some(rest) = rest.filter(|_| day == store.today.get_untracked()) else {
        return;
    };
    if was_done {
        rest.set(None);
        return;
    }
    let seconds = untrack(|| store.settings().rest_secs);
    if let Some(seconds) = untrack(|| store.with_day(day, |log| rest_after_tick(key, log, seconds)))
    {
        rest.set(Some(Rest::start(key.exercise, seconds)));
    }
}

/// An exercise in a day's session: its card with a tick target per set.
/// `targets` are this exercise's sets for the day (some left out today).
#[component]
pub fn SessionExercise(
    id: ExerciseId,
    day: Day,
    targets: Vec<SetTarget>,
    /// Today's rest between sets (see `RestBar`); none when filling in
    /// another day.
    #[prop(optional)]
    rest: Option<RwSignal<Option<Rest>>>,
) -> impl IntoView {
    let store = use_store();
    let exercise: &'static Exercise = id.info();
    let done = move |key: SetKey| store.with_day(day, |log| log.is_done(key));
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
                                        on:change=move |_| toggle_set(store, day, key, rest) />
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
            {rest.filter(|_| rests_between_sets(id)).map(|rest| view! { <StartRest id rest /> })}
            {loaded.then(|| view! { <LoadLog id day /> })}
            {reps.map(|(low, high)| view! { <RepsLog id day low high targets=targets.clone() /> })}
        </ExerciseCard>
    }
}

/// Starting a rest by hand, with how long it is and whose figure that is.
#[component]
fn StartRest(id: ExerciseId, rest: RwSignal<Option<Rest>>) -> impl IntoView {
    let store = use_store();
    let seconds = move || store.settings().rest_secs;
    view! {
        <div class="rest-row">
            {move || (seconds() > 0).then(|| view! {
                <button type="button" class="secondary start-rest" id=start_rest_id(id)
                    on:click=move |_| rest.set(Some(Rest::start(id, seconds())))>"Start rest"</button>
            })}
            <span class="muted">{move || rest_text(seconds(), rest_from_source(id))} " "
                <a href=link("/progress#settings")>"Change"</a></span>
        </div>
    }
}

/// The weight used, for a move done with weights; and, when the last two
/// sessions with it settled, were complete and stayed at low pain, the
/// suggestion to add a little.
#[component]
fn LoadLog(id: ExerciseId, day: Day) -> impl IntoView {
    let store = use_store();
    let name = id.info().name;
    let saved = Signal::derive(move || store.with_day(day, |log| log.load(id).map(u32::from)));
    let suggest = move || {
        store
            .state
            .days()
            .with(|days| add_load_suggested(days, id, day))
    };
    let commit = move |tenths: Option<u32>| {
        store.change_day(day, |log, now| {
            // Cleared is stamped too, so no other copy brings the weight back.
            let tenths = tenths.and_then(|t| u16::try_from(t).ok());
            log.loads.insert(id, Stamped::new(now, tenths));
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
                    let saved = Signal::derive(move || store.with_day(day, |log| log.reps_done(key).map(u32::from)));
                    let commit = move |reps: Option<u32>| store.change_day(day, |log, now| {
                        log.reps.insert(key, Stamped::new(now, reps.and_then(|n| u8::try_from(n).ok())));
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
