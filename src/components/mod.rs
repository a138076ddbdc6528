//! Pieces of UI that more than one page uses. Components read the store
//! narrowly and dispatch through it; none imports a page.

pub mod chart;
pub mod exercise;
pub mod in_turn;
pub mod install;
pub mod reminders;
pub mod runs;
pub mod shell;
pub mod slot;
pub mod standing;
pub mod summary;
pub mod timer;
pub mod widgets;
