//! The compact form of a day: what was done, with one stamp for the whole
//! day. Days older than `ARCHIVE_AFTER_DAYS` are stored this way, so years of
//! daily records stay small.

use super::json::Fields;
use super::records::map_of;
use super::{is_rating, DayLog, SetKey, Stamped, MAX_LOAD_TENTHS, MAX_REPS};
use crate::date::Day;
use hamstring_content::exercises::ExerciseId;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Days older than this are stored compactly: two tabs rarely edit a
/// month-old day at the same moment.
pub const ARCHIVE_AFTER_DAYS: i32 = 28;

/// A day in compact form: what was done, one stamp for all of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
struct ArchivedDay {
    at: u64,
    done: Vec<SetKey>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    reps: BTreeMap<SetKey, u8>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    loads: BTreeMap<ExerciseId, u16>,
    #[serde(default, rename = "before", skip_serializing_if = "Option::is_none")]
    pain_before: Option<u8>,
    // Short names: this form exists to keep years of days small.
    #[serde(default, rename = "after", skip_serializing_if = "Option::is_none")]
    pain_after: Option<u8>,
    #[serde(default, rename = "morning", skip_serializing_if = "Option::is_none")]
    pain_next_morning: Option<u8>,
}

impl ArchivedDay {
    /// Read as serde reads the fields above (see `state::json`).
    fn from_fields(fields: Fields) -> Option<ArchivedDay> {
        Some(ArchivedDay {
            at: fields.get("at")?,
            done: fields.get("done")?,
            reps: fields.get_or_default("reps")?,
            loads: fields.get_or_default("loads")?,
            pain_before: fields.get_or_default("before")?,
            pain_after: fields.get_or_default("after")?,
            pain_next_morning: fields.get_or_default("morning")?,
        })
    }

    fn of(log: &DayLog) -> ArchivedDay {
        let latest = log
            .sets
            .values()
            .map(|r| r.at)
            .chain(log.reps.values().map(|r| r.at))
            .chain(log.loads.values().map(|r| r.at))
            .chain(log.pain_before.as_ref().map(|r| r.at))
            .chain(log.pain_after.as_ref().map(|r| r.at))
            .chain(log.pain_next_morning.as_ref().map(|r| r.at))
            .chain([log.snapshot_at])
            .max()
            .unwrap_or(0);
        ArchivedDay {
            at: latest,
            done: log
                .sets
                .iter()
                .filter(|(_, r)| r.value)
                .map(|(k, _)| *k)
                .collect(),
            reps: map_of(log.reps.iter().map(|(k, r)| (*k, r.value))),
            loads: map_of(log.loads.iter().map(|(k, r)| (*k, r.value))),
            pain_before: log.pain_before.as_ref().map(|r| r.value),
            pain_after: log.pain_after.as_ref().map(|r| r.value),
            pain_next_morning: log.pain_next_morning.as_ref().map(|r| r.value),
        }
    }

    fn is_valid(&self) -> bool {
        self.reps.values().all(|n| *n <= MAX_REPS)
            && self.loads.values().all(|n| *n <= MAX_LOAD_TENTHS)
            && self.pain_before.is_none_or(is_rating)
            && self.pain_after.is_none_or(is_rating)
            && self.pain_next_morning.is_none_or(is_rating)
    }

    fn expand(self) -> DayLog {
        let at = self.at;
        DayLog {
            sets: map_of(self.done.into_iter().map(|k| (k, Stamped::new(at, true)))),
            reps: map_of(self.reps.into_iter().map(|(k, n)| (k, Stamped::new(at, n)))),
            loads: map_of(
                self.loads
                    .into_iter()
                    .map(|(k, n)| (k, Stamped::new(at, n))),
            ),
            pain_before: self.pain_before.map(|n| Stamped::new(at, n)),
            pain_after: self.pain_after.map(|n| Stamped::new(at, n)),
            pain_next_morning: self.pain_next_morning.map(|n| Stamped::new(at, n)),
            snapshot_at: at,
        }
    }
}

/// A compact day, or `None` (counted) when it is damaged.
pub(super) fn salvage_archived(log: &Map<String, Value>, dropped: &mut usize) -> Option<DayLog> {
    let archived = ArchivedDay::from_fields(Fields::of_map(log)).filter(ArchivedDay::is_valid);
    if archived.is_none() {
        *dropped += 1;
    }
    archived.map(ArchivedDay::expand)
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
            map.serialize_entry(day, &ArchivedDay::of(log))?;
        } else {
            map.serialize_entry(day, log)?;
        }
    }
    map.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compact_day_reads_as_serde_reads_it() {
        let day: serde_json::Value = serde_json::from_str(
            r#"{"at":5,"done":["glute-bridge:1"],"reps":{"glute-bridge:1":12},"loads":{"romanian-deadlift":75},"before":2,"after":3,"morning":1}"#,
        )
        .unwrap();
        super::super::json::tests::agrees::<ArchivedDay>(&day, |json| {
            ArchivedDay::from_fields(Fields::of(json)?)
        });
    }
}
