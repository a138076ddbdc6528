//! Chart maths for 0–10 ratings over time, drawn as SVG by the UI: which
//! stretch of time to show, weekly averages for long stretches (so years of
//! ratings stay a few hundred points), and where dates and values fall.

use crate::date::Day;

/// How much history a chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartRange {
    /// The last twelve weeks, one point per rating.
    TwelveWeeks,
    /// The last year, one point per week (the week's average).
    Year,
    /// Everything, one point per week.
    All,
}

impl ChartRange {
    pub const ALL: [ChartRange; 3] = [ChartRange::TwelveWeeks, ChartRange::Year, ChartRange::All];

    pub fn label(self) -> &'static str {
        match self {
            ChartRange::TwelveWeeks => "12 weeks",
            ChartRange::Year => "1 year",
            ChartRange::All => "All",
        }
    }
}

/// The days a chart spans, first and last included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first: Day,
    pub last: Day,
}

/// The shortest stretch a chart shows, in days after its first: a week, so
/// a first rating is not drawn on the axis.
pub const MIN_WINDOW_DAYS: i32 = 6;

/// The window `range` shows up to `today`: at most the range, and no earlier
/// than the first rating (`earliest`), so a few weeks of ratings fill the
/// width instead of its right third.
pub fn window(range: ChartRange, today: Day, earliest: Option<Day>) -> Window {
    let start = earliest.unwrap_or(today).min(today.plus(-MIN_WINDOW_DAYS));
    let first = match range {
        ChartRange::TwelveWeeks => start.max(today.plus(-83)),
        ChartRange::Year => start.max(today.plus(-364)),
        ChartRange::All => start,
    };
    Window { first, last: today }
}

/// Whether choosing a range changes anything: only once the ratings go back
/// further than the shortest range.
pub fn ranges_differ(today: Day, earliest: Option<Day>) -> bool {
    earliest.is_some_and(|first| first < today.plus(-83))
}

/// The ratings inside `window`: each one for twelve weeks, else the average
/// of each seven-day stretch (counted from the window's first day), dated
/// at the stretch's first day.
pub fn series(values: &[(Day, u8)], range: ChartRange, window: Window) -> Vec<(Day, f32)> {
    let inside = values
        .iter()
        .filter(|(day, _)| (window.first..=window.last).contains(day));
    if range == ChartRange::TwelveWeeks {
        return inside.map(|&(day, v)| (day, f32::from(v))).collect();
    }
    let mut weeks: Vec<(Day, f32, u32)> = Vec::new();
    for &(day, value) in inside {
        let start = window.first.plus(day.days_since(window.first) / 7 * 7);
        match weeks.last_mut() {
            Some((week, sum, count)) if *week == start => {
                *sum += f32::from(value);
                *count += 1;
            }
            _ => weeks.push((start, f32::from(value), 1)),
        }
    }
    weeks
        .into_iter()
        .map(|(week, sum, count)| (week, sum / count as f32))
        .collect()
}

/// A point in chart coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// The plotting area inside the SVG's box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Frame {
    pub fn x(&self, window: Window, day: Day) -> f32 {
        let span = window.last.days_since(window.first).max(1) as f32;
        self.left + (self.right - self.left) * day.days_since(window.first) as f32 / span
    }

    /// 10 at the top, 0 at the bottom.
    pub fn y(&self, value: f32) -> f32 {
        self.top + (self.bottom - self.top) * (1.0 - value.clamp(0.0, 10.0) / 10.0)
    }

    pub fn plot(&self, window: Window, values: &[(Day, f32)]) -> Vec<Point> {
        values
            .iter()
            .map(|&(day, value)| Point {
                x: self.x(window, day),
                y: self.y(value),
            })
            .collect()
    }
}

/// `count` evenly spaced dates across the window, both ends included, for
/// the axis labels.
pub fn date_ticks(window: Window, count: i32) -> Vec<Day> {
    let span = window.last.days_since(window.first);
    (0..count)
        .map(|i| window.first.plus(span * i / (count - 1).max(1)))
        .collect()
}

