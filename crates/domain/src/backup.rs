//! Backup files: what an export holds, and checking an import before it
//! touches anything.

use crate::date::Day;
use crate::state::{decode, encode, AppState, Changes, Counts, DecodeError, MAX_CLOCK_SKEW_MS};
use serde_json::Value;

/// Larger files are refused before parsing: years of records are far smaller.
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;

pub fn file_name(today: Day) -> String {
    format!("hamstring-rehab-backup-{today}.json")
}

/// Suggest a fresh backup after this many days.
pub const BACKUP_NUDGE_DAYS: i32 = 14;

/// Whether to suggest a backup on `today`: there are records, and none was
/// ever downloaded or the last was two weeks ago or more. Given the two
/// facts rather than the state, so a view can wake on those alone.
pub fn backup_due(anything_recorded: bool, last_backup: Option<Day>, today: Day) -> bool {
    anything_recorded && last_backup.is_none_or(|d| today.days_since(d) >= BACKUP_NUDGE_DAYS)
}

/// A checked import, ready to merge or replace.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub state: AppState,
    pub counts: Counts,
    /// Damaged records that will be left out.
    pub skipped: usize,
    /// Records dated in the future (a device clock that was wrong), taken
    /// in as written now.
    pub clamped: usize,
}

/// Checks a backup file's text. Nothing is changed here: the caller applies
/// the result only after the person confirms. A file with no readable record
/// is refused, so it can never replace what this device holds.
pub fn check_import(text: &str, now: u64) -> Result<Import, String> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(format!(
            "This file is too large to be a Hamstring Rehab backup ({} KB; backups are well under {} KB). Your current data has not been changed.",
            text.len() / 1024,
            MAX_IMPORT_BYTES / 1024
        ));
    }
    let decoded = match decode(text) {
        Ok(decoded) => decoded,
        Err(DecodeError::Newer { schema }) => return Err(format!(
            "This backup was made by a newer version of the app (data version {schema}). Reload the app to update it, then import again. Your current data has not been changed."
        )),
        Err(DecodeError::Unreadable(why)) => return Err(format!(
            "This file cannot be imported: {why}. Your current data has not been changed."
        )),
    };
    let mut state = decoded.state;
    // A file's index names months of another device's storage.
    state.month_index.clear();
    let clamped = state.clamp_future(now + MAX_CLOCK_SKEW_MS, now);
    if state.is_empty() {
        return Err(if decoded.dropped > 0 {
            format!("Every record in this file is damaged ({} records), so there is nothing to import. Your current data has not been changed.", decoded.dropped)
        } else {
            "This backup holds no records, so there is nothing to import. Your current data has not been changed.".to_string()
        });
    }
    Ok(Import {
        counts: Counts::of(&state),
        state,
        skipped: decoded.dropped,
        clamped,
    })
}

/// What restoring a checked backup would do on this device, for its
/// preview: the backup's counts are said once ("This backup holds …"), and
/// each choice says only what differs from that.
#[derive(Debug, Clone, PartialEq)]
pub struct RestorePlan {
    /// Nothing is recorded here: restoring only adds, so there is no choice
    /// between merging and replacing (both would end the same).
    pub device_empty: bool,
    pub merging: Changes,
    /// The backup's "not done" marks newer than a tick here, which a merge ignores.
    pub unticks: usize,
    pub replacing: Changes,
    /// A merge would add every record the backup holds, none already here.
    merge_adds_all: bool,
}

impl RestorePlan {
    pub fn new(local: &AppState, import: &Import) -> RestorePlan {
        let merging = Changes::between(local, &local.merge_import(&import.state));
        let unticks = local.import_unticks(&import.state);
        RestorePlan {
            device_empty: local.is_empty(),
            merge_adds_all: unticks == 0
                && merging.changed.is_empty()
                && merging.added == import.counts,
            merging,
            unticks,
            replacing: Changes::between(local, &import.state),
        }
    }

    /// Merging would change nothing: everything in the backup is here.
    pub fn merge_changes_nothing(&self) -> bool {
        self.merging.is_empty()
    }

    /// What "Merge" does, after its name: " keeps every record on this
    /// device and adds everything in the backup."
    pub fn merge_text(&self) -> String {
        let mut text = if self.merge_adds_all {
            " keeps every record on this device and adds everything in the backup.".to_string()
        } else {
            format!(
                " keeps every record on this device and adds {}.",
                self.merging.added.describe("nothing")
            )
        };
        if !self.merging.changed.is_empty() {
            text.push_str(&format!(
                " Where both hold the same record, the later entry is kept: that changes {}.",
                self.merging.changed.describe("nothing")
            ));
        }
        if self.unticks > 0 {
            text.push(' ');
            text.push_str(&unticks_ignored(self.unticks));
        }
        text
    }

