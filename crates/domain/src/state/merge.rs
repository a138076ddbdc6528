//! Combining copies of the state: two tabs (symmetric, deletions included),
//! a backup taken in (a person's intent: only ever adds), and a replacement.

use super::records::{keep_only, Records, VisitPair};
use super::{AppState, SetKey};

struct MergeFrom;

impl VisitPair for MergeFrom {
    fn visit<R: Records>(&mut self, _: &'static str, mine: &mut R, theirs: &R) {
        mine.merge_from(theirs);
    }
}

impl AppState {
    /// Combines two copies per record: the later write of each record wins,
    /// records only one copy has are kept, and a "Delete all" in either copy
    /// removes what was written before it. Commutative, associative and
    /// idempotent, so tabs that exchange copies in any order agree.
    pub fn merge(&self, other: &AppState) -> AppState {
        let mut merged = self.clone();
        merged.merge_in(other);
        merged
    }

    /// `merge`, in place. Only a newer deletion walks every record held
    /// here, so taking in one month's records costs one month.
    pub fn merge_in(&mut self, other: &AppState) {
        self.month_index.extend(&other.month_index);
        let reset_at = self.reset_at.max(other.reset_at);
        if reset_at > self.reset_at {
            self.drop_before(reset_at);
            self.reset_at = reset_at;
        }
        if reset_at > 0 {
            let mut theirs = other.clone();
            theirs.drop_before(reset_at);
            self.visit_pair(&theirs, &mut MergeFrom);
        } else {
            self.visit_pair(other, &mut MergeFrom);
        }
    }

    /// Takes in a backup file: it only ever adds. Its records fill the gaps
    /// here, and records both hold are settled as between tabs (the later
    /// write wins), except that a set ticked here stays ticked: the
    /// backup's "not done" marks for it are ignored (see `import_unticks`),
    /// and so are its cleared reps and weights.
    /// Its own "Delete all" time is ignored, and a record it holds that this
    /// device deleted earlier is brought back, because choosing the file is
    /// newer intent than the deletion.
    pub fn merge_import(&self, backup: &AppState) -> AppState {
        self.merge(&self.importable(backup).0)
    }

    /// How many of the backup's "not done" marks are newer than a tick here:
    /// a merge ignores them, so it never unticks a set.
    pub fn import_unticks(&self, backup: &AppState) -> usize {
        self.importable(backup).1
    }

    /// The backup as it is merged, and how many newer unticks it lost.
    fn importable(&self, backup: &AppState) -> (AppState, usize) {
        let mut backup = backup.clone();
        // Its index names months of another device's storage.
        backup.month_index.clear();
        let floor = self.reset_at;
        backup.for_each_stamp(|at| *at = (*at).max(floor));
        backup.reset_at = 0;
        let mut ignored = 0;
        for (day, log) in backup.days.iter_mut() {
            // A compact day in a backup stands for its records only: it must
            // not supersede this device's other records of that day.
            log.snapshot_at = 0;
            let mine = self.day(*day);
            let ticked_here = |key: &SetKey| mine.sets.get(key).filter(|tick| tick.value);
            ignored += log
                .sets
                .iter()
                .filter(|(key, theirs)| {
                    !theirs.value && ticked_here(key).is_some_and(|tick| theirs.at > tick.at)
                })
                .count();
            keep_only(&mut log.sets, |key, theirs| {
                theirs.value || ticked_here(key).is_none()
            });
            // Nor does it clear a number kept here: its cleared reps and
            // weights stay out.
            keep_only(&mut log.reps, |_, reps| reps.value.is_some());
            keep_only(&mut log.loads, |_, load| load.value.is_some());
        }
        keep_only(&mut backup.days, |_, log| log.has_records());
        (backup, ignored)
    }

    /// This state as a replacement for everything stored, written at `now`:
    /// every record is re-stamped and older records elsewhere (another tab)
    /// count as deleted, so a later merge cannot bring them back.
    pub fn as_replacement(mut self, now: u64) -> AppState {
        self.for_each_stamp(|at| *at = now);
        self.reset_at = now;
        self
    }

    /// Stamps later than `limit` (written by a device whose clock ran ahead)
    /// are set to `now`, so they can neither freeze a record nor delete
    /// anything. Returns how many were changed.
    pub fn clamp_future(&mut self, limit: u64, now: u64) -> usize {
        let mut clamped = 0;
        self.for_each_stamp(|at| {
            if *at > limit {
                *at = now;
                clamped += 1;
            }
        });
        clamped
    }
}