impl Point {
    /// Whole units: a 320-unit-wide chart needs no finer, and formatting
    /// whole numbers keeps float formatting out of the app.
    pub fn rounded(self) -> (i32, i32) {
        (self.x.round() as i32, self.y.round() as i32)
    }
}

/// The `points` attribute of an SVG polyline.
pub fn polyline(points: &[Point]) -> String {
    points
        .iter()
        .map(|p| {
            let (x, y) = p.rounded();
            format!("{x},{y}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A 0–10 average as words read aloud: "3.5", "4".
pub fn one_decimal(value: f32) -> String {
    let tenths = (value * 10.0).round() as i32;
    match tenths % 10 {
        0 => format!("{}", tenths / 10),
        rest => format!("{}.{}", tenths / 10, rest),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Frame = Frame {
        left: 10.0,
        right: 110.0,
        top: 5.0,
        bottom: 55.0,
    };

    #[test]
    fn points_fill_the_frame_on_a_fixed_time_axis() {
        let d = Day::parse("2026-11-01").unwrap();
        let window = Window {
            first: d,
            last: d.plus(10),
        };
        let points = FRAME.plot(window, &[(d, 0.0), (d.plus(5), 10.0), (d.plus(10), 5.0)]);
        assert_eq!(points[0], Point { x: 10.0, y: 55.0 });
        assert_eq!(points[1], Point { x: 60.0, y: 5.0 });
        assert_eq!(points[2], Point { x: 110.0, y: 30.0 });
        assert_eq!(polyline(&points[..2]), "10,55 60,5");
        assert_eq!(one_decimal(3.46), "3.5");
        assert_eq!(one_decimal(4.0), "4");
    }

    #[test]
    fn twelve_weeks_keeps_each_rating_and_longer_spans_average_by_week() {
        let today = Day::parse("2026-11-26").unwrap();
        let values: Vec<(Day, u8)> = (0..5 * 365)
            .map(|back| (today.plus(-back), (back % 7) as u8))
            .rev()
            .collect();
        let first = values[0].0;
        let recent = series(
            &values,
            ChartRange::TwelveWeeks,
            window(ChartRange::TwelveWeeks, today, Some(first)),
        );
        assert_eq!(recent.len(), 84);
        let year = series(
            &values,
            ChartRange::Year,
            window(ChartRange::Year, today, Some(first)),
        );
        assert_eq!(year.len(), 53);
        // A full week of 0..=6 averages 3.
        assert!((year[1].1 - 3.0).abs() < f32::EPSILON);
        let all = series(
            &values,
            ChartRange::All,
            window(ChartRange::All, today, Some(first)),
        );
        assert!(all.len() <= 261, "{}", all.len());
        assert_eq!(all[0].0, first);
    }

    #[test]
    fn a_short_history_fills_the_chart() {
        let today = Day::parse("2026-11-26").unwrap();
        // Three weeks of ratings: every range starts at the first one.
        let first = today.plus(-20);
        for range in ChartRange::ALL {
            assert_eq!(window(range, today, Some(first)).first, first, "{range:?}");
        }
        assert!(!ranges_differ(today, Some(first)));
        // A first rating today still spans a week, ending today.
        let only_today = window(ChartRange::TwelveWeeks, today, Some(today));
        assert_eq!(only_today.first, today.plus(-MIN_WINDOW_DAYS));
        // Longer histories are cut to the span.
        let long_ago = today.plus(-400);
        assert_eq!(
            window(ChartRange::TwelveWeeks, today, Some(long_ago)).first,
            today.plus(-83)
        );
        assert_eq!(
            window(ChartRange::Year, today, Some(long_ago)).first,
            today.plus(-364)
        );
        assert_eq!(
            window(ChartRange::All, today, Some(long_ago)).first,
            long_ago
        );
        assert!(ranges_differ(today, Some(long_ago)));
    }

    #[test]
    fn date_ticks_span_the_window() {
        let d = Day::parse("2026-09-01").unwrap();
        let ticks = date_ticks(
            Window {
                first: d,
                last: d.plus(84),
            },
            4,
        );
        assert_eq!(ticks, vec![d, d.plus(28), d.plus(56), d.plus(84)]);
    }
}
