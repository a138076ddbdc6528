//! The compact form of a day: what was done, with one stamp for the whole
//! day. Days older than `ARCHIVE_AFTER_DAYS` are stored this way, so years of
//! daily records stay small.

use super::day::{load_fits, reps_fit};
use super::json::Fields;
use super::records::map_of;
use super::{is_rating, DayLog, SetKey, Stamped};
use crate::date::Day;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Days older than this are stored compactly: two tabs rarely edit a
/// month-old day at the same moment.
pub const ARCHIVE_AFTER_DAYS: i32 = 28;

/// A day in compact form: what was done, one stamp for all of it. Written
/// from and read into a `DayLog` directly: maps of its own (set to reps,
/// exercise to load) would each add their code to the wasm.
struct Archived<'a>(&'a DayLog);

impl Serialize for Archived<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let log = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("at", &latest_stamp(log))?;
        map.serialize_entry("done", &Done(log))?;
        if !log.reps.is_empty() {
            map.serialize_entry("reps", &Values(&log.reps))?;
        }
        if !log.loads.is_empty() {
            map.serialize_entry("loads", &Values(&log.loads))?;
        }
        // Short names: this form exists to keep years of days small.
        let pains = [
            ("before", &log.pain_before),
            ("after", &log.pain_after),
            ("morning", &log.pain_next_morning),
        ];
        for (name, pain) in pains {
            if let Some(pain) = pain {
                map.serialize_entry(name, &pain.value)?;
            }
        }
        map.end()
    }
}

/// The sets ticked done.
struct Done<'a>(&'a DayLog);

impl Serialize for Done<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let done = self.0.sets.iter().filter(|(_, tick)| tick.value);
        serializer.collect_seq(done.map(|(key, _)| key))
    }
}

/// Records' values without their stamps.
struct Values<'a, K, T>(&'a BTreeMap<K, Stamped<T>>);

impl<K: Serialize, T: Serialize> Serialize for Values<'_, K, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, record)| (key, &record.value)))
    }
}

/// The day's stamp: its latest record's (or the compact copy it was read from).
fn latest_stamp(log: &DayLog) -> u64 {
    log.sets
        .values()
        .map(|r| r.at)
        .chain(log.reps.values().map(|r| r.at))
        .chain(log.loads.values().map(|r| r.at))
        .chain(log.pain_before.as_ref().map(|r| r.at))
        .chain(log.pain_after.as_ref().map(|r| r.at))
        .chain(log.pain_next_morning.as_ref().map(|r| r.at))
        .chain([log.snapshot_at])
        .max()
        .unwrap_or(0)
}

/// A compact day read back, every record stamped with the day's stamp;
/// `None` when it does not fit the form (read as serde read it: see
/// `state::json`).
fn read_archived(fields: &Fields) -> Option<DayLog> {
    let at: u64 = fields.get("at")?;
    let done: Vec<SetKey> = fields.get("done")?;
    let pain = |name: &str| {
        let pain: Option<u8> = fields.get_or_default(name)?;
        Some(pain.map(|n| Stamped::new(at, n)))
    };
    Some(DayLog {
        sets: map_of(done.into_iter().map(|key| (key, Stamped::new(at, true)))),
        reps: fields.stamped_or_default("reps", at)?,
        loads: fields.stamped_or_default("loads", at)?,
        pain_before: pain("before")?,
        pain_after: pain("after")?,
        pain_next_morning: pain("morning")?,
        snapshot_at: at,
    })
}

fn is_valid(log: &DayLog) -> bool {
    let rating = |pain: &Option<Stamped<u8>>| pain.as_ref().is_none_or(|r| is_rating(r.value));
    log.reps.values().all(|r| reps_fit(r.value))
        && log.loads.values().all(|r| load_fits(r.value))
        && rating(&log.pain_before)
        && rating(&log.pain_after)
        && rating(&log.pain_next_morning)
}

/// A compact day, or `None` (counted) when it is damaged.
pub(super) fn salvage_archived(log: &Map<String, Value>, dropped: &mut usize) -> Option<DayLog> {
    let archived = read_archived(&Fields::of_map(log)).filter(is_valid);
    if archived.is_none() {
        *dropped += 1;
    }
    archived
}

/// Days: compact when old, with a stamp per record when recent.
pub(super) fn serialize_days<S: Serializer>(
    days: &BTreeMap<Day, DayLog>,
    archive_before: Day,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(days.len()))?;
    for (day, log) in days {
        if *day < archive_before {
            map.serialize_entry(day, &Archived(log))?;
        } else {
            map.serialize_entry(day, log)?;
        }
    }
    map.end()
}

#[cfg(test)]
mod tests {
    use super::*;
    use hamstring_content::exercises::ExerciseId;

    const COMPACT: &str = r#"{"at":5,"done":["glute-bridge:1","bulgarian-split-squat:1:L"],"reps":{"glute-bridge:1":12},"loads":{"romanian-deadlift":75},"before":2,"after":3,"morning":1}"#;

    #[test]
    fn a_compact_day_is_stored_as_before() {
        let day: Value = serde_json::from_str(COMPACT).unwrap();
        let log = read_archived(&Fields::of(&day).unwrap()).unwrap();
        assert_eq!(serde_json::to_string(&Archived(&log)).unwrap(), COMPACT);
    }

    /// The compact form as serde's derived `Deserialize` read it before.
    #[derive(serde::Deserialize, PartialEq, Debug)]
    struct Shape {
        at: u64,
        done: Vec<SetKey>,
        #[serde(default)]
        reps: BTreeMap<SetKey, Option<u8>>,
        #[serde(default)]
        loads: BTreeMap<ExerciseId, Option<u16>>,
        #[serde(default)]
        before: Option<u8>,
        #[serde(default)]
        after: Option<u8>,
        #[serde(default)]
        morning: Option<u8>,
    }

    impl Shape {
        fn of(log: DayLog) -> Shape {
            let value = |pain: Option<Stamped<u8>>| pain.map(|r| r.value);
            Shape {
                at: log.snapshot_at,
                done: log.sets.into_keys().collect(),
                reps: map_of(log.reps.into_iter().map(|(k, r)| (k, r.value))),
                loads: map_of(log.loads.into_iter().map(|(k, r)| (k, r.value))),
                before: value(log.pain_before),
                after: value(log.pain_after),
                morning: value(log.pain_next_morning),
            }
        }
    }

    #[test]
    fn a_compact_day_reads_as_serde_reads_it() {
        let day: Value = serde_json::from_str(COMPACT).unwrap();
        super::super::json::tests::agrees::<Shape>(&day, |json| {
            read_archived(&Fields::of(json)?).map(Shape::of)
        });
    }
}
