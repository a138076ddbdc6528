//! The stored form: an envelope with the data version, older versions
//! migrated forward, and damaged records salvaged one by one.
//!
//! The same envelope holds a whole state (a backup file) or one part of it
//! (`Part`): storage keeps the settings-like kinds under one key and the
//! by-day kinds one month to a key, so a tick rewrites one small month.

use super::compact::ARCHIVE_AFTER_DAYS;
use super::records::{Records, Visit, VisitMut};
use super::AppState;
use crate::date::{Day, Month};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::fmt;

/// Bumped whenever the stored shape changes; `migrate` brings older data forward.
///
/// - 1: every day stored with a stamp per record.
/// - 2: days older than `ARCHIVE_AFTER_DAYS` may be stored compactly (one
///   stamp for the day); version 1 data is valid version 2 data.
/// - 3: self-check results are stamped records with a `verdict` (a triage
///   level and its reasons, or the first check's `older` findings); the
///   store is split into parts (`Part`), each its own envelope.
/// - 4: a day may hold the pain before the session and the loads used, and
///   the phase history is kept. Version 3 data is valid version 4 data; the
///   bump keeps an older app, which would drop the new records when it
///   rewrites a month, read-only.
/// - 5: the theme and the guide section last read left the records for the
///   device (`crate::device`); version 4 data reads as it is (the two fields
///   are ignored). The bump keeps an older app, which would count settings
///   without a theme as damaged, read-only.
/// - 6: a day's reps and weights may be `null`: cleared, and stamped, so a
///   merge cannot bring the old number back. Version 5 data reads as it is;
///   the bump keeps an older app, which would count a cleared number as
///   damaged, read-only.
pub const SCHEMA_VERSION: u32 = 6;

const APP_TAG: &str = "hamstring-rehab";

/// A part of the state as storage keeps it, each under its own key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// The by-day kinds of one month (days, scores, strength checks, runs).
    Month(Month),
    /// Settings, programme, self-check and the other single records, and the
    /// time of the last "Delete all". Ordered last: written after the months.
    Main,
}

/// The state as stored: every kind that has records, days in stored form.
struct Stored<'a> {
    state: &'a AppState,
    archive_before: Day,
    /// Whether the month index goes in: only in the main key (a backup
    /// file is read on other devices, whose storage it does not describe).
    index: bool,
}

/// The field that holds `AppState::month_index`.
const INDEX_FIELD: &str = "month_index";

struct StoredKind<'a, R> {
    records: &'a R,
    archive_before: Day,
}

impl<R: Records> Serialize for StoredKind<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.records
            .serialize_stored(self.archive_before, serializer)
    }
}

struct WriteFields<'a, M: SerializeMap> {
    map: &'a mut M,
    archive_before: Day,
    error: Option<M::Error>,
}

impl<M: SerializeMap> Visit for WriteFields<'_, M> {
    fn visit<R: Records>(&mut self, name: &'static str, records: &R) {
        if self.error.is_some() || *records == R::default() {
            return;
        }
        let kind = StoredKind {
            records,
            archive_before: self.archive_before,
        };
        if let Err(error) = self.map.serialize_entry(name, &kind) {
            self.error = Some(error);
        }
    }
}

impl Serialize for Stored<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if self.state.reset_at > 0 {
            map.serialize_entry("reset_at", &self.state.reset_at)?;
        }
        let mut fields = WriteFields {
            map: &mut map,
            archive_before: self.archive_before,
            error: None,
        };
        self.state.visit(&mut fields);
        if let Some(error) = fields.error {
            return Err(error);
        }
        if self.index && !self.state.month_index.is_empty() {
            let months: Vec<String> = self
                .state
                .month_index
                .iter()
                .map(Month::to_string)
                .collect();
            map.serialize_entry(INDEX_FIELD, &months)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Envelope<'a> {
    app: &'static str,
    schema: u32,
    state: Stored<'a>,
}

/// Serialises the whole state with its envelope (a backup file); days more
/// than `ARCHIVE_AFTER_DAYS` before `today` are compact.
pub fn encode(state: &AppState, today: Day) -> String {
    encode_with(state, today, false)
}

/// Serialises one part of the state, as storage keeps it (the main key with
/// the month index).
pub fn encode_part(state: &AppState, part: &Part, today: Day) -> String {
    encode_with(&state.part(part), today, *part == Part::Main)
}

fn encode_with(state: &AppState, today: Day, index: bool) -> String {
    serde_json::to_string(&Envelope {
        app: APP_TAG,
        schema: SCHEMA_VERSION,
        state: Stored {
            state,
            archive_before: today.plus(-ARCHIVE_AFTER_DAYS),
            index,
        },
    })
    .expect("the state model always serialises")
}

/// Why stored text could not be used as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, or not this app's envelope.
    Unreadable(String),
    /// Written by a newer version of the app: never overwrite it.
    Newer { schema: u32 },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Unreadable(why) => write!(f, "{why}"),
            DecodeError::Newer { schema } => write!(
                f,
                "it was written by a newer version of this app (data version {schema}, this app reads up to {SCHEMA_VERSION})"
            ),
        }
    }
}

