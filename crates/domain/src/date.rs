//! Local calendar days. The app reasons in whole days, never in instants, so
//! daylight-saving changes and time zones cannot move a session to another day.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar day, counted from 1970-01-01 (day 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// Monday is 0, Sunday is 6.
    pub fn index(self) -> i32 {
        self as i32
    }

    /// From the ISO number used by `Intl.Locale.weekInfo` (1 = Monday … 7 = Sunday).
    pub fn from_iso(number: u32) -> Option<Weekday> {
        Weekday::ALL.get((number as usize).checked_sub(1)?).copied()
    }

    pub fn short_name(self) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][self as usize]
    }

    /// The seven weekdays in order, starting with this one: the columns of a
    /// month grid whose weeks begin on it.
    pub fn week_from(self) -> impl Iterator<Item = Weekday> {
        (0..7).map(move |i| Weekday::ALL[((self.index() + i) % 7) as usize])
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Day {
    /// Builds a day from a civil date; `None` for impossible dates.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day(era * 146_097 + doe - 719_468))
    }

    /// The civil date `(year, month 1–12, day 1–31)`.
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[(self.0 + 3).rem_euclid(7) as usize]
    }

    pub fn plus(self, days: i32) -> Day {
        Day(self.0 + days)
    }

    pub fn days_since(self, earlier: Day) -> i32 {
        self.0 - earlier.0
    }

    /// The first day of the week holding `self`, for a week that starts on `first`.
    pub fn week_start(self, first: Weekday) -> Day {
        let offset = (self.weekday().index() - first.index()).rem_euclid(7);
        self.plus(-offset)
    }

    /// "Wed 25 November 2026": unambiguous in every locale.
    pub fn long_label(self) -> String {
        let (year, month, day) = self.ymd();
        format!(
            "{} {day} {} {year}",
            self.weekday().short_name(),
            MONTHS[month as usize - 1]
        )
    }

    /// "22 Nov": for tight spaces such as table rows.
    pub fn short_label(self) -> String {
        let (_, month, day) = self.ymd();
        format!("{day} {}", &MONTHS[month as usize - 1][..3])
    }

    pub fn month_label(self) -> String {
        let (year, month, _) = self.ymd();
        format!("{} {year}", MONTHS[month as usize - 1])
    }

    pub fn parse(text: &str) -> Option<Day> {
        let mut parts = text.splitn(3, '-');
        let year = parts.next()?;
        let month = parts.next()?;
        let day = parts.next()?;
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        Day::from_ymd(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }
}

/// Stored dates outside these years are damage, not history.
const STORED_YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

impl Day {
    /// A stored date: a real date within the years the app can have written.
    pub fn parse_stored(text: &str) -> Option<Day> {
        Day::parse(text).filter(|day| day.is_storable())
    }

    /// Whether a record of this day can be stored and read back: a clock
    /// set outside these years must not write what the next load drops.
    pub fn is_storable(self) -> bool {
        STORED_YEARS.contains(&self.ymd().0)
    }

    pub fn month(self) -> Month {
        let (year, month, _) = self.ymd();
        Month { year, month }
    }
}

