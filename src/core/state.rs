//! The persisted state model: what a person records, how it is versioned, how
//! two copies merge, and how a damaged copy is salvaged record by record.
//!
//! Every record carries the time it was last written (`Stamped`), so two tabs
//! or a backup can be merged per record: the later write wins, nothing else is
//! lost.

use crate::content::exercises::ExerciseId;
use crate::core::date::{Day, Weekday};
use crate::core::routine::Phase;
use crate::core::selfcheck::{Answers, Verdict};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// Bumped whenever the stored shape changes; `migrate` brings older data forward.
///
/// - 1: every day stored with a stamp per record.
/// - 2: days older than `ARCHIVE_AFTER_DAYS` may be stored compactly (one
///   stamp for the day); version 1 data is valid version 2 data.
/// - 3: self-check results carry a `verdict`: a triage level with its
///   reasons, or (moved from `findings`) the first check's older findings.
pub const SCHEMA_VERSION: u32 = 3;

/// Days older than this are stored compactly: years of daily records stay
/// small, and two tabs rarely edit a month-old day at the same moment.
pub const ARCHIVE_AFTER_DAYS: i32 = 28;

/// A value with the time (milliseconds since the epoch) it was last written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stamped<T> {
    pub at: u64,
    pub value: T,
}

impl<T> Stamped<T> {
    pub fn new(at: u64, value: T) -> Self {
        Stamped { at, value }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub theme: Theme,
    /// Rest after a split-squat set; the source says 15 seconds.
    pub rest_secs: u32,
    /// Standing-break interval on desk days; the source says 15–20 minutes.
    pub break_minutes: u32,
    /// `None` follows the browser's locale.
    pub week_start: Option<Weekday>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::System,
            rest_secs: 15,
            break_minutes: 20,
            week_start: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    pub phase: Phase,
    /// The day the current phase began.
    pub since: Day,
}

/// Which leg a per-side set was done on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Side {
    Left,
    Right,
}

/// One tick target: set `set` (from 1) of an exercise, on one side where the
/// dose is per side. Stored as a compact string key such as `glute-bridge:1`
/// or `bulgarian-split-squat:1:L`, so it can key a JSON object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SetKey {
    pub exercise: ExerciseId,
    pub set: u8,
    pub side: Option<Side>,
}

impl fmt::Display for SetKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.exercise.slug(), self.set)?;
        match self.side {
            Some(Side::Left) => write!(f, ":L"),
            Some(Side::Right) => write!(f, ":R"),
            None => Ok(()),
        }
    }
}

impl FromStr for SetKey {
    type Err = ();
    fn from_str(text: &str) -> Result<Self, ()> {
        let mut parts = text.split(':');
        let exercise = ExerciseId::from_slug(parts.next().ok_or(())?).ok_or(())?;
        let set: u8 = parts.next().ok_or(())?.parse().map_err(|_| ())?;
        let side = match parts.next() {
            None => None,
            Some("L") => Some(Side::Left),
            Some("R") => Some(Side::Right),
            Some(_) => return Err(()),
        };
        if set == 0 || parts.next().is_some() {
            return Err(());
        }
        Ok(SetKey {
            exercise,
            set,
            side,
        })
    }
}

impl Serialize for SetKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SetKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse()
            .map_err(|_| serde::de::Error::custom("not a set key"))
    }
}

/// What was recorded on one day of the routine.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DayLog {
    /// `true` = done; `false` keeps an undo so a merge cannot revive the tick.
    pub sets: BTreeMap<SetKey, Stamped<bool>>,
    /// Optional repetitions done, per set.
    pub reps: BTreeMap<SetKey, Stamped<u8>>,
    /// Pain 0–10 during or right after the session.
    pub pain_after: Option<Stamped<u8>>,
    /// Pain 0–10 the next morning.
    pub pain_next_morning: Option<Stamped<u8>>,
    /// Set when the day was loaded from its compact form: the day as a whole
    /// was last written then, so records of it written earlier elsewhere are
    /// superseded (like `AppState::reset_at`, for one day).
    #[serde(skip)]
    pub snapshot_at: u64,
}

