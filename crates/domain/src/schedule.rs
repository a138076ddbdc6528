//! Schedule and progress maths: training and rest days, the week's count,
//! adherence, streaks, phase progress, the strength check and pain guidance.

use crate::date::{Day, Weekday};
use crate::pain::{decide, NextSession, SAFE};
use crate::phase::Phase;
use crate::routine::set_targets;
use crate::state::{AppState, StrengthCheck};
use crate::state::{DayLog, SetKey};
use hamstring_content::exercises::ExerciseId;

/// The source's weekly target: three to four sessions.
pub const WEEK_TARGET_MIN: usize = 3;
pub const WEEK_TARGET_MAX: usize = 4;
/// Phase 1 lasts up to six weeks before hamstring-specific work is offered.
pub const FOUNDATION_WEEKS: i32 = 6;
/// The weaker leg must reach 90% of the stronger one before running.
pub const STRENGTH_RATIO_PERCENT: u32 = 90;

/// The days with at least one ticked set, in order.
pub fn training_days(state: &AppState) -> Vec<Day> {
    state
        .days
        .iter()
        .filter(|(_, log)| log.trained())
        .map(|(day, _)| *day)
        .collect()
}

/// What the plan says about today, for the banner on the routine page.
/// Today's own ticks do not change it: a rest day stays a rest day even
/// after someone trains anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TodayStatus {
    /// Trained yesterday: the source asks for a rest day in between.
    RestAdvised,
    /// The week's four sessions are done.
    WeekDone,
    /// A good day to train.
    TrainingDay,
}

pub fn today_status(state: &AppState, today: Day, week_start: Weekday) -> TodayStatus {
    let trained_today = usize::from(state.day(today).trained());
    if state.day(today.plus(-1)).trained() {
        TodayStatus::RestAdvised
    } else if sessions_in_week(state, today, week_start) - trained_today >= WEEK_TARGET_MAX {
        TodayStatus::WeekDone
    } else {
        TodayStatus::TrainingDay
    }
}

/// Sessions in the week holding `day`.
pub fn sessions_in_week(state: &AppState, day: Day, week_start: Weekday) -> usize {
    let start = day.week_start(week_start);
    (0..7)
        .filter(|offset| state.day(start.plus(*offset)).trained())
        .count()
}

/// Whether `day` follows or precedes another training day (a warning, not a ban).
pub fn back_to_back(state: &AppState, day: Day) -> bool {
    state.day(day).trained()
        && (state.day(day.plus(-1)).trained() || state.day(day.plus(1)).trained())
}

/// The day the person's records begin: the earliest phase start, day log,
/// symptom score, strength check or run. Progress counts weeks from here,
/// not from before they started.
pub fn first_record(state: &AppState) -> Option<Day> {
    let logged = state
        .days
        .iter()
        .find(|(_, log)| log.has_records())
        .map(|(day, _)| *day);
    [
        logged,
        state.programme().map(|p| p.since),
        state.phase_history.keys().next().copied(),
        state.symptom_scores.keys().next().copied(),
        state.strength_checks.keys().next().copied(),
        state.runs.keys().next().copied(),
    ]
    .into_iter()
    .flatten()
    .min()
}

/// One week's adherence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekAdherence {
    pub start: Day,
    pub sessions: usize,
    pub met: bool,
}

/// The last `weeks` weeks up to and including the week holding `today`, oldest first.
pub fn adherence(
    state: &AppState,
    today: Day,
    week_start: Weekday,
    weeks: i32,
) -> Vec<WeekAdherence> {
    let this_week = today.week_start(week_start);
    (0..weeks)
        .rev()
        .map(|back| {
            let start = this_week.plus(-7 * back);
            let sessions = sessions_in_week(state, start, week_start);
            WeekAdherence {
                start,
                sessions,
                met: sessions >= WEEK_TARGET_MIN,
            }
        })
        .collect()
}

/// Up to `weeks` weeks as `adherence`, none before the week of the first
/// record; none at all before any record.
pub fn recorded_weeks(
    state: &AppState,
    today: Day,
    week_start: Weekday,
    weeks: i32,
) -> Vec<WeekAdherence> {
    let Some(first) = first_record(state) else {
        return Vec::new();
    };
    let first_week = first.week_start(week_start);
    let mut weeks = adherence(state, today, week_start, weeks);
    weeks.retain(|week| week.start >= first_week);
    weeks
}

