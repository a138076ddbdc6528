//! What a person records, as data: the record types (a day's log in
//! `day.rs`) and `AppState`, which holds one collection per kind of record.
//!
//! Every record carries the time it was last written (`Stamped`), so two tabs
//! or a backup merge per record: the later write wins, nothing else is lost.
//! The kinds are declared once, in `record_kinds!` below; merging
//! (`merge.rs`), re-stamping, pruning and clamping (`records.rs`), storing
//! and salvaging (`codec.rs`) and describing changes (`changes.rs`) follow
//! that one list.

mod changes;
mod clock;
mod codec;
mod compact;
mod day;
mod json;
mod merge;
mod records;

pub use changes::{Changes, Counts};
pub use clock::{Clock, MAX_CLOCK_SKEW_MS};
pub use codec::{decode, encode, encode_part, DecodeError, Decoded, Part, SCHEMA_VERSION};
pub use compact::ARCHIVE_AFTER_DAYS;
pub use day::{DayLog, DayPain, SetKey, Side, EMPTY_DAY, MAX_LOAD_TENTHS, MAX_REPS};
pub use records::{keep_only, Records};

use crate::date::{Day, Month, Weekday};
use crate::phase::Phase;
use crate::selfcheck::{Answers, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A value with the time it was last written: milliseconds since the epoch,
/// from this device's `Clock`, which never goes backwards.
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

/// What a stored value must satisfy beyond its shape: ranges, sizes and
/// names that exist. A record that fails is skipped and counted, never shown.
pub trait Valid {
    fn is_valid(&self) -> bool {
        true
    }
}

/// The largest number on the app's 0–10 scales.
pub const MAX_RATING: u8 = 10;

/// A 0–10 rating.
pub fn is_rating(value: u8) -> bool {
    value <= MAX_RATING
}

impl Valid for u8 {}
impl Valid for u16 {}
/// A cleared number (`None`) is as valid as the number was.
impl<T: Valid> Valid for Option<T> {
    fn is_valid(&self) -> bool {
        self.as_ref().is_none_or(Valid::is_valid)
    }
}
impl Valid for bool {}
impl Valid for Day {}
impl Valid for u64 {}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// The rest between sets (the source says 15 seconds after a split-squat set). 0 turns it off.
    pub rest_secs: u32,
    /// Standing-break interval on desk days; the source says 15–20 minutes.
    pub break_minutes: u32,
    /// `None` follows the browser's locale.
    pub week_start: Option<Weekday>,
}

impl Settings {
    pub const REST_SECS: std::ops::RangeInclusive<u32> = 0..=600;
    pub const BREAK_MINUTES: std::ops::RangeInclusive<u32> = 5..=120;
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rest_secs: 15,
            break_minutes: 20,
            week_start: None,
        }
    }
}

impl Valid for Settings {
    fn is_valid(&self) -> bool {
        Settings::REST_SECS.contains(&self.rest_secs)
            && Settings::BREAK_MINUTES.contains(&self.break_minutes)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    pub phase: Phase,
    /// The day the current phase began.
    pub since: Day,
}

impl Valid for Programme {}
impl Valid for Phase {}

/// A weekly symptom score of the project's own: three 0–10 ratings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SymptomScore {
    pub sitting: u8,
    pub activity: u8,
    pub morning_after: u8,
}

impl Valid for SymptomScore {
    fn is_valid(&self) -> bool {
        [self.sitting, self.activity, self.morning_after]
            .into_iter()
            .all(is_rating)
    }
}

/// Single-leg bridge repetitions on each side, and pain at rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrengthCheck {
    pub left: u16,
    pub right: u16,
    pub pain_at_rest: bool,
}

impl StrengthCheck {
    /// Most single-leg bridge repetitions a side can log.
    pub const MAX_BRIDGE_REPS: u16 = 999;
}

impl Valid for StrengthCheck {
    fn is_valid(&self) -> bool {
        self.left <= StrengthCheck::MAX_BRIDGE_REPS && self.right <= StrengthCheck::MAX_BRIDGE_REPS
    }
}

/// A light run in phase 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunEntry {
    pub minutes: u16,
    pub pain_now: u8,
    pub pain_next_morning: Option<u8>,
}

impl RunEntry {
    pub const MINUTES: std::ops::RangeInclusive<u16> = 1..=600;
}

impl Valid for RunEntry {
    fn is_valid(&self) -> bool {
        RunEntry::MINUTES.contains(&self.minutes)
            && is_rating(self.pain_now)
            && self.pain_next_morning.is_none_or(is_rating)
    }
}

/// Bounds on stored text, so damage cannot grow the store without limit.
pub const MAX_ID_CHARS: usize = 64;
pub const MAX_ANSWERS: usize = 64;

fn is_short_id(text: &str) -> bool {
    !text.is_empty() && text.len() <= MAX_ID_CHARS
}

/// A self-check's answers: a bounded number of short ids.
fn answers_are_bounded(answers: &Answers) -> bool {
    answers.len() <= MAX_ANSWERS
        && answers.iter().all(|(q, chosen)| {
            is_short_id(q) && chosen.len() <= 8 && chosen.iter().all(|c| is_short_id(c))
        })
}

