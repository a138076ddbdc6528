//! The state model's properties: stored and read back unchanged, merged
//! without loss by tabs and imports in any order, with clocks that jump.

use super::*;
use crate::routine::set_targets;
use crate::selfcheck::{OlderFinding, Reason, Triage};
use hamstring_content::exercises::ExerciseId;
use hamstring_content::selfcheck::Level;
use proptest::prelude::*;

pub fn any_key() -> impl Strategy<Value = SetKey> {
    let keys: Vec<SetKey> = ExerciseId::ALL
        .into_iter()
        .flat_map(set_targets)
        .map(|target| target.key)
        .collect();
    (0..keys.len()).prop_map(move |i| keys[i])
}

fn stamped<T: std::fmt::Debug + Clone>(
    value: impl Strategy<Value = T>,
) -> impl Strategy<Value = Stamped<T>> {
    (1u64..50, value).prop_map(|(at, value)| Stamped { at, value })
}

fn any_day() -> impl Strategy<Value = Day> {
    // Late December to late February: the days span three months.
    (20_440i32..20_500).prop_map(Day)
}

fn any_log() -> impl Strategy<Value = DayLog> {
    (
        (
            proptest::collection::btree_map(any_key(), stamped(any::<bool>()), 0..6),
            proptest::collection::btree_map(
                any_key(),
                stamped(proptest::option::of(0u8..=MAX_REPS)),
                0..3,
            ),
            proptest::option::of(stamped(0u8..=10)),
            proptest::option::of(stamped(0u8..=10)),
        ),
        (
            proptest::collection::btree_map(
                (0..ExerciseId::ALL.len()).prop_map(|i| ExerciseId::ALL[i]),
                stamped(proptest::option::of(0u16..=MAX_LOAD_TENTHS)),
                0..2,
            ),
            proptest::option::of(stamped(0u8..=10)),
        ),
    )
        .prop_map(
            |((sets, reps, pain_after, pain_next_morning), (loads, pain_before))| DayLog {
                sets,
                reps,
                loads,
                pain_before,
                pain_after,
                pain_next_morning,
                snapshot_at: 0,
            },
        )
}

fn any_result() -> impl Strategy<Value = CheckResult> {
    (any_day(), any::<bool>()).prop_map(|(day, older)| CheckResult {
        day,
        answers: [("where".to_string(), vec!["sit-bone".to_string()])].into(),
        verdict: if older {
            Verdict::Older(vec![OlderFinding {
                outcome: "fits-pattern".into(),
                because: vec!["where".into()],
            }])
        } else {
            Verdict::Triage(Triage {
                level: Level::Soon,
                reasons: vec![Reason {
                    question: "where".into(),
                    choice: "knee".into(),
                }],
                also: vec![],
            })
        },
    })
}

/// A random value of one record kind's type, for `AppState::any_records`.
pub trait AnyRecords: Sized {
    fn any_records() -> BoxedStrategy<Self>;
}

/// A record's value, within what a stored one may hold.
pub trait AnyValue: Sized + std::fmt::Debug + Clone + 'static {
    fn any_value() -> BoxedStrategy<Self>;
}

impl<T: AnyValue> AnyRecords for Option<Stamped<T>> {
    fn any_records() -> BoxedStrategy<Self> {
        proptest::option::of(stamped(T::any_value())).boxed()
    }
}

/// A kind kept by key: the keys are drawn as values are.
impl<K: AnyValue + Ord, T: AnyValue> AnyRecords for BTreeMap<K, Stamped<T>> {
    fn any_records() -> BoxedStrategy<Self> {
        proptest::collection::btree_map(K::any_value(), stamped(T::any_value()), 0..3).boxed()
    }
}

impl AnyRecords for BTreeMap<Day, DayLog> {
    fn any_records() -> BoxedStrategy<Self> {
        proptest::collection::btree_map(any_day(), any_log(), 0..5).boxed()
    }
}

impl AnyValue for Day {
    fn any_value() -> BoxedStrategy<Self> {
        any_day().boxed()
    }
}

/// The time a self-check was finished: a result's key, and what `been_seen`
/// holds.
impl AnyValue for u64 {
    fn any_value() -> BoxedStrategy<Self> {
        (1u64..40).boxed()
    }
}

impl AnyValue for Phase {
    fn any_value() -> BoxedStrategy<Self> {
        (0..Phase::ALL.len()).prop_map(|i| Phase::ALL[i]).boxed()
    }
}

impl AnyValue for Settings {
    fn any_value() -> BoxedStrategy<Self> {
        let week_start = proptest::option::of((0..7usize).prop_map(|i| Weekday::ALL[i]));
        (Settings::REST_SECS, Settings::BREAK_MINUTES, week_start)
            .prop_map(|(rest_secs, break_minutes, week_start)| Settings {
                rest_secs,
                break_minutes,
                week_start,
            })
            .boxed()
    }
}

impl AnyValue for Programme {
    fn any_value() -> BoxedStrategy<Self> {
        (Phase::any_value(), any_day())
            .prop_map(|(phase, since)| Programme { phase, since })
            .boxed()
    }
}

impl AnyValue for Answers {
    fn any_value() -> BoxedStrategy<Self> {
        Just([("where".to_string(), vec!["sit-bone".to_string()])].into()).boxed()
    }
}

impl AnyValue for CheckResult {
    fn any_value() -> BoxedStrategy<Self> {
        any_result().boxed()
    }
}

impl AnyValue for SymptomScore {
    fn any_value() -> BoxedStrategy<Self> {
        (0u8..=10, 0u8..=10, 0u8..=10)
            .prop_map(|(sitting, activity, morning_after)| SymptomScore {
                sitting,
                activity,
                morning_after,
            })
            .boxed()
    }
}

