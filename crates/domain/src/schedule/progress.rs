//! Phase progress: when phase 2 and phase 3 may be offered, the strength
//! check, and when to suggest a little more weight.

use crate::date::Day;
use crate::pain::{decide, NextSession, SAFE};
use crate::phase::Phase;
use crate::routine::set_targets;
use crate::state::{day_log, DayLog, Days, Programme, SetKey, StrengthCheck, StrengthChecks};
use hamstring_content::exercises::ExerciseId;

/// Phase 1 lasts up to six weeks before hamstring-specific work is offered.
pub const FOUNDATION_WEEKS: i32 = 6;
/// The weaker leg must reach 90% of the stronger one before running.
pub const STRENGTH_RATIO_PERCENT: u32 = 90;
/// Whole weeks since the current phase began.
pub fn weeks_in_phase(since: Day, today: Day) -> i32 {
    today.days_since(since).max(0) / 7
}

/// Phase 1's rule for moving on: at least this many sessions...
pub const FOUNDATION_SESSIONS: usize = 6;
/// ...spread over at least two weeks (first to last)...
pub const FOUNDATION_SPAN_DAYS: i32 = 13;
/// ...and the last three rated sessions settled by the next morning.
pub const SETTLED_IN_A_ROW: usize = 3;
/// Phase 3 asks for two passing strength checks at least a week apart.
pub const STRENGTH_CHECKS_APART_DAYS: i32 = 7;

/// Where phase 1 stands against its rule for moving on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundationProgress {
    pub sessions: usize,
    /// Days from the first session of the phase to the last.
    pub span_days: i32,
    /// Rated sessions, most recent first, settled with acceptable pain,
    /// until the first that was not.
    pub settled_in_a_row: usize,
    /// The most recent rated session did not settle.
    pub last_not_settled: bool,
}

impl FoundationProgress {
    pub fn ready(self) -> bool {
        self.sessions >= FOUNDATION_SESSIONS
            && self.span_days >= FOUNDATION_SPAN_DAYS
            && self.settled_in_a_row >= SETTLED_IN_A_ROW
    }
}

pub fn foundation_progress(days: &Days, since: Day, today: Day) -> FoundationProgress {
    let sessions: Vec<Day> = days
        .range(since..=today)
        .filter(|(_, log)| log.trained())
        .map(|(day, _)| *day)
        .collect();
    let decisions: Vec<NextSession> = sessions
        .iter()
        .rev()
        .filter_map(|day| decide(day_log(days, *day)).map(|d| d.next))
        .collect();
    FoundationProgress {
        sessions: sessions.len(),
        span_days: match (sessions.first(), sessions.last()) {
            (Some(first), Some(last)) => last.days_since(*first),
            _ => 0,
        },
        settled_in_a_row: decisions
            .iter()
            .take_while(|next| **next == NextSession::AsPlanned)
            .count(),
        last_not_settled: decisions
            .first()
            .is_some_and(|next| *next != NextSession::AsPlanned),
    }
}

/// What the app may offer next; the person always confirms a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseOffer {
    None,
    /// Phase 1's rule is met: hamstring-specific work may begin.
    Hamstring,
    /// Six weeks into phase 1 and the pain has not settled: see a
    /// physiotherapist.
    SeePhysio,
    /// Two strength checks a week or more apart passed, with no pain at rest.
    ReturnToRun,
}

pub fn phase_offer(
    programme: Option<&Programme>,
    days: &Days,
    checks: &StrengthChecks,
    today: Day,
) -> PhaseOffer {
    let Some(programme) = programme else {
        return PhaseOffer::None;
    };
    match programme.phase {
        Phase::Foundation => {
            let progress = foundation_progress(days, programme.since, today);
            if progress.ready() {
                PhaseOffer::Hamstring
            } else if weeks_in_phase(programme.since, today) >= FOUNDATION_WEEKS
                && progress.last_not_settled
            {
                PhaseOffer::SeePhysio
            } else {
                PhaseOffer::None
            }
        }
        Phase::Hamstring if strength_ready_twice(checks) => PhaseOffer::ReturnToRun,
        _ => PhaseOffer::None,
    }
}

