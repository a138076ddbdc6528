//! Pieces of UI that more than one page uses. Components read the store
//! narrowly and dispatch through it; none imports a page.

pub mod chart;
pub mod exercise;
pub mod install;
pub mod shell;
pub mod standing;
pub mod timer;
pub mod widgets;
