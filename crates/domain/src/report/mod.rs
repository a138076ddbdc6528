//! A summary a physiotherapist can read, for a period the person picks, of
//! what they recorded: as data (`Report`, which the print view draws) and as
//! plain text (`Report::text`), which shares and saves the same everywhere.

use crate::chart::one_decimal;
use crate::date::{Day, Weekday};
use crate::pain::settled;
use crate::phase::Phase;
use crate::schedule::{
    first_record, sessions_in_week, weeks_in_phase, WeekAdherence, WEEK_TARGET_MAX, WEEK_TARGET_MIN,
};
use crate::selfcheck::Verdict;
use crate::state::{AppState, CheckResults, RunEntry, StrengthCheck};
use hamstring_content::exercises::ExerciseId;
use hamstring_content::selfcheck::level_text;

mod text;

pub use text::physio_summary;

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
        let sessions = sessions_in_week(&state.days, week, week_start);
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
            let load = log.load(ExerciseId::RomanianDeadlift)?;
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
        latest_check: latest_check(&state.check_results),
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

fn latest_check(results: &CheckResults) -> Option<LatestCheck> {
    let result = &results.values().next_back()?.value;
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
}

#[cfg(test)]
mod tests;
