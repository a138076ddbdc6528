//! The session a phase asks for: a tick target per set, and how far a day's
//! log is through it.

use crate::phase::Phase;
use crate::schedule::seconds_until;
use crate::state::{DayLog, SetKey, Side};
use hamstring_content::exercises::{Dose, ExerciseId};

/// One tick target in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetTarget {
    pub key: SetKey,
    /// Beyond the dose's minimum ("3–4 sets": the fourth is optional).
    pub optional: bool,
    /// Left out of today's session, and why.
    pub dropped: Option<Dropped>,
}

/// Why a set is left out of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dropped {
    /// A move new to this phase builds up a set a week, so the session never
    /// jumps to double its volume in one step.
    BuildingUp,
    /// The pain did not settle: a lighter session.
    Lighter,
}

/// The tick targets for an exercise's full dose: one per set, and per side
/// where the dose is per side (left then right).
pub fn set_targets(exercise: ExerciseId) -> Vec<SetTarget> {
    let Dose {
        sets_min,
        sets_max,
        per_side,
        ..
    } = exercise.info().dose;
    let sides: &[Option<Side>] = if per_side {
        &[Some(Side::Left), Some(Side::Right)]
    } else {
        &[None]
    };
    (1..=sets_max)
        .flat_map(|set| {
            sides.iter().map(move |side| SetTarget {
                key: SetKey {
                    exercise,
                    set,
                    side: *side,
                },
                optional: set > sets_min,
                dropped: None,
            })
        })
        .collect()
}

/// The sets a move new to `phase` asks for in the phase's `week` (from 0):
/// one set in the first week, two in the second, then the full dose.
fn building_up(phase: Phase, exercise: ExerciseId, week: i32) -> Option<u8> {
    let new_in_phase = phase == Phase::Hamstring && !Phase::Foundation.includes(exercise);
    (new_in_phase && week < 2).then_some(week as u8 + 1)
}

/// A day's session: every set of the phase's moves, with the ones left out
/// today marked (a move that is building up, or a lighter session after pain
/// that did not settle: no optional sets, and one set fewer of every move
/// that has more than one).
pub fn session_targets(phase: Phase, week: i32, lighter: bool) -> Vec<SetTarget> {
    phase
        .exercises()
        .into_iter()
        .flat_map(|exercise| {
            let targets = set_targets(exercise);
            let cap = building_up(phase, exercise, week);
            let required_sets = targets
                .iter()
                .filter(|t| !t.optional)
                .map(|t| t.key.set)
                .max()
                .unwrap_or(1);
            let after_ramp = cap.map_or(required_sets, |cap| cap.min(required_sets));
            let lighter_sets = if lighter {
                after_ramp.saturating_sub(1).max(1)
            } else {
                after_ramp
            };
            targets.into_iter().map(move |mut target| {
                target.dropped = if cap.is_some_and(|cap| target.key.set > cap) {
                    Some(Dropped::BuildingUp)
                } else if lighter && (target.optional || target.key.set > lighter_sets) {
                    Some(Dropped::Lighter)
                } else {
                    None
                };
                target
            })
        })
        .collect()
}

/// How far through a session's required sets a day's log is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionProgress {
    /// Required sets ticked.
    pub done: usize,
    /// Required sets in the session.
    pub required: usize,
}

impl SessionProgress {
    pub fn complete(self) -> bool {
        self.required > 0 && self.done >= self.required
    }

    /// Whole percent, for a progress bar.
    pub fn percent(self) -> u32 {
        (self.done.min(self.required) * 100)
            .checked_div(self.required)
            .unwrap_or(0) as u32
    }
}

/// Progress through `targets` (the required ones still in the session).
pub fn session_progress(targets: &[SetTarget], log: &DayLog) -> SessionProgress {
    let required: Vec<SetKey> = targets
        .iter()
        .filter(|target| !target.optional && target.dropped.is_none())
        .map(|target| target.key)
        .collect();
    SessionProgress {
        done: required.iter().filter(|key| log.is_done(**key)).count(),
        required: required.len(),
    }
}

