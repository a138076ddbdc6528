//! The rest and standing-break timers: the source's figures, whether a
//! setting differs from them, and how a countdown reads.

/// The source's standing break: every 15–20 minutes of sitting.
pub const SOURCE_BREAK_MINUTES: std::ops::RangeInclusive<u32> = 15..=20;
/// The source's rest after a split-squat set, in seconds.
pub const SOURCE_REST_SECS: u32 = 15;

/// Settings may differ from the source (a person's physiotherapist may say
/// otherwise); the settings say so next to the field when they do.
pub fn rest_differs_from_source(rest_secs: u32) -> bool {
    rest_secs != SOURCE_REST_SECS
}

pub fn break_differs_from_source(break_minutes: u32) -> bool {
    !SOURCE_BREAK_MINUTES.contains(&break_minutes)
}
/// Minutes and seconds left, as a countdown reads: "19:05".
pub fn countdown(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// Whole seconds until `due_ms`, never negative, rounding up so a countdown
/// shows 0:00 only when the time has come.
pub fn seconds_until(due_ms: f64, now_ms: f64) -> u32 {
    ((due_ms - now_ms) / 1000.0).ceil().max(0.0) as u32
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_outside_the_source_are_noted() {
        assert!(!rest_differs_from_source(15));
        assert!(rest_differs_from_source(0));
        assert!(rest_differs_from_source(30));
        for (minutes, differs) in [(14, true), (15, false), (20, false), (21, true), (5, true)] {
            assert_eq!(break_differs_from_source(minutes), differs, "{minutes}");
        }
    }

    #[test]
    fn countdowns() {
        assert_eq!(countdown(20 * 60), "20:00");
        assert_eq!(countdown(65), "1:05");
        assert_eq!(countdown(0), "0:00");
        assert_eq!(seconds_until(10_000.0, 8_500.0), 2);
        assert_eq!(seconds_until(10_000.0, 10_000.0), 0);
        assert_eq!(seconds_until(10_000.0, 12_000.0), 0);
    }
}