pub fn latest_strength_check(checks: &StrengthChecks) -> Option<StrengthCheck> {
    checks.values().next_back().map(|r| r.value)
}

/// The latest strength check passed, and an earlier one at least a week
/// before it passed too.
pub fn strength_ready_twice(checks: &StrengthChecks) -> bool {
    let mut checks = checks.iter().rev();
    let Some((latest_day, latest)) = checks.next() else {
        return false;
    };
    strength_ready(latest.value)
        && checks.any(|(day, check)| {
            latest_day.days_since(*day) >= STRENGTH_CHECKS_APART_DAYS && strength_ready(check.value)
        })
}

/// Sessions in a row with a move that must go well before adding weight.
pub const SESSIONS_BEFORE_MORE_LOAD: usize = 2;

/// Whether to suggest a little more weight for `exercise` next time: its
/// last two sessions before `day` with a weight logged both settled (and
/// stayed at or under 5/10), had every required set of the move done, and
/// their pain after stayed in the safe zone (3 or less).
pub fn add_load_suggested(days: &Days, exercise: ExerciseId, day: Day) -> bool {
    let required: Vec<SetKey> = set_targets(exercise)
        .into_iter()
        .filter(|t| !t.optional)
        .map(|t| t.key)
        .collect();
    let recent: Vec<&DayLog> = days
        .range(..day)
        .rev()
        .map(|(_, log)| log)
        .filter(|log| log.load(exercise).is_some())
        .take(SESSIONS_BEFORE_MORE_LOAD)
        .collect();
    recent.len() == SESSIONS_BEFORE_MORE_LOAD
        && recent.iter().all(|log| {
            decide(log).is_some_and(|d| d.next == NextSession::AsPlanned)
                && log.pain_after.as_ref().is_some_and(|p| p.value <= SAFE)
                && required.iter().all(|key| log.is_done(*key))
        })
}

/// The weaker side as a whole percentage of the stronger.
pub fn strength_ratio_percent(check: StrengthCheck) -> u32 {
    let strong = check.left.max(check.right);
    if strong == 0 {
        return 0;
    }
    u32::from(check.left.min(check.right)) * 100 / u32::from(strong)
}

