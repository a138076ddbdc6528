//! The one trait every kind of record implements, for a single record
//! (`Option<Stamped<T>>`), a keyed collection (`BTreeMap<K, Stamped<T>>`)
//! and the routine's days (`BTreeMap<Day, DayLog>`), and the visitors that
//! walk every kind of `AppState` (see `record_kinds!`).

use super::day::{load_fits, reps_fit};
use super::json::FromJson;
use super::{is_rating, DayLog, SetKey, Stamped, Valid};
use crate::date::{Day, Month};
use hamstring_content::exercises::ExerciseId;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::str::FromStr;

/// A collection of stamped records that merges record by record.
pub trait Records: Clone + PartialEq + Default + Serialize {
    /// Takes in `other`'s records: per record, the later write wins.
    fn merge_from(&mut self, other: &Self);
    /// Drops the records written before `cutoff`.
    fn drop_before(&mut self, cutoff: u64);
    /// Every stamp, to re-stamp, lift or clamp it.
    fn for_each_stamp(&mut self, f: &mut dyn FnMut(&mut u64));
    /// Every record: its key within the kind, its stamp and its value as JSON.
    fn for_each_record(&self, f: &mut dyn FnMut(String, u64, String));
    /// Reads stored JSON, skipping (and counting) each damaged record.
    fn salvage(value: &Value, dropped: &mut usize) -> Self;
    /// Serialises the records as stored; a kind with a compact form for old
    /// records (the routine's days) overrides this.
    fn serialize_stored<S: serde::Serializer>(
        &self,
        _archive_before: Day,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        self.serialize(serializer)
    }
}

/// Visits every kind of record (see `record_kinds!`).
pub trait Visit {
    fn visit<R: Records>(&mut self, name: &'static str, records: &R);
}

pub trait VisitMut {
    fn visit<R: Records>(&mut self, name: &'static str, records: &mut R);
}

pub trait VisitPair {
    fn visit<R: Records>(&mut self, name: &'static str, mine: &mut R, theirs: &R);
}

/// The later of two writes; equal times fall back to comparing the values'
/// JSON, so the choice does not depend on which side is which.
fn later<'a, T: Serialize>(a: &'a Stamped<T>, b: &'a Stamped<T>) -> &'a Stamped<T> {
    match a.at.cmp(&b.at) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Equal => {
            if serde_json::to_string(&a.value).ok() >= serde_json::to_string(&b.value).ok() {
                a
            } else {
                b
            }
        }
    }
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn one_record<T: FromJson + Valid>(value: &Value, dropped: &mut usize) -> Option<Stamped<T>> {
    if value.is_null() {
        return None;
    }
    let record = Stamped::<T>::from_json(value).filter(|r| r.value.is_valid());
    if record.is_none() {
        *dropped += 1;
    }
    record
}

impl<T> Records for Option<Stamped<T>>
where
    T: Clone + PartialEq + Serialize + FromJson + Valid,
{
    fn merge_from(&mut self, other: &Self) {
        if let Some(theirs) = other {
            let keep_theirs = self
                .as_ref()
                .is_none_or(|mine| std::ptr::eq(later(mine, theirs), theirs));
            if keep_theirs {
                *self = Some(theirs.clone());
            }
        }
    }

    fn drop_before(&mut self, cutoff: u64) {
        if self.as_ref().is_some_and(|r| r.at < cutoff) {
            *self = None;
        }
    }

    fn for_each_stamp(&mut self, f: &mut dyn FnMut(&mut u64)) {
        if let Some(record) = self {
            f(&mut record.at);
        }
    }

    fn for_each_record(&self, f: &mut dyn FnMut(String, u64, String)) {
        if let Some(record) = self {
            f(String::new(), record.at, json(&record.value));
        }
    }

    fn salvage(value: &Value, dropped: &mut usize) -> Self {
        one_record(value, dropped)
    }
}

/// Reads a keyed collection, record by record.
fn salvage_map<K: FromStr + Ord, V>(
    value: &Value,
    dropped: &mut usize,
    mut read: impl FnMut(&Value, &mut usize) -> Option<V>,
) -> BTreeMap<K, V> {
    let mut out = BTreeMap::new();
    match value {
        Value::Object(entries) => {
            for (key, value) in entries {
                match key.parse::<K>() {
                    Ok(key) => {
                        if let Some(record) = read(value, dropped) {
                            out.insert(key, record);
                        }
                    }
                    Err(_) => *dropped += 1,
                }
            }
        }
        Value::Null => {}
        _ => *dropped += 1,
    }
    out
}

impl<K, T> Records for BTreeMap<K, Stamped<T>>
where
    K: Ord + Clone + FromStr + ToString + Serialize,
    T: Clone + PartialEq + Serialize + FromJson + Valid,
{
    fn merge_from(&mut self, other: &Self) {
        for (key, theirs) in other {
            match self.get_mut(key) {
                Some(mine) => {
                    if std::ptr::eq(later(mine, theirs), theirs) {
                        *mine = theirs.clone();
                    }
                }
                None => {
                    self.insert(key.clone(), theirs.clone());
                }
            }
        }
    }

    fn drop_before(&mut self, cutoff: u64) {
        keep_only(self, |_, r| r.at >= cutoff);
    }

    fn for_each_stamp(&mut self, f: &mut dyn FnMut(&mut u64)) {
        self.values_mut().for_each(|r| f(&mut r.at));
    }

    fn for_each_record(&self, f: &mut dyn FnMut(String, u64, String)) {
        for (key, record) in self {
            f(key.to_string(), record.at, json(&record.value));
        }
    }

    fn salvage(value: &Value, dropped: &mut usize) -> Self {
        salvage_map(value, dropped, one_record)
    }
}

/// The records of a by-day collection that fall in `month`.
pub fn month_of<V: Clone>(records: &BTreeMap<Day, V>, month: Month) -> BTreeMap<Day, V> {
    map_of(
        records
            .range(month.first_day()..month.end())
            .map(|(day, record)| (*day, record.clone())),
    )
}

/// Keeps the entries of `map` that `keep` holds for. Rebuilt, not
/// `retain`ed: removing in place brings in the B-tree's rebalancing code for
/// each type of map (about 3 KB each), and mostly there is nothing to drop.
pub fn keep_only<K: Ord, V>(map: &mut BTreeMap<K, V>, keep: impl Fn(&K, &V) -> bool) {
    if map.iter().all(|(key, value)| keep(key, value)) {
        return;
    }
    *map = map_of(
        std::mem::take(map)
            .into_iter()
            .filter(|(key, value)| keep(key, value)),
    );
}

/// A map built by inserting each entry. `collect()` sorts the entries
/// first, and each type it sorts adds its own copy of the sort to the wasm
/// (about 3 KB each); the maps here are small, or built from sorted input.
pub(crate) fn map_of<K: Ord, V>(entries: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(entries);
    map
}

impl DayLog {
    /// A day is kept while it has records, or as a compact day whose stamp
    /// still supersedes older copies of it elsewhere.
    fn is_kept(&self) -> bool {
        self.has_records() || self.snapshot_at > 0
    }

