//! "Add to my calendar": the chosen training days as one weekly repeating
//! event in an iCalendar file (RFC 5545), so the phone's own calendar does
//! the reminding. No server is involved.

use crate::date::{Day, Weekday};

/// When the sessions are: which days of the week, at what local time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub days: Vec<Weekday>,
    pub hour: u8,
    pub minute: u8,
    /// How long a session takes, in minutes.
    pub minutes: u16,
}

fn by_day(day: Weekday) -> &'static str {
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][day.index() as usize]
}

/// Text as an iCalendar value: backslashes, commas, semicolons and line
/// breaks escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (continuations start with a space),
/// never splitting a character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

fn local(day: Day, hour: u8, minute: u8) -> String {
    let (y, m, d) = day.ymd();
    format!("{y:04}{m:02}{d:02}T{hour:02}{minute:02}00")
}

/// The calendar file: a weekly event on `reminder.days` from the first of
/// them on or after `from`, at the local time given (floating: it follows
/// the phone's time zone). `stamp` is the UTC time of making it
/// (`YYYYMMDDTHHMMSSZ`). `None` without any day chosen.
pub fn ics(
    reminder: &Reminder,
    from: Day,
    summary: &str,
    description: &str,
    stamp: &str,
) -> Option<String> {
    let first = (0..7)
        .map(|i| from.plus(i))
        .find(|d| reminder.days.contains(&d.weekday()))?;
    let rule = in_week_order(&reminder.days)
        .map(by_day)
        .collect::<Vec<_>>()
        .join(",");
    let start_minutes = u32::from(reminder.hour) * 60 + u32::from(reminder.minute);
    let end_minutes = (start_minutes + u32::from(reminder.minutes)).min(23 * 60 + 59);
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Hamstring Rehab//Routine reminders//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:hamstring-rehab-{stamp}-{rule}@hamstring-rehab.local").replace(',', "-"),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART:{}", local(first, reminder.hour, reminder.minute)),
        format!(
            "DTEND:{}",
            local(first, (end_minutes / 60) as u8, (end_minutes % 60) as u8)
        ),
        format!("RRULE:FREQ=WEEKLY;BYDAY={rule}"),
        format!("SUMMARY:{}", escape(summary)),
        format!("DESCRIPTION:{}", escape(description)),
        "BEGIN:VALARM".into(),
        "ACTION:DISPLAY".into(),
        format!("DESCRIPTION:{}", escape(summary)),
        "TRIGGER:PT0M".into(),
        "END:VALARM".into(),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ];
    Some(lines.iter().map(|line| fold(line)).collect())
}

/// The days chosen, each once, Monday first: read off the week rather than
/// sorted (a sort adds its own code to each app that uses it).
fn in_week_order(days: &[Weekday]) -> impl Iterator<Item = Weekday> + '_ {
    Weekday::ALL.into_iter().filter(|day| days.contains(day))
}

/// A time of day as a time input gives it ("18:05"): hour and minute.
pub fn clock_time(text: &str) -> Option<(u8, u8)> {
    text.split_once(':')
        .and_then(|(h, m)| Some((h.parse::<u8>().ok()?, m.parse::<u8>().ok()?)))
        .filter(|(h, m)| *h < 24 && *m < 60)
}

/// Whether training on `days` each week leaves a rest day between sessions
/// and asks for no more than the programme's four days (Sunday and Monday
/// are back to back too).
pub fn is_spread_out(days: &[Weekday]) -> bool {
    let chosen: Vec<i32> = in_week_order(days).map(Weekday::index).collect();
    let back_to_back = chosen.windows(2).any(|w| w[1] - w[0] == 1)
        || (chosen.first() == Some(&0) && chosen.last() == Some(&6));
    chosen.len() <= 4 && !back_to_back
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Exhaustive over every minute of a day, and what is not a time.
    #[test]
    fn clock_times_read_every_minute_of_the_day_and_nothing_else() {
        for hour in 0..24u8 {
            for minute in 0..60u8 {
                let text = format!("{hour:02}:{minute:02}");
                assert_eq!(clock_time(&text), Some((hour, minute)), "{text}");
            }
        }
        for junk in ["", "18", "24:00", "12:60", "ab:cd", "-1:00", "18:00:00"] {
            assert_eq!(clock_time(junk), None, "{junk}");
        }
    }

    /// Exhaustive over all 128 sets of weekdays: spread out exactly when no
    /// chosen day is followed by another chosen day, the week wrapping
    /// round. That leaves the 29 sets of at most three days with gaps.
    #[test]
    fn training_days_are_spread_out_when_none_follows_another() {
        let mut spread = 0;
        for bits in 0u8..128 {
            let days: Vec<Weekday> = (0..7)
                .filter(|i| bits & (1 << i) != 0)
                .map(|i| Weekday::ALL[i])
                .collect();
            let follows = (0..7).any(|i| bits & (1 << i) != 0 && bits & (1 << ((i + 1) % 7)) != 0);
            assert_eq!(is_spread_out(&days), !follows, "{days:?}");
            spread += usize::from(is_spread_out(&days));
        }
        assert_eq!(spread, 29);
        use Weekday::*;
        assert!(is_spread_out(&[Fri, Mon, Wed]));
        assert!(!is_spread_out(&[Mon, Wed, Fri, Sun]));
        assert!(!is_spread_out(&[Tue, Wed]));
    }

    fn reminder(days: &[Weekday]) -> Reminder {
        Reminder {
            days: days.to_vec(),
            hour: 18,
            minute: 30,
            minutes: 40,
        }
    }

    #[test]
    fn a_weekly_event_on_the_chosen_days_starting_on_the_first_of_them() {
        // Thursday 26 November 2026: the first Monday–Wednesday–Friday day is Friday.
        let today = Day::parse("2026-11-26").unwrap();
        let file = ics(
            &reminder(&[Weekday::Fri, Weekday::Mon, Weekday::Wed]),
            today,
            "Rehab session",
            "Glute bridge: 10–15 reps",
            "20261126T120000Z",
        )
        .unwrap();
        assert!(file.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(file.ends_with("END:VCALENDAR\r\n"));
        assert!(file.contains("\r\nDTSTART:20261127T183000\r\n"));
        assert!(file.contains("\r\nDTEND:20261127T191000\r\n"));
        assert!(file.contains("\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR\r\n"));
        assert!(file.contains("\r\nDTSTAMP:20261126T120000Z\r\n"));
        let starts = |prefix: &str| file.split("\r\n").filter(|l| l.starts_with(prefix)).count();
        assert_eq!(starts("BEGIN:"), 3);
        assert_eq!(starts("END:"), 3);
        assert!(ics(&reminder(&[]), today, "x", "y", "20261126T120000Z").is_none());
    }

    #[test]
    fn text_is_escaped_and_long_lines_are_folded() {
        assert_eq!(escape("a, b; c\\d\nline"), "a\\, b\\; c\\\\d\\nline");
        let today = Day::parse("2026-11-23").unwrap();
        let long = "Bulgarian split squat: 10–12 reps per side, then rest 15 seconds before the next move; glute bridge: 10–15 reps";
        let file = ics(
            &reminder(&[Weekday::Mon]),
            today,
            "Rehab session",
            long,
            "20261123T080000Z",
        )
        .unwrap();
        for line in file.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        // Unfolded, the description is whole.
        let unfolded = file.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("DESCRIPTION:{}", escape(long))));
        assert!(unfolded.contains("DTSTART:20261123T183000"));
    }
}
