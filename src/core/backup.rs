//! Backup files: what an export holds, and checking an import before it
//! touches anything.

use crate::core::date::Day;
use crate::core::state::{decode, AppState, DecodeError};

/// Larger files are refused before parsing: years of records are far smaller.
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;

pub fn file_name(today: Day) -> String {
    format!("hamstring-rehab-backup-{today}.json")
}

/// What a state holds, in counts a person can check before importing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Contents {
    pub training_days: usize,
    pub check_results: usize,
    pub symptom_scores: usize,
    pub strength_checks: usize,
    pub runs: usize,
}

impl Contents {
    pub fn of(state: &AppState) -> Contents {
        Contents {
            training_days: state
                .days
                .values()
                .filter(|log| crate::core::routine::trained(log))
                .count(),
            check_results: state.check_results.len(),
            symptom_scores: state.symptom_scores.len(),
            strength_checks: state.strength_checks.len(),
            runs: state.runs.len(),
        }
    }

    pub fn describe(self) -> String {
        format!(
            "{} training days, {} self-check results, {} symptom scores, {} strength checks, {} runs",
            self.training_days, self.check_results, self.symptom_scores, self.strength_checks, self.runs
        )
    }
}

/// A checked import, ready to merge or replace.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub state: AppState,
    pub contents: Contents,
    /// Damaged records that will be left out.
    pub skipped: usize,
}

/// Checks a backup file's text. Nothing is changed here: the caller applies
/// the result only after the person confirms.
pub fn check_import(text: &str) -> Result<Import, String> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(format!(
            "This file is too large to be a Hamstring Rehab backup ({} KB; backups are well under {} KB).",
            text.len() / 1024,
            MAX_IMPORT_BYTES / 1024
        ));
    }
    match decode(text) {
        Ok(decoded) => Ok(Import {
            contents: Contents::of(&decoded.state),
            state: decoded.state,
            skipped: decoded.dropped,
        }),
        Err(DecodeError::Newer { schema }) => Err(format!(
            "This backup was made by a newer version of the app (data version {schema}). Reload the app to update it, then import again."
        )),
        Err(DecodeError::Unreadable(why)) => Err(format!(
            "This file cannot be imported: {why}. Your current data has not been changed."
        )),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::state::encode;

    #[test]
    fn names_carry_the_date() {
        let day = Day::parse("2026-11-25").unwrap();
        assert_eq!(file_name(day), "hamstring-rehab-backup-2026-11-25.json");
    }

    #[test]
    fn garbage_foreign_and_oversized_files_are_refused() {
        for bad in [
            "",
            "not json",
            "[1,2,3]",
            r#"{"some":"other app"}"#,
            r#"{"app":"hamstring-rehab"}"#,
            r#"{"app":"hamstring-rehab","schema":1}"#,
        ] {
            assert!(check_import(bad).is_err(), "{bad}");
        }
        let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(MAX_IMPORT_BYTES));
        assert!(check_import(&huge).unwrap_err().contains("too large"));
        let deep = "[".repeat(100_000);
        assert!(check_import(&deep).is_err());
        let newer = r#"{"app":"hamstring-rehab","schema":99,"state":{}}"#;
        assert!(check_import(newer).unwrap_err().contains("newer version"));
    }

    #[test]
    fn a_valid_backup_is_described() {
        let import = check_import(&encode(&AppState::default(), Day(20_000))).unwrap();
        assert_eq!(import.contents, Contents::default());
        assert_eq!(import.skipped, 0);
        assert!(import.contents.describe().starts_with("0 training days"));
    }
}
