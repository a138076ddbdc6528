//! The routine's words: what pain ratings mean and what happens next, rest
//! days, how a phase is earned, and the return to running.

/// What a rating during or right after exercise means, by zone.
pub const PAIN_SAFE: &str = "Up to 3 out of 10 is a safe level of pain during or after exercise.";
pub const PAIN_ACCEPTABLE: &str =
    "4 or 5 out of 10 is acceptable, as long as it settles by the next morning.";
pub const PAIN_TOO_MUCH: &str = "Above 5 out of 10 is too much: stop the move that hurts and ease off for the rest of today. The next session will be lighter.";

/// Before the session, when the pain is already above 5/10.
pub const REST_SUGGESTED: &str = "Your pain is above 5 out of 10 before you start: resting today is the sensible choice. If you go on, keep it light and stop any move that takes the pain above 5.";

/// Under every pain rating: the model and its source.
pub const PAIN_MODEL: &str = "Pain should settle by the next morning and should not build from week to week. If it does not settle, the load comes down. (Pain-monitoring model, Silbernagel et al., 2007.)";

/// Before the session: why the baseline is asked.
pub const PAIN_BEFORE_WHY: &str =
    "Tomorrow morning's pain is compared with this: it should be no higher, and 5 or less.";

/// The next morning, once rated: what it means and what comes next.
pub const SETTLED: &str = "Settled: the pain is back where it was before the session. The next session goes ahead as planned.";
pub const NOT_SETTLED: &str = "Not quite settled: the pain is higher than before the session. The next session is lighter: one set fewer of each longer move, and no optional sets.";
pub const NOT_SETTLED_NO_BASELINE: &str = "Not quite settled: the pain is above 3 out of 10 (there is no rating from before the session to compare with). The next session is lighter: one set fewer of each longer move, and no optional sets.";
pub const TOO_MUCH_MORNING: &str = "Too much: more than 5 out of 10 the morning after. Rest today, and make the next session lighter.";
pub const TOO_MUCH_DURING: &str = "It settled, but the session itself went above 5 out of 10. The next session is lighter: one set fewer of each longer move, and no optional sets.";

/// At the top of today's session, when the plan changed.
pub const LIGHTER_TODAY: &str = "A lighter session today: the pain did not settle after the last one. Sets left out are marked.";
pub const LIGHTER_TODAY_DURING: &str = "A lighter session today: the pain went above 5 out of 10 during the last one. Sets left out are marked.";
pub const LIGHTER_TODAY_TREND: &str = "A lighter session today: your next-morning pain is building from week to week. Sets left out are marked.";
pub const REST_TODAY_PAIN: &str =
    "Rest day: the pain was above 5 out of 10 this morning. The next session will be lighter.";
pub const REST_TODAY_BACK_TO_BACK: &str = "Rest day: you trained yesterday, and the programme asks for at least one rest day between sessions.";
pub const REST_TODAY_WEEK_DONE: &str =
    "Rest day: you have done four sessions this week. Rest until the new week.";
/// A good day to train, with nothing changed.
pub const TRAINING_DAY: &str = "Training day: the session as planned.";
/// Under a rest day's status, above the folded session.
pub const REST_DAY_SESSION: &str = "Today's session is folded away.";
pub const REST_DAY_SESSION_OPEN: &str = "Today's session is open below.";
pub const BUILDING_UP: &str =
    "The new hamstring moves build up a set a week, so the session does not double at once.";

/// When the next-morning pain has risen from one week to the next.
pub const BUILDING_UP_PAIN: &str = "Your next-morning pain is higher this week than the week before. Pain should not build from week to week, so sessions are lighter until it stops rising. If it keeps building, see a physiotherapist.";

