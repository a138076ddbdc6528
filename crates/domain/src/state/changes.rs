//! What a state holds, and what changes between two states, in counts a
//! person can check: "adds 8 training days (16 sets); removes nothing".

use super::records::{Records, Visit};
use super::{AppState, DayLog, COUNTED_KINDS};
use hamstring_content::plural;
use std::collections::BTreeMap;

/// Records by the kind a person thinks in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub training_days: usize,
    pub sets: usize,
    pub pain_ratings: usize,
    pub reps: usize,
    /// Each kind `record_kinds!` counts on its own, in `COUNTED_KINDS` order.
    kinds: [usize; COUNTED_KINDS.len()],
    /// Settings, the programme, a check in progress and the like.
    pub other: usize,
}

impl Counts {
    /// What `state` holds.
    pub fn of(state: &AppState) -> Counts {
        Changes::between(&AppState::default(), state).added
    }

    pub fn total(&self) -> usize {
        self.sets + self.pain_ratings + self.reps + self.kinds.iter().sum::<usize>() + self.other
    }

    pub fn is_empty(&self) -> bool {
        self.total() == 0 && self.training_days == 0
    }

    /// "8 training days (16 sets, 2 pain ratings), 1 self-check result", or
    /// `nothing` when there is nothing to say.
    pub fn describe(&self, nothing: &str) -> String {
        let mut day_parts = Vec::new();
        if self.sets > 0 {
            day_parts.push(plural(self.sets, "set", "sets"));
        }
        if self.pain_ratings > 0 {
            day_parts.push(plural(self.pain_ratings, "pain rating", "pain ratings"));
        }
        if self.reps > 0 {
            day_parts.push(plural(self.reps, "reps entry", "reps entries"));
        }
        let mut parts = Vec::new();
        if self.training_days > 0 {
            let days = plural(self.training_days, "training day", "training days");
            if day_parts.is_empty() {
                parts.push(days);
            } else {
                parts.push(format!("{days} ({})", day_parts.join(", ")));
            }
        } else {
            parts.extend(day_parts);
        }
        let kinds = COUNTED_KINDS
            .iter()
            .zip(self.kinds)
            .map(|(&(_, one, many), count)| (count, one, many));
        let other = (
            self.other,
            "setting or other record",
            "settings and other records",
        );
        for (count, one, many) in kinds.chain([other]) {
            if count > 0 {
                parts.push(plural(count, one, many));
            }
        }
        if parts.is_empty() {
            nothing.to_string()
        } else {
            parts.join(", ")
        }
    }

    fn add(&mut self, kind: &str, key: &str) {
        let counted = COUNTED_KINDS.iter().position(|&(name, ..)| name == kind);
        let slot = match (kind, counted) {
            ("days", _) if key.contains("/set/") => &mut self.sets,
            ("days", _) if key.contains("/reps/") => &mut self.reps,
            ("days", _) => &mut self.pain_ratings,
            (_, Some(index)) => &mut self.kinds[index],
            (_, None) => &mut self.other,
        };
        *slot += 1;
    }
}

/// What an operation adds, changes and removes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Changes {
    pub added: Counts,
    pub changed: Counts,
    pub removed: Counts,
}

/// Every record by kind and key, with its value as JSON. A set marked "not
/// done" is no tick, as a person counts: unticking removes a set, ticking
/// it again adds one; so is a cleared number of reps or weight.
struct Collect(BTreeMap<(&'static str, String), String>);

impl Visit for Collect {
    fn visit<R: Records>(&mut self, name: &'static str, records: &R) {
        records.for_each_record(&mut |key, _, value| {
            let untick =
                name == "days" && ((key.contains("/set/") && value == "false") || value == "null");
            if !untick {
                self.0.insert((name, key), value);
            }
        });
    }
}

impl Changes {
    pub fn between(before: &AppState, after: &AppState) -> Changes {
        let collect = |state: &AppState| {
            let mut all = Collect(BTreeMap::new());
            state.visit(&mut all);
            all.0
        };
        let (old, new) = (collect(before), collect(after));
        let mut changes = Changes::default();
        for ((kind, key), value) in &new {
            match old.get(&(*kind, key.clone())) {
                None => changes.added.add(kind, key),
                Some(previous) if previous != value => changes.changed.add(kind, key),
                Some(_) => {}
            }
        }
        for (kind, key) in old.keys() {
            if !new.contains_key(&(*kind, key.clone())) {
                changes.removed.add(kind, key);
            }
        }
        let was_trained = |state: &AppState, day| state.days.get(day).is_some_and(DayLog::trained);
        changes.added.training_days = after
            .days
            .keys()
            .filter(|d| !was_trained(before, d) && was_trained(after, d))
            .count();
        changes.removed.training_days = before
            .days
            .keys()
            .filter(|d| was_trained(before, d) && !was_trained(after, d))
            .count();
        changes
    }

    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }

    /// What an operation did, naming only what happened: "added 4 training
    /// days (8 sets); changed 1 pain rating", or "changed nothing".
    pub fn describe_done(&self) -> String {
        let parts: Vec<String> = [
            ("added", &self.added),
            ("changed", &self.changed),
            ("removed", &self.removed),
        ]
        .into_iter()
        .filter(|(_, counts)| !counts.is_empty())
        .map(|(verb, counts)| format!("{verb} {}", counts.describe("nothing")))
        .collect();
        if parts.is_empty() {
            "changed nothing".to_string()
        } else {
            parts.join("; ")
        }
    }

    /// "adds 8 training days (16 sets); changes nothing; removes nothing".
    pub fn describe(&self) -> String {
        format!(
            "adds {}; changes {}; removes {}",
            self.added.describe("nothing"),
            self.changed.describe("nothing"),
            self.removed.describe("nothing")
        )
    }
}