    fn merge_from(&mut self, other: &DayLog) {
        self.sets.merge_from(&other.sets);
        self.reps.merge_from(&other.reps);
        self.loads.merge_from(&other.loads);
        self.pain_before.merge_from(&other.pain_before);
        self.pain_after.merge_from(&other.pain_after);
        self.pain_next_morning.merge_from(&other.pain_next_morning);
        self.snapshot_at = self.snapshot_at.max(other.snapshot_at);
        // Records older than a compact copy of the day were superseded by it.
        self.drop_before(self.snapshot_at);
    }

    fn drop_before(&mut self, cutoff: u64) {
        if self.snapshot_at < cutoff {
            self.snapshot_at = 0;
        }
        self.sets.drop_before(cutoff);
        self.reps.drop_before(cutoff);
        self.loads.drop_before(cutoff);
        self.pain_before.drop_before(cutoff);
        self.pain_after.drop_before(cutoff);
        self.pain_next_morning.drop_before(cutoff);
    }

    fn for_each_stamp(&mut self, f: &mut dyn FnMut(&mut u64)) {
        self.sets.for_each_stamp(f);
        self.reps.for_each_stamp(f);
        self.loads.for_each_stamp(f);
        self.pain_before.for_each_stamp(f);
        self.pain_after.for_each_stamp(f);
        self.pain_next_morning.for_each_stamp(f);
        if self.snapshot_at > 0 {
            f(&mut self.snapshot_at);
        }
    }

