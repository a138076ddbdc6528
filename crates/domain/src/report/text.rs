//! The summary as plain text, one section after another: what Share and
//! Download give, the same everywhere.

use super::{physio_report, rating, Report};
use crate::date::{Day, Weekday};
use crate::pain::ACCEPTABLE;
use crate::running::run_settled;
use crate::schedule::strength_ratio_percent;
use crate::state::AppState;
use std::fmt::Write;

impl Report {
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
        self.write_latest_check(&mut out);
        heading(&mut out, "Phase");
        let _ = writeln!(out, "{}.", self.phase_line());
        self.write_weeks(&mut out);
        self.write_sessions(&mut out);
        if let Some(loads) = self.loads_line() {
            heading(&mut out, "Romanian deadlift, weight in each hand");
            let _ = writeln!(out, "{loads}");
        }
        self.write_strength_checks(&mut out);
        self.write_runs(&mut out);
        out
    }

    /// The latest self-check: its day, heading, how soon and why.
    fn write_latest_check(&self, out: &mut String) {
        heading(out, "Latest self-check");
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
    }

    /// Sessions in each week of the period.
    fn write_weeks(&self, out: &mut String) {
        heading(out, "Sessions per week");
        let _ = writeln!(out, "{}", self.weeks_line());
        for week in &self.weeks {
            let _ = writeln!(
                out,
                "- Week of {}: {}",
                week.start.short_label(),
                week.sessions
            );
        }
    }

    /// Each session's pain before, after and the next morning.
    fn write_sessions(&self, out: &mut String) {
        heading(
            out,
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
    }

    /// Each strength check, with the weaker side against the stronger.
    fn write_strength_checks(&self, out: &mut String) {
        if !self.strength_checks.is_empty() {
            heading(out, "Strength checks: single-leg glute bridges");
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
    }

    /// Each run, its pain after and the next morning.
    fn write_runs(&self, out: &mut String) {
        if !self.runs.is_empty() {
            heading(out, "Runs: minutes, pain after, pain next morning");
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
