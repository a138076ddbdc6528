//! A summary a physiotherapist can read, for a period the person picks, of
//! what they recorded: as data (`Report`, which the print view draws) and as
//! plain text (`Report::text`), which shares and saves the same everywhere.

use crate::chart::one_decimal;
use crate::date::{Day, Weekday};
use crate::pain::{settled, ACCEPTABLE};
use crate::phase::Phase;
use crate::running::run_settled;
use crate::schedule::{
    first_record, sessions_in_week, strength_ratio_percent, weeks_in_phase, WeekAdherence,
    WEEK_TARGET_MAX, WEEK_TARGET_MIN,
};
use crate::selfcheck::Verdict;
use crate::state::{AppState, RunEntry, StrengthCheck};
use hamstring_content::exercises::ExerciseId;
use hamstring_content::selfcheck::level_text;
use std::fmt::Write;

/// What the summary holds, section by section.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The period: the one asked for, starting no earlier than the first record.
    pub from: Day,
    pub to: Day,
    pub latest_check: Option<LatestCheck>,
    /// The current phase and the day it began.
    pub phase: Option<(Phase, Day)>,
    /// Sessions in each week of the period, oldest first.
    pub weeks: Vec<WeekAdherence>,
    /// Every session in the period, oldest first.
    pub sessions: Vec<SessionPain>,
    /// The Romanian deadlift's weight (tenths of a kilogram in each hand):
    /// each change, with the day it was first used.
    pub load_steps: Vec<(Day, u16)>,
    /// Sessions with a weight logged.
    pub load_sessions: usize,
    pub strength_checks: Vec<(Day, StrengthCheck)>,
    pub runs: Vec<(Day, RunEntry)>,
}

/// The latest self-check: when, its heading, how soon, and the answers that
/// set the level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LatestCheck {
    pub day: Day,
    pub headline: &'static str,
    pub when: Option<&'static str>,
    pub reasons: Vec<&'static str>,
}

/// One session's pain, 0 to 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPain {
    pub day: Day,
    pub before: Option<u8>,
    pub after: Option<u8>,
    pub next_morning: Option<u8>,
}

impl SessionPain {
    /// Whether the next morning settled back (see `pain::settled`), once rated.
    pub fn settled(&self) -> Option<bool> {
        self.next_morning.map(|m| settled(self.before, m))
    }
}

/// The summary of `from`..=`to` (no earlier than the first record).
pub fn physio_report(state: &AppState, from: Day, to: Day, week_start: Weekday) -> Report {
    // Whole weeks, so the week counts and the lists cover the same days.
    let from = from.week_start(week_start);
    let from = first_record(state).map_or(from, |first| from.max(first).min(to));
    let mut weeks = Vec::new();
    let mut week = from.week_start(week_start);
    while week <= to {
        let sessions = sessions_in_week(state, week, week_start);
        weeks.push(WeekAdherence {
            start: week,
            sessions,
            met: sessions >= WEEK_TARGET_MIN,
        });
        week = week.plus(7);
    }
    let days = || state.days.range(from..=to);
    let sessions = days()
        .filter(|(_, log)| log.trained())
        .map(|(day, log)| SessionPain {
            day: *day,
            before: log.pain_before.as_ref().map(|r| r.value),
            after: log.pain_after.as_ref().map(|r| r.value),
            next_morning: log.pain_next_morning.as_ref().map(|r| r.value),
        })
        .collect();
    let loads: Vec<(Day, u16)> = days()
        .filter_map(|(day, log)| {
            let load = log.loads.get(&ExerciseId::RomanianDeadlift)?.value;
            Some((*day, load))
        })
        .collect();
    let mut load_steps: Vec<(Day, u16)> = Vec::new();
    for &(day, load) in &loads {
        if load_steps.last().is_none_or(|(_, last)| *last != load) {
            load_steps.push((day, load));
        }
    }
    Report {
        from,
        to,
        latest_check: latest_check(state),
        phase: state.programme().map(|p| (p.phase, p.since)),
        weeks,
        sessions,
        load_sessions: loads.len(),
        load_steps,
        strength_checks: state
            .strength_checks
            .range(from..=to)
            .map(|(day, check)| (*day, check.value))
            .collect(),
        runs: state
            .runs
            .range(from..=to)
            .map(|(day, run)| (*day, run.value))
            .collect(),
    }
}

