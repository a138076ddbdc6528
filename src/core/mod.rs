//! The rules: plain Rust with no browser dependency.
pub mod backup;
pub mod chart;
pub mod date;
pub mod markup;
pub mod prerender;
pub mod routine;
pub mod schedule;
pub mod selfcheck;
pub mod state;
