//! Hamstring Rehab's rules, in plain Rust with no browser and no UI: calendar
//! days, the records a person keeps and how copies of them merge and are
//! stored, the programme's phases and schedule, the self-check's triage, and
//! backups. Everything here is tested natively (`cargo test -p hamstring-domain`).
pub mod backup;
pub mod calendar;
pub mod chart;
pub mod date;
pub mod device;
pub mod entry;
pub mod pain;
pub mod phase;
pub mod report;
pub mod routine;
pub mod running;
pub mod schedule;
pub mod selfcheck;
pub mod state;
pub mod today;