impl AnyValue for StrengthCheck {
    fn any_value() -> BoxedStrategy<Self> {
        (0u16..40, 0u16..40, any::<bool>())
            .prop_map(|(left, right, pain_at_rest)| StrengthCheck {
                left,
                right,
                pain_at_rest,
            })
            .boxed()
    }
}

impl AnyValue for RunEntry {
    fn any_value() -> BoxedStrategy<Self> {
        (1u16..90, 0u8..=10, proptest::option::of(0u8..=10))
            .prop_map(|(minutes, pain_now, pain_next_morning)| RunEntry {
                minutes,
                pain_now,
                pain_next_morning,
            })
            .boxed()
    }
}

/// `state` with one more kind drawn at random, set by `set`.
pub fn with_any<R: AnyRecords + std::fmt::Debug + Clone + 'static>(
    state: BoxedStrategy<AppState>,
    set: fn(&mut AppState, R),
) -> BoxedStrategy<AppState> {
    (state, R::any_records())
        .prop_map(move |(mut state, records)| {
            set(&mut state, records);
            state
        })
        .boxed()
}

pub fn any_state() -> impl Strategy<Value = AppState> {
    (AppState::any_records(), 0u64..3).prop_map(|(mut state, reset_at)| {
        state.reset_at = reset_at;
        // As every real copy is: nothing older than its own deletion.
        state.drop_before(reset_at);
        state
    })
}

/// Every (kind, key) record with its stamp, to check nothing is lost.
fn stamps(state: &AppState) -> Vec<(String, u64)> {
    struct All(Vec<(String, u64)>);
    impl records::Visit for All {
        fn visit<R: Records>(&mut self, name: &'static str, records: &R) {
            records.for_each_record(&mut |key, at, _| self.0.push((format!("{name}/{key}"), at)));
        }
    }
    let mut all = All(Vec::new());
    state.visit(&mut all);
    all.0
}

/// Every (kind, key) record with its value, stamps aside.
fn values(state: &AppState) -> BTreeMap<String, String> {
    struct All(BTreeMap<String, String>);
    impl records::Visit for All {
        fn visit<R: Records>(&mut self, name: &'static str, records: &R) {
            records.for_each_record(&mut |key, _, value| {
                self.0.insert(format!("{name}/{key}"), value);
            });
        }
    }
    let mut all = All(BTreeMap::new());
    state.visit(&mut all);
    all.0
}

fn keys(state: &AppState) -> std::collections::BTreeSet<String> {
    stamps(state).into_iter().map(|(key, _)| key).collect()
}