/// A move rests between its sets: every move of more than one set, and the
/// split squat, whose dose in the source asks for a rest after its set.
pub fn rests_between_sets(exercise: ExerciseId) -> bool {
    let dose = exercise.info().dose;
    dose.sets_max > 1 || dose.rest_after_secs.is_some()
}

/// Whether the rest after this move's sets is the source's (the split
/// squat's 15 seconds) rather than one the person sets: the source gives no
/// rest for the other moves.
pub fn rest_from_source(exercise: ExerciseId) -> Option<u32> {
    exercise.info().dose.rest_after_secs
}

/// The rest a tick starts, in seconds (`rest_secs`, the person's setting,
/// 15 by default as the source gives for the split squat; 0 turns it off).
/// `log` already holds the tick. A move done one leg at a time rests once
/// both sides of the set are done; a move's last set starts none, unless
/// the source asks for rest after every set (before the next move).
pub fn rest_after_tick(key: SetKey, log: &DayLog, rest_secs: u32) -> Option<u32> {
    let exercise = key.exercise;
    let dose = exercise.info().dose;
    let both_sides = match key.side {
        None => true,
        Some(side) => log.is_done(SetKey {
            side: Some(match side {
                Side::Left => Side::Right,
                Side::Right => Side::Left,
            }),
            ..key
        }),
    };
    let another_follows = key.set < dose.sets_max || dose.rest_after_secs.is_some();
    (rests_between_sets(exercise) && both_sides && another_follows && rest_secs > 0)
        .then_some(rest_secs)
}

/// A rest's countdown, kept as the time it ends (so a phone that slept or a
/// slow tick does not stretch it), or as what was left when it was paused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RestClock {
    Running { ends_ms: f64 },
    Paused { left_ms: f64 },
}

impl RestClock {
    pub fn start(now_ms: f64, secs: u32) -> RestClock {
        RestClock::Running {
            ends_ms: now_ms + f64::from(secs) * 1000.0,
        }
    }

    /// Whole seconds left, rounded up: 0 only when the rest is over.
    pub fn left_secs(self, now_ms: f64) -> u32 {
        match self {
            RestClock::Running { ends_ms } => seconds_until(ends_ms, now_ms),
            RestClock::Paused { left_ms } => seconds_until(left_ms, 0.0),
        }
    }

    /// A running rest whose time has come; a paused one never is.
    pub fn is_over(self, now_ms: f64) -> bool {
        matches!(self, RestClock::Running { .. }) && self.left_secs(now_ms) == 0
    }

    pub fn is_paused(self) -> bool {
        matches!(self, RestClock::Paused { .. })
    }

    pub fn pause(self, now_ms: f64) -> RestClock {
        match self {
            RestClock::Running { ends_ms } => RestClock::Paused {
                left_ms: (ends_ms - now_ms).max(0.0),
            },
            paused => paused,
        }
    }

    pub fn resume(self, now_ms: f64) -> RestClock {
        match self {
            RestClock::Paused { left_ms } => RestClock::Running {
                ends_ms: now_ms + left_ms,
            },
            running => running,
        }
    }
}