fn latest_check(state: &AppState) -> Option<LatestCheck> {
    let result = &state.check_results.values().next_back()?.value;
    let (when, reasons) = match &result.verdict {
        Verdict::Triage(triage) => (
            Some(level_text(triage.level).when),
            triage
                .reasons
                .iter()
                .filter_map(|reason| reason.flag())
                .map(|flag| flag.reason)
                .collect(),
        ),
        Verdict::Older(_) => (None, Vec::new()),
    };
    Some(LatestCheck {
        day: result.day,
        headline: result.verdict.headline(),
        when,
        reasons,
    })
}

/// "5 days", "1 week", "6 weeks": how long since `since`, up to `to`.
pub fn time_since(since: Day, to: Day) -> String {
    let days = to.days_since(since).max(0);
    let weeks = weeks_in_phase(since, to);
    match (weeks, days) {
        (0, 1) => "1 day".to_string(),
        (0, days) => format!("{days} days"),
        (1, _) => "1 week".to_string(),
        (weeks, _) => format!("{weeks} weeks"),
    }
}

/// Tenths of a kilogram as "7.5 kg", "6 kg".
fn kilograms(tenths: u16) -> String {
    match tenths % 10 {
        0 => format!("{} kg", tenths / 10),
        rest => format!("{}.{rest} kg", tenths / 10),
    }
}

/// "1 session", "3 sessions".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A rating, or "not rated".
pub fn rating(value: Option<u8>) -> String {
    value.map_or("not rated".to_string(), |v| v.to_string())
}

impl Report {
    /// "Phase 2 · Hamstring work, since Thu 3 September 2026 (5 weeks)".
    pub fn phase_line(&self) -> String {
        match self.phase {
            Some((phase, since)) => format!(
                "{}, since {} ({})",
                phase.title(),
                since.long_label(),
                time_since(since, self.to)
            ),
            None => "No phase chosen yet".to_string(),
        }
    }

    /// "40 sessions in 13 weeks: 3.1 a week on average. 11 of 13 reached the aim of 3 to 4."
    pub fn weeks_line(&self) -> String {
        let on_target = self.weeks.iter().filter(|w| w.met).count();
        let total: usize = self.weeks.iter().map(|w| w.sessions).sum();
        let weeks = self.weeks.len();
        let average = one_decimal(total as f32 / weeks.max(1) as f32);
        format!(
            "{} in {}: {average} a week on average. {on_target} of {weeks} reached the aim of {WEEK_TARGET_MIN} to {WEEK_TARGET_MAX}.",
            count(total, "session", "sessions"),
            count(weeks, "week", "weeks"),
        )
    }

    /// "5 kg from 1 Sep, 7.5 kg from 3 Oct (12 sessions with a weight logged)".
    pub fn loads_line(&self) -> Option<String> {
        (!self.load_steps.is_empty()).then(|| {
            let steps: Vec<String> = self
                .load_steps
                .iter()
                .map(|(day, load)| format!("{} from {}", kilograms(*load), day.short_label()))
                .collect();
            format!(
                "{} ({} with a weight logged)",
                steps.join(", "),
                count(self.load_sessions, "session", "sessions")
            )
        })
    }

