//! The pain-monitoring model (Silbernagel et al., 2007) turned into the next
//! step: pain during or after exercise up to 3/10 is safe, up to 5/10
//! acceptable, above 5 too much; it should settle by the next morning and
//! not build from week to week. If it does not settle, the load comes down.

use crate::date::{Day, Weekday};
use crate::state::{AppState, DayLog};

/// The most pain that is acceptable during, after or the morning after.
pub const ACCEPTABLE: u8 = 5;
/// The most pain that is safe.
pub const SAFE: u8 = 3;

/// The pain-monitoring model's zone for a 0–10 rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PainZone {
    /// 0–3: safe.
    Safe,
    /// 4–5: acceptable.
    Acceptable,
    /// 6–10: too much; reduce the load.
    TooMuch,
}

pub fn pain_zone(rating: u8) -> PainZone {
    match rating {
        0..=SAFE => PainZone::Safe,
        4..=ACCEPTABLE => PainZone::Acceptable,
        _ => PainZone::TooMuch,
    }
}

/// Settled by the next morning: at most 5/10 and no higher than before the
/// session. Without a rating from before, back in the safe zone (≤ 3).
pub fn settled(baseline: Option<u8>, morning: u8) -> bool {
    morning <= ACCEPTABLE && morning <= baseline.unwrap_or(SAFE)
}

/// What the next session should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextSession {
    /// The session as planned.
    AsPlanned,
    /// Fewer sets: the last set of each exercise with more than one, and no
    /// optional sets.
    Lighter,
    /// A rest day first, then a lighter session.
    RestFirst,
}

/// Why the next session is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Settled by the morning, and the session itself stayed acceptable.
    Settled,
    /// The morning was higher than before the session (or, without a rating
    /// from before, above the safe zone), though still acceptable.
    NotSettled { baseline: Option<u8>, morning: u8 },
    /// The morning was above 5/10.
    TooMuchMorning { morning: u8 },
    /// The session itself went above 5/10, though it settled.
    TooMuchDuring { after: u8 },
}

/// The decision a session's next-morning rating leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub next: NextSession,
    pub why: Why,
}

/// What a rated session means for the next one; `None` until its
/// next-morning rating is in.
pub fn decide(log: &DayLog) -> Option<Decision> {
    let morning = log.pain_next_morning.as_ref()?.value;
    let baseline = log.pain_before.as_ref().map(|r| r.value);
    let after = log.pain_after.as_ref().map(|r| r.value);
    let decision = if morning > ACCEPTABLE {
        Decision {
            next: NextSession::RestFirst,
            why: Why::TooMuchMorning { morning },
        }
    } else if !settled(baseline, morning) {
        Decision {
            next: NextSession::Lighter,
            why: Why::NotSettled { baseline, morning },
        }
    } else if let Some(after) = after.filter(|after| *after > ACCEPTABLE) {
        Decision {
            next: NextSession::Lighter,
            why: Why::TooMuchDuring { after },
        }
    } else {
        Decision {
            next: NextSession::AsPlanned,
            why: Why::Settled,
        }
    };
    Some(decision)
}

/// How far back the last rated session still shapes today's.
const PLAN_LOOKBACK_DAYS: i32 = 14;

/// Today's plan: what the last rated session before today asks for. After a
/// morning above 5/10 the day of the rating is a rest day; the session after
/// that is lighter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub next: NextSession,
    /// The session whose next-morning rating decided it.
    pub because_of: Option<(Day, Decision)>,
}

pub fn plan(state: &AppState, today: Day) -> Plan {
    let last = (1..=PLAN_LOOKBACK_DAYS)
        .map(|back| today.plus(-back))
        .filter(|day| state.day(*day).trained())
        .find_map(|day| decide(state.day(day)).map(|decision| (day, decision)));
    let next = match last {
        None => NextSession::AsPlanned,
        // Rated the morning after: that morning's day is the rest day.
        Some((day, decision)) if decision.next == NextSession::RestFirst => {
            if today <= day.plus(1) {
                NextSession::RestFirst
            } else {
                NextSession::Lighter
            }
        }
        Some((_, decision)) => decision.next,
    };
    Plan {
        next,
        because_of: last,
    }
}

/// The average next-morning rating of each of the last `weeks` weeks that
/// have one, oldest first.
pub fn weekly_mornings(
    state: &AppState,
    today: Day,
    week_start: Weekday,
    weeks: i32,
) -> Vec<(Day, f32)> {
    let this_week = today.week_start(week_start);
    (0..weeks)
        .rev()
        .filter_map(|back| {
            let start = this_week.plus(-7 * back);
            let ratings: Vec<u8> = (0..7)
                .filter_map(|i| {
                    state
                        .day(start.plus(i))
                        .pain_next_morning
                        .as_ref()
                        .map(|r| r.value)
                })
                .collect();
            (!ratings.is_empty()).then(|| {
                let sum: u32 = ratings.iter().map(|r| u32::from(*r)).sum();
                (start, sum as f32 / ratings.len() as f32)
            })
        })
        .collect()
}

