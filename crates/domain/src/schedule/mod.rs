//! Schedule and progress maths: the week's sessions, rest days, adherence
//! and streaks (`week`); phase progress, the strength check and more weight
//! (`progress`); the rest and standing-break timers against the source
//! (`timers`).

mod progress;
mod timers;
mod week;

pub use progress::*;
pub use timers::*;
pub use week::*;

#[cfg(test)]
mod testing;
#[cfg(test)]
mod texts;