/// The state stored part by part, as storage keeps it, and read back.
fn through_parts(state: &AppState, today: Day) -> AppState {
    let mut back = AppState::default();
    for part in state.parts() {
        let decoded = decode(&encode_part(state, &part, today)).unwrap();
        assert_eq!(decoded.dropped, 0);
        back.merge_in(&decoded.state);
    }
    back
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_state_survives_save_and_load(state in any_state()) {
        // Every generated day is recent: stored with all its stamps.
        let decoded = decode(&encode(&state, Day(20_450))).unwrap();
        prop_assert_eq!(decoded.dropped, 0);
        prop_assert_eq!(&decoded.state, &state);
        // Stored in parts (settings and each month apart), it is the same.
        prop_assert_eq!(through_parts(&state, Day(20_450)), state);
    }

    #[test]
    fn archived_days_keep_what_was_done(state in any_state()) {
        // Every generated day is old: stored compactly.
        let decoded = decode(&encode(&state, Day(30_000))).unwrap().state;
        prop_assert_eq!(decoded.days.len(), state.days.len());
        for (day, log) in &state.days {
            let back = &decoded.days[day];
            let done = |l: &DayLog| l.sets.iter().filter(|(_, r)| r.value).map(|(k, _)| *k).collect::<Vec<_>>();
            prop_assert_eq!(done(back), done(log));
            prop_assert_eq!(back.pain_after.as_ref().map(|r| r.value), log.pain_after.as_ref().map(|r| r.value));
            prop_assert_eq!(back.reps.len(), log.reps.len());
        }
        // Stored again, an archived day is byte for byte the same.
        let again = encode(&decoded, Day(30_000));
        prop_assert_eq!(decode(&again).unwrap().state, decoded);
    }

    #[test]
    fn an_archived_day_supersedes_older_records_in_another_tab(state in any_state(), other in any_state()) {
        let archived = decode(&encode(&state, Day(30_000))).unwrap().state;
        let merged = archived.merge(&other);
        prop_assert_eq!(merged.clone(), other.merge(&archived));
        for (day, log) in &archived.days {
            let Some(kept) = merged.days.get(day) else { continue };
            for (key, record) in &kept.sets {
                prop_assert!(record.at >= log.snapshot_at, "{day} {key} revived");
            }
        }
    }

    #[test]
    fn merge_is_commutative_associative_and_idempotent(a in any_state(), b in any_state(), c in any_state()) {
        prop_assert_eq!(a.merge(&b), b.merge(&a));
        prop_assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
        prop_assert_eq!(a.merge(&a), a.clone());
    }

    #[test]
    fn merge_loses_no_record_newer_than_a_deletion(a in any_state(), b in any_state()) {
        let merged = a.merge(&b);
        let cutoff = a.reset_at.max(b.reset_at);
        let kept = stamps(&merged);
        for (key, at) in stamps(&a).into_iter().chain(stamps(&b)) {
            let superseded_by_snapshot = key.starts_with("days/");
            if at >= cutoff && !superseded_by_snapshot {
                let found = kept.iter().find(|(k, _)| *k == key);
                prop_assert!(found.is_some_and(|(_, kept_at)| *kept_at >= at), "{} lost", key);
            }
        }
    }

    #[test]
    fn an_import_never_removes_local_records_and_adds_all_of_its_own(local in any_state(), backup in any_state()) {
        let merged = local.merge_import(&backup);
        let after = keys(&merged);
        for key in keys(&local) {
            prop_assert!(after.contains(&key), "{} removed by an import", key);
        }
        // A cleared number in the backup is no record to add: it is left out.
        let cleared = values(&backup).into_iter().filter(|(_, value)| value == "null").map(|(key, _)| key);
        let cleared: std::collections::BTreeSet<String> = cleared.collect();
        for key in keys(&backup) {
            prop_assert!(after.contains(&key) || cleared.contains(&key), "{} of the backup not taken in", key);
        }
        prop_assert_eq!(merged.reset_at, local.reset_at);
        let changes = Changes::between(&local, &merged);
        prop_assert_eq!(changes.removed.total(), 0, "{}", changes.describe());
    }

    #[test]
    fn an_import_never_unticks_or_removes_a_local_record_whatever_its_stamps(
        local in any_state(),
        backup in any_state(),
        ahead in prop_oneof![
            Just(0u64),
            1u64..60,
            Just(MAX_CLOCK_SKEW_MS - 3_600_000),
            Just(4_102_444_800_000u64),
            Just(u64::MAX / 2),
        ],
        flipped in proptest::collection::vec(any::<bool>(), 5),
    ) {
        // The backup also holds some of these days, each set flipped (an
        // untick on another phone) a little before, at or after it here,
        // written by a device whose clock ran ahead by minutes to ages.
        let mut backup = backup;
        for (i, (day, log)) in local.days.iter().enumerate().filter(|(i, _)| flipped.get(*i) == Some(&true)) {
            let theirs = backup.days.entry(*day).or_default();
            for (key, tick) in &log.sets {
                theirs.sets.insert(*key, Stamped::new(tick.at + (i as u64 % 3), !tick.value));
            }
        }
        backup.for_each_stamp(|at| *at = at.saturating_add(ahead));
        let merged = local.merge_import(&backup);
        let after = keys(&merged);
        for key in keys(&local) {
            prop_assert!(after.contains(&key), "{} removed by an import", key);
        }
        for (day, log) in &local.days {
            for (key, tick) in &log.sets {
                prop_assert!(!tick.value || merged.day(*day).is_done(*key), "{} {} unticked", day, key);
            }
        }
        // What the preview's first sentence says: nothing here is removed.
        let changes = Changes::between(&local, &merged);
        prop_assert!(changes.removed.is_empty(), "{}", changes.describe());
        // The ignored unticks are exactly those a plain merge would have made.
        let mut lifted = backup.clone();
        lifted.for_each_stamp(|at| *at = (*at).max(local.reset_at));
        lifted.reset_at = 0;
        let plain = local.merge(&lifted);
        let unticked = local
            .days
            .iter()
            .flat_map(|(day, log)| log.sets.iter().map(move |(key, tick)| (*day, *key, tick.value)))
            .filter(|(day, key, done)| *done && !plain.day(*day).is_done(*key))
            .count();
        prop_assert_eq!(local.import_unticks(&backup), unticked);
    }

    #[test]
    fn replace_then_undo_is_the_identity_also_after_two_replaces_and_a_reload(
        local in any_state(),
        first in any_state(),
        second in any_state(),
    ) {
        use crate::backup::UndoCopy;
        let today = Day(20_500);
        let reload = |state: &AppState| through_parts(state, today);
        let reload_copy = |copy: &UndoCopy| UndoCopy::decode(&copy.encode(today)).unwrap();
        let local = reload(&local);
        // One replace, undone after a reload.
        let copy = UndoCopy::before_replace(None, &local, 500, 1_000);
        let replaced = reload(&first.clone().as_replacement(1_000));
        let copy = reload_copy(&copy);
        prop_assert_eq!(copy.taken_at, Some(500));
        prop_assert_eq!(values(&copy.state.clone().as_replacement(2_000)), values(&local));
        // A second replace straight after: the copy still holds the first state.
        let copy = UndoCopy::before_replace(Some(copy), &replaced, 1_500, 2_000);
        let _replaced = reload(&second.clone().as_replacement(2_000));
        let undone = reload(&reload_copy(&copy).state.as_replacement(3_000));
        prop_assert_eq!(values(&undone), values(&local));
        // Anything written after a replace starts a new run.
        let mut changed = replaced.clone();
        changed.last_backup = Some(Stamped::new(1_200, Day(20_499)));
        let copy = UndoCopy::before_replace(Some(copy), &changed, 1_600, 2_000);
        prop_assert_eq!(values(&copy.state), values(&changed));
    }

    #[test]
    fn a_replacement_wins_over_everything_older(a in any_state(), b in any_state()) {
        let replacement = b.clone().as_replacement(1_000);
        let merged = a.merge(&replacement);
        prop_assert_eq!(keys(&merged), keys(&replacement));
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = decode(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn decoding_arbitrary_json_never_panics(json in arbitrary_json()) {
        let _ = decode(&json.to_string());
        let wrapped = serde_json::json!({"app": "hamstring-rehab", "schema": 1, "state": json});
        let _ = decode(&wrapped.to_string());
    }
}

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        "[a-z0-9:-]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("days".to_string()),
                    Just("sets".to_string()),
                    Just("2026-11-25".to_string()),
                    Just("glute-bridge:1".to_string()),
                    Just("at".to_string()),
                    Just("value".to_string()),
                    "[a-z_]{1,8}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Two tabs and a store, as the app runs them: each change first takes in
/// what is stored (and its stamps), then stamps, then writes. Clocks jump
/// back and forward by up to twelve hours; backups are taken and imported.
mod tabs {
    use super::*;

    #[derive(Debug, Clone)]
    pub enum Op {
        Tick {
            tab: usize,
            day: usize,
            key: usize,
            done: bool,
        },
        Rate {
            tab: usize,
            day: usize,
            pain: u8,
        },
        Jump {
            tab: usize,
            by: i64,
        },
        Backup {
            tab: usize,
        },
        Import {
            tab: usize,
            backup: usize,
        },
        DeleteAll {
            tab: usize,
        },
        Advance {
            ms: u64,
        },
    }

    fn op() -> impl Strategy<Value = Op> {
        let twelve_hours = 12 * 3_600_000i64;
        prop_oneof![
            6 => (0..2usize, 0..3usize, 0..4usize, any::<bool>()).prop_map(|(tab, day, key, done)| Op::Tick { tab, day, key, done }),
            2 => (0..2usize, 0..3usize, 0u8..=10).prop_map(|(tab, day, pain)| Op::Rate { tab, day, pain }),
            2 => (0..2usize, -twelve_hours..twelve_hours).prop_map(|(tab, by)| Op::Jump { tab, by }),
            1 => (0..2usize).prop_map(|tab| Op::Backup { tab }),
            1 => (0..2usize, 0..4usize).prop_map(|(tab, backup)| Op::Import { tab, backup }),
            1 => (0..2usize).prop_map(|tab| Op::DeleteAll { tab }),
            2 => (1u64..5_000).prop_map(|ms| Op::Advance { ms }),
        ]
    }

    pub fn ops() -> impl Strategy<Value = Vec<Op>> {
        proptest::collection::vec(op(), 1..40)
    }

    struct Tab {
        state: AppState,
        clock: Clock,
        /// How far this tab's wall clock is off, in ms.
        skew: i64,
    }

    const DAYS: [i32; 3] = [20_440, 20_470, 20_500];

    fn key(i: usize) -> SetKey {
        [
            "glute-bridge:1",
            "bodyweight-squat:2",
            "bulgarian-split-squat:1:L",
            "foam-roll:1",
        ][i]
            .parse()
            .unwrap()
    }

    pub struct World {
        tabs: [Tab; 2],
        stored: AppState,
        now: u64,
        backups: Vec<AppState>,
        /// For each record key, the last value a person set and whether a
        /// later "Delete all" removed it.
        pub intended: BTreeMap<String, Option<String>>,
    }

    impl World {
        pub fn new() -> World {
            let tab = || Tab {
                state: AppState::default(),
                clock: Clock::default(),
                skew: 0,
            };
            World {
                tabs: [tab(), tab()],
                stored: AppState::default(),
                now: 1_800_000_000_000,
                backups: Vec::new(),
                intended: BTreeMap::new(),
            }
        }

        /// Takes in what is stored, then stamps a change, then writes.
        fn change(&mut self, tab: usize, apply: impl FnOnce(&mut AppState, u64)) {
            let wall = (self.now as i64 + self.tabs[tab].skew) as u64;
            let t = &mut self.tabs[tab];
            t.clock.observe(self.stored.max_stamp());
            t.state.merge_in(&self.stored);
            let at = t.clock.stamp(wall);
            apply(&mut t.state, at);
            self.stored = t.state.clone();
        }

        /// Merges backup number `backup` in `tab`, if one was made.
        fn import(&mut self, tab: usize, backup: usize) {
            let Some(backup) = self.backups.get(backup).cloned() else {
                return;
            };
            self.change(tab, |state, _| *state = state.merge_import(&backup));
            self.tabs[tab].clock.observe(self.stored.max_stamp());
            // What the file held is back, unless this device has a later write of it.
            for (key, _) in stamps(&backup) {
                self.intended.entry(key).and_modify(|v| {
                    if v.is_none() {
                        *v = Some(String::new())
                    }
                });
            }
        }

        pub fn apply(&mut self, op: &Op) {
            match *op {
                Op::Tick {
                    tab,
                    day,
                    key: k,
                    done,
                } => {
                    self.change(tab, |state, at| {
                        state
                            .days
                            .entry(Day(DAYS[day]))
                            .or_default()
                            .sets
                            .insert(key(k), Stamped::new(at, done));
                    });
                    self.intended.insert(
                        format!("days/{}/set/{}", Day(DAYS[day]), key(k)),
                        Some(done.to_string()),
                    );
                }
                Op::Rate { tab, day, pain } => {
                    self.change(tab, |state, at| {
                        state.days.entry(Day(DAYS[day])).or_default().pain_after =
                            Some(Stamped::new(at, pain));
                    });
                    self.intended.insert(
                        format!("days/{}/pain-after", Day(DAYS[day])),
                        Some(pain.to_string()),
                    );
                }
                Op::Jump { tab, by } => self.tabs[tab].skew += by,
                Op::Advance { ms } => self.now += ms,
                Op::Backup { tab } => {
                    self.change(tab, |_, _| {});
                    self.backups.push(self.tabs[tab].state.clone());
                }
                Op::Import { tab, backup } => self.import(tab, backup),
                Op::DeleteAll { tab } => {
                    self.change(tab, |state, at| {
                        *state = AppState {
                            reset_at: at,
                            ..AppState::default()
                        };
                    });
                    self.intended.values_mut().for_each(|v| *v = None);
                }
            }
        }

        /// Both tabs take in what is stored; returns the three copies.
        pub fn settle(&mut self) -> [AppState; 3] {
            for tab in &mut self.tabs {
                tab.state.merge_in(&self.stored);
            }
            [
                self.tabs[0].state.clone(),
                self.tabs[1].state.clone(),
                self.stored.clone(),
            ]
        }

        /// Every record's value as JSON, by key.
        pub fn values(state: &AppState) -> BTreeMap<String, String> {
            struct All(BTreeMap<String, String>);
            impl records::Visit for All {
                fn visit<R: Records>(&mut self, name: &'static str, records: &R) {
                    records.for_each_record(&mut |key, _, value| {
                        self.0.insert(format!("{name}/{key}"), value);
                    });
                }
            }
            let mut all = All(BTreeMap::new());
            state.visit(&mut all);
            all.0
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// No record a person set and did not delete is ever lost, the latest
    /// change always wins whatever the clocks did, and the tabs agree.
    #[test]
    fn two_tabs_with_jumping_clocks_and_imports_lose_nothing(ops in tabs::ops()) {
        let mut world = tabs::World::new();
        for op in &ops {
            world.apply(op);
        }
        let [first, second, stored] = world.settle();
        prop_assert_eq!(&first, &second);
        prop_assert_eq!(&first, &stored);
        let values = tabs::World::values(&stored);
        for (key, intended) in &world.intended {
            match intended {
                // Brought back by an import: present, whatever its value.
                Some(value) if value.is_empty() => prop_assert!(values.contains_key(key), "{} lost", key),
                Some(value) => prop_assert_eq!(values.get(key), Some(value), "{}", key),
                None => {}
            }
        }
    }
}

#[test]
fn set_keys_round_trip_and_reject_junk() {
    for text in [
        "glute-bridge:1",
        "bulgarian-split-squat:1:R",
        "foam-roll:1",
        "ball-leg-curl:4",
    ] {
        assert_eq!(text.parse::<SetKey>().unwrap().to_string(), text);
    }
    for junk in [
        "",
        "glute-bridge",
        "glute-bridge:0",
        "glute-bridge:2",
        "glute-bridge:1:L",
        "bulgarian-split-squat:1",
        "ball-leg-curl:5",
        "glute-bridge:1:X",
        "nope:1",
        "glute-bridge:1:L:9",
    ] {
        assert!(junk.parse::<SetKey>().is_err(), "{junk}");
    }
}

#[test]
fn a_deletion_in_one_tab_wins_over_older_records_in_another() {
    let mut old = AppState::default();
    let key: SetKey = "glute-bridge:1".parse().unwrap();
    old.days
        .entry(Day(20_000))
        .or_default()
        .sets
        .insert(key, Stamped::new(5, true));
    let wiped = AppState {
        reset_at: 10,
        ..AppState::default()
    };
    assert!(old.merge(&wiped).days.is_empty());
    let mut newer = old.clone();
    newer
        .days
        .get_mut(&Day(20_000))
        .unwrap()
        .sets
        .insert(key, Stamped::new(11, true));
    assert_eq!(newer.merge(&wiped).days.len(), 1);
}

fn eight_days() -> AppState {
    let mut state = AppState::default();
    let today = Day::parse("2026-11-26").unwrap();
    for back in 1..=8 {
        let log = state.days.entry(today.plus(-back)).or_default();
        for key in ["glute-bridge:1", "foam-roll:1"] {
            log.sets.insert(
                key.parse().unwrap(),
                Stamped::new(1_000 + back as u64, true),
            );
        }
    }
    state
}

#[test]
fn a_backup_merged_after_delete_all_brings_everything_back() {
    let device = eight_days();
    let backup = decode(&encode(&device, Day::parse("2026-11-26").unwrap()))
        .unwrap()
        .state;
    let deleted = AppState {
        reset_at: 5_000,
        ..AppState::default()
    };
    let restored = deleted.merge_import(&backup);
    assert_eq!(restored.days.len(), 8);
    assert_eq!(
        Changes::between(&deleted, &restored).describe(),
        "adds 8 training days (16 sets); changes nothing; removes nothing"
    );
    // Another tab that still holds the old copy cannot delete them again.
    assert_eq!(restored.merge(&device).days.len(), 8);
}

#[test]
fn a_backup_from_a_device_with_a_later_deletion_or_a_clock_ahead_never_wipes_this_one() {
    let device = eight_days();
    let far_future =
        decode(r#"{"app":"hamstring-rehab","schema":2,"state":{"reset_at":4102444800000}}"#)
            .unwrap()
            .state;
    let merged = device.merge_import(&far_future);
    assert_eq!(merged, device);
    assert!(Changes::between(&device, &merged).is_empty());
}

#[test]
fn future_stamps_are_clamped_and_counted() {
    let mut state = eight_days();
    state.settings = Some(Stamped::new(4_102_444_800_000, Settings::default()));
    state.reset_at = 4_102_444_800_000;
    let now = 1_800_000_000_000;
    let clamped = state.clamp_future(now + MAX_CLOCK_SKEW_MS, now);
    assert_eq!(clamped, 2);
    assert_eq!(state.settings.as_ref().unwrap().at, now);
    assert_eq!(state.reset_at, now);
}

#[test]
fn values_out_of_range_are_skipped_and_counted_never_kept() {
    let text = r#"{"app":"hamstring-rehab","schema":2,"state":{
        "programme":{"at":1,"value":{"phase":"foundation","since":"0001-01-01"}},
        "settings":{"at":1,"value":{"rest_secs":15,"break_minutes":0,"week_start":null}},
        "check_draft":{"at":1,"value":{"where":["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]}},
        "days":{
            "2026-11-20":{"sets":{"glute-bridge:1":{"at":1,"value":true},"glute-bridge:7":{"at":1,"value":true}},
                          "pain_after":{"at":1,"value":200},"pain_next_morning":{"at":1,"value":3}},
            "2026-09-01":{"at":5,"done":["glute-bridge:1"],"after":11},
            "1850-01-01":{"sets":{"glute-bridge:1":{"at":1,"value":true}}}
        },
        "symptom_scores":{"2026-11-16":{"at":1,"value":{"sitting":11,"activity":4,"morning_after":3}}},
        "strength_checks":{"2026-11-18":{"at":1,"value":{"left":14,"right":5000,"pain_at_rest":false}}},
        "runs":{"2026-11-19":{"at":1,"value":{"minutes":0,"pain_now":2,"pain_next_morning":null}}}
    }}"#;
    let decoded = decode(text).unwrap();
    // programme, settings, draft, set 7, pain 200, archived 11, 1850, score, strength, run.
    assert_eq!(decoded.dropped, 10);
    let state = decoded.state;
    assert!(state.programme.is_none() && state.settings.is_none() && state.check_draft.is_none());
    let day = state.day(Day::parse("2026-11-20").unwrap());
    assert_eq!(day.sets.len(), 1);
    assert!(day.pain_after.is_none());
    assert_eq!(day.pain_next_morning.as_ref().map(|r| r.value), Some(3));
    assert_eq!(state.days.len(), 1);
    assert!(
        state.symptom_scores.is_empty()
            && state.strength_checks.is_empty()
            && state.runs.is_empty()
    );
}

/// A 20-minute run at pain 2.
fn a_run() -> Stamped<RunEntry> {
    Stamped::new(
        1,
        RunEntry {
            minutes: 20,
            pain_now: 2,
            pain_next_morning: None,
        },
    )
}

#[test]
fn counts_describe_in_plain_words_with_plurals() {
    let mut state = eight_days();
    state.runs.insert(Day(20_000), a_run());
    assert_eq!(
        Counts::of(&state).describe("nothing"),
        "8 training days (16 sets), 1 run"
    );
    assert_eq!(Counts::default().describe("nothing"), "nothing");
}

#[test]
fn three_years_of_daily_records_fit_the_budget() {
    let today = Day::parse("2026-11-25").unwrap();
    let keys = [
        "glute-bridge:1",
        "bulgarian-split-squat:1:L",
        "bulgarian-split-squat:1:R",
        "bodyweight-squat:1",
        "bodyweight-squat:2",
        "bodyweight-squat:3",
        "foam-roll:1",
    ];
    let mut state = AppState::default();
    for back in 1..=3 * 365 {
        let log = state.days.entry(today.plus(-back)).or_default();
        let at = 1_700_000_000_000 + back as u64;
        for key in keys {
            log.sets
                .insert(key.parse().unwrap(), Stamped::new(at, true));
        }
        log.pain_after = Some(Stamped::new(at, (back % 6) as u8));
        log.pain_next_morning = Some(Stamped::new(at, (back % 4) as u8));
    }
    let stored = encode(&state, today);
    assert!(stored.len() <= 250 * 1024, "{} KB", stored.len() / 1024);
    // A month, as storage keeps it, is small: a tick rewrites only that.
    let month = encode_part(&state, &Part::Month(today.plus(-40).month()), today);
    assert!(month.len() <= 8 * 1024, "{} bytes", month.len());
}

#[test]
fn the_version_2_fixture_loads_its_compact_days() {
    let text = include_str!("../../../../tests/fixtures/state-v2.json");
    let decoded = decode(text).unwrap();
    assert_eq!(decoded.dropped, 0);
    let old = decoded.state.day(Day::parse("2026-09-01").unwrap());
    assert!(old.is_done("glute-bridge:1".parse().unwrap()));
    assert!(old.is_done("bulgarian-split-squat:1:L".parse().unwrap()));
    assert_eq!(old.pain_after.as_ref().map(|p| p.value), Some(4));
    assert_eq!(old.snapshot_at, 1_756_800_000_000);
    let recent = decoded.state.day(Day::parse("2026-11-20").unwrap());
    assert!(recent.is_done("glute-bridge:1".parse().unwrap()));
}

#[test]
fn the_version_1_fixture_still_loads() {
    let text = include_str!("../../../../tests/fixtures/state-v1.json");
    let decoded = decode(text).unwrap();
    assert_eq!(decoded.dropped, 0);
    let state = decoded.state;
    assert_eq!(state.programme().unwrap().phase, Phase::Foundation);
    assert!(state
        .day(Day::parse("2026-11-20").unwrap())
        .is_done("glute-bridge:1".parse().unwrap()));
    assert_eq!(state.settings().rest_secs, 15);
    // The first self-check's result keeps its findings, as an older verdict,
    // stamped when it was finished.
    let (finished_at, result) = state.check_results.iter().next().unwrap();
    assert_eq!(*finished_at, 1_763_800_000_000);
    assert_eq!(result.at, 1_763_800_000_000);
    assert_eq!(
        result.value.verdict,
        Verdict::Older(vec![OlderFinding {
            outcome: "fits-pattern".into(),
            because: vec!["where".into(), "onset".into()],
        }])
    );
}

#[test]
fn the_version_3_fixture_loads_as_a_main_part_and_a_month() {
    let main = decode(include_str!(
        "../../../../tests/fixtures/state-v3-main.json"
    ))
    .unwrap();
    let month = decode(include_str!(
        "../../../../tests/fixtures/state-v3-month.json"
    ))
    .unwrap();
    assert_eq!(main.dropped + month.dropped, 0);
    let state = main.state.merge(&month.state);
    assert_eq!(state.programme().unwrap().phase, Phase::Hamstring);
    assert!(matches!(
        state.check_results.values().next().unwrap().value.verdict,
        Verdict::Triage(_)
    ));
    assert!(state
        .day(Day::parse("2026-11-20").unwrap())
        .is_done("glute-bridge:1".parse().unwrap()));
    assert_eq!(state.runs.len(), 1);
}

#[test]
fn the_version_4_fixture_keeps_its_settings_without_the_device_choices() {
    let main = decode(include_str!(
        "../../../../tests/fixtures/state-v4-main.json"
    ))
    .unwrap();
    assert_eq!(
        main.dropped, 0,
        "the theme and the reading place are not damage"
    );
    let settings = main.state.settings();
    assert_eq!((settings.rest_secs, settings.break_minutes), (30, 15));
    assert_eq!(main.state.phase_history.len(), 1);
    let again = decode(&encode(&main.state, Day(20_450))).unwrap().state;
    assert_eq!(again, main.state);
}

#[test]
fn newer_and_foreign_stores_are_refused() {
    assert_eq!(
        decode(r#"{"app":"hamstring-rehab","schema":7,"state":{}}"#),
        Err(DecodeError::Newer { schema: 7 })
    );
    assert!(matches!(
        decode(r#"{"app":"other","schema":1,"state":{}}"#),
        Err(DecodeError::Unreadable(_))
    ));
}

#[test]
fn a_backup_unticked_on_another_phone_or_by_a_clock_ahead_unticks_nothing_here() {
    let device = eight_days();
    let mut backup = device.clone();
    for (n, log) in backup.days.values_mut().enumerate() {
        for tick in log.sets.values_mut() {
            *tick = Stamped::new(if n % 2 == 0 { 60_000 } else { u64::MAX / 2 }, false);
        }
    }
    assert_eq!(device.import_unticks(&backup), 16);
    let merged = device.merge_import(&backup);
    assert_eq!(merged, device);
    assert_eq!(
        Changes::between(&device, &merged).describe_done(),
        "changed nothing"
    );
    let mut more = backup.clone();
    more.days
        .entry(Day(20_000))
        .or_default()
        .sets
        .insert("glute-bridge:1".parse().unwrap(), Stamped::new(7, true));
    assert_eq!(
        Changes::between(&device, &device.merge_import(&more)).describe_done(),
        "added 1 training day (1 set)"
    );
}

#[test]
fn a_self_check_result_with_an_overlong_text_is_skipped_and_counted() {
    let long = "x".repeat(1_900_000);
    let result = |verdict: String| {
        format!(
            r#"{{"app":"hamstring-rehab","schema":4,"state":{{"check_results":{{"5":{{"at":5,"value":{{"day":"2026-11-20","answers":{{}},"verdict":{verdict}}}}}}}}}}}"#
        )
    };
    for verdict in [
        format!(r#"{{"older":[{{"outcome":"{long}","because":[]}}]}}"#),
        format!(r#"{{"older":[{{"outcome":"fits-pattern","because":["{long}"]}}]}}"#),
        format!(
            r#"{{"triage":{{"level":"soon","reasons":[{{"question":"where","choice":"{long}"}}],"also":[]}}}}"#
        ),
    ] {
        let decoded = decode(&result(verdict)).unwrap();
        assert_eq!(decoded.dropped, 1);
        assert!(decoded.state.check_results.is_empty());
    }
    let fits = decode(&result(
        r#"{"older":[{"outcome":"fits-pattern","because":["where"]}]}"#.into(),
    ))
    .unwrap();
    assert_eq!((fits.dropped, fits.state.check_results.len()), (0, 1));
}

#[test]
fn only_days_the_store_can_read_back_are_storable() {
    for (year, storable) in [
        (1999, false),
        (2000, true),
        (2099, true),
        (2100, false),
        (10_000, false),
    ] {
        assert_eq!(
            Day::from_ymd(year, 1, 1).unwrap().is_storable(),
            storable,
            "{year}"
        );
    }
}

#[test]
fn only_a_month_of_day_logs_holds_only_days() {
    let days = eight_days();
    assert!(days.holds_only_days());
    let mut with_run = days.clone();
    with_run.runs.insert(Day(20_000), a_run());
    assert!(!with_run.holds_only_days());
    let mut with_setting = days.clone();
    with_setting.settings = Some(Stamped::new(1, Settings::default()));
    assert!(!with_setting.holds_only_days());
    let deleted = AppState {
        reset_at: 5,
        ..days
    };
    assert!(!deleted.holds_only_days());
}

#[test]
fn each_pain_rating_of_a_day_is_its_own() {
    for (which, slot) in [
        (
            DayPain::Before,
            (|log| &log.pain_before) as fn(&DayLog) -> &Option<Stamped<u8>>,
        ),
        (DayPain::After, |log| &log.pain_after),
        (DayPain::NextMorning, |log| &log.pain_next_morning),
    ] {
        let mut log = DayLog::default();
        assert_eq!(log.pain(which), None);
        log.rate_pain(which, 7, 4);
        assert_eq!(log.pain(which), Some(4));
        assert_eq!(slot(&log), &Some(Stamped::new(7, 4)));
        let rated = [log.pain_before, log.pain_after, log.pain_next_morning];
        assert_eq!(rated.iter().flatten().count(), 1, "{which:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Two tabs each index what they write and take in the other's main key
    /// (in either order): the stored index names every month either holds,
    /// so a browser that cannot list keys still finds all of them.
    #[test]
    fn the_month_index_names_every_month_either_tab_wrote(a in any_state(), b in any_state()) {
        let today = Day(20_450);
        let main_key = |state: &AppState| decode(&encode_part(state, &Part::Main, today)).unwrap().state;
        let (mut a, mut b) = (a, b);
        a.index_months(&a.parts());
        b.index_months(&b.parts());
        let stored = main_key(&a).merge(&main_key(&b));
        prop_assert_eq!(&stored.month_index, &main_key(&b).merge(&main_key(&a)).month_index);
        let mut held = a.months();
        held.extend(b.months());
        prop_assert!(held.is_subset(&stored.month_index));
        prop_assert!(held.is_subset(&stored.known_months()));
    }
}

#[test]
fn a_day_counts_its_weeks_from_the_start_of_its_own_phase() {
    let day = |text| Day::parse(text).unwrap();
    let mut state = AppState::default();
    assert_eq!(state.phase_began(day("2026-11-20")), None);
    state.programme = Some(Stamped::new(
        1,
        Programme {
            phase: Phase::Hamstring,
            since: day("2026-11-10"),
        },
    ));
    // No history: the programme's start, even for a day before it.
    assert_eq!(
        state.phase_began(day("2026-11-01")),
        Some(day("2026-11-10"))
    );
    for (since, phase) in [
        ("2026-10-01", Phase::Foundation),
        ("2026-11-10", Phase::Hamstring),
    ] {
        state
            .phase_history
            .insert(day(since), Stamped::new(1, phase));
    }
    assert_eq!(
        state.phase_began(day("2026-10-01")),
        Some(day("2026-10-01"))
    );
    assert_eq!(
        state.phase_began(day("2026-11-09")),
        Some(day("2026-10-01"))
    );
    assert_eq!(
        state.phase_began(day("2026-11-25")),
        Some(day("2026-11-10"))
    );
    assert_eq!(
        state.phase_began(day("2026-09-30")),
        Some(day("2026-11-10"))
    );
}

#[test]
fn a_month_enters_the_index_once_and_only_when_it_holds_records() {
    let mut state = eight_days();
    let months = state.months();
    assert!(!months.is_empty());
    let empty_month: Month = "2030-01".parse().unwrap();
    let mut parts = state.parts();
    parts.push(Part::Month(empty_month));
    assert!(
        state.index_months(&parts),
        "the first write grows the index"
    );
    assert_eq!(state.month_index, months);
    assert!(
        !state.index_months(&parts),
        "the next write of the same months does not"
    );
    // A month named but since emptied (set aside, or deleted) stays named.
    state.days.clear();
    assert_eq!(state.known_months(), months);
}

#[test]
fn the_index_is_kept_in_the_main_key_and_never_in_a_backup_file() {
    let today = Day(20_450);
    let mut state = eight_days();
    state.index_months(&state.parts());
    let main = decode(&encode_part(&state, &Part::Main, today)).unwrap();
    assert_eq!(
        (main.dropped, &main.state.month_index),
        (0, &state.month_index)
    );
    for part in state.months() {
        assert!(decode(&encode_part(&state, &Part::Month(part), today))
            .unwrap()
            .state
            .month_index
            .is_empty());
    }
    let file = encode(&state, today);
    assert!(!file.contains("month_index"), "{file}");
    // A file that carries one (edited by hand) is taken in without it.
    let mut foreign = eight_days();
    foreign.month_index.insert("2031-05".parse().unwrap());
    let text = encode_part(&foreign, &Part::Main, today).replace(
        r#""month_index""#,
        r#""days":{"2026-11-20":{"sets":{"glute-bridge:1":{"at":1,"value":true}}}},"month_index""#,
    );
    let import = crate::backup::check_import(&text, 1_800_000_000_000).unwrap();
    assert!(import.state.month_index.is_empty());
    assert!(eight_days().merge_import(&foreign).month_index.is_empty());
}

#[test]
fn a_damaged_index_entry_is_skipped_and_counted() {
    let text = r#"{"app":"hamstring-rehab","schema":4,"state":{"month_index":["2026-11","2026-13","nope",7]}}"#;
    let decoded = decode(text).unwrap();
    assert_eq!(decoded.dropped, 3);
    assert_eq!(
        decoded.state.month_index.into_iter().collect::<Vec<_>>(),
        vec!["2026-11".parse::<Month>().unwrap()]
    );
    let not_a_list = r#"{"app":"hamstring-rehab","schema":4,"state":{"month_index":"2026-11"}}"#;
    assert_eq!(decode(not_a_list).unwrap().dropped, 1);
}

/// A day whose glute bridge set 1 has `reps` and whose Romanian deadlift
/// weighs `load` tenths, both written at `at`.
fn numbers(at: u64, reps: Option<u8>, load: Option<u16>) -> AppState {
    let mut state = AppState::default();
    let log = state.days.entry(Day(20_450)).or_default();
    log.reps
        .insert("glute-bridge:1".parse().unwrap(), Stamped::new(at, reps));
    log.loads
        .insert(ExerciseId::RomanianDeadlift, Stamped::new(at, load));
    state
}

fn numbers_of(state: &AppState) -> (Option<u8>, Option<u16>) {
    let log = state.day(Day(20_450));
    let reps = log.reps_done("glute-bridge:1".parse().unwrap());
    (reps, log.load(ExerciseId::RomanianDeadlift))
}

#[test]
fn cleared_reps_and_weights_stay_cleared_when_another_copy_held_them() {
    let held = numbers(1, Some(10), Some(80));
    let cleared = numbers(2, None, None);
    // Another tab's older copy, either way round, and that copy stored.
    assert_eq!(numbers_of(&held.merge(&cleared)), (None, None));
    assert_eq!(numbers_of(&cleared.merge(&held)), (None, None));
    let stored = decode(&encode(&held.merge(&cleared), Day(20_450))).unwrap();
    assert_eq!(
        (stored.dropped, numbers_of(&stored.state)),
        (0, (None, None))
    );
    // An older backup's numbers do not come back either: the clear is later.
    assert_eq!(numbers_of(&cleared.merge_import(&held)), (None, None));
    // A number entered again after the clear is kept.
    assert_eq!(
        numbers_of(&cleared.merge(&numbers(3, Some(12), Some(90)))),
        (Some(12), Some(90))
    );
    // Cleared is no record to count.
    assert_eq!(
        Changes::between(&AppState::default(), &cleared)
            .added
            .total(),
        0
    );
}

#[test]
fn a_backups_cleared_numbers_never_clear_them_here() {
    let here = numbers(1, Some(10), Some(80));
    let backup = numbers(5, None, None);
    assert_eq!(
        numbers_of(&here.merge_import(&backup)),
        (Some(10), Some(80))
    );
}

#[test]
fn the_version_5_fixture_reads_its_reps_and_weights_as_they_were() {
    let decoded = decode(include_str!(
        "../../../../tests/fixtures/state-v5-month.json"
    ))
    .unwrap();
    assert_eq!(decoded.dropped, 0);
    let day = Day::parse("2025-12-28").unwrap();
    let log = decoded.state.day(day);
    assert_eq!(log.reps_done("glute-bridge:1".parse().unwrap()), Some(10));
    assert_eq!(log.load(ExerciseId::RomanianDeadlift), Some(80));
}