/// A decoded state and how many damaged records were left out of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub state: AppState,
    pub dropped: usize,
}

/// Reads stored text: a whole state or a part. Damaged records are skipped
/// one by one (and counted); only text that is not this app's data at all is
/// an error.
pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|_| DecodeError::Unreadable("it is not data this app can read".into()))?;
    let Value::Object(envelope) = value else {
        return Err(DecodeError::Unreadable(
            "it is not data this app can read".into(),
        ));
    };
    if envelope.get("app").and_then(Value::as_str) != Some(APP_TAG) {
        return Err(DecodeError::Unreadable(
            "it is not Hamstring Rehab data".into(),
        ));
    }
    let schema = envelope
        .get("schema")
        .and_then(Value::as_u64)
        .and_then(|s| u32::try_from(s).ok())
        .ok_or_else(|| DecodeError::Unreadable("it has no data version".into()))?;
    if schema > SCHEMA_VERSION {
        return Err(DecodeError::Newer { schema });
    }
    let Some(Value::Object(fields)) = envelope.get("state") else {
        return Err(DecodeError::Unreadable("it holds no records".into()));
    };
    let fields = migrate(schema, fields.clone());
    Ok(salvage(&fields))
}

/// Brings a stored state of an older schema up to `SCHEMA_VERSION`, one step
/// at a time; each step has a fixture in `tests/fixtures` and a test.
fn migrate(schema: u32, fields: Map<String, Value>) -> Map<String, Value> {
    let mut fields = fields;
    let mut version = schema;
    while version < SCHEMA_VERSION {
        fields = match version {
            // Version 2 only added the compact day form: v1 days read as they are.
            1 => fields,
            2 => stamped_results_with_verdicts(fields),
            // Version 5 only dropped two kinds: their fields are ignored.
            // Version 6 only lets reps and weights be cleared (`null`):
            // numbers read as they are.
            3..=5 => fields,
            _ => fields,
        };
        version += 1;
    }
    fields
}

/// Version 3: each self-check result becomes a stamped record (stamped when
/// it was finished, its key), and its `findings` (the first check's) its
/// `older` verdict, so it keeps its original wording.
fn stamped_results_with_verdicts(mut fields: Map<String, Value>) -> Map<String, Value> {
    if let Some(Value::Object(results)) = fields.get_mut("check_results") {
        for (finished_at, result) in results.iter_mut() {
            let Value::Object(body) = result else {
                continue;
            };
            if let Some(findings) = body.remove("findings") {
                let mut verdict = Map::new();
                verdict.insert("older".into(), findings);
                body.insert("verdict".into(), Value::Object(verdict));
            }
            let at = finished_at
                .parse::<u64>()
                .map(Value::from)
                .unwrap_or(Value::Null);
            let mut stamped = Map::new();
            stamped.insert("at".into(), at);
            stamped.insert("value".into(), result.take());
            *result = Value::Object(stamped);
        }
    }
    fields
}

struct ReadFields<'a> {
    fields: &'a Map<String, Value>,
    dropped: usize,
}

impl VisitMut for ReadFields<'_> {
    fn visit<R: Records>(&mut self, name: &'static str, records: &mut R) {
        if let Some(value) = self.fields.get(name) {
            *records = R::salvage(value, &mut self.dropped);
        }
    }
}

/// The month index: a list of `YYYY-MM`, each bad entry skipped and counted
/// (so the key is rewritten clean). Bounded like every stored list.
fn salvage_index(value: &Value, dropped: &mut usize) -> BTreeSet<Month> {
    let Value::Array(entries) = value else {
        *dropped += 1;
        return BTreeSet::new();
    };
    let mut months = BTreeSet::new();
    for entry in entries {
        let month = entry
            .as_str()
            .and_then(|text| text.parse::<Month>().ok())
            .filter(|_| months.len() < MAX_INDEXED_MONTHS);
        match month {
            Some(month) => {
                months.insert(month);
            }
            None => *dropped += 1,
        }
    }
    months
}

/// Every month of the hundred years storage keeps (`Day::is_storable`).
const MAX_INDEXED_MONTHS: usize = 12 * 100;

fn salvage(fields: &Map<String, Value>) -> Decoded {
    let mut state = AppState::default();
    let mut read = ReadFields { fields, dropped: 0 };
    state.visit_mut(&mut read);
    state.reset_at = match fields.get("reset_at") {
        None | Some(Value::Null) => 0,
        Some(value) => value.as_u64().unwrap_or_else(|| {
            read.dropped += 1;
            0
        }),
    };
    if let Some(value) = fields.get(INDEX_FIELD) {
        state.month_index = salvage_index(value, &mut read.dropped);
    }
    // As every copy is kept: nothing older than its own deletion.
    state.drop_before(state.reset_at);
    Decoded {
        state,
        dropped: read.dropped,
    }
}