/// A day in compact form: what was done, one stamp for all of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ArchivedDay {
    at: u64,
    done: Vec<SetKey>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    reps: BTreeMap<SetKey, u8>,
    // Short names: this form exists to keep years of days small.
    #[serde(default, rename = "after", skip_serializing_if = "Option::is_none")]
    pain_after: Option<u8>,
    #[serde(default, rename = "morning", skip_serializing_if = "Option::is_none")]
    pain_next_morning: Option<u8>,
}

impl ArchivedDay {
    fn of(log: &DayLog) -> ArchivedDay {
        let latest = log
            .sets
            .values()
            .map(|r| r.at)
            .chain(log.reps.values().map(|r| r.at))
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
            reps: log.reps.iter().map(|(k, r)| (*k, r.value)).collect(),
            pain_after: log.pain_after.as_ref().map(|r| r.value),
            pain_next_morning: log.pain_next_morning.as_ref().map(|r| r.value),
        }
    }

    fn expand(self) -> DayLog {
        let at = self.at;
        DayLog {
            sets: self
                .done
                .into_iter()
                .map(|k| (k, Stamped::new(at, true)))
                .collect(),
            reps: self
                .reps
                .into_iter()
                .map(|(k, n)| (k, Stamped::new(at, n)))
                .collect(),
            pain_after: self.pain_after.map(|n| Stamped::new(at, n)),
            pain_next_morning: self.pain_next_morning.map(|n| Stamped::new(at, n)),
            snapshot_at: at,
        }
    }
}

impl DayLog {
    pub fn is_done(&self, key: SetKey) -> bool {
        self.sets.get(&key).is_some_and(|tick| tick.value)
    }

    pub fn done_count(&self) -> usize {
        self.sets.values().filter(|tick| tick.value).count()
    }

    fn has_records(&self) -> bool {
        !self.sets.is_empty()
            || !self.reps.is_empty()
            || self.pain_after.is_some()
            || self.pain_next_morning.is_some()
    }
}

/// A weekly symptom score of the project's own: three 0–10 ratings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SymptomScore {
    pub sitting: u8,
    pub activity: u8,
    pub morning_after: u8,
}

/// Single-leg bridge repetitions on each side, and pain at rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrengthCheck {
    pub left: u16,
    pub right: u16,
    pub pain_at_rest: bool,
}

/// A light run in phase 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunEntry {
    pub minutes: u16,
    pub pain_now: u8,
    pub pain_next_morning: Option<u8>,
}

/// A finished self-check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    pub day: Day,
    pub answers: Answers,
    pub verdict: Verdict,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    /// Records written before this time were deleted by "Delete all my data".
    pub reset_at: u64,
    pub settings: Option<Stamped<Settings>>,
    pub programme: Option<Stamped<Programme>>,
    pub days: BTreeMap<Day, DayLog>,
    /// The self-check in progress, so a reload resumes it.
    pub check_draft: Option<Stamped<Answers>>,
    /// Finished self-checks, keyed by the time they were finished.
    pub check_results: BTreeMap<u64, CheckResult>,
    pub symptom_scores: BTreeMap<Day, Stamped<SymptomScore>>,
    pub strength_checks: BTreeMap<Day, Stamped<StrengthCheck>>,
    pub runs: BTreeMap<Day, Stamped<RunEntry>>,
    /// The guide section the reader last reached.
    pub reading: Option<Stamped<String>>,
    /// When the last backup file was downloaded.
    pub last_backup: Option<Stamped<Day>>,
    /// The self-check result (by the time it was finished) after which the
    /// person said they had been seen by a clinician.
    pub been_seen: Option<Stamped<u64>>,
}

impl AppState {
    pub fn settings(&self) -> Settings {
        self.settings
            .as_ref()
            .map(|s| s.value.clone())
            .unwrap_or_default()
    }

    pub fn programme(&self) -> Option<&Programme> {
        self.programme.as_ref().map(|p| &p.value)
    }

    /// A day's log, or an empty one; borrowed, since reactive views read it
    /// on every change.
    pub fn day(&self, day: Day) -> &DayLog {
        static EMPTY_DAY: DayLog = DayLog {
            sets: BTreeMap::new(),
            reps: BTreeMap::new(),
            pain_after: None,
            pain_next_morning: None,
            snapshot_at: 0,
        };
        self.days.get(&day).unwrap_or(&EMPTY_DAY)
    }

