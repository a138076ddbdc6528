//! storage's promises (see the module's notes), over the in-memory store.

use super::memory::Memory;
use super::*;
use hamstring_domain::state::{DayLog, Stamped};

/// 2026-12-01, and a wall-clock time on it.
const NOW: u64 = 1_764_547_200_000;
const WALL: (u64, u64) = (NOW, NOW + 86_400_000);

fn today() -> Day {
    Day::from_ymd(2026, 12, 1).unwrap()
}

fn day(month: u32, date: u32) -> Day {
    Day::from_ymd(2026, month, date).unwrap()
}

fn month(number: u32) -> Month {
    day(number, 1).month()
}

/// A state with a pain rating of 3 on each of `days`.
fn rated(days: &[Day], at: u64) -> AppState {
    let log = DayLog {
        pain_after: Some(Stamped::new(at, 3)),
        ..DayLog::default()
    };
    AppState {
        days: days.iter().map(|day| (*day, log.clone())).collect(),
        ..AppState::default()
    }
}

/// Each day's pain rating: what a copy of `rated` holds, however stored.
fn ratings(state: &AppState) -> Vec<(Day, u8)> {
    let rating = |log: &DayLog| log.pain_after.as_ref().map(|p| p.value);
    state
        .days
        .iter()
        .filter_map(|(day, log)| Some((*day, rating(log)?)))
        .collect()
}

/// A store holding `state` as this version writes it (its months named in
/// the main key), with an empty log.
fn stored(state: &AppState) -> Memory {
    let memory = Memory::default();
    let mut state = state.clone();
    let parts = state.parts();
    state.index_months(&parts);
    write(&memory, &state, &parts, today(), &mut Synced::default()).unwrap();
    memory.forget_log();
    memory
}

fn load_all(store: &Memory) -> Loaded {
    load(store, WALL.0, WALL.1, month(1))
}

#[test]
fn a_failed_read_loads_nothing_and_writes_nothing() {
    let store = stored(&rated(&[day(11, 20), day(12, 1)], 5));
    let before = store.all();
    store.failing_reads.set(true);

    let loaded = load_all(&store);
    assert_eq!(loaded.health, Health::Unavailable);
    assert!(
        loaded.state.is_empty(),
        "half a store never passes for the whole"
    );
    assert!(loaded.rewrite.is_empty());

    // A change takes in first; the failed read stops it before any write.
    let mut state = rated(&[day(12, 1)], 9);
    let taken = take_in(
        &store,
        &mut state,
        &[Part::Month(month(12))],
        &mut Synced::default(),
        WALL,
    );
    assert_eq!(taken.err(), Some(Health::Unavailable));
    assert_eq!(store.log(), Vec::<String>::new());
    assert_eq!(store.all(), before);
}

#[test]
fn damaged_text_is_kept_aside_once_and_the_rest_is_read() {
    let store = stored(&rated(&[day(11, 20)], 5));
    let damaged = "not even JSON";
    store.set(STATE_KEY, damaged).unwrap();

    let loaded = load_all(&store);
    assert!(
        matches!(loaded.health, Health::Quarantined { .. }),
        "{:?}",
        loaded.health
    );
    assert_eq!(
        loaded.state.days.len(),
        1,
        "the month beside it still loads"
    );
    assert_eq!(
        quarantined(&store),
        vec![(format!("{QUARANTINE_PREFIX}{NOW}"), damaged.to_string())]
    );
    assert_eq!(
        store.text(STATE_KEY),
        None,
        "moved aside, not left to be read again"
    );

    // The same damage again (another tab, an older copy): not a second copy.
    store.set(STATE_KEY, damaged).unwrap();
    load(&store, NOW + 1, NOW + 1, month(1));
    assert_eq!(quarantined(&store).len(), 1);
}

#[test]
fn damaged_records_are_kept_aside_and_their_key_rewritten_with_the_rest() {
    let key = key_of(&Part::Month(month(11)));
    let good = stored(&rated(&[day(11, 20), day(11, 21)], 5))
        .text(&key)
        .unwrap();
    let damaged = good.replacen("\"value\":3", "\"value\":200", 1);
    assert_ne!(damaged, good, "the test damages one rating");
    let store = Memory::with(&[(&key, &damaged)]);

    let loaded = load_all(&store);
    assert_eq!(loaded.health, Health::Salvaged { dropped: 1 });
    assert_eq!(
        loaded
            .state
            .days
            .values()
            .filter(|log| log.pain_after.is_some())
            .count(),
        1
    );
    assert_eq!(quarantined(&store).len(), 1);
    assert_eq!(quarantined(&store)[0].1, damaged);
    assert_eq!(loaded.rewrite, vec![Part::Month(month(11)), Part::Main]);
}

