//! One day of the routine: which set a tick is for (`SetKey`), and what
//! the day holds (`DayLog`).

use super::Stamped;
use hamstring_content::exercises::ExerciseId;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// Which leg a per-side set was done on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Side {
    Left,
    Right,
}

/// One tick target: set `set` (from 1) of an exercise, on one side where the
/// dose is per side. Stored as a compact string key such as `glute-bridge:1`
/// or `bulgarian-split-squat:1:L`, so it can key a JSON object. Only keys the
/// catalogue's doses can produce parse.
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
        let dose = exercise.info().dose;
        let fits_dose = (1..=dose.sets_max).contains(&set) && side.is_some() == dose.per_side;
        if !fits_dose || parts.next().is_some() {
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

/// Most repetitions a set can log.
pub const MAX_REPS: u8 = 99;

/// What was recorded on one day of the routine.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DayLog {
    /// `true` = done; `false` keeps an undo so a merge cannot revive the tick.
    pub sets: BTreeMap<SetKey, Stamped<bool>>,
    /// Optional repetitions done, per set; `None` once cleared, kept (like
    /// a set's `false`) so that a merge cannot bring the old number back.
    pub reps: BTreeMap<SetKey, Stamped<Option<u8>>>,
    /// The weight used, in tenths of a kilogram, per loaded exercise;
    /// `None` once cleared, as for reps.
    pub loads: BTreeMap<ExerciseId, Stamped<Option<u16>>>,
    /// Pain 0–10 before the session: the baseline the morning is held to.
    pub pain_before: Option<Stamped<u8>>,
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

/// A day with no records, to lend out where a day has none (a static, so
/// reactive views can borrow it on every change).
pub static EMPTY_DAY: DayLog = DayLog {
    sets: BTreeMap::new(),
    reps: BTreeMap::new(),
    loads: BTreeMap::new(),
    pain_before: None,
    pain_after: None,
    pain_next_morning: None,
    snapshot_at: 0,
};

/// The pain ratings a day holds, by when the pain was felt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPain {
    Before,
    After,
    NextMorning,
}

/// The heaviest load a day can log, in tenths of a kilogram.
pub const MAX_LOAD_TENTHS: u16 = 2000;

/// Stored reps that make sense: cleared, or up to `MAX_REPS`.
pub(super) fn reps_fit(reps: Option<u8>) -> bool {
    reps.is_none_or(|n| n <= MAX_REPS)
}

/// A stored weight that makes sense: cleared, or up to `MAX_LOAD_TENTHS`.
pub(super) fn load_fits(load: Option<u16>) -> bool {
    load.is_none_or(|n| n <= MAX_LOAD_TENTHS)
}

impl DayLog {
    pub fn is_done(&self, key: SetKey) -> bool {
        self.sets.get(&key).is_some_and(|tick| tick.value)
    }

    pub fn done_count(&self) -> usize {
        self.sets.values().filter(|tick| tick.value).count()
    }

    /// A day counts as a training day once any set was ticked.
    pub fn trained(&self) -> bool {
        self.done_count() > 0
    }

    /// The reps done in set `key`, unless none are logged (or they were cleared).
    pub fn reps_done(&self, key: SetKey) -> Option<u8> {
        self.reps.get(&key).and_then(|reps| reps.value)
    }

    /// The weight used for `exercise`, in tenths of a kilogram, unless none
    /// is logged (or it was cleared).
    pub fn load(&self, exercise: ExerciseId) -> Option<u16> {
        self.loads.get(&exercise).and_then(|load| load.value)
    }

    pub fn pain(&self, which: DayPain) -> Option<u8> {
        self.pain_slot(which).as_ref().map(|rating| rating.value)
    }

    pub fn rate_pain(&mut self, which: DayPain, at: u64, value: u8) {
        *self.pain_slot_mut(which) = Some(Stamped::new(at, value));
    }

    fn pain_slot(&self, which: DayPain) -> &Option<Stamped<u8>> {
        match which {
            DayPain::Before => &self.pain_before,
            DayPain::After => &self.pain_after,
            DayPain::NextMorning => &self.pain_next_morning,
        }
    }

    fn pain_slot_mut(&mut self, which: DayPain) -> &mut Option<Stamped<u8>> {
        match which {
            DayPain::Before => &mut self.pain_before,
            DayPain::After => &mut self.pain_after,
            DayPain::NextMorning => &mut self.pain_next_morning,
        }
    }

    pub fn has_records(&self) -> bool {
        !self.sets.is_empty()
            || !self.reps.is_empty()
            || !self.loads.is_empty()
            || self.pain_before.is_some()
            || self.pain_after.is_some()
            || self.pain_next_morning.is_some()
    }
}