    /// True when nothing has been recorded at all.
    pub fn is_empty(&self) -> bool {
        AppState {
            reset_at: self.reset_at,
            ..AppState::default()
        } == *self
    }

    /// Combines two copies per record: the later write of each record wins, and
    /// records only one copy has are kept. Commutative, so two tabs agree.
    pub fn merge(&self, other: &AppState) -> AppState {
        let reset_at = self.reset_at.max(other.reset_at);
        let mut days = self.days.clone();
        for (day, log) in &other.days {
            let merged = match days.get(day) {
                Some(mine) => merge_day(mine, log),
                None => log.clone(),
            };
            days.insert(*day, merged);
        }
        // Results never change once saved; equal keys (the same millisecond)
        // are settled by content so both tabs pick the same one.
        let mut check_results = self.check_results.clone();
        for (finished_at, theirs) in &other.check_results {
            let keep_theirs = check_results.get(finished_at).is_none_or(|mine| {
                serde_json::to_string(theirs).ok() > serde_json::to_string(mine).ok()
            });
            if keep_theirs {
                check_results.insert(*finished_at, theirs.clone());
            }
        }
        let merged = AppState {
            reset_at,
            settings: pick_option(&self.settings, &other.settings),
            programme: pick_option(&self.programme, &other.programme),
            days,
            check_draft: pick_option(&self.check_draft, &other.check_draft),
            check_results,
            symptom_scores: merge_maps(&self.symptom_scores, &other.symptom_scores),
            strength_checks: merge_maps(&self.strength_checks, &other.strength_checks),
            runs: merge_maps(&self.runs, &other.runs),
            reading: pick_option(&self.reading, &other.reading),
            last_backup: pick_option(&self.last_backup, &other.last_backup),
            been_seen: pick_option(&self.been_seen, &other.been_seen),
        };
        merged.without_records_before(reset_at)
    }

    /// This state as a replacement for everything stored, written at `now`:
    /// every record is re-stamped and older records elsewhere (another tab)
    /// are marked deleted, so a later merge cannot bring them back.
    pub fn as_replacement(mut self, now: u64) -> AppState {
        fn stamp<T>(record: &mut Option<Stamped<T>>, now: u64) {
            if let Some(record) = record {
                record.at = now;
            }
        }
        self.reset_at = now;
        stamp(&mut self.settings, now);
        stamp(&mut self.programme, now);
        stamp(&mut self.check_draft, now);
        stamp(&mut self.reading, now);
        stamp(&mut self.last_backup, now);
        stamp(&mut self.been_seen, now);
        for log in self.days.values_mut() {
            log.sets.values_mut().for_each(|r| r.at = now);
            log.reps.values_mut().for_each(|r| r.at = now);
            stamp(&mut log.pain_after, now);
            stamp(&mut log.pain_next_morning, now);
        }
        // Results are keyed by when they were finished; keep them newer than the cutoff.
        self.check_results = std::mem::take(&mut self.check_results)
            .into_values()
            .enumerate()
            .map(|(i, result)| (now + i as u64, result))
            .collect();
        self.symptom_scores.values_mut().for_each(|r| r.at = now);
        self.strength_checks.values_mut().for_each(|r| r.at = now);
        self.runs.values_mut().for_each(|r| r.at = now);
        self
    }

    /// Drops every record written before `cutoff` (a deletion in another tab).
    fn without_records_before(mut self, cutoff: u64) -> AppState {
        fn keep<T>(record: &mut Option<Stamped<T>>, cutoff: u64) {
            if record.as_ref().is_some_and(|r| r.at < cutoff) {
                *record = None;
            }
        }
        keep(&mut self.settings, cutoff);
        keep(&mut self.programme, cutoff);
        keep(&mut self.check_draft, cutoff);
        keep(&mut self.reading, cutoff);
        keep(&mut self.last_backup, cutoff);
        keep(&mut self.been_seen, cutoff);
        for log in self.days.values_mut() {
            log.drop_before(cutoff);
        }
        self.days.retain(|_, log| log.has_records());
        self.check_results
            .retain(|finished_at, _| *finished_at >= cutoff);
        self.symptom_scores.retain(|_, r| r.at >= cutoff);
        self.strength_checks.retain(|_, r| r.at >= cutoff);
        self.runs.retain(|_, r| r.at >= cutoff);
        self
    }
}