/// Next-morning pain building from week to week: higher in each of the last
/// three weeks with ratings than in the one before.
pub fn building_up(state: &AppState, today: Day, week_start: Weekday) -> bool {
    let weeks = weekly_mornings(state, today, week_start, 3);
    weeks.len() == 3 && weeks.windows(2).all(|pair| pair[1].1 > pair[0].1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{SetKey, Stamped};

    fn log(before: Option<u8>, after: Option<u8>, morning: Option<u8>) -> DayLog {
        let mut log = DayLog::default();
        let key: SetKey = "glute-bridge:1".parse().unwrap();
        log.sets.insert(key, Stamped::new(1, true));
        log.pain_before = before.map(|v| Stamped::new(1, v));
        log.pain_after = after.map(|v| Stamped::new(1, v));
        log.pain_next_morning = morning.map(|v| Stamped::new(2, v));
        log
    }

    #[test]
    fn settled_or_not() {
        // (baseline, morning, settled)
        let table: &[(Option<u8>, u8, bool)] = &[
            (Some(2), 2, true),
            (Some(4), 3, true),
            (Some(5), 5, true),
            (Some(9), 8, false), // lower than before, but above 5
            (Some(0), 3, false), // higher than before
            (Some(2), 3, false),
            (None, 3, true),
            (None, 4, false),
            (Some(7), 6, false),
        ];
        for &(baseline, morning, expected) in table {
            assert_eq!(
                settled(baseline, morning),
                expected,
                "{baseline:?} → {morning}"
            );
        }
    }

    #[test]
    fn the_morning_decides_the_next_session() {
        let next = |before, after, morning| decide(&log(before, after, morning)).map(|d| d.next);
        assert_eq!(next(Some(2), Some(3), None), None);
        assert_eq!(
            next(Some(2), Some(3), Some(2)),
            Some(NextSession::AsPlanned)
        );
        assert_eq!(next(Some(2), Some(4), Some(3)), Some(NextSession::Lighter));
        assert_eq!(
            next(Some(9), Some(9), Some(8)),
            Some(NextSession::RestFirst)
        );
        assert_eq!(next(Some(0), Some(2), Some(3)), Some(NextSession::Lighter));
        assert_eq!(next(Some(3), Some(7), Some(3)), Some(NextSession::Lighter));
        assert_eq!(next(None, Some(3), Some(6)), Some(NextSession::RestFirst));
        let why = decide(&log(Some(3), Some(7), Some(3))).unwrap().why;
        assert_eq!(why, Why::TooMuchDuring { after: 7 });
    }

    #[test]
    fn a_morning_above_five_means_rest_that_day_then_lighter() {
        let monday = Day::parse("2026-11-23").unwrap();
        let mut state = AppState::default();
        state.days.insert(monday, log(Some(2), Some(5), Some(6)));
        assert_eq!(plan(&state, monday.plus(1)).next, NextSession::RestFirst);
        assert_eq!(plan(&state, monday.plus(2)).next, NextSession::Lighter);
        // A settled session after it plans as usual again.
        state
            .days
            .insert(monday.plus(2), log(Some(2), Some(3), Some(2)));
        assert_eq!(plan(&state, monday.plus(4)).next, NextSession::AsPlanned);
        // Nothing rated: as planned.
        assert_eq!(
            plan(&AppState::default(), monday).next,
            NextSession::AsPlanned
        );
    }

    #[test]
    fn pain_building_week_on_week_is_noticed() {
        let today = Day::parse("2026-11-26").unwrap();
        let mut state = AppState::default();
        for (back, morning) in [(15, 1), (8, 2), (1, 4)] {
            state
                .days
                .insert(today.plus(-back), log(Some(1), Some(2), Some(morning)));
        }
        assert!(building_up(&state, today, Weekday::Mon));
        state
            .days
            .insert(today.plus(-1), log(Some(1), Some(2), Some(2)));
        assert!(!building_up(&state, today, Weekday::Mon));
    }

    #[test]
    fn pain_zones_match_the_model() {
        let zones: Vec<_> = (0..=10).map(pain_zone).collect();
        assert_eq!(&zones[..4], &[PainZone::Safe; 4]);
        assert_eq!(&zones[4..6], &[PainZone::Acceptable; 2]);
        assert_eq!(&zones[6..], &[PainZone::TooMuch; 5]);
    }
}