#[test]
fn a_newer_versions_store_is_read_only_and_never_written() {
    let newer = r#"{"app":"hamstring-rehab","schema":99,"state":{"future":true}}"#;
    let month_key = key_of(&Part::Month(month(11)));
    let month_text = stored(&rated(&[day(11, 20)], 5)).text(&month_key).unwrap();
    let store = Memory::with(&[(STATE_KEY, newer), (&month_key, &month_text)]);
    let before = store.all();

    let loaded = load_all(&store);
    assert_eq!(loaded.health, Health::ReadOnly { schema: 99 });
    assert!(loaded.rewrite.is_empty());
    let mut state = rated(&[day(12, 1)], 9);
    let parts = state.parts();
    let taken = take_in(&store, &mut state, &parts, &mut Synced::default(), WALL);
    assert_eq!(taken.err(), Some(Health::ReadOnly { schema: 99 }));
    let replaced = replace_all(&store, &state, today(), &mut Synced::default());
    assert_eq!(replaced, Err(Health::ReadOnly { schema: 99 }));
    assert_eq!(store.log(), Vec::<String>::new());
    assert_eq!(store.all(), before);
    // A backup then is the stored text itself, every key of it.
    let export: serde_json::Value = serde_json::from_str(&raw_export(&store).unwrap()).unwrap();
    assert_eq!(export[STATE_KEY], newer);
}

#[test]
fn a_store_from_one_key_is_rewritten_every_month_then_main() {
    let store = Memory::with(&[(
        STATE_KEY,
        include_str!("../../tests/fixtures/state-v2.json"),
    )]);
    let mut loaded = load_all(&store);
    assert_eq!(loaded.health, Health::Saving);
    assert_eq!(
        loaded.rewrite,
        vec![Part::Month(month(9)), Part::Month(month(11)), Part::Main]
    );

    write(
        &store,
        &loaded.state,
        &loaded.rewrite,
        today(),
        &mut loaded.synced,
    )
    .unwrap();
    assert_eq!(
        store.log(),
        [
            "set hamstring-rehab:month:2026-09",
            "set hamstring-rehab:month:2026-11",
            "set hamstring-rehab:state"
        ]
    );
}

#[test]
fn a_replace_writes_its_months_then_main_then_removes_the_old_months() {
    let store = stored(&rated(&[day(10, 1), day(11, 20)], 5));
    let mut loaded = load_all(&store);
    let mut replacement = rated(&[day(11, 2)], 1).as_replacement(7);

    replace(
        &store,
        &mut loaded.state,
        &mut replacement,
        None,
        today(),
        &mut loaded.synced,
    )
    .unwrap();
    assert_eq!(
        store.log(),
        [
            "set hamstring-rehab:month:2026-11",
            "set hamstring-rehab:state",
            "remove hamstring-rehab:month:2026-10"
        ]
    );
    assert_eq!(
        load_all(&store).state.days.keys().collect::<Vec<_>>(),
        [&day(11, 2)]
    );
}

#[test]
fn a_replace_keeps_what_it_replaced_and_a_run_of_replaces_the_first() {
    let first = rated(&[day(10, 1), day(11, 20)], 5);
    let store = stored(&first);
    let mut loaded = load_all(&store);
    let mut replacement = rated(&[day(11, 2)], 1).as_replacement(7);
    replace(
        &store,
        &mut loaded.state,
        &mut replacement,
        Some(NOW),
        today(),
        &mut loaded.synced,
    )
    .unwrap();
    let copy = undo_copy(&store).expect("an undo copy");
    assert_eq!(ratings(&copy.state), ratings(&first));
    assert_eq!((copy.taken_at, copy.replaced_at), (Some(NOW), 7));

    // Nothing written since: a second replace keeps the copy from before the first.
    let mut again = rated(&[day(11, 3)], 1).as_replacement(8);
    replace(
        &store,
        &mut replacement,
        &mut again,
        Some(NOW + 1),
        today(),
        &mut loaded.synced,
    )
    .unwrap();
    let copy = undo_copy(&store).expect("an undo copy");
    assert_eq!(ratings(&copy.state), ratings(&first));
    assert_eq!(copy.replaced_at, 8);
}

#[test]
fn a_full_store_says_not_saved_and_keeps_what_was_stored_and_the_undo_copy() {
    let store = stored(&rated(&[day(11, 20)], 5));
    let mut loaded = load_all(&store);
    let earlier = hamstring_domain::backup::UndoCopy {
        state: rated(&[day(9, 9)], 2),
        taken_at: Some(3),
        replaced_at: 4,
    };
    keep_undo_copy(&store, &earlier, today()).unwrap();
    let before = store.all();
    store.refuse_as_full(MONTH_PREFIX);

    let mut replacement = rated(&[day(11, 2)], 1).as_replacement(7);
    let replaced = replace(
        &store,
        &mut loaded.state,
        &mut replacement,
        Some(NOW),
        today(),
        &mut loaded.synced,
    );
    assert_eq!(replaced, Err(Health::QuotaFull));
    assert_eq!(
        store.all(),
        before,
        "the records and the earlier undo copy, as they were"
    );

    let mut state = loaded.state.clone();
    state.days.insert(day(11, 21), DayLog::default());
    state.days.get_mut(&day(11, 21)).unwrap().pain_after = Some(Stamped::new(9, 1));
    let written = write(
        &store,
        &state,
        &[Part::Month(month(11))],
        today(),
        &mut loaded.synced,
    );
    assert_eq!(written, Err(Health::QuotaFull));
}