    /// What "Replace" does, after its name: what it would take away, since
    /// what it brings is the backup, counted above.
    pub fn replace_text(&self) -> String {
        let Changes {
            changed, removed, ..
        } = &self.replacing;
        let mut lost = Vec::new();
        if !removed.is_empty() {
            lost.push(format!(
                "removes {} that only this device holds",
                removed.describe("nothing")
            ));
        }
        if !changed.is_empty() {
            lost.push(format!(
                "changes {} to the backup's entries",
                changed.describe("nothing")
            ));
        }
        let what = if lost.is_empty() {
            ": nothing on this device is lost.".to_string()
        } else {
            format!(": it {}.", lost.join(" and "))
        };
        format!(" makes this device match the backup{what} You can undo it: a copy of your data from before is kept.")
    }
}

/// A merge's note on the backup's newer "not done" marks it ignores.
pub fn unticks_ignored(count: usize) -> String {
    if count == 1 {
        "1 set ticked here is marked \"not done\" in the backup: a merge leaves it ticked.".into()
    } else {
        format!("{count} sets ticked here are marked \"not done\" in the backup: a merge leaves them ticked.")
    }
}

/// Whether the backup file holds every record of the device after it was
/// restored (on an empty device, by a replace, or by a merge that found
/// nothing of its own here): then the person holds a full copy, as good as
/// a backup made now, and nothing should ask them to make one.
pub fn file_covers(file: &AppState, device: &AppState) -> bool {
    let without_backup_time = |state: &AppState| AppState {
        last_backup: None,
        ..state.clone()
    };
    let extra = Changes::between(&without_backup_time(file), &without_backup_time(device));
    extra.added.is_empty() && extra.changed.is_empty()
}

/// What a "Replace" replaced, kept so it can be undone.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoCopy {
    pub state: AppState,
    /// When the copy was taken (copies kept by earlier versions have none).
    pub taken_at: Option<u64>,
    /// The stamp of the replace that followed: while nothing has been
    /// written since, the store's latest stamp is exactly this.
    pub replaced_at: u64,
}

impl UndoCopy {
    /// The copy to keep before a replace stamped `stamp`. While nothing was
    /// written since the last replace, the copy already kept stays: a run of
    /// replaces undoes to the state before the first of them.
    pub fn before_replace(
        kept: Option<UndoCopy>,
        current: &AppState,
        now: u64,
        stamp: u64,
    ) -> UndoCopy {
        match kept {
            Some(kept) if kept.replaced_at == current.max_stamp() => UndoCopy {
                replaced_at: stamp,
                ..kept
            },
            _ => UndoCopy {
                state: current.clone(),
                taken_at: Some(now),
                replaced_at: stamp,
            },
        }
    }

    /// A backup file's envelope with the two times beside it.
    pub fn encode(&self, today: Day) -> String {
        let mut envelope: serde_json::Map<String, Value> =
            serde_json::from_str(&encode(&self.state, today))
                .expect("an encoded state is a JSON object");
        if let Some(taken_at) = self.taken_at {
            envelope.insert("taken_at".into(), taken_at.into());
        }
        envelope.insert("replaced_at".into(), self.replaced_at.into());
        Value::Object(envelope).to_string()
    }