/// Consecutive weeks, ending with the last finished week (or this one once it
/// meets the target), with at least three sessions.
pub fn week_streak(state: &AppState, today: Day, week_start: Weekday) -> usize {
    let this_week = today.week_start(week_start);
    let mut streak = usize::from(sessions_in_week(state, this_week, week_start) >= WEEK_TARGET_MIN);
    let mut start = this_week.plus(-7);
    while sessions_in_week(state, start, week_start) >= WEEK_TARGET_MIN {
        streak += 1;
        start = start.plus(-7);
    }
    streak
}

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

pub fn foundation_progress(state: &AppState, since: Day, today: Day) -> FoundationProgress {
    let sessions: Vec<Day> = state
        .days
        .range(since..=today)
        .filter(|(_, log)| log.trained())
        .map(|(day, _)| *day)
        .collect();
    let decisions: Vec<NextSession> = sessions
        .iter()
        .rev()
        .filter_map(|day| decide(state.day(*day)).map(|d| d.next))
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

pub fn phase_offer(state: &AppState, today: Day) -> PhaseOffer {
    let Some(programme) = state.programme() else {
        return PhaseOffer::None;
    };
    match programme.phase {
        Phase::Foundation => {
            let progress = foundation_progress(state, programme.since, today);
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
        Phase::Hamstring if strength_ready_twice(state) => PhaseOffer::ReturnToRun,
        _ => PhaseOffer::None,
    }
}

pub fn latest_strength_check(state: &AppState) -> Option<StrengthCheck> {
    state.strength_checks.values().next_back().map(|r| r.value)
}

/// The latest strength check passed, and an earlier one at least a week
/// before it passed too.
pub fn strength_ready_twice(state: &AppState) -> bool {
    let mut checks = state.strength_checks.iter().rev();
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
pub fn add_load_suggested(state: &AppState, exercise: ExerciseId, day: Day) -> bool {
    let required: Vec<SetKey> = set_targets(exercise)
        .into_iter()
        .filter(|t| !t.optional)
        .map(|t| t.key)
        .collect();
    let recent: Vec<&DayLog> = state
        .days
        .range(..day)
        .rev()
        .map(|(_, log)| log)
        .filter(|log| log.loads.contains_key(&exercise))
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

/// How far back the routine still asks about a session's morning after.
pub const MORNING_CHECK_DAYS: i32 = 14;

/// The session whose morning after the routine asks about today: the last
/// session before today, if it was yesterday (rated or not, so the rating
/// can be changed all day) or is still unrated. A runner who skipped the app
/// the next day is asked on the next opening, so the plan can still act on it.
pub fn morning_check_day(state: &AppState, today: Day) -> Option<Day> {
    let last = (1..=MORNING_CHECK_DAYS)
        .map(|back| today.plus(-back))
        .find(|day| state.day(*day).trained())?;
    let unrated = state.day(last).pain_next_morning.is_none();
    (last == today.plus(-1) || unrated).then_some(last)
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
    use crate::phase::Phase;
    use crate::state::{DayLog, Programme, SetKey, Stamped};
    use hamstring_content::exercises::ExerciseId;
    use proptest::prelude::*;

    /// A small number as the texts spell it.
    fn word(n: usize) -> &'static str {
        [
            "zero", "one", "two", "three", "four", "five", "six", "seven",
        ][n]
    }

    /// Every number a text states about a rule is the rule's own constant:
    /// change one without the other and this fails.
    #[test]
    fn texts_state_the_numbers_the_rules_use() {
        use crate::pain::{ACCEPTABLE, SAFE};
        use crate::running::SETTLED_RUNS_TO_MOVE_UP;
        use hamstring_content::{guide, phases, routine as text, selfcheck};
        let weeks = |days: i32| word(((days + 1) / 7) as usize);
        let breaks = format!(
            "{}–{} minutes",
            SOURCE_BREAK_MINUTES.start(),
            SOURCE_BREAK_MINUTES.end()
        );
        let too_much = format!("above {ACCEPTABLE} out of 10");
        let cases: Vec<(&str, Vec<String>)> = vec![
            (text::PAIN_SAFE, vec![format!("Up to {SAFE} out of 10")]),
            (
                text::PAIN_ACCEPTABLE,
                vec![format!("{} or {ACCEPTABLE} out of 10", SAFE + 1)],
            ),
            (
                text::PAIN_TOO_MUCH,
                vec![format!("Above {ACCEPTABLE} out of 10")],
            ),
            (text::REST_SUGGESTED, vec![too_much.clone()]),
            (text::PAIN_BEFORE_WHY, vec![format!("{ACCEPTABLE} or less")]),
            (
                text::NOT_SETTLED_NO_BASELINE,
                vec![format!("above {SAFE} out of 10")],
            ),
            (
                text::TOO_MUCH_MORNING,
                vec![format!("more than {ACCEPTABLE} out of 10")],
            ),
            (text::TOO_MUCH_DURING, vec![too_much.clone()]),
            (text::LIGHTER_TODAY_DURING, vec![too_much.clone()]),
            (text::REST_TODAY_PAIN, vec![too_much.clone()]),
            (
                text::REST_TODAY_WEEK_DONE,
                vec![format!("{} sessions this week", word(WEEK_TARGET_MAX))],
            ),
            (
                text::FOUNDATION_RULE,
                vec![
                    format!("at least {FOUNDATION_SESSIONS} sessions"),
                    format!("over {} weeks or more", weeks(FOUNDATION_SPAN_DAYS)),
                    format!("last {SETTLED_IN_A_ROW} rated sessions"),
                    format!("no higher than {ACCEPTABLE} out of 10"),
                ],
            ),
            (
                text::FOUNDATION_SEE_PHYSIO,
                vec![format!(
                    "{} weeks into phase 1",
                    word(FOUNDATION_WEEKS as usize)
                )],
            ),
            (
                text::STRENGTH_RULE,
                vec![
                    "at least a week apart".to_string(),
                    format!("{STRENGTH_RATIO_PERCENT}% or more"),
                ],
            ),
            (text::STRENGTH_READY, vec!["a week apart".to_string()]),
            (
                text::RUN_RULE,
                vec![
                    format!("{} runs in a row", word(SETTLED_RUNS_TO_MOVE_UP)),
                    format!("{ACCEPTABLE} out of 10 or less"),
                    format!("({SAFE} or less)"),
                    format!("above {ACCEPTABLE}"),
                ],
            ),
            (text::RUN_TOO_MUCH, vec![too_much.clone()]),
            (
                text::ADD_LOAD,
                vec![
                    format!("last {} sessions", word(SESSIONS_BEFORE_MORE_LOAD)),
                    format!("{SAFE} or less"),
                ],
            ),
            (
                text::REST_DIFFERS,
                vec![format!("rest {SOURCE_REST_SECS} seconds")],
            ),
            (text::BREAK_DIFFERS, vec![breaks.clone()]),
            (
                phases::FOUNDATION.purpose,
                vec![format!("up to {} weeks", word(FOUNDATION_WEEKS as usize))],
            ),
            (phases::FOUNDATION.habits[1], vec![breaks.clone()]),
            (phases::HAMSTRING.habits[1], vec![breaks.clone()]),
            (phases::RETURN_TO_RUN.habits[1], vec![breaks.clone()]),
            (
                selfcheck::level_text(selfcheck::Level::SelfCare).action[1],
                vec![breaks.clone()],
            ),
        ];
        assert_eq!(
            STRENGTH_CHECKS_APART_DAYS, 7,
            "the texts say 'a week apart'"
        );
        for (text, numbers) in &cases {
            for number in numbers {
                assert!(
                    text.to_lowercase().contains(&number.to_lowercase()),
                    "{text:?} should say {number:?}"
                );
            }
        }
        // The guide states the source's numbers, which the rules follow.
        let guide: String = guide::SECTIONS
            .iter()
            .flat_map(|s| s.blocks)
            .map(|b| format!("{b:?}"))
            .collect();
        for number in [
            breaks,
            format!("up to {} weeks", word(FOUNDATION_WEEKS as usize)),
            format!("up to {SAFE} out of 10"),
            format!("up to {ACCEPTABLE} is acceptable"),
        ] {
            assert!(guide.contains(&number), "the guide should say {number:?}");
        }
        // The defaults are the source's values.
        let defaults = crate::state::Settings::default();
        assert!(!rest_differs_from_source(defaults.rest_secs));
        assert!(!break_differs_from_source(defaults.break_minutes));
    }

    #[test]
    fn settings_outside_the_source_are_noted() {
        assert!(!rest_differs_from_source(15));
        assert!(rest_differs_from_source(0));
        assert!(rest_differs_from_source(30));
        for (minutes, differs) in [(14, true), (15, false), (20, false), (21, true), (5, true)] {
            assert_eq!(break_differs_from_source(minutes), differs, "{minutes}");
        }
    }

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    fn trained_log() -> DayLog {
        let mut log = DayLog::default();
        let key = SetKey {
            exercise: ExerciseId::GluteBridge,
            set: 1,
            side: None,
        };
        log.sets.insert(key, Stamped::new(1, true));
        log
    }

    fn with_sessions(days: &[&str]) -> AppState {
        let mut state = AppState::default();
        for d in days {
            state.days.insert(day(d), trained_log());
        }
        state
    }

    #[test]
    fn today_status_rules() {
        let mon = day("2026-11-23");
        let state = with_sessions(&["2026-11-23"]);
        // Training today does not turn today into a rest day.
        assert_eq!(
            today_status(&state, mon, Weekday::Mon),
            TodayStatus::TrainingDay
        );
        assert_eq!(
            today_status(&state, mon.plus(1), Weekday::Mon),
            TodayStatus::RestAdvised
        );
        assert_eq!(
            today_status(&state, mon.plus(2), Weekday::Mon),
            TodayStatus::TrainingDay
        );
        let full = with_sessions(&["2026-11-23", "2026-11-25", "2026-11-27", "2026-11-28"]);
        assert_eq!(
            today_status(&full, day("2026-11-29").plus(1), Weekday::Mon),
            TodayStatus::TrainingDay
        );
        let full_week = with_sessions(&["2026-11-23", "2026-11-24", "2026-11-26", "2026-11-27"]);
        assert_eq!(
            today_status(&full_week, day("2026-11-29"), Weekday::Mon),
            TodayStatus::WeekDone
        );
        // Ticking a set on a rest day keeps the warning.
        let trained_anyway = with_sessions(&["2026-11-23", "2026-11-24"]);
        assert_eq!(
            today_status(&trained_anyway, day("2026-11-24"), Weekday::Mon),
            TodayStatus::RestAdvised
        );
        let fifth = with_sessions(&[
            "2026-11-23",
            "2026-11-25",
            "2026-11-27",
            "2026-11-28",
            "2026-11-29",
        ]);
        assert_eq!(
            today_status(&fifth, day("2026-11-29"), Weekday::Mon),
            TodayStatus::RestAdvised
        );
        let fifth_apart = with_sessions(&[
            "2026-11-23",
            "2026-11-24",
            "2026-11-26",
            "2026-11-27",
            "2026-11-29",
        ]);
        assert_eq!(
            today_status(&fifth_apart, day("2026-11-29"), Weekday::Mon),
            TodayStatus::WeekDone
        );
    }

    #[test]
    fn back_to_back_is_flagged_on_both_days() {
        let state = with_sessions(&["2026-11-23", "2026-11-24", "2026-11-26"]);
        assert!(back_to_back(&state, day("2026-11-23")));
        assert!(back_to_back(&state, day("2026-11-24")));
        assert!(!back_to_back(&state, day("2026-11-26")));
        assert!(!back_to_back(&state, day("2026-11-25")));
    }

    #[test]
    fn weeks_follow_the_locale_start_across_the_year_end() {
        // Sessions on Sun 28 Dec 2025 and Thu 1 Jan 2026.
        let state = with_sessions(&["2025-12-28", "2026-01-01"]);
        let new_year = day("2026-01-01");
        // A Monday week starts Mon 29 Dec, so Sunday 28 Dec falls in the week before.
        assert_eq!(sessions_in_week(&state, new_year, Weekday::Mon), 1);
        assert_eq!(sessions_in_week(&state, day("2025-12-27"), Weekday::Mon), 1);
        // Sunday and Saturday weeks both hold the two sessions.
        assert_eq!(sessions_in_week(&state, new_year, Weekday::Sun), 2);
        assert_eq!(sessions_in_week(&state, new_year, Weekday::Sat), 2);
    }

    #[test]
    fn adherence_and_streak() {
        let state = with_sessions(&[
            "2026-11-02",
            "2026-11-04",
            "2026-11-06", // week of 2 Nov: 3
            "2026-11-09",
            "2026-11-11",
            "2026-11-13",
            "2026-11-15", // week of 9 Nov: 4
            "2026-11-17", // week of 16 Nov: 1
            "2026-11-23",
            "2026-11-25",
            "2026-11-27", // this week: 3
        ]);
        let today = day("2026-11-27");
        let weeks = adherence(&state, today, Weekday::Mon, 4);
        let counts: Vec<_> = weeks.iter().map(|w| w.sessions).collect();
        assert_eq!(counts, vec![3, 4, 1, 3]);
        assert_eq!(weeks[0].start, day("2026-11-02"));
        assert_eq!(week_streak(&state, today, Weekday::Mon), 1);
        assert_eq!(week_streak(&state, day("2026-11-16"), Weekday::Mon), 2);
    }

    #[test]
    fn weeks_begin_with_the_first_record() {
        let today = day("2026-11-27");
        assert_eq!(first_record(&AppState::default()), None);
        assert!(recorded_weeks(&AppState::default(), today, Weekday::Mon, 8).is_empty());
        // A first session on Wednesday 18 November: two weeks, not eight.
        let mut state = with_sessions(&["2026-11-18", "2026-11-25"]);
        let weeks = recorded_weeks(&state, today, Weekday::Mon, 8);
        let starts: Vec<_> = weeks.iter().map(|w| w.start).collect();
        assert_eq!(starts, vec![day("2026-11-16"), day("2026-11-23")]);
        // A strength check before the first session starts the record.
        state.strength_checks.insert(
            day("2026-11-10"),
            Stamped::new(
                1,
                StrengthCheck {
                    left: 10,
                    right: 10,
                    pain_at_rest: false,
                },
            ),
        );
        assert_eq!(first_record(&state), Some(day("2026-11-10")));
        assert_eq!(recorded_weeks(&state, today, Weekday::Mon, 8).len(), 3);
        // Never more than asked for.
        assert_eq!(recorded_weeks(&state, today, Weekday::Mon, 2).len(), 2);
    }

    fn rated(before: u8, after: u8, morning: u8) -> DayLog {
        let mut log = trained_log();
        log.pain_before = Some(Stamped::new(1, before));
        log.pain_after = Some(Stamped::new(1, after));
        log.pain_next_morning = Some(Stamped::new(2, morning));
        log
    }

    fn in_phase(phase: Phase, since: Day) -> AppState {
        AppState {
            programme: Some(Stamped::new(1, Programme { phase, since })),
            ..AppState::default()
        }
    }

    #[test]
    fn phase_two_is_earned_by_sessions_not_dates() {
        let start = day("2026-10-01");
        // Seven weeks with no session: no offer.
        let empty = in_phase(Phase::Foundation, start);
        assert_eq!(phase_offer(&empty, start.plus(49)), PhaseOffer::None);
        // Six settled sessions over two weeks and more: offered.
        let mut state = in_phase(Phase::Foundation, start);
        for offset in [0, 2, 5, 7, 9, 13] {
            state.days.insert(start.plus(offset), rated(2, 3, 2));
        }
        assert_eq!(phase_offer(&state, start.plus(14)), PhaseOffer::Hamstring);
        // The same six sessions inside twelve days: not yet.
        let mut quick = in_phase(Phase::Foundation, start);
        for offset in [0, 2, 4, 6, 8, 10] {
            quick.days.insert(start.plus(offset), rated(2, 3, 2));
        }
        assert_eq!(phase_offer(&quick, start.plus(12)), PhaseOffer::None);
        // The last session did not settle: not yet, and at six weeks, a physio.
        state.days.insert(start.plus(15), rated(2, 4, 4));
        assert_eq!(phase_offer(&state, start.plus(16)), PhaseOffer::None);
        assert_eq!(phase_offer(&state, start.plus(42)), PhaseOffer::SeePhysio);
        let progress = foundation_progress(&state, start, start.plus(16));
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
            log.loads.insert(rdl, Stamped::new(1, 80));
            log
        };
        let today = day("2026-10-10");
        state.days.insert(day("2026-10-06"), session(2, 2, 3));
        assert!(
            !add_load_suggested(&state, rdl, today),
            "one session is not enough"
        );
        state.days.insert(day("2026-10-08"), session(3, 2, 3));
        assert!(add_load_suggested(&state, rdl, today));
        state.days.insert(day("2026-10-08"), session(4, 2, 3));
        assert!(
            !add_load_suggested(&state, rdl, today),
            "pain after above 3"
        );
        state.days.insert(day("2026-10-08"), session(3, 2, 2));
        assert!(!add_load_suggested(&state, rdl, today), "a set missing");
        state.days.insert(day("2026-10-08"), session(3, 4, 3));
        assert!(!add_load_suggested(&state, rdl, today), "not settled");
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
            phase_offer(&state, start.plus(2)),
            PhaseOffer::None,
            "one check is not enough"
        );
        state
            .strength_checks
            .insert(start.plus(5), Stamped::new(4, check(19, 20, false)));
        assert_eq!(
            phase_offer(&state, start.plus(6)),
            PhaseOffer::None,
            "four days apart"
        );
        state
            .strength_checks
            .insert(start.plus(9), Stamped::new(5, check(20, 20, false)));
        assert_eq!(phase_offer(&state, start.plus(10)), PhaseOffer::ReturnToRun);
        state
            .strength_checks
            .insert(start.plus(12), Stamped::new(6, check(17, 20, false)));
        assert_eq!(
            phase_offer(&state, start.plus(13)),
            PhaseOffer::None,
            "the latest fell short"
        );
        state
            .strength_checks
            .insert(start.plus(20), Stamped::new(7, check(20, 20, true)));
        assert_eq!(
            phase_offer(&state, start.plus(21)),
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

    #[test]
    fn the_morning_after_can_be_rated_on_a_later_day() {
        let mut state = with_sessions(&["2026-11-20", "2026-11-24"]);
        let tuesday = Some(day("2026-11-24"));
        assert_eq!(morning_check_day(&state, day("2026-11-25")), tuesday);
        // Not opened on Wednesday: asked on Friday, about the last session only.
        assert_eq!(morning_check_day(&state, day("2026-11-27")), tuesday);
        state
            .days
            .get_mut(&day("2026-11-24"))
            .unwrap()
            .pain_next_morning = Some(Stamped::new(2, 1));
        // Rated: still shown the next day, to change it; not after.
        assert_eq!(morning_check_day(&state, day("2026-11-25")), tuesday);
        assert_eq!(morning_check_day(&state, day("2026-11-27")), None);
        // Two weeks on, no longer asked.
        let old = with_sessions(&["2026-11-01"]);
        assert_eq!(morning_check_day(&old, day("2026-11-16")), None);
        assert_eq!(
            morning_check_day(&old, day("2026-11-15")),
            Some(day("2026-11-01"))
        );
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

    proptest! {
        #[test]
        fn week_counts_add_up(offsets in proptest::collection::btree_set(0i32..70, 0..40), first in 0usize..7) {
            let first = Weekday::ALL[first];
            let base = day("2026-03-01"); // spans the spring DST change in many zones
            let mut state = AppState::default();
            for offset in &offsets {
                state.days.insert(base.plus(*offset), trained_log());
            }
            let weeks = adherence(&state, base.plus(69), first, 12);
            let total: usize = weeks.iter().map(|w| w.sessions).sum();
            prop_assert_eq!(total, offsets.len());
            for w in &weeks {
                prop_assert!(w.sessions <= 7);
                prop_assert_eq!(w.start.weekday(), first);
            }
        }
    }
}