/// A calendar month: records are stored one month to a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn first_day(self) -> Day {
        Day::from_ymd(self.year, self.month, 1).expect("a month's first day exists")
    }

    /// The first day of the next month, for ranges.
    pub fn end(self) -> Day {
        self.first_day()
            .plus(days_in_month(self.year, self.month) as i32)
    }

    /// The month `months` later (earlier when negative), across years.
    pub fn plus(self, months: i32) -> Month {
        let index = self.year * 12 + self.month as i32 - 1 + months;
        Month {
            year: index.div_euclid(12),
            month: index.rem_euclid(12) as u32 + 1,
        }
    }

    /// Every day of the month, in order.
    pub fn days(self) -> impl Iterator<Item = Day> {
        let first = self.first_day();
        (0..days_in_month(self.year, self.month) as i32).map(move |i| first.plus(i))
    }

    /// How many days of a week beginning on `week_start` come before the
    /// first of the month: the empty cells that open a month grid.
    pub fn lead_days(self, week_start: Weekday) -> i32 {
        let first = self.first_day();
        first.days_since(first.week_start(week_start))
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl std::str::FromStr for Month {
    type Err = ();
    fn from_str(text: &str) -> Result<Month, ()> {
        let day = Day::parse_stored(&format!("{text}-01")).ok_or(())?;
        Ok(day.month())
    }
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

/// Parses a stored date (see `Day::parse_stored`).
impl std::str::FromStr for Day {
    type Err = ();
    fn from_str(text: &str) -> Result<Day, ()> {
        Day::parse_stored(text).ok_or(())
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Day::parse_stored(&text)
            .ok_or_else(|| serde::de::Error::custom("expected a YYYY-MM-DD date from 2000 to 2099"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_dates() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        assert_eq!(Day::from_ymd(2000, 3, 1).unwrap().to_string(), "2000-03-01");
        assert_eq!(Day::from_ymd(2026, 11, 25).unwrap().weekday(), Weekday::Wed);
        assert_eq!(
            Day::from_ymd(2024, 2, 29).unwrap().plus(1).to_string(),
            "2024-03-01"
        );
        assert_eq!(Day::from_ymd(2023, 2, 29), None);
        assert_eq!(Day::from_ymd(2026, 13, 1), None);
        assert_eq!(
            Day::parse("2026-11-25").unwrap().long_label(),
            "Wed 25 November 2026"
        );
        assert_eq!(Day::parse("2026-09-03").unwrap().short_label(), "3 Sep");
    }

    /// Exhaustive over the years the app stores and shifts of up to four
    /// years either way: a shift is that many steps of one month, each the
    /// month that begins where the last one ends, and shifting back undoes it.
    #[test]
    fn months_shift_across_years_one_month_at_a_time() {
        let first = Month {
            year: 2000,
            month: 1,
        };
        let mut month = first;
        for _ in 0..100 * 12 {
            let next = month.plus(1);
            assert_eq!(next.first_day(), month.end(), "{month}");
            assert_eq!(next.plus(-1), month);
            let days: Vec<Day> = month.days().collect();
            assert_eq!(days.first(), Some(&month.first_day()));
            assert_eq!(days.last().map(|day| day.plus(1)), Some(month.end()));
            assert!(days.iter().all(|day| day.month() == month));
            month = next;
        }
        assert_eq!(month.to_string(), "2100-01");
        for shift in -48i32..=48 {
            let mut stepped = first.plus(600);
            for _ in 0..shift.abs() {
                stepped = stepped.plus(shift.signum());
            }
            assert_eq!(first.plus(600).plus(shift), stepped, "{shift}");
            assert_eq!(first.plus(600).plus(shift).plus(-shift), first.plus(600));
        }
    }

    /// Exhaustive over a hundred years of months and every first weekday:
    /// a grid's columns are the seven weekdays from its first, and its empty
    /// cells put the first of the month under its own weekday.
    #[test]
    fn a_month_grid_puts_each_first_under_its_weekday() {
        let november = Month {
            year: 2026,
            month: 11,
        }; // Sunday 1 November 2026
        assert_eq!(november.lead_days(Weekday::Mon), 6);
        assert_eq!(november.lead_days(Weekday::Sun), 0);
        assert_eq!(november.lead_days(Weekday::Sat), 1);
        let sunday_first: Vec<_> = Weekday::Sun.week_from().map(Weekday::short_name).collect();
        assert_eq!(
            sunday_first,
            ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        );
        let mut month = Month {
            year: 2000,
            month: 1,
        };
        for _ in 0..100 * 12 {
            for first in Weekday::ALL {
                let columns: Vec<Weekday> = first.week_from().collect();
                let lead = month.lead_days(first);
                assert!((0..7).contains(&lead), "{month} {first:?}");
                assert_eq!(columns[lead as usize], month.first_day().weekday());
            }
            month = month.plus(1);
        }
    }

    #[test]
    fn week_start_crosses_the_year_end() {
        // Thu 1 Jan 2026: its Monday-week starts Mon 29 Dec 2025.
        let new_year = Day::from_ymd(2026, 1, 1).unwrap();
        assert_eq!(new_year.week_start(Weekday::Mon).to_string(), "2025-12-29");
        assert_eq!(new_year.week_start(Weekday::Sun).to_string(), "2025-12-28");
        assert_eq!(new_year.week_start(Weekday::Sat).to_string(), "2025-12-27");
        assert_eq!(new_year.week_start(Weekday::Thu), new_year);
    }

    #[test]
    fn parse_rejects_junk() {
        for junk in [
            "",
            "2026-1-01",
            "2026-01-32",
            "abcd-ef-gh",
            "2026-02-29",
            "12026-01-01",
        ] {
            assert_eq!(Day::parse(junk), None, "{junk}");
        }
    }

    #[test]
    fn stored_dates_stay_within_the_window() {
        assert!(Day::parse_stored("2026-11-26").is_some());
        assert!(Day::parse_stored("1999-12-31").is_none());
        assert!(Day::parse_stored("2100-01-01").is_none());
        assert!(serde_json::from_str::<Day>("\"0001-01-01\"").is_err());
        let month: Month = "2026-11".parse().unwrap();
        assert_eq!(month.first_day().to_string(), "2026-11-01");
        assert_eq!(month.end().to_string(), "2026-12-01");
        assert_eq!(month.to_string(), "2026-11");
        assert!("2026-13".parse::<Month>().is_err());
    }

    proptest! {
        #[test]
        fn civil_round_trip(n in -200_000i32..200_000) {
            let day = Day(n);
            let (y, m, d) = day.ymd();
            prop_assert_eq!(Day::from_ymd(y, m, d), Some(day));
            if (1000..=9999).contains(&y) {
                prop_assert_eq!(Day::parse(&day.to_string()), Some(day));
            }
        }

        #[test]
        fn consecutive_days_step_weekdays(n in -200_000i32..200_000) {
            let today = Day(n).weekday().index();
            let tomorrow = Day(n + 1).weekday().index();
            prop_assert_eq!((today + 1) % 7, tomorrow);
        }

        #[test]
        fn week_start_is_within_six_days_and_on_the_first_weekday(n in -200_000i32..200_000, first in 0usize..7) {
            let first = Weekday::ALL[first];
            let start = Day(n).week_start(first);
            prop_assert_eq!(start.weekday(), first);
            prop_assert!((0..7).contains(&Day(n).days_since(start)));
        }
    }
}
