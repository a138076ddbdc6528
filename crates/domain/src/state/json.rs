//! Reading stored records from parsed JSON, by hand. serde's derived
//! `Deserialize`, run on a `serde_json::Value`, gave every record type
//! visitors for each form serde accepts: reading stored text was 71 KB of
//! the routine's 841 KB of wasm. These read the one form this app writes,
//! as serde reads it (10 KB less brotli for each page that keeps records):
//! unknown fields are ignored, a missing or `null` `Option` is `None`,
//! anything else that does not fit is no value, and the record is then
//! skipped and counted. `serde_json_agrees` in the tests holds them to
//! serde's reading.

use super::{
    CheckResult, Programme, RunEntry, SetKey, Settings, Stamped, StrengthCheck, SymptomScore,
};
use crate::date::{Day, Weekday};
use crate::phase::Phase;
use crate::selfcheck::{OlderFinding, Reason, Triage, Verdict};
use hamstring_content::exercises::ExerciseId;
use hamstring_content::selfcheck::Level;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A stored value read from its JSON; `None` when it does not fit.
pub trait FromJson: Sized {
    fn from_json(json: &Value) -> Option<Self>;
}

/// A JSON object whose fields are read as serde reads a struct's.
pub(super) struct Fields<'a>(&'a Map<String, Value>);

impl<'a> Fields<'a> {
    pub(super) fn of(json: &'a Value) -> Option<Fields<'a>> {
        json.as_object().map(Fields)
    }

    pub(super) fn of_map(object: &'a Map<String, Value>) -> Fields<'a> {
        Fields(object)
    }

    /// A field; a missing one reads as `null`, which only an `Option` takes.
    pub(super) fn get<T: FromJson>(&self, name: &str) -> Option<T> {
        T::from_json(self.0.get(name).unwrap_or(&Value::Null))
    }

    /// A map of values, each stamped `at`; empty when missing.
    pub(super) fn stamped_or_default<K: FromKey + Ord, T: FromJson>(
        &self,
        name: &str,
        at: u64,
    ) -> Option<BTreeMap<K, Stamped<T>>> {
        let mut map = BTreeMap::new();
        let Some(json) = self.0.get(name) else {
            return Some(map);
        };
        for (key, value) in json.as_object()? {
            map.insert(K::from_key(key)?, Stamped::new(at, T::from_json(value)?));
        }
        Some(map)
    }

    /// A field that is `T::default()` when missing (serde's `default`).
    pub(super) fn get_or_default<T: FromJson + Default>(&self, name: &str) -> Option<T> {
        self.0.get(name).map_or(Some(T::default()), T::from_json)
    }
}

/// A map key, stored as text.
pub(super) trait FromKey: Sized {
    fn from_key(key: &str) -> Option<Self>;
}

impl FromKey for String {
    fn from_key(key: &str) -> Option<Self> {
        Some(key.to_owned())
    }
}

impl FromKey for SetKey {
    fn from_key(key: &str) -> Option<Self> {
        key.parse().ok()
    }
}

impl FromKey for ExerciseId {
    fn from_key(key: &str) -> Option<Self> {
        ExerciseId::from_slug(key)
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(json: &Value) -> Option<Self> {
                json.as_u64()?.try_into().ok()
            }
        }
    )*};
}
unsigned!(u8, u16, u32, u64);

impl FromJson for bool {
    fn from_json(json: &Value) -> Option<Self> {
        json.as_bool()
    }
}