impl Valid for Answers {
    fn is_valid(&self) -> bool {
        answers_are_bounded(self)
    }
}

/// A finished self-check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    pub day: Day,
    pub answers: Answers,
    pub verdict: Verdict,
}

impl Valid for CheckResult {
    fn is_valid(&self) -> bool {
        // Every text in a verdict is an id: a longer one is damage.
        let reasons_bounded = match &self.verdict {
            Verdict::Triage(triage) => {
                triage.reasons.len() + triage.also.len() <= MAX_ANSWERS
                    && triage
                        .reasons
                        .iter()
                        .chain(&triage.also)
                        .all(|r| is_short_id(&r.question) && is_short_id(&r.choice))
            }
            Verdict::Older(findings) => {
                findings.len() <= MAX_ANSWERS
                    && findings.iter().all(|finding| {
                        is_short_id(&finding.outcome)
                            && finding.because.len() <= MAX_ANSWERS
                            && finding.because.iter().all(|id| is_short_id(id))
                    })
            }
        };
        answers_are_bounded(&self.answers) && reasons_bounded
    }
}

/// Everything a person records. In the web app it sits in a reactive store
/// (feature `reactive`), where a tick wakes only what reads that day.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "reactive", derive(reactive_stores::Store))]
pub struct AppState {
    /// Records written before this time were deleted by "Delete all my data".
    pub reset_at: u64,
    pub settings: Option<Stamped<Settings>>,
    pub programme: Option<Stamped<Programme>>,
    /// The self-check in progress, so a reload resumes it.
    pub check_draft: Option<Stamped<Answers>>,
    /// Finished self-checks, keyed by the time they were finished.
    pub check_results: BTreeMap<u64, Stamped<CheckResult>>,
    /// When the last backup file was downloaded.
    pub last_backup: Option<Stamped<Day>>,
    /// The self-check result (by the time it was finished) after which the
    /// person said they had been seen by a clinician.
    pub been_seen: Option<Stamped<u64>>,
    /// Each phase by the day it began, so a past day shows its own phase.
    pub phase_history: BTreeMap<Day, Stamped<Phase>>,
    #[cfg_attr(feature = "reactive", store(key: Day = |(day, _)| *day))]
    pub days: BTreeMap<Day, DayLog>,
    pub symptom_scores: BTreeMap<Day, Stamped<SymptomScore>>,
    pub strength_checks: BTreeMap<Day, Stamped<StrengthCheck>>,
    pub runs: BTreeMap<Day, Stamped<RunEntry>>,
    /// The months stored under their own keys, as the main key names them:
    /// where a browser will not list its keys, these are read by name. Not a
    /// record (not counted, stamped or backed up); it only grows, since a
    /// month named but no longer stored reads as nothing.
    pub month_index: BTreeSet<Month>,
}

/// The day logs, by day: what the week and pain rules read.
pub type Days = BTreeMap<Day, DayLog>;
/// The runs, by day.
pub type Runs = BTreeMap<Day, Stamped<RunEntry>>;
/// The strength checks, by day.
pub type StrengthChecks = BTreeMap<Day, Stamped<StrengthCheck>>;
/// Finished self-checks, by the time each was finished.
pub type CheckResults = BTreeMap<u64, Stamped<CheckResult>>;

/// The log of `day`, or an empty one.
pub fn day_log(days: &Days, day: Day) -> &DayLog {
    days.get(&day).unwrap_or(&EMPTY_DAY)
}

