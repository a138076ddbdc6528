//! A summary a physiotherapist can read: one page, for a period the person
//! picks, of what they recorded. Plain text, so it prints, shares and saves
//! the same everywhere.

use crate::chart::one_decimal;
use crate::date::{Day, Weekday};
use crate::pain::{settled, weekly_mornings, ACCEPTABLE};
use crate::running::run_settled;
use crate::schedule::{sessions_in_week, strength_ratio_percent};
use crate::selfcheck::Verdict;
use crate::state::AppState;
use hamstring_content::exercises::ExerciseId;
use hamstring_content::selfcheck::level_text;
use std::fmt::Write;

/// The summary of `from`..=`to`, one section after another.
pub fn physio_summary(state: &AppState, from: Day, to: Day, week_start: Weekday) -> String {
    let period = Period {
        from,
        to,
        week_start,
    };
    let mut out = String::new();
    let _ = writeln!(out, "Hamstring Rehab: summary for a physiotherapist");
    let _ = writeln!(out, "{} to {}", from.long_label(), to.long_label());
    let _ = writeln!(out, "Recorded by the person themselves; not a diagnosis.\n");
    for section in [
        phase,
        sessions_per_week,
        pain_by_session,
        loads,
        strength_checks,
        runs,
        latest_check,
    ] {
        section(&mut out, state, &period);
    }
    out
}

struct Period {
    from: Day,
    to: Day,
    week_start: Weekday,
}

/// A rating, or a dash where none was given.
fn rating(value: Option<u8>) -> String {
    value.map_or("–".to_string(), |v| v.to_string())
}

/// A heading and its lines, left out when there are none.
fn list(out: &mut String, heading: &str, lines: Vec<String>) {
    if !lines.is_empty() {
        let _ = writeln!(out, "\n{heading}\n{}", lines.join("\n"));
    }
}

fn phase(out: &mut String, state: &AppState, _: &Period) {
    let _ = match state.programme() {
        Some(p) => writeln!(
            out,
            "Phase: {}, since {}.",
            p.phase.title(),
            p.since.long_label()
        ),
        None => writeln!(out, "Phase: none chosen yet."),
    };
}

fn sessions_per_week(out: &mut String, state: &AppState, period: &Period) {
    let _ = writeln!(out, "\nSessions per week:");
    let mut week = period.from.week_start(period.week_start);
    while week <= period.to {
        let _ = writeln!(
            out,
            "- week of {}: {}",
            week.short_label(),
            sessions_in_week(state, week, period.week_start)
        );
        week = week.plus(7);
    }
}

fn pain_by_session(out: &mut String, state: &AppState, period: &Period) {
    let _ = writeln!(
        out,
        "\nPain, 0 to 10 (before / after / next morning), by session:"
    );
    let sessions: Vec<String> = state
        .days
        .range(period.from..=period.to)
        .filter(|(_, log)| log.trained())
        .map(|(day, log)| {
            let before = log.pain_before.as_ref().map(|r| r.value);
            let after = log.pain_after.as_ref().map(|r| r.value);
            let morning = log.pain_next_morning.as_ref().map(|r| r.value);
            let settled_note = match morning {
                Some(m) if settled(before, m) => ", settled",
                Some(_) => ", not settled",
                None => "",
            };
            let during_note = if after.is_some_and(|a| a > ACCEPTABLE) {
                format!(", above {ACCEPTABLE} during")
            } else {
                String::new()
            };
            format!(
                "- {}: {} / {} / {}{settled_note}{during_note}",
                day.short_label(),
                rating(before),
                rating(after),
                rating(morning),
            )
        })
        .collect();
    if sessions.is_empty() {
        let _ = writeln!(out, "- no sessions recorded");
    } else {
        let _ = writeln!(out, "{}", sessions.join("\n"));
    }
    let weeks: Vec<String> = weekly_mornings(state, period.to, period.week_start, 12)
        .into_iter()
        .filter(|(start, _)| start.plus(6) >= period.from)
        .map(|(start, mean)| format!("{} {}", start.short_label(), one_decimal(mean)))
        .collect();
    if !weeks.is_empty() {
        let _ = writeln!(out, "Next-morning average by week: {}", weeks.join(", "));
    }
}

fn loads(out: &mut String, state: &AppState, period: &Period) {
    let loads: Vec<String> = state
        .days
        .range(period.from..=period.to)
        .filter_map(|(day, log)| {
            let load = log.loads.get(&ExerciseId::RomanianDeadlift)?.value;
            Some(format!(
                "{} {}.{} kg",
                day.short_label(),
                load / 10,
                load % 10
            ))
        })
        .collect();
    if !loads.is_empty() {
        let _ = writeln!(
            out,
            "\nRomanian deadlift, weight in each hand: {}",
            loads.join(", ")
        );
    }
}

fn strength_checks(out: &mut String, state: &AppState, period: &Period) {
    let checks = state
        .strength_checks
        .range(period.from..=period.to)
        .map(|(day, check)| {
            let c = check.value;
            format!(
                "- {}: left {}, right {} ({}%){}",
                day.short_label(),
                c.left,
                c.right,
                strength_ratio_percent(c),
                if c.pain_at_rest { ", pain at rest" } else { "" }
            )
        })
        .collect();
    list(out, "Strength checks (single-leg bridges):", checks);
}

fn runs(out: &mut String, state: &AppState, period: &Period) {
    let runs = state
        .runs
        .range(period.from..=period.to)
        .map(|(day, run)| {
            let r = run.value;
            let note = match run_settled(&r) {
                Some(true) => ", settled",
                Some(false) => ", not settled",
                None => "",
            };
            format!(
                "- {}: {} min, pain {} then {} next morning{note}",
                day.short_label(),
                r.minutes,
                r.pain_now,
                rating(r.pain_next_morning)
            )
        })
        .collect();
    list(out, "Runs:", runs);
}

fn latest_check(out: &mut String, state: &AppState, _: &Period) {
    let Some(result) = state.check_results.values().next_back().map(|r| &r.value) else {
        return;
    };
    let _ = writeln!(
        out,
        "\nLatest self-check, {}: {}",
        result.day.long_label(),
        result.verdict.headline()
    );
    if let Verdict::Triage(triage) = &result.verdict {
        let _ = writeln!(out, "({}.)", level_text(triage.level).when);
        for flag in triage.reasons.iter().filter_map(|reason| reason.flag()) {
            let _ = writeln!(out, "- {}", flag.reason);
        }
    }
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
        assert!(text.contains("Phase: Phase 2 · Hamstring work"));
        assert!(text.contains("23 Nov: 2 / 4 / 2, settled"), "{text}");
        assert!(text.contains("7.5 kg"));
        assert!(text.contains("left 18, right 20 (90%)"));
        assert!(text.contains("15 min, pain 2 then 1 next morning, settled"));
        assert!(text.contains("20 min, pain 8 then 3 next morning, not settled"));
        assert!(!text.contains("27 Sep"), "outside the period");
        assert!(text.contains("not a diagnosis"));
    }
}