    /// The whole summary as plain text, one section after another.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "HAMSTRING REHAB: SUMMARY FOR A PHYSIOTHERAPIST");
        let _ = writeln!(
            out,
            "{} to {}",
            self.from.long_label(),
            self.to.long_label()
        );
        let _ = writeln!(
            out,
            "Recorded by the person themselves in the app; not a diagnosis."
        );
        heading(&mut out, "Latest self-check");
        match &self.latest_check {
            Some(check) => {
                let _ = writeln!(out, "{}: {}", check.day.long_label(), check.headline);
                if let Some(when) = check.when {
                    let _ = writeln!(out, "How soon: {when}.");
                }
                if !check.reasons.is_empty() {
                    let _ = writeln!(out, "Because:");
                    for reason in &check.reasons {
                        let _ = writeln!(out, "- {reason}");
                    }
                }
            }
            None => {
                let _ = writeln!(out, "None taken.");
            }
        }
        heading(&mut out, "Phase");
        let _ = writeln!(out, "{}.", self.phase_line());
        heading(&mut out, "Sessions per week");
        let _ = writeln!(out, "{}", self.weeks_line());
        for week in &self.weeks {
            let _ = writeln!(
                out,
                "- Week of {}: {}",
                week.start.short_label(),
                week.sessions
            );
        }
        heading(
            &mut out,
            "Pain, 0 to 10: before / after / next morning, by session",
        );
        if self.sessions.is_empty() {
            let _ = writeln!(out, "No sessions recorded.");
        }
        for session in &self.sessions {
            let settled = match session.settled() {
                Some(true) => " (settled)",
                Some(false) => " (did not settle)",
                None => "",
            };
            let during = if session.after.is_some_and(|after| after > ACCEPTABLE) {
                format!(", above {ACCEPTABLE} during")
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "- {}: {} / {} / {}{settled}{during}",
                session.day.short_label(),
                rating(session.before),
                rating(session.after),
                rating(session.next_morning),
            );
        }
        if let Some(loads) = self.loads_line() {
            heading(&mut out, "Romanian deadlift, weight in each hand");
            let _ = writeln!(out, "{loads}");
        }
        if !self.strength_checks.is_empty() {
            heading(&mut out, "Strength checks: single-leg glute bridges");
            for (day, check) in &self.strength_checks {
                let _ = writeln!(
                    out,
                    "- {}: left {}, right {}; weaker side {}% of the stronger{}",
                    day.short_label(),
                    check.left,
                    check.right,
                    strength_ratio_percent(*check),
                    if check.pain_at_rest {
                        "; pain at rest"
                    } else {
                        ""
                    }
                );
            }
        }
        if !self.runs.is_empty() {
            heading(&mut out, "Runs: minutes, pain after, pain next morning");
            for (day, run) in &self.runs {
                let settled = match run_settled(run) {
                    Some(true) => ", settled",
                    Some(false) => ", did not settle",
                    None => "",
                };
                let _ = writeln!(
                    out,
                    "- {}: {} min, pain {} after, {} next morning{settled}",
                    day.short_label(),
                    run.minutes,
                    run.pain_now,
                    rating(run.pain_next_morning)
                );
            }
        }
        out
    }
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(
        out,
        "\n{}\n{}",
        title.to_uppercase(),
        "-".repeat(title.len())
    );
}