/// Every kind of record, once. Kinds listed under `main` are stored together;
/// kinds under `by_day` are keyed by day and stored one month to a key, day
/// logs (`days`) first. A kind with words (`counted as "one" / "many"`) is
/// counted on its own in `Counts`; the rest count as "other".
/// Adding a kind: a field on `AppState` and a line here (and, for a new
/// type of value, a `FromJson` impl in `json.rs` and an `AnyValue` impl in
/// the tests); merging, pruning,
/// re-stamping, clamping, storing, salvaging, counting, the store's patch and
/// the property tests follow.
macro_rules! record_kinds {
    (
        main: [$($main:ident $(counted as $main_one:literal / $main_many:literal)?),* $(,)?],
        by_day: [days $(, $day:ident $(counted as $day_one:literal / $day_many:literal)?)* $(,)?] $(,)?
    ) => {
        /// The kinds `Counts` counts on their own: (kind, one, many), in
        /// the order they are described.
        const COUNTED_KINDS: &[(&str, &str, &str)] = &[
            $($((stringify!($main), $main_one, $main_many),)?)*
            $($((stringify!($day), $day_one, $day_many),)?)*
        ];

        impl AppState {
            /// Visits each kind with its name.
            pub fn visit(&self, visitor: &mut impl records::Visit) {
                $(visitor.visit(stringify!($main), &self.$main);)*
                visitor.visit("days", &self.days);
                $(visitor.visit(stringify!($day), &self.$day);)*
            }

            pub fn visit_mut(&mut self, visitor: &mut impl records::VisitMut) {
                $(visitor.visit(stringify!($main), &mut self.$main);)*
                visitor.visit("days", &mut self.days);
                $(visitor.visit(stringify!($day), &mut self.$day);)*
            }

            /// Visits each kind of `self` beside the same kind of `other`.
            pub fn visit_pair(&mut self, other: &AppState, visitor: &mut impl records::VisitPair) {
                $(visitor.visit(stringify!($main), &mut self.$main, &other.$main);)*
                visitor.visit("days", &mut self.days, &other.days);
                $(visitor.visit(stringify!($day), &mut self.$day, &other.$day);)*
            }

            /// The records of `self` that are stored in `part`.
            pub fn part(&self, part: &Part) -> AppState {
                match part {
                    Part::Main => AppState {
                        reset_at: self.reset_at,
                        month_index: self.month_index.clone(),
                        $($main: self.$main.clone(),)*
                        ..AppState::default()
                    },
                    Part::Month(month) => AppState {
                        days: records::month_of(&self.days, *month),
                        $($day: records::month_of(&self.$day, *month),)*
                        ..AppState::default()
                    },
                }
            }

            /// The months that hold records of the by-day kinds.
            pub fn months(&self) -> BTreeSet<Month> {
                let mut months = BTreeSet::new();
                months.extend(self.days.keys().map(|day| day.month()));
                $(months.extend(self.$day.keys().map(|day| day.month()));)*
                months
            }

            /// True when `self` holds day logs and nothing else, not even a
            /// deletion: merging it in can then go day by day.
            pub fn holds_only_days(&self) -> bool {
                self.reset_at == 0
                    $(&& self.$main == Default::default())*
                    $(&& self.$day.is_empty())*
            }

            /// Any state: each kind drawn by its type's `AnyRecords`, no
            /// deletion.
            #[cfg(test)]
            pub(crate) fn any_records() -> proptest::strategy::BoxedStrategy<AppState> {
                use proptest::strategy::{Just, Strategy};
                let state = Just(AppState::default()).boxed();
                $(let state = tests::with_any(state, |state, records| state.$main = records);)*
                let state = tests::with_any(state, |state, records| state.days = records);
                $(let state = tests::with_any(state, |state, records| state.$day = records);)*
                state
            }
        }
    };
}

record_kinds! {
    main: [
        settings,
        programme,
        check_draft,
        check_results counted as "self-check result" / "self-check results",
        last_backup,
        been_seen,
        phase_history,
    ],
    by_day: [
        days,
        symptom_scores counted as "symptom score" / "symptom scores",
        strength_checks counted as "strength check" / "strength checks",
        runs counted as "run" / "runs",
    ],
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

    /// The phase a day was in: the latest phase begun on or before it (the
    /// current programme is the latest of all); before any, the earliest.
    pub fn phase_on(&self, day: Day) -> Option<Phase> {
        let mut begun: BTreeMap<Day, Phase> = records::map_of(
            self.phase_history
                .iter()
                .map(|(since, phase)| (*since, phase.value)),
        );
        if let Some(programme) = self.programme() {
            begun.insert(programme.since, programme.phase);
        }
        begun
            .range(..=day)
            .next_back()
            .or_else(|| begun.iter().next())
            .map(|(_, phase)| *phase)
    }

    /// The day the phase of `day` began: the latest phase begun on or
    /// before it, or without one the current programme's start.
    pub fn phase_began(&self, day: Day) -> Option<Day> {
        self.phase_history
            .range(..=day)
            .next_back()
            .map(|(since, _)| *since)
            .or(self.programme().map(|p| p.since))
    }

    /// A day's log, or an empty one; borrowed, since reactive views read it
    /// on every change.
    pub fn day(&self, day: Day) -> &DayLog {
        day_log(&self.days, day)
    }

    /// Every part that holds records: each month, then the main key.
    pub fn parts(&self) -> Vec<Part> {
        let mut parts: Vec<Part> = self.months().into_iter().map(Part::Month).collect();
        parts.push(Part::Main);
        parts
    }

    /// Names in the index every month among `parts` that holds records here.
    /// True when the index grew: the main key must then be written before
    /// those months' keys, so no stored month is ever missing from it.
    pub fn index_months(&mut self, parts: &[Part]) -> bool {
        let held = self.months();
        let before = self.month_index.len();
        self.month_index
            .extend(parts.iter().filter_map(|part| match part {
                Part::Month(month) if held.contains(month) => Some(*month),
                _ => None,
            }));
        self.month_index.len() > before
    }

    /// The month keys worth reading where storage cannot list its keys:
    /// those the index names and those of records held here.
    pub fn known_months(&self) -> BTreeSet<Month> {
        let mut months = self.months();
        months.extend(&self.month_index);
        months
    }

    /// True when nothing has been recorded at all.
    pub fn is_empty(&self) -> bool {
        self.record_count() == 0
    }
}

#[cfg(test)]
pub(crate) mod tests;