fn merge_day(a: &DayLog, b: &DayLog) -> DayLog {
    let snapshot_at = a.snapshot_at.max(b.snapshot_at);
    let mut merged = DayLog {
        sets: merge_maps(&a.sets, &b.sets),
        reps: merge_maps(&a.reps, &b.reps),
        pain_after: pick_option(&a.pain_after, &b.pain_after),
        pain_next_morning: pick_option(&a.pain_next_morning, &b.pain_next_morning),
        snapshot_at,
    };
    // Records older than a compact copy of the day were superseded by it.
    merged.drop_before(snapshot_at);
    merged
}

impl DayLog {
    fn drop_before(&mut self, cutoff: u64) {
        self.sets.retain(|_, r| r.at >= cutoff);
        self.reps.retain(|_, r| r.at >= cutoff);
        if self.pain_after.as_ref().is_some_and(|r| r.at < cutoff) {
            self.pain_after = None;
        }
        if self
            .pain_next_morning
            .as_ref()
            .is_some_and(|r| r.at < cutoff)
        {
            self.pain_next_morning = None;
        }
    }
}

/// The later of two writes; equal times fall back to comparing the values'
/// JSON so the choice does not depend on argument order.
fn pick<T: Serialize + Clone>(a: &Stamped<T>, b: &Stamped<T>) -> Stamped<T> {
    let a_wins = match a.at.cmp(&b.at) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => {
            serde_json::to_string(&a.value).ok() >= serde_json::to_string(&b.value).ok()
        }
    };
    if a_wins {
        a.clone()
    } else {
        b.clone()
    }
}

fn pick_option<T: Serialize + Clone>(
    a: &Option<Stamped<T>>,
    b: &Option<Stamped<T>>,
) -> Option<Stamped<T>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(pick(a, b)),
        (a, b) => a.clone().or_else(|| b.clone()),
    }
}

fn merge_maps<K: Ord + Clone, T: Serialize + Clone>(
    a: &BTreeMap<K, Stamped<T>>,
    b: &BTreeMap<K, Stamped<T>>,
) -> BTreeMap<K, Stamped<T>> {
    let mut merged = a.clone();
    for (key, theirs) in b {
        let record = match merged.get(key) {
            Some(mine) => pick(mine, theirs),
            None => theirs.clone(),
        };
        merged.insert(key.clone(), record);
    }
    merged
}

/// The stored envelope: the schema version travels with the data.
#[derive(Serialize)]
struct Envelope<'a> {
    app: &'static str,
    schema: u32,
    state: StoredState<'a>,
}

/// The state as stored: days before `archive_before` in compact form.
struct StoredState<'a> {
    state: &'a AppState,
    archive_before: Day,
}

/// One stored day: compact when old, with a stamp per record when recent.
#[derive(Serialize)]
#[serde(untagged)]
enum StoredDay<'a> {
    Archived(ArchivedDay),
    Live(&'a DayLog),
}

impl Serialize for StoredState<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let state = self.state;
        let days = state
            .days
            .iter()
            .map(|(day, log)| {
                let stored = if *day < self.archive_before {
                    StoredDay::Archived(ArchivedDay::of(log))
                } else {
                    StoredDay::Live(log)
                };
                (*day, stored)
            })
            .collect();
        StoredFields {
            reset_at: state.reset_at,
            settings: &state.settings,
            programme: &state.programme,
            days,
            check_draft: &state.check_draft,
            check_results: &state.check_results,
            symptom_scores: &state.symptom_scores,
            strength_checks: &state.strength_checks,
            runs: &state.runs,
            reading: &state.reading,
            last_backup: &state.last_backup,
            been_seen: &state.been_seen,
        }
        .serialize(serializer)
    }
}

/// `AppState`'s fields as stored, with the days in their stored form. The
/// round-trip property test fails if a field is missing here.
#[derive(Serialize)]
struct StoredFields<'a> {
    reset_at: u64,
    settings: &'a Option<Stamped<Settings>>,
    programme: &'a Option<Stamped<Programme>>,
    days: BTreeMap<Day, StoredDay<'a>>,
    check_draft: &'a Option<Stamped<Answers>>,
    check_results: &'a BTreeMap<u64, CheckResult>,
    symptom_scores: &'a BTreeMap<Day, Stamped<SymptomScore>>,
    strength_checks: &'a BTreeMap<Day, Stamped<StrengthCheck>>,
    runs: &'a BTreeMap<Day, Stamped<RunEntry>>,
    reading: &'a Option<Stamped<String>>,
    last_backup: &'a Option<Stamped<Day>>,
    been_seen: &'a Option<Stamped<u64>>,
}