/// The sets of `exercise` to show when looking back at a day, from that
/// day's plan (`targets`): the sets it planned, and any it left out but the
/// person ticked anyway, all as sets to tick. A set left out then and not
/// ticked is not shown: its "not yet" was about that day, not now.
pub fn sets_looking_back(
    targets: &[SetTarget],
    log: &DayLog,
    exercise: ExerciseId,
) -> Vec<SetTarget> {
    targets
        .iter()
        .filter(|t| t.key.exercise == exercise)
        .filter(|t| t.dropped.is_none() || log.is_done(t.key))
        .map(|t| SetTarget {
            dropped: None,
            ..*t
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Stamped;

    #[test]
    fn looking_back_shows_the_planned_sets_and_any_left_out_but_ticked() {
        let set = |exercise, set, dropped| SetTarget {
            key: SetKey {
                exercise,
                set,
                side: None,
            },
            optional: false,
            dropped,
        };
        let squat = ExerciseId::BodyweightSquat;
        let targets = [
            set(squat, 1, None),
            set(squat, 2, Some(Dropped::Lighter)),
            set(squat, 3, Some(Dropped::BuildingUp)),
            set(ExerciseId::GluteBridge, 1, None),
        ];
        let mut log = DayLog::default();
        log.sets.insert(targets[2].key, Stamped::new(1, true));
        let shown = sets_looking_back(&targets, &log, squat);
        assert_eq!(shown, [set(squat, 1, None), set(squat, 3, None)]);
        assert!(sets_looking_back(&targets, &log, ExerciseId::FoamRoll).is_empty());
    }

    #[test]
    fn foundation_has_no_direct_hamstring_work() {
        assert_eq!(
            Phase::Foundation.exercises(),
            vec![
                ExerciseId::GluteBridge,
                ExerciseId::BulgarianSplitSquat,
                ExerciseId::BodyweightSquat,
                ExerciseId::FoamRoll
            ]
        );
        assert!(Phase::Foundation
            .habits()
            .iter()
            .any(|h| h.contains("15–20 minutes")));
    }

    #[test]
    fn later_phases_and_prevention_have_every_exercise() {
        for phase in [Phase::Hamstring, Phase::ReturnToRun, Phase::Prevention] {
            assert_eq!(phase.exercises(), ExerciseId::ALL.to_vec(), "{phase:?}");
        }
        assert!(Phase::BackFirst.exercises().is_empty());
    }

    #[test]
    fn targets_follow_the_dose() {
        let curl = set_targets(ExerciseId::BallLegCurl);
        assert_eq!(curl.len(), 4);
        assert_eq!(curl.iter().filter(|t| t.optional).count(), 1);
        let split = set_targets(ExerciseId::BulgarianSplitSquat);
        assert_eq!(split.len(), 2);
        assert_eq!(split[0].key.side, Some(Side::Left));
        assert_eq!(split[1].key.side, Some(Side::Right));
        assert_eq!(set_targets(ExerciseId::RomanianDeadlift).len(), 3);
        assert_eq!(set_targets(ExerciseId::GluteBridge).len(), 1);
    }

    #[test]
    fn progress_counts_required_sets_only() {
        let mut log = DayLog::default();
        let phase = Phase::Foundation;
        let targets = session_targets(phase, 0, false);
        // bridge 1 + split 2 + squat 3 required (4th optional) + roll 1
        assert_eq!(session_progress(&targets, &log).required, 7);
        for target in phase.exercises().into_iter().flat_map(set_targets) {
            log.sets.insert(target.key, Stamped::new(1, true));
        }
        let progress = session_progress(&targets, &log);
        assert!(progress.complete());
        assert_eq!(progress.percent(), 100);
        assert!(log.trained());
        // An undone tick no longer counts.
        let first = set_targets(ExerciseId::GluteBridge)[0].key;
        log.sets.insert(first, Stamped::new(2, false));
        assert!(!session_progress(&targets, &log).complete());
    }

    fn required(targets: &[SetTarget]) -> usize {
        targets
            .iter()
            .filter(|t| !t.optional && t.dropped.is_none())
            .count()
    }

    #[test]
    fn phase_two_builds_up_a_set_a_week_and_never_doubles_the_volume() {
        let phase_one = required(&session_targets(Phase::Foundation, 5, false));
        let weeks: Vec<usize> = (0..4)
            .map(|week| required(&session_targets(Phase::Hamstring, week, false)))
            .collect();
        assert_eq!(phase_one, 7);
        assert_eq!(weeks, vec![10, 12, 14, 14]);
        let mut previous = phase_one;
        for volume in weeks {
            assert!(volume < 2 * previous, "{previous} → {volume}");
            previous = volume;
        }
        // Prevention starts with everything: no injury to build up from.
        assert_eq!(required(&session_targets(Phase::Prevention, 0, false)), 14);
    }

    #[test]
    fn a_lighter_session_drops_optional_sets_and_one_set_of_each_longer_move() {
        let targets = session_targets(Phase::Foundation, 3, true);
        // bridge 1 + split 2 (one set, both sides) + squat 2 + roll 1
        assert_eq!(required(&targets), 6);
        let dropped: Vec<String> = targets
            .iter()
            .filter(|t| t.dropped == Some(Dropped::Lighter))
            .map(|t| t.key.to_string())
            .collect();
        assert_eq!(dropped, ["bodyweight-squat:3", "bodyweight-squat:4"]);
    }
}

#[cfg(test)]
mod rest_tests {
    use super::*;
    use crate::state::Stamped;

    fn ticked(keys: &[SetKey]) -> DayLog {
        let mut log = DayLog::default();
        for key in keys {
            log.sets.insert(*key, Stamped::new(1, true));
        }
        log
    }

    #[test]
    fn every_move_of_more_than_one_set_rests_and_the_split_squat_as_the_source_says() {
        let resting: Vec<ExerciseId> = ExerciseId::ALL
            .into_iter()
            .filter(|id| rests_between_sets(*id))
            .collect();
        assert_eq!(
            resting,
            [
                ExerciseId::BulgarianSplitSquat,
                ExerciseId::BallLegCurl,
                ExerciseId::RomanianDeadlift,
                ExerciseId::BodyweightSquat
            ]
        );
        // Only the split squat's rest comes from the source.
        let from_source: Vec<_> = ExerciseId::ALL
            .into_iter()
            .filter_map(|id| rest_from_source(id).map(|secs| (id, secs)))
            .collect();
        assert_eq!(from_source, [(ExerciseId::BulgarianSplitSquat, 15)]);
    }

    #[test]
    fn a_tick_rests_between_sets_but_not_after_a_moves_last_set() {
        for id in [
            ExerciseId::BodyweightSquat,
            ExerciseId::BallLegCurl,
            ExerciseId::RomanianDeadlift,
        ] {
            let targets = set_targets(id);
            let last = targets.len() - 1;
            for (i, target) in targets.iter().enumerate() {
                let rest = rest_after_tick(target.key, &ticked(&[target.key]), 15);
                assert_eq!(rest, (i < last).then_some(15), "{}", target.key);
            }
        }
        let bridge = set_targets(ExerciseId::GluteBridge)[0].key;
        assert_eq!(rest_after_tick(bridge, &ticked(&[bridge]), 15), None);
    }

    #[test]
    fn a_move_done_one_leg_at_a_time_rests_after_both_sides() {
        let split = set_targets(ExerciseId::BulgarianSplitSquat);
        let (left, right) = (split[0].key, split[1].key);
        assert_eq!(rest_after_tick(left, &ticked(&[left]), 15), None);
        assert_eq!(
            rest_after_tick(right, &ticked(&[left, right]), 15),
            Some(15)
        );
        assert_eq!(rest_after_tick(left, &ticked(&[right, left]), 30), Some(30));
        // 0 seconds turns it off.
        assert_eq!(rest_after_tick(right, &ticked(&[left, right]), 0), None);
    }

    #[test]
    fn a_rest_counts_down_pauses_and_resumes_where_it_stopped() {
        let clock = RestClock::start(1_000.0, 15);
        assert_eq!(clock.left_secs(1_000.0), 15);
        assert_eq!(clock.left_secs(5_500.0), 11);
        let paused = clock.pause(5_500.0);
        assert!(paused.is_paused());
        // Time passes while paused: nothing is lost.
        assert_eq!(paused.left_secs(60_000.0), 11);
        assert!(!paused.is_over(60_000.0));
        let resumed = paused.resume(60_000.0);
        assert_eq!(resumed.left_secs(60_000.0), 11);
        assert!(!resumed.is_over(70_000.0));
        assert!(resumed.is_over(70_500.0));
        assert_eq!(
            resumed.resume(1.0),
            resumed,
            "resuming a running rest changes nothing"
        );
    }
}