/// Strength nearly equal (weaker ≥ 90% of stronger) and no pain at rest.
pub fn strength_ready(check: StrengthCheck) -> bool {
    strength_ratio_percent(check) >= STRENGTH_RATIO_PERCENT && !check.pain_at_rest
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::testing::{day, in_phase, rated};
    use crate::state::{AppState, Stamped};

    fn offer(state: &AppState, today: Day) -> PhaseOffer {
        phase_offer(
            state.programme(),
            &state.days,
            &state.strength_checks,
            today,
        )
    }

    #[test]
    fn phase_two_is_earned_by_sessions_not_dates() {
        let start = day("2026-10-01");
        // Seven weeks with no session: no offer.
        let empty = in_phase(Phase::Foundation, start);
        assert_eq!(offer(&empty, start.plus(49)), PhaseOffer::None);
        // Six settled sessions over two weeks and more: offered.
        let mut state = in_phase(Phase::Foundation, start);
        for offset in [0, 2, 5, 7, 9, 13] {
            state.days.insert(start.plus(offset), rated(2, 3, 2));
        }
        assert_eq!(offer(&state, start.plus(14)), PhaseOffer::Hamstring);
        // The same six sessions inside twelve days: not yet.
        let mut quick = in_phase(Phase::Foundation, start);
        for offset in [0, 2, 4, 6, 8, 10] {
            quick.days.insert(start.plus(offset), rated(2, 3, 2));
        }
        assert_eq!(offer(&quick, start.plus(12)), PhaseOffer::None);
        // The last session did not settle: not yet, and at six weeks, a physio.
        state.days.insert(start.plus(15), rated(2, 4, 4));
        assert_eq!(offer(&state, start.plus(16)), PhaseOffer::None);
        assert_eq!(offer(&state, start.plus(42)), PhaseOffer::SeePhysio);
        let progress = foundation_progress(&state.days, start, start.plus(16));
        assert_eq!((progress.sessions, progress.settled_in_a_row), (7, 0));
    }

    #[test]
    fn more_weight_is_suggested_after_two_easy_complete_settled_sessions() {
        let rdl = ExerciseId::RomanianDeadlift;
        let mut state = in_phase(Phase::Hamstring, day("2026-10-01"));
        let session = |after: u8, morning: u8, sets: u8| {
            let mut log = rated(2, after, morning);
            for set in 1..=sets {
                log.sets.insert(
                    SetKey {
                        exercise: rdl,
                        set,
                        side: None,
                    },
                    Stamped::new(1, true),
                );
            }
            log.loads.insert(rdl, Stamped::new(1, Some(80)));
            log
        };
        let today = day("2026-10-10");
        state.days.insert(day("2026-10-06"), session(2, 2, 3));
        assert!(
            !add_load_suggested(&state.days, rdl, today),
            "one session is not enough"
        );
        state.days.insert(day("2026-10-08"), session(3, 2, 3));
        assert!(add_load_suggested(&state.days, rdl, today));
        state.days.insert(day("2026-10-08"), session(4, 2, 3));
        assert!(
            !add_load_suggested(&state.days, rdl, today),
            "pain after above 3"
        );
        state.days.insert(day("2026-10-08"), session(3, 2, 2));
        assert!(
            !add_load_suggested(&state.days, rdl, today),
            "a set missing"
        );
        state.days.insert(day("2026-10-08"), session(3, 4, 3));
        assert!(!add_load_suggested(&state.days, rdl, today), "not settled");
    }

    #[test]
    fn phase_three_needs_two_passing_strength_checks_a_week_apart() {
        let start = day("2026-10-01");
        let mut state = in_phase(Phase::Hamstring, start);
        let check = |left, right, pain_at_rest| StrengthCheck {
            left,
            right,
            pain_at_rest,
        };
        state
            .strength_checks
            .insert(start.plus(1), Stamped::new(3, check(18, 20, false)));
        assert_eq!(
            offer(&state, start.plus(2)),
            PhaseOffer::None,
            "one check is not enough"
        );
        state
            .strength_checks
            .insert(start.plus(5), Stamped::new(4, check(19, 20, false)));
        assert_eq!(
            offer(&state, start.plus(6)),
            PhaseOffer::None,
            "four days apart"
        );
        state
            .strength_checks
            .insert(start.plus(9), Stamped::new(5, check(20, 20, false)));
        assert_eq!(offer(&state, start.plus(10)), PhaseOffer::ReturnToRun);
        state
            .strength_checks
            .insert(start.plus(12), Stamped::new(6, check(17, 20, false)));
        assert_eq!(
            offer(&state, start.plus(13)),
            PhaseOffer::None,
            "the latest fell short"
        );
        state
            .strength_checks
            .insert(start.plus(20), Stamped::new(7, check(20, 20, true)));
        assert_eq!(
            offer(&state, start.plus(21)),
            PhaseOffer::None,
            "pain at rest"
        );
    }

    #[test]
    fn strength_ratio_edges() {
        let check = |left, right| StrengthCheck {
            left,
            right,
            pain_at_rest: false,
        };
        assert!(strength_ready(check(9, 10)));
        assert!(strength_ready(check(10, 9)));
        assert!(!strength_ready(check(8, 9))); // 88%
        assert!(!strength_ready(check(0, 0)));
        assert_eq!(strength_ratio_percent(check(0, 12)), 0);
    }
}