/// The summary of `from`..=`to` as plain text.
pub fn physio_summary(state: &AppState, from: Day, to: Day, week_start: Weekday) -> String {
    physio_report(state, from, to, week_start).text()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phase::Phase;
    use crate::state::{Programme, RunEntry, SetKey, Stamped, StrengthCheck};

    #[test]
    fn the_summary_holds_each_kind_of_record_for_the_period() {
        let today = Day::parse("2026-11-26").unwrap();
        let mut state = AppState {
            programme: Some(Stamped::new(
                1,
                Programme {
                    phase: Phase::Hamstring,
                    since: today.plus(-20),
                },
            )),
            ..AppState::default()
        };
        let key: SetKey = "glute-bridge:1".parse().unwrap();
        let log = state.days.entry(today.plus(-3)).or_default();
        log.sets.insert(key, Stamped::new(1, true));
        log.pain_before = Some(Stamped::new(1, 2));
        log.pain_after = Some(Stamped::new(1, 4));
        log.pain_next_morning = Some(Stamped::new(2, 2));
        log.loads
            .insert(ExerciseId::RomanianDeadlift, Stamped::new(1, 75));
        // Outside the period: left out.
        state
            .days
            .entry(today.plus(-60))
            .or_default()
            .sets
            .insert(key, Stamped::new(1, true));
        state.strength_checks.insert(
            today.plus(-2),
            Stamped::new(
                1,
                StrengthCheck {
                    left: 18,
                    right: 20,
                    pain_at_rest: false,
                },
            ),
        );
        state.runs.insert(
            today.plus(-1),
            Stamped::new(
                1,
                RunEntry {
                    minutes: 15,
                    pain_now: 2,
                    pain_next_morning: Some(1),
                },
            ),
        );
        // A run above 5 did not settle, whatever the morning says.
        state.runs.insert(
            today.plus(-3),
            Stamped::new(
                1,
                RunEntry {
                    minutes: 20,
                    pain_now: 8,
                    pain_next_morning: Some(3),
                },
            ),
        );
        let text = physio_summary(&state, today.plus(-27), today, Weekday::Mon);
        assert!(
            text.contains("Phase 2 · Hamstring work, since Fri 6 November 2026 (2 weeks)"),
            "{text}"
        );
        assert!(text.contains("23 Nov: 2 / 4 / 2 (settled)"), "{text}");
        assert!(
            text.contains("7.5 kg from 23 Nov (1 session with"),
            "{text}"
        );
        assert!(
            text.contains("left 18, right 20; weaker side 90%"),
            "{text}"
        );
        assert!(
            text.contains("25 Nov: 15 min, pain 2 after, 1 next morning, settled"),
            "{text}"
        );
        assert!(
            text.contains("23 Nov: 20 min, pain 8 after, 3 next morning, did not settle"),
            "{text}"
        );
        assert!(!text.contains("27 Sep"), "outside the period");
        assert!(text.contains("not a diagnosis"));
        assert!(
            text.contains("LATEST SELF-CHECK\n-----------------\nNone taken."),
            "{text}"
        );
    }

    #[test]
    fn the_period_starts_at_the_first_record_and_loads_show_each_change() {
        let today = Day::parse("2026-11-26").unwrap();
        let mut state = AppState::default();
        let key: SetKey = "glute-bridge:1".parse().unwrap();
        for (offset, load) in [(-9, 50), (-7, 50), (-5, 60), (-2, 50)] {
            let log = state.days.entry(today.plus(offset)).or_default();
            log.sets.insert(key, Stamped::new(1, true));
            log.loads
                .insert(ExerciseId::RomanianDeadlift, Stamped::new(1, load));
        }
        let report = physio_report(&state, today.plus(-83), today, Weekday::Mon);
        // Started on Tue 17 November: two weeks, not twelve.
        assert_eq!(report.from, today.plus(-9));
        let starts: Vec<_> = report.weeks.iter().map(|w| w.start).collect();
        assert_eq!(starts, vec![today.plus(-10), today.plus(-3)]);
        assert_eq!(
            report.loads_line().unwrap(),
            "5 kg from 17 Nov, 6 kg from 21 Nov, 5 kg from 24 Nov (4 sessions with a weight logged)"
        );
        assert_eq!(
            report.weeks_line(),
            "4 sessions in 2 weeks: 2 a week on average. 1 of 2 reached the aim of 3 to 4."
        );
        assert_eq!(time_since(today.plus(-1), today), "1 day");
        assert_eq!(time_since(today.plus(-13), today), "1 week");
    }

    #[test]
    fn the_latest_self_check_gives_its_level_and_reasons() {
        use crate::selfcheck::{triage, Answers};
        use crate::state::CheckResult;
        use hamstring_content::selfcheck::QUESTIONS;
        let today = Day::parse("2026-11-26").unwrap();
        // The first answer of each question that carries a warning flag.
        let mut answers = Answers::new();
        let question = QUESTIONS
            .iter()
            .find(|q| q.choices.iter().any(|c| c.flag.is_some()))
            .unwrap();
        let choice = question.choices.iter().find(|c| c.flag.is_some()).unwrap();
        answers.insert(question.id.to_string(), vec![choice.id.to_string()]);
        let triaged = triage(&answers);
        let title = level_text(triaged.level).title;
        let mut state = AppState::default();
        state.check_results.insert(
            5,
            Stamped::new(
                5,
                CheckResult {
                    day: today,
                    answers,
                    verdict: Verdict::Triage(triaged),
                },
            ),
        );
        let text = physio_summary(&state, today.plus(-27), today, Weekday::Mon);
        let flag = choice.flag.unwrap();
        assert!(
            text.contains(&format!("{}: {title}", today.long_label())),
            "{text}"
        );
        assert!(text.contains(&format!("- {}", flag.reason)), "{text}");
    }
}
