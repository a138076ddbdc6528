//! The pain-monitoring model (Silbernagel et al., 2007) turned into the next
//! step: pain during or after exercise up to 3/10 is safe, up to 5/10
//! acceptable, above 5 too much; it should settle by the next morning and
//! not build from week to week. If it does not settle, the load comes down.

use crate::date::{Day, Weekday};
use crate::state::{day_log, DayLog, Days, Stamped};

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
    /// The session itself went above 5/10: the next one is lighter whether
    /// or not the morning has been rated (`morning`), and however it settled.
    TooMuchDuring { after: u8, morning: Option<u8> },
}

/// The decision a session's next-morning rating leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub next: NextSession,
    pub why: Why,
}

/// What a session means for the next one; `None` until its next-morning
/// rating is in, unless the session itself went above 5/10 (then the next
/// one is lighter at least, whatever the morning says).
pub fn decide(log: &DayLog) -> Option<Decision> {
    let baseline = log.pain_before.as_ref().map(|r| r.value);
    let after = log.pain_after.as_ref().map(|r| r.value);
    let too_much_during = after.filter(|after| *after > ACCEPTABLE);
    let Some(morning) = log.pain_next_morning.as_ref().map(|r| r.value) else {
        return too_much_during.map(|after| Decision {
            next: NextSession::Lighter,
            why: Why::TooMuchDuring {
                after,
                morning: None,
            },
        });
    };
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
    } else if let Some(after) = too_much_during {
        Decision {
            next: NextSession::Lighter,
            why: Why::TooMuchDuring {
                after,
                morning: Some(morning),
            },
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
/// that is lighter. While next-morning pain is building from week to week,
/// sessions are lighter too, until it stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub next: NextSession,
    /// The session whose ratings decided it.
    pub because_of: Option<(Day, Decision)>,
    /// Next-morning pain is building from week to week (`building_up`).
    pub building_up: bool,
}

impl Plan {
    /// Lighter (or rest first) because of the week-to-week trend alone.
    pub fn lighter_for_the_trend(&self) -> bool {
        self.building_up
            && self
                .because_of
                .is_none_or(|(_, d)| d.next == NextSession::AsPlanned)
    }
}

pub fn plan(days: &Days, today: Day, week_start: Weekday) -> Plan {
    let last = (1..=PLAN_LOOKBACK_DAYS)
        .map(|back| today.plus(-back))
        .filter(|day| day_log(days, *day).trained())
        .find_map(|day| decide(day_log(days, day)).map(|decision| (day, decision)));
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
    let building = building_up(days, today, week_start);
    let next = match next {
        NextSession::AsPlanned if building => NextSession::Lighter,
        next => next,
    };
    Plan {
        next,
        because_of: last,
        building_up: building,
    }
}

/// What to do now, during today's session, from its own ratings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InSession {
    /// Nothing above 5/10: carry on.
    CarryOn,
    /// The pain before starting is above 5/10: resting today is the sensible
    /// choice (the person may still go on).
    RestSuggested,
    /// A rating during the session is above 5/10: stop that move and ease
    /// off; the next session is lighter (`decide`).
    StopAndEaseOff,
}

pub fn in_session(log: &DayLog) -> InSession {
    let above =
        |rating: &Option<Stamped<u8>>| rating.as_ref().is_some_and(|r| r.value > ACCEPTABLE);
    if above(&log.pain_after) {
        InSession::StopAndEaseOff
    } else if above(&log.pain_before) {
        InSession::RestSuggested
    } else {
        InSession::CarryOn
    }
}