/// Phase 1's rule, stated where the offer appears.
pub const FOUNDATION_RULE: &str = "Phase 2 opens after at least 6 sessions over two weeks or more, with your last 3 rated sessions settled by the next morning and no higher than 5 out of 10 during them.";
pub const FOUNDATION_READY: &str = "You have done the sessions and they have settled. If the tendon feels ready, hamstring-specific work can begin.";
pub const FOUNDATION_SEE_PHYSIO: &str = "Six weeks into phase 1 and the pain is still not settling after sessions. It is worth seeing a physiotherapist before going further.";
pub const STRENGTH_RULE: &str = "Phase 3 opens after two strength checks at least a week apart, each with your weaker leg at 90% or more of the stronger and no pain at rest.";
pub const STRENGTH_READY: &str = "Two strength checks a week apart show both legs nearly equal, with no pain at rest. A light running programme can begin.";

/// The return to running, in stages: duration before speed; hills and
/// speedwork last.
pub const RUN_STAGES: [&str; 4] = [
    "Short, easy walk–run intervals on flat ground",
    "Longer easy runs, still on flat ground: duration before speed",
    "Easy runs that include hills",
    "Runs that include speedwork",
];
pub const RUN_RULE: &str = "Move up a stage after three runs in a row that stayed at 5 out of 10 or less and settled by the next morning (3 or less). A run that goes above 5 or does not settle takes you back a stage. Change one thing at a time, and rate the next morning after every run, as after every session.";
pub const RUN_TOO_MUCH: &str = "Too much: above 5 out of 10. Ease off: make the next run shorter or easier, and rate the morning after it too.";
pub const RUN_NOT_SETTLED: &str =
    "Not settled: make the next run shorter or easier, and rate the morning after it too.";

/// How long today's run should be, from the person's last run: the source
/// gives no minutes, so the app names none of its own.
pub const RUN_FIRST: &str =
    "Your first run: keep it short and easy, walking and running in turns on flat ground.";
pub fn run_done_today(minutes: u16) -> String {
    format!(
        "Logged today: {}. Rate the pain tomorrow morning.",
        minutes_text(minutes)
    )
}
pub fn run_rate_first(minutes: u16) -> String {
    format!(
        "Rate the morning after your last run ({}) first: it decides what comes next.",
        minutes_text(minutes)
    )
}
pub fn run_as_last(minutes: u16) -> String {
    format!(
        "About as long as your last run, which settled: {}.",
        minutes_text(minutes)
    )
}
pub fn run_longer(minutes: u16) -> String {
    format!(
        "Your last run ({}) settled: a little longer this time, still easy. Duration before speed.",
        minutes_text(minutes)
    )
}
pub fn run_shorter(minutes: u16) -> String {
    format!(
        "Your last run ({}) did not settle: make this one shorter or easier.",
        minutes_text(minutes)
    )
}

/// "1 minute", "20 minutes".
pub fn minutes_text(minutes: u16) -> String {
    if minutes == 1 {
        "1 minute".to_string()
    } else {
        format!("{minutes} minutes")
    }
}

/// The rest between a move's sets, next to its "Start rest" button: the
/// source's (the split squat) or the person's own, said as such.
pub fn rest_text(seconds: u32, from_source: Option<u32>) -> String {
    match from_source {
        _ if seconds == 0 => "Rest between sets is off in your settings.".to_string(),
        Some(source) if source == seconds => {
            format!("Rest {seconds} s after each set, as the source asks.")
        }
        Some(source) => {
            format!("Rest {seconds} s after each set: your setting (the source says {source} s).")
        }
        None => format!(
            "Rest {seconds} s between sets: your setting (the source gives no rest for this move)."
        ),
    }
}

/// Next to a setting that differs from the source (allowed).
pub const REST_DIFFERS: &str =
    "The source says to rest 15 seconds after each split-squat set. A different rest is fine if it suits you or your physiotherapist.";
pub const BREAK_DIFFERS: &str =
    "The source says to stand up every 15–20 minutes of sitting. A different interval is fine if it suits you or your physiotherapist.";

/// Loads.
pub const ADD_LOAD: &str = "Your last two sessions with this move settled, every set was done, and the pain stayed at 3 or less: you could add a little weight next time. Change one thing at a time.";