    /// A day in its per-record form, checking each record's meaning.
    fn salvage_live(log: &serde_json::Map<String, Value>, dropped: &mut usize) -> DayLog {
        let field = |name: &str| log.get(name).unwrap_or(&Value::Null);
        let rating = |value: &Value, dropped: &mut usize| {
            one_record::<u8>(value, dropped).filter(|r| {
                let ok = is_rating(r.value);
                if !ok {
                    *dropped += 1;
                }
                ok
            })
        };
        DayLog {
            sets: Records::salvage(field("sets"), dropped),
            reps: salvage_map::<SetKey, _>(field("reps"), dropped, |value, dropped| {
                one_record::<Option<u8>>(value, dropped).filter(|r| {
                    let ok = reps_fit(r.value);
                    if !ok {
                        *dropped += 1;
                    }
                    ok
                })
            }),
            loads: salvage_map::<ExerciseId, _>(field("loads"), dropped, |value, dropped| {
                one_record::<Option<u16>>(value, dropped).filter(|r| {
                    let ok = load_fits(r.value);
                    if !ok {
                        *dropped += 1;
                    }
                    ok
                })
            }),
            pain_before: rating(field("pain_before"), dropped),
            pain_after: rating(field("pain_after"), dropped),
            pain_next_morning: rating(field("pain_next_morning"), dropped),
            snapshot_at: 0,
        }
    }
}

impl Records for BTreeMap<Day, DayLog> {
    fn merge_from(&mut self, other: &Self) {
        for (day, theirs) in other {
            match self.get_mut(day) {
                Some(mine) => mine.merge_from(theirs),
                None => {
                    self.insert(*day, theirs.clone());
                }
            }
        }
        keep_only(self, |_, log| log.is_kept());
    }

    fn drop_before(&mut self, cutoff: u64) {
        for log in self.values_mut() {
            log.drop_before(cutoff);
        }
        keep_only(self, |_, log| log.is_kept());
    }

    fn for_each_stamp(&mut self, f: &mut dyn FnMut(&mut u64)) {
        self.values_mut().for_each(|log| log.for_each_stamp(f));
    }

    fn for_each_record(&self, f: &mut dyn FnMut(String, u64, String)) {
        for (day, log) in self {
            for (key, record) in &log.sets {
                f(format!("{day}/set/{key}"), record.at, json(&record.value));
            }
            for (key, record) in &log.reps {
                f(format!("{day}/reps/{key}"), record.at, json(&record.value));
            }
            for (exercise, record) in &log.loads {
                f(
                    format!("{day}/load/{}", exercise.slug()),
                    record.at,
                    json(&record.value),
                );
            }
            if let Some(record) = &log.pain_before {
                f(format!("{day}/pain-before"), record.at, json(&record.value));
            }
            if let Some(record) = &log.pain_after {
                f(format!("{day}/pain-after"), record.at, json(&record.value));
            }
            if let Some(record) = &log.pain_next_morning {
                f(
                    format!("{day}/pain-next-morning"),
                    record.at,
                    json(&record.value),
                );
            }
        }
    }

    fn salvage(value: &Value, dropped: &mut usize) -> Self {
        let mut days: BTreeMap<Day, DayLog> = salvage_map(value, dropped, |log, dropped| {
            let Value::Object(log) = log else {
                *dropped += 1;
                return None;
            };
            Some(if log.contains_key("done") {
                super::compact::salvage_archived(log, dropped)?
            } else {
                DayLog::salvage_live(log, dropped)
            })
        });
        keep_only(&mut days, |_, log| log.is_kept());
        days
    }

    fn serialize_stored<S: serde::Serializer>(
        &self,
        archive_before: Day,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        super::compact::serialize_days(self, archive_before, serializer)
    }
}

/// Counts records, for `AppState::record_count`.
struct Counter(usize);

impl Visit for Counter {
    fn visit<R: Records>(&mut self, _: &'static str, records: &R) {
        records.for_each_record(&mut |_, _, _| self.0 += 1);
    }
}

struct MaxStamp(u64);

impl Visit for MaxStamp {
    fn visit<R: Records>(&mut self, _: &'static str, records: &R) {
        records.for_each_record(&mut |_, at, _| self.0 = self.0.max(at));
    }
}

/// Applies `f` to every stamp of every kind.
struct EachStamp<'a>(&'a mut dyn FnMut(&mut u64));

impl VisitMut for EachStamp<'_> {
    fn visit<R: Records>(&mut self, _: &'static str, records: &mut R) {
        records.for_each_stamp(self.0);
    }
}

struct DropBefore(u64);

impl VisitMut for DropBefore {
    fn visit<R: Records>(&mut self, _: &'static str, records: &mut R) {
        records.drop_before(self.0);
    }
}

impl super::AppState {
    /// How many records there are, of every kind.
    pub fn record_count(&self) -> usize {
        let mut counter = Counter(0);
        self.visit(&mut counter);
        counter.0
    }

    /// The latest stamp of any record (or the deletion time).
    pub fn max_stamp(&self) -> u64 {
        let mut max = MaxStamp(self.reset_at);
        self.visit(&mut max);
        max.0
    }

    pub fn for_each_stamp(&mut self, mut f: impl FnMut(&mut u64)) {
        f(&mut self.reset_at);
        self.visit_mut(&mut EachStamp(&mut f));
    }

    /// Drops every record written before `cutoff` (a deletion).
    pub fn drop_before(&mut self, cutoff: u64) {
        self.visit_mut(&mut DropBefore(cutoff));
    }
}