/// The average next-morning rating of each of the last `weeks` weeks that
/// have one, oldest first.
pub fn weekly_mornings(
    days: &Days,
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
                    day_log(days, start.plus(i))
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

/// How much a week's average next-morning rating must rise over the week
/// before to count as building: a whole point on the 0–10 scale, so one
/// rating a point higher among several is not read as a trend.
pub const BUILDING_RISE: f32 = 1.0;

/// Next-morning pain building from week to week: the latest week with
/// ratings (this one or, before any rating this week, the last) averages at
/// least `BUILDING_RISE` more than the week before it. Two weeks are enough:
/// the pain should not build from one week to the next.
pub fn building_up(days: &Days, today: Day, week_start: Weekday) -> bool {
    let weeks = weekly_mornings(days, today, week_start, 3);
    match weeks.as_slice() {
        [.., (earlier, before), (later, now)] => {
            later.days_since(*earlier) == 7 && now - before >= BUILDING_RISE
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{AppState, SetKey, Stamped};

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
        assert_eq!(
            why,
            Why::TooMuchDuring {
                after: 7,
                morning: Some(3)
            }
        );
    }

    /// "Above 5 is too much: the next session will be lighter" holds before
    /// the morning is rated, and even if it never is.
    #[test]
    fn a_session_above_five_makes_the_next_lighter_without_waiting_for_the_morning() {
        let next = |before, after, morning| decide(&log(before, after, morning)).map(|d| d.next);
        assert_eq!(next(Some(2), Some(6), None), Some(NextSession::Lighter));
        assert_eq!(next(Some(2), Some(5), None), None);
        // A morning above 5 still means rest first.
        assert_eq!(
            next(Some(2), Some(7), Some(6)),
            Some(NextSession::RestFirst)
        );
        let monday = Day::parse("2026-11-23").unwrap();
        let mut state = AppState::default();
        state.days.insert(monday, log(Some(2), Some(8), None));
        assert_eq!(
            plan(&state.days, monday.plus(2), Weekday::Mon).next,
            NextSession::Lighter
        );
    }

    #[test]
    fn in_session_guidance_follows_the_zones() {
        let now = |before, after| in_session(&log(before, after, None));
        assert_eq!(now(Some(5), None), InSession::CarryOn);
        assert_eq!(now(Some(6), None), InSession::RestSuggested);
        assert_eq!(now(Some(2), Some(6)), InSession::StopAndEaseOff);
        // Once it has gone above 5 during the session, easing off comes first.
        assert_eq!(now(Some(7), Some(8)), InSession::StopAndEaseOff);
        assert_eq!(now(None, Some(5)), InSession::CarryOn);
    }

    #[test]
    fn a_morning_above_five_means_rest_that_day_then_lighter() {
        let monday = Day::parse("2026-11-23").unwrap();
        let mut state = AppState::default();
        state.days.insert(monday, log(Some(2), Some(5), Some(6)));
        assert_eq!(
            plan(&state.days, monday.plus(1), Weekday::Mon).next,
            NextSession::RestFirst
        );
        assert_eq!(
            plan(&state.days, monday.plus(2), Weekday::Mon).next,
            NextSession::Lighter
        );
        // A settled session after it plans as usual again.
        state
            .days
            .insert(monday.plus(2), log(Some(2), Some(3), Some(2)));
        assert_eq!(
            plan(&state.days, monday.plus(4), Weekday::Mon).next,
            NextSession::AsPlanned
        );
        // Nothing rated: as planned.
        assert_eq!(
            plan(&Days::new(), monday, Weekday::Mon).next,
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
        assert!(building_up(&state.days, today, Weekday::Mon));
        state
            .days
            .insert(today.plus(-1), log(Some(1), Some(2), Some(2)));
        assert!(!building_up(&state.days, today, Weekday::Mon));
    }

    /// Two weeks are enough to see pain building; the plan lightens the
    /// sessions while it lasts, and goes back once it stops.
    #[test]
    fn pain_building_over_two_weeks_lightens_the_plan_until_it_stops() {
        let today = Day::parse("2026-11-26").unwrap(); // a Thursday
        let mut state = AppState::default();
        // Each session settled by its own measure (no higher than the 4
        // before it), but last week's mornings average 1.5 and this week's 3.
        for (back, morning) in [(8, 1), (6, 2), (3, 3), (1, 3)] {
            state
                .days
                .insert(today.plus(-back), log(Some(4), Some(2), Some(morning)));
        }
        assert!(building_up(&state.days, today, Weekday::Mon));
        let now = plan(&state.days, today, Weekday::Mon);
        assert_eq!(now.next, NextSession::Lighter);
        assert!(now.building_up);
        // Before any rating in a new week, the last two weeks still count.
        assert!(building_up(&state.days, today.plus(4), Weekday::Mon));
        // It stops: the new week's mornings are no higher.
        state
            .days
            .insert(today.plus(5), log(Some(1), Some(2), Some(2)));
        assert!(!building_up(&state.days, today.plus(6), Weekday::Mon));
        // A rise of less than a point is not read as building.
        let mut small = AppState::default();
        for (back, morning) in [(8, 2), (3, 2), (1, 3)] {
            small
                .days
                .insert(today.plus(-back), log(Some(3), Some(2), Some(morning)));
        }
        assert!(!building_up(&small.days, today, Weekday::Mon));
        // Weeks apart are not "week to week".
        let mut apart = AppState::default();
        for (back, morning) in [(15, 1), (1, 4)] {
            apart
                .days
                .insert(today.plus(-back), log(Some(4), Some(2), Some(morning)));
        }
        assert!(!building_up(&apart.days, today, Weekday::Mon));
    }

    #[test]
    fn pain_zones_match_the_model() {
        let zones: Vec<_> = (0..=10).map(pain_zone).collect();
        assert_eq!(&zones[..4], &[PainZone::Safe; 4]);
        assert_eq!(&zones[4..6], &[PainZone::Acceptable; 2]);
        assert_eq!(&zones[6..], &[PainZone::TooMuch; 5]);
    }
}
