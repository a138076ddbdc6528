//! Backup files: what an export holds, and checking an import before it
//! touches anything.

use crate::date::Day;
use crate::state::{decode, encode, AppState, Counts, DecodeError, MAX_CLOCK_SKEW_MS};
use serde_json::Value;

/// Larger files are refused before parsing: years of records are far smaller.
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;

pub fn file_name(today: Day) -> String {
    format!("hamstring-rehab-backup-{today}.json")
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
}