    pub fn decode(text: &str) -> Option<UndoCopy> {
        let state = decode(text).ok()?.state;
        let envelope: Value = serde_json::from_str(text).ok()?;
        let time = |name: &str| envelope.get(name).and_then(Value::as_u64);
        Some(UndoCopy {
            state,
            taken_at: time("taken_at"),
            replaced_at: time("replaced_at").unwrap_or(0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{encode, Stamped};

    const NOW: u64 = 1_800_000_000_000;

    #[test]
    fn names_carry_the_date() {
        let day = Day::parse("2026-11-25").unwrap();
        assert_eq!(file_name(day), "hamstring-rehab-backup-2026-11-25.json");
    }

    #[test]
    fn garbage_foreign_empty_damaged_and_oversized_files_are_refused() {
        for bad in [
            "",
            "not json",
            "[1,2,3]",
            r#"{"some":"other app"}"#,
            r#"{"app":"hamstring-rehab"}"#,
            r#"{"app":"hamstring-rehab","schema":1}"#,
            r#"{"app":"hamstring-rehab","schema":3,"state":{}}"#,
        ] {
            assert!(check_import(bad, NOW).is_err(), "{bad}");
        }
        let damaged = r#"{"app":"hamstring-rehab","schema":2,"state":{"days":{"2026-11-20":{"sets":{"nope:1":{"at":1,"value":true}},"pain_after":{"at":1,"value":200}}}}}"#;
        assert!(check_import(damaged, NOW)
            .unwrap_err()
            .contains("Every record in this file is damaged (2 records)"));
        let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(MAX_IMPORT_BYTES));
        assert!(check_import(&huge, NOW).unwrap_err().contains("too large"));
        let deep = "[".repeat(100_000);
        assert!(check_import(&deep, NOW).is_err());
        let newer = r#"{"app":"hamstring-rehab","schema":99,"state":{}}"#;
        assert!(check_import(newer, NOW)
            .unwrap_err()
            .contains("newer version"));
    }

    #[test]
    fn a_valid_backup_is_described_and_future_stamps_are_clamped() {
        let mut state = AppState::default();
        let day = Day::parse("2026-11-20").unwrap();
        state.days.entry(day).or_default().sets.insert(
            "glute-bridge:1".parse().unwrap(),
            Stamped::new(4_102_444_800_000, true),
        );
        let import = check_import(&encode(&state, day), NOW).unwrap();
        assert_eq!(import.counts.describe("nothing"), "1 training day (1 set)");
        assert_eq!(import.skipped, 0);
        assert_eq!(import.clamped, 1);
        assert_eq!(import.state.max_stamp(), NOW);
    }

    fn days(days: &[i32]) -> AppState {
        let mut state = AppState::default();
        for day in days {
            let log = state.days.entry(Day(20_400 + day)).or_default();
            for key in ["glute-bridge:1", "foam-roll:1"] {
                log.sets.insert(key.parse().unwrap(), Stamped::new(5, true));
            }
        }
        state
    }

    fn import(state: &AppState) -> Import {
        check_import(&encode(state, Day(20_450)), NOW).unwrap()
    }

    #[test]
    fn a_backup_is_suggested_for_records_never_backed_up_or_not_for_two_weeks() {
        let today = Day(20_450);
        let backup_due = |state: &AppState, today| {
            backup_due(
                !state.is_empty(),
                state.last_backup.as_ref().map(|b| b.value),
                today,
            )
        };
        assert!(!backup_due(&AppState::default(), today));
        let mut state = days(&[1]);
        assert!(backup_due(&state, today));
        let backed_up = |state: &mut AppState, day: Day| {
            state.last_backup = Some(Stamped::new(6, day));
        };
        backed_up(&mut state, today.plus(1 - BACKUP_NUDGE_DAYS));
        assert!(!backup_due(&state, today));
        backed_up(&mut state, today.plus(-BACKUP_NUDGE_DAYS));
        assert!(backup_due(&state, today));
    }

    #[test]
    fn an_empty_device_has_one_way_to_restore_and_the_counts_are_said_once() {
        let backup = import(&days(&[1, 2, 3]));
        let plan = RestorePlan::new(&AppState::default(), &backup);
        assert!(plan.device_empty);
        let counts = backup.counts.describe("nothing");
        assert_eq!(counts, "3 training days (6 sets)");
        assert_eq!(
            plan.merge_text(),
            " keeps every record on this device and adds everything in the backup."
        );
        assert!(
            !plan.replace_text().contains(&counts),
            "{}",
            plan.replace_text()
        );
        // A device that deleted everything is empty too.
        let mut deleted = days(&[9]);
        deleted.drop_before(10);
        deleted.reset_at = 10;
        assert!(RestorePlan::new(&deleted, &backup).device_empty);
    }

    #[test]
    fn on_a_device_with_data_each_choice_says_what_differs_from_the_backup() {
        let device = days(&[1, 2]);
        // All new: both choices bring the backup; only Replace takes away.
        let plan = RestorePlan::new(&device, &import(&days(&[5])));
        assert!(!plan.device_empty);
        assert_eq!(
            plan.merge_text(),
            " keeps every record on this device and adds everything in the backup."
        );
        assert_eq!(plan.replace_text(), " makes this device match the backup: it removes 2 training days (4 sets) that only this device holds. You can undo it: a copy of your data from before is kept.");
        // Overlapping: Merge names what it adds; Replace loses nothing.
        let plan = RestorePlan::new(&device, &import(&days(&[1, 2, 3])));
        assert_eq!(
            plan.merge_text(),
            " keeps every record on this device and adds 1 training day (2 sets)."
        );
        assert_eq!(plan.replace_text(), " makes this device match the backup: nothing on this device is lost. You can undo it: a copy of your data from before is kept.");
        // Already here: nothing to merge.
        assert!(RestorePlan::new(&device, &import(&device)).merge_changes_nothing());
    }

    #[test]
    fn a_restore_counts_as_a_backup_only_when_the_file_holds_everything_here() {
        let file = days(&[1, 2]);
        assert!(file_covers(&file, &AppState::default().merge_import(&file)));
        assert!(file_covers(&file, &file.clone().as_replacement(NOW)));
        // A merge into a device with records of its own: those are in no file.
        let device = days(&[7]).merge_import(&file);
        assert!(!file_covers(&file, &device));
        // A record entered here differently from the file: not in it either.
        let mut file_pain = file.clone();
        let day = *file_pain.days.keys().next().unwrap();
        file_pain.days.get_mut(&day).unwrap().pain_after = Some(Stamped::new(5, 2));
        let mut device_pain = file_pain.clone();
        device_pain.days.get_mut(&day).unwrap().pain_after = Some(Stamped::new(6, 4));
        assert!(!file_covers(&file_pain, &device_pain));
        // The time of the last backup itself does not count.
        let mut stamped = file.clone();
        stamped.last_backup = Some(Stamped::new(9, Day(20_401)));
        assert!(file_covers(&file, &stamped));
    }
}
