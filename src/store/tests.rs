//! Which readers a tick wakes, natively: memos stand in for the components
//! (each counts how often it ran), and the tick goes through `update_day`,
//! as `Store::change_day` makes it. A rule over every day reads the `days`
//! field: a tick on one day wakes it, and nothing outside the days.

use super::update_day;
use hamstring_domain::date::Day;
use hamstring_domain::state::{AppState, AppStateStoreFields, DayLog, Stamped, SymptomScore};
use leptos::prelude::*;
use reactive_stores::AtKeyed;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// A memo over `read`, and how many times it ran.
fn counted<T: PartialEq + Send + Sync + 'static>(
    read: impl Fn() -> T + Send + Sync + 'static,
) -> (Memo<T>, Arc<AtomicUsize>) {
    let runs = Arc::new(AtomicUsize::new(0));
    let counter = runs.clone();
    let memo = Memo::new(move |_| {
        counter.fetch_add(1, Ordering::Relaxed);
        read()
    });
    (memo, runs)
}

#[test]
fn a_tick_wakes_that_day_every_day_and_whole_state_readers_but_not_the_symptom_chart() {
    let owner = Owner::new();
    owner.set();
    let today = Day(20_788);
    let score = SymptomScore {
        sitting: 2,
        activity: 2,
        morning_after: 2,
    };
    let mut state = AppState::default();
    state.days.insert(today, DayLog::default());
    state.symptom_scores.insert(today, Stamped::new(1, score));
    let store = reactive_stores::Store::new(state);

    // What the symptom chart, that day's session and the pain chart read.
    let (scores, scores_ran) = counted(move || store.symptom_scores().with(|s| s.len()));
    let (day, day_ran) =
        counted(move || AtKeyed::new(store.days(), today).with(|log| log.pain_after.is_some()));
    let (whole, whole_ran) = counted(move || store.with(|s| s.days.len()));
    let (every_day, every_day_ran) = counted(move || {
        store
            .days()
            .with(|days| days.values().filter(|log| log.pain_after.is_some()).count())
    });
    let read_all = move || (scores.get(), day.get(), whole.get(), every_day.get());
    read_all();

    let ran = |count: &AtomicUsize| count.load(Ordering::Relaxed);
    let tick = |log: &mut DayLog| log.pain_after = Some(Stamped::new(2, 3));

    // A tick on a day already held.
    update_day(store, today, tick);
    read_all();
    assert_eq!(ran(&scores_ran), 1, "a tick never wakes the symptom chart");
    assert_eq!(ran(&day_ran), 2, "that day's readers see its tick");
    assert_eq!(ran(&every_day_ran), 2, "a rule over every day sees it");
    assert_eq!(
        ran(&whole_ran),
        2,
        "a read of the whole state sees every tick"
    );

    // A tick on a new day: a write to the collection of days.
    update_day(store, today.plus(1), tick);
    read_all();
    assert_eq!(ran(&scores_ran), 1, "nor a new day");
    assert_eq!(ran(&whole_ran), 3);
}
