//! Stamps that never go backwards on a device: a hybrid logical clock.
//!
//! A stamp is the wall-clock time in milliseconds, unless that is not later
//! than the last stamp this device wrote or saw, in which case it is one
//! more than that. A phone whose clock is corrected backwards keeps ordering
//! its own writes correctly, and a write always beats what it was based on.

/// Stamps more than this far ahead of the wall clock are treated as a wrong
/// clock (see `AppState::clamp_future`); closer ones are taken as they are.
pub const MAX_CLOCK_SKEW_MS: u64 = 24 * 60 * 60 * 1000;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clock {
    last: u64,
}

impl Clock {
    /// A new stamp at wall-clock time `wall`: later than every stamp before.
    pub fn stamp(&mut self, wall: u64) -> u64 {
        self.last = wall.max(self.last + 1);
        self.last
    }

    /// Takes note of a stamp read from storage, another tab or a backup.
    pub fn observe(&mut self, stamp: u64) {
        self.last = self.last.max(stamp);
    }

    pub fn last(&self) -> u64 {
        self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_never_go_backwards_when_the_wall_clock_does() {
        let mut clock = Clock::default();
        assert_eq!(clock.stamp(1_000), 1_000);
        // The phone's clock is corrected back by ten minutes.
        assert_eq!(clock.stamp(400), 1_001);
        assert_eq!(clock.stamp(400), 1_002);
        assert_eq!(clock.stamp(5_000), 5_000);
        clock.observe(9_000);
        assert_eq!(clock.stamp(5_001), 9_001);
        clock.observe(10);
        assert_eq!(clock.last(), 9_001);
    }
}