const APP_TAG: &str = "hamstring-rehab";

/// Serialises the state with its envelope (used for the store and for
/// backups); days more than `ARCHIVE_AFTER_DAYS` before `today` are compact.
pub fn encode(state: &AppState, today: Day) -> String {
    serde_json::to_string(&Envelope {
        app: APP_TAG,
        schema: SCHEMA_VERSION,
        state: StoredState {
            state,
            archive_before: today.plus(-ARCHIVE_AFTER_DAYS),
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

/// Reads stored text. Damaged records are skipped one by one (and counted);
/// only text that is not this app's data at all is an error.
pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|_| DecodeError::Unreadable("it is not valid JSON".into()))?;
    let Value::Object(envelope) = value else {
        return Err(DecodeError::Unreadable("it is not an object".into()));
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
            2 => results_with_verdicts(fields),
            _ => fields,
        };
        version += 1;
    }
    fields
}

/// Version 3: a result's `findings` (the first self-check's) become its
/// `verdict`, marked as older so it keeps its original wording.
fn results_with_verdicts(mut fields: Map<String, Value>) -> Map<String, Value> {
    if let Some(Value::Object(results)) = fields.get_mut("check_results") {
        for result in results.values_mut() {
            if let Value::Object(result) = result {
                if let Some(findings) = result.remove("findings") {
                    let mut verdict = Map::new();
                    verdict.insert("older".into(), findings);
                    result.insert("verdict".into(), Value::Object(verdict));
                }
            }
        }
    }
    fields
}

fn salvage(fields: &Map<String, Value>) -> Decoded {
    let mut dropped = 0;
    let one = |name: &str| -> Option<Value> {
        let value = fields.get(name)?.clone();
        (!value.is_null()).then_some(value)
    };
    let mut state = AppState {
        reset_at: one("reset_at").and_then(|v| v.as_u64()).unwrap_or(0),
        ..AppState::default()
    };
    state.settings = record(one("settings"), &mut dropped);
    state.programme = record(one("programme"), &mut dropped);
    state.check_draft = record(one("check_draft"), &mut dropped);
    state.reading = record(one("reading"), &mut dropped);
    state.last_backup = record(one("last_backup"), &mut dropped);
    state.been_seen = record(one("been_seen"), &mut dropped);
    state.symptom_scores = records(fields.get("symptom_scores"), &mut dropped);
    state.strength_checks = records(fields.get("strength_checks"), &mut dropped);
    state.runs = records(fields.get("runs"), &mut dropped);
    state.check_results = records(fields.get("check_results"), &mut dropped);
    if let Some(Value::Object(days)) = fields.get("days") {
        for (day, log) in days {
            let (Some(day), Value::Object(log)) = (Day::parse(day), log) else {
                dropped += 1;
                continue;
            };
            if log.contains_key("done") {
                let archived: Option<ArchivedDay> =
                    record(Some(Value::Object(log.clone())), &mut dropped);
                if let Some(archived) = archived {
                    state.days.insert(day, archived.expand());
                }
                continue;
            }
            let day_log = DayLog {
                sets: records(log.get("sets"), &mut dropped),
                reps: records(log.get("reps"), &mut dropped),
                pain_after: record(log.get("pain_after").cloned(), &mut dropped),
                pain_next_morning: record(log.get("pain_next_morning").cloned(), &mut dropped),
                snapshot_at: 0,
            };
            state.days.insert(day, day_log);
        }
    } else if fields.contains_key("days") {
        dropped += 1;
    }
    Decoded { state, dropped }
}

fn record<T: DeserializeOwned>(value: Option<Value>, dropped: &mut usize) -> Option<T> {
    let value = value.filter(|v| !v.is_null())?;
    serde_json::from_value(value)
        .map_err(|_| *dropped += 1)
        .ok()
}

fn records<K: FromStr + Ord, T: DeserializeOwned>(
    value: Option<&Value>,
    dropped: &mut usize,
) -> BTreeMap<K, T> {
    let mut out = BTreeMap::new();
    match value {
        Some(Value::Object(entries)) => {
            for (key, value) in entries {
                match (key.parse::<K>(), serde_json::from_value::<T>(value.clone())) {
                    (Ok(key), Ok(value)) => {
                        out.insert(key, value);
                    }
                    _ => *dropped += 1,
                }
            }
        }
        None | Some(Value::Null) => {}
        Some(_) => *dropped += 1,
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::selfcheck::OlderFinding;
    use proptest::prelude::*;

    fn any_key() -> impl Strategy<Value = SetKey> {
        (
            0..ExerciseId::ALL.len(),
            1u8..5,
            prop_oneof![Just(None), Just(Some(Side::Left)), Just(Some(Side::Right))],
        )
            .prop_map(|(e, set, side)| SetKey {
                exercise: ExerciseId::ALL[e],
                set,
                side,
            })
    }

    fn stamped<T: std::fmt::Debug + Clone>(
        value: impl Strategy<Value = T>,
    ) -> impl Strategy<Value = Stamped<T>> {
        (0u64..50, value).prop_map(|(at, value)| Stamped { at, value })
    }

    fn any_day() -> impl Strategy<Value = Day> {
        (20_000i32..20_060).prop_map(Day)
    }

    fn any_log() -> impl Strategy<Value = DayLog> {
        (
            proptest::collection::btree_map(any_key(), stamped(any::<bool>()), 0..6),
            proptest::collection::btree_map(any_key(), stamped(0u8..30), 0..3),
            proptest::option::of(stamped(0u8..=10)),
            proptest::option::of(stamped(0u8..=10)),
        )
            .prop_map(|(sets, reps, pain_after, pain_next_morning)| DayLog {
                sets,
                reps,
                pain_after,
                pain_next_morning,
                snapshot_at: 0,
            })
    }

    fn any_state() -> impl Strategy<Value = AppState> {
        let phase = (0..Phase::ALL.len()).prop_map(|i| Phase::ALL[i]);
        (
            proptest::collection::btree_map(any_day(), any_log(), 0..5),
            proptest::option::of(stamped(
                (phase, any_day()).prop_map(|(phase, since)| Programme { phase, since }),
            )),
            proptest::option::of(stamped((0u32..60, 5u32..60).prop_map(
                |(rest_secs, break_minutes)| Settings {
                    rest_secs,
                    break_minutes,
                    ..Settings::default()
                },
            ))),
            proptest::collection::btree_map(
                any_day(),
                stamped(
                    (0u8..=10, 0u8..=10, 0u8..=10).prop_map(|(a, b, c)| SymptomScore {
                        sitting: a,
                        activity: b,
                        morning_after: c,
                    }),
                ),
                0..3,
            ),
            proptest::collection::btree_map(
                any_day(),
                stamped((0u16..40, 0u16..40, any::<bool>()).prop_map(
                    |(left, right, pain_at_rest)| StrengthCheck {
                        left,
                        right,
                        pain_at_rest,
                    },
                )),
                0..3,
            ),
            proptest::collection::btree_map(
                1u64..40,
                any_day().prop_map(|day| CheckResult {
                    day,
                    answers: Answers::new(),
                    verdict: Verdict::Older(vec![OlderFinding {
                        outcome: "fits-pattern".into(),
                        because: vec!["where".into()],
                    }]),
                }),
                0..2,
            ),
            proptest::option::of(stamped("[a-z-]{1,12}")),
            0u64..3,
        )
            .prop_map(
                |(
                    days,
                    programme,
                    settings,
                    symptom_scores,
                    strength_checks,
                    check_results,
                    reading,
                    reset_at,
                )| AppState {
                    reset_at,
                    settings,
                    programme,
                    days,
                    check_draft: None,
                    check_results,
                    symptom_scores,
                    strength_checks,
                    runs: BTreeMap::new(),
                    reading,
                    last_backup: None,
                    been_seen: None,
                },
            )
    }

    /// Every (kind, key) record with its stamp, to check nothing is lost.
    fn stamps(state: &AppState) -> Vec<(String, u64)> {
        let mut out = Vec::new();
        for (day, log) in &state.days {
            out.extend(
                log.sets
                    .iter()
                    .map(|(k, r)| (format!("{day}/set/{k}"), r.at)),
            );
            out.extend(
                log.reps
                    .iter()
                    .map(|(k, r)| (format!("{day}/reps/{k}"), r.at)),
            );
        }
        out.extend(
            state
                .symptom_scores
                .iter()
                .map(|(d, r)| (format!("score/{d}"), r.at)),
        );
        out.extend(
            state
                .strength_checks
                .iter()
                .map(|(d, r)| (format!("strength/{d}"), r.at)),
        );
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn any_state_survives_save_and_load(state in any_state()) {
            // Every generated day is recent: stored with all its stamps.
            let decoded = decode(&encode(&state, Day(20_000))).unwrap();
            prop_assert_eq!(decoded.dropped, 0);
            prop_assert_eq!(decoded.state, state);
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
        fn merge_is_commutative(a in any_state(), b in any_state()) {
            prop_assert_eq!(a.merge(&b), b.merge(&a));
        }

        #[test]
        fn merge_loses_no_record_newer_than_a_deletion(a in any_state(), b in any_state()) {
            let merged = a.merge(&b);
            let cutoff = a.reset_at.max(b.reset_at);
            let kept = stamps(&merged);
            for (key, at) in stamps(&a).into_iter().chain(stamps(&b)) {
                if at >= cutoff {
                    let found = kept.iter().find(|(k, _)| *k == key);
                    prop_assert!(found.is_some_and(|(_, kept_at)| *kept_at >= at), "{} lost", key);
                }
            }
        }

        #[test]
        fn merging_with_itself_changes_nothing(a in any_state()) {
            let once = a.merge(&AppState::default());
            prop_assert_eq!(once.merge(&once), once.clone());
        }

        #[test]
        fn a_replacement_wins_over_everything_older(a in any_state(), b in any_state()) {
            let replacement = b.clone().as_replacement(1_000);
            let merged = a.merge(&replacement);
            prop_assert_eq!(stamps(&merged).len(), stamps(&replacement).len());
        }

        #[test]
        fn decoding_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = decode(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn decoding_arbitrary_json_never_panics(json in arbitrary_json()) {
            let _ = decode(&json.to_string());
            let wrapped = serde_json::json!({"app": APP_TAG, "schema": 1, "state": json});
            let _ = decode(&wrapped.to_string());
        }
    }

    fn arbitrary_json() -> impl Strategy<Value = Value> {
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

    #[test]
    fn set_keys_round_trip_and_reject_junk() {
        for text in ["glute-bridge:1", "bulgarian-split-squat:2:L", "foam-roll:1"] {
            assert_eq!(text.parse::<SetKey>().unwrap().to_string(), text);
        }
        for junk in [
            "",
            "glute-bridge",
            "glute-bridge:0",
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
    }

    #[test]
    fn the_version_2_fixture_loads_its_compact_days() {
        let text = include_str!("../../tests/fixtures/state-v2.json");
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
        let text = include_str!("../../tests/fixtures/state-v1.json");
        let decoded = decode(text).unwrap();
        assert_eq!(decoded.dropped, 0);
        let state = decoded.state;
        assert_eq!(state.programme().unwrap().phase, Phase::Foundation);
        assert!(state
            .day(Day::parse("2026-11-20").unwrap())
            .is_done("glute-bridge:1".parse().unwrap()));
        assert_eq!(state.settings().rest_secs, 15);
        assert_eq!(state.check_results.len(), 1);
        // The first self-check's result keeps its findings, as an older verdict.
        let result = state.check_results.values().next().unwrap();
        assert_eq!(
            result.verdict,
            Verdict::Older(vec![OlderFinding {
                outcome: "fits-pattern".into(),
                because: vec!["where".into(), "onset".into()],
            }])
        );
    }

    #[test]
    fn newer_and_foreign_stores_are_refused() {
        assert_eq!(
            decode(r#"{"app":"hamstring-rehab","schema":4,"state":{}}"#),
            Err(DecodeError::Newer { schema: 4 })
        );
        assert!(matches!(
            decode(r#"{"app":"other","schema":1,"state":{}}"#),
            Err(DecodeError::Unreadable(_))
        ));
    }
}