impl FromJson for String {
    fn from_json(json: &Value) -> Option<Self> {
        json.as_str().map(str::to_owned)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(json: &Value) -> Option<Self> {
        match json {
            Value::Null => Some(None),
            json => T::from_json(json).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(json: &Value) -> Option<Self> {
        json.as_array()?.iter().map(T::from_json).collect()
    }
}

impl<K: FromKey + Ord, V: FromJson> FromJson for BTreeMap<K, V> {
    fn from_json(json: &Value) -> Option<Self> {
        let mut map = BTreeMap::new();
        for (key, value) in json.as_object()? {
            map.insert(K::from_key(key)?, V::from_json(value)?);
        }
        Some(map)
    }
}

impl FromJson for Day {
    fn from_json(json: &Value) -> Option<Self> {
        Day::parse_stored(json.as_str()?)
    }
}

impl FromJson for SetKey {
    fn from_json(json: &Value) -> Option<Self> {
        SetKey::from_key(json.as_str()?)
    }
}

/// The one of `all` stored as `json`: compared in serde's own spelling,
/// so the two cannot drift apart.
fn named<T: Serialize + Copy>(all: &[T], json: &Value) -> Option<T> {
    let name = json.as_str()?;
    all.iter().copied().find(|one| {
        serde_json::to_string(one).is_ok_and(|text| text.get(1..text.len() - 1) == Some(name))
    })
}

impl FromJson for Phase {
    fn from_json(json: &Value) -> Option<Self> {
        named(&Phase::ALL, json)
    }
}

impl FromJson for Weekday {
    fn from_json(json: &Value) -> Option<Self> {
        named(&Weekday::ALL, json)
    }
}

/// Every level of care; `every_level_reads_back` checks the list.
const LEVELS: [Level; 4] = [
    Level::Emergency,
    Level::Urgent,
    Level::Soon,
    Level::SelfCare,
];

impl FromJson for Level {
    fn from_json(json: &Value) -> Option<Self> {
        named(&LEVELS, json)
    }
}

impl<T: FromJson> FromJson for Stamped<T> {
    fn from_json(json: &Value) -> Option<Self> {
        let fields = Fields::of(json)?;
        Some(Stamped::new(fields.get("at")?, fields.get("value")?))
    }
}

/// Structs stored as objects, each field under its own name; every field
/// must read (a missing one reads as `null`, which only an `Option` takes).
macro_rules! fields_by_name {
    ($($t:ident { $($field:ident),+ })*) => {$(
        impl FromJson for $t {
            fn from_json(json: &Value) -> Option<Self> {
                let fields = Fields::of(json)?;
                Some($t { $($field: fields.get(stringify!($field))?),+ })
            }
        }
    )*};
}
fields_by_name! {
    Settings { rest_secs, break_minutes, week_start }
    Programme { phase, since }
    SymptomScore { sitting, activity, morning_after }
    StrengthCheck { left, right, pain_at_rest }
    RunEntry { minutes, pain_now, pain_next_morning }
    CheckResult { day, answers, verdict }
    Triage { level, reasons, also }
    Reason { question, choice }
    OlderFinding { outcome, because }
}

/// As serde stores an enum with data: an object of one field, the variant's.
impl FromJson for Verdict {
    fn from_json(json: &Value) -> Option<Self> {
        let fields = json.as_object()?;
        let (variant, value) = fields.iter().next().filter(|_| fields.len() == 1)?;
        match variant.as_str() {
            "triage" => Triage::from_json(value).map(Verdict::Triage),
            "older" => Vec::from_json(value).map(Verdict::Older),
            _ => None,
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::tests::AnyValue;
    use super::*;
    use proptest::prelude::*;
    use serde::de::DeserializeOwned;
    use std::fmt::Debug;

    /// `json` with one part changed, every way: each value replaced by
    /// each of a few that fit no field or only some, each field of an
    /// object left out, and an unknown field added to each object.
    pub(in super::super) fn mutations(json: &Value) -> Vec<Value> {
        let replacements = [
            Value::Null,
            Value::Bool(true),
            (-1).into(),
            1.5.into(),
            256.into(),
            65_536.into(),
            4_294_967_296u64.into(),
            "".into(),
            "x".into(),
            Value::Array(vec![]),
            Value::Object(Map::new()),
        ];
        let mut out: Vec<Value> = replacements.to_vec();
        match json {
            Value::Object(fields) => {
                let mut widened = fields.clone();
                widened.insert("unknown".into(), 1.into());
                out.push(Value::Object(widened));
                for (name, value) in fields {
                    let mut without = fields.clone();
                    without.remove(name);
                    out.push(Value::Object(without));
                    for changed in mutations(value) {
                        let mut with = fields.clone();
                        with.insert(name.clone(), changed);
                        out.push(Value::Object(with));
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    for changed in mutations(item) {
                        let mut with = items.clone();
                        with[i] = changed;
                        out.push(Value::Array(with));
                    }
                }
            }
            _ => {}
        }
        out
    }

    /// Reading `json` and every change of it by hand gives what serde gives.
    pub(in super::super) fn agrees<T>(json: &Value, by_hand: impl Fn(&Value) -> Option<T>)
    where
        T: DeserializeOwned + PartialEq + Debug,
    {
        assert!(by_hand(json).is_some(), "{json}");
        for changed in std::iter::once(json.clone()).chain(mutations(json)) {
            let by_serde = serde_json::from_value::<T>(changed.clone()).ok();
            assert_eq!(by_hand(&changed), by_serde, "{changed}");
        }
    }

    fn agrees_for<T: FromJson + Serialize + DeserializeOwned + PartialEq + Debug>(
        value: Stamped<T>,
    ) {
        agrees::<Stamped<T>>(&serde_json::to_value(&value).unwrap(), Stamped::from_json);
    }

    proptest! {
        #[test]
        fn serde_json_agrees(
            at in 0u64..u64::MAX,
            settings in Settings::any_value(),
            programme in Programme::any_value(),
            result in CheckResult::any_value(),
            score in SymptomScore::any_value(),
            strength in StrengthCheck::any_value(),
            run in RunEntry::any_value(),
            day in Day::any_value(),
        ) {
            agrees_for(Stamped::new(at, settings));
            agrees_for(Stamped::new(at, programme));
            agrees_for(Stamped::new(at, result.clone()));
            agrees_for(Stamped::new(at, result.answers));
            agrees_for(Stamped::new(at, score));
            agrees_for(Stamped::new(at, strength));
            agrees_for(Stamped::new(at, run));
            agrees_for(Stamped::new(at, day));
            agrees_for(Stamped::new(at, at));
            agrees_for(Stamped::new(at, at % 2 == 0));
            agrees_for(Stamped::new(at, at as u8));
            agrees_for(Stamped::new(at, at as u16));
            for phase in Phase::ALL {
                agrees_for(Stamped::new(at, phase));
            }
        }
    }

    #[test]
    fn every_level_reads_back() {
        use hamstring_content::selfcheck::QUESTIONS;
        let used = QUESTIONS
            .iter()
            .flat_map(|q| q.choices)
            .filter_map(|c| c.flag)
            .map(|flag| flag.level);
        for level in used.chain([Level::SelfCare]) {
            let json = serde_json::to_value(level).unwrap();
            assert_eq!(Level::from_json(&json), Some(level));
        }
    }
}
