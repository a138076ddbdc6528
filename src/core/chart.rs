//! Chart geometry for 0–10 ratings over time, drawn as SVG by the UI.

use crate::core::date::Day;

/// A point in chart coordinates, with the day and rating it shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
    pub day: Day,
    pub value: u8,
}

/// Places ratings (0–10) in a `width` × `height` box with `pad` around it:
/// time runs left to right, 10 at the top. A single day sits in the middle.
pub fn plot(values: &[(Day, u8)], width: f32, height: f32, pad: f32) -> Vec<Point> {
    let (Some(first), Some(last)) = (values.first(), values.last()) else {
        return Vec::new();
    };
    let span = last.0.days_since(first.0).max(0) as f32;
    let inner_w = width - 2.0 * pad;
    let inner_h = height - 2.0 * pad;
    values
        .iter()
        .map(|&(day, value)| {
            let x = if span == 0.0 {
                width / 2.0
            } else {
                pad + inner_w * day.days_since(first.0) as f32 / span
            };
            let y = pad + inner_h * (1.0 - f32::from(value.min(10)) / 10.0);
            Point { x, y, day, value }
        })
        .collect()
}

/// The `points` attribute of an SVG polyline.
pub fn polyline(points: &[Point]) -> String {
    points
        .iter()
        .map(|p| format!("{:.1},{:.1}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn points_fill_the_box() {
        let d = Day::parse("2026-11-01").unwrap();
        let points = plot(
            &[(d, 0), (d.plus(5), 10), (d.plus(10), 5)],
            110.0,
            60.0,
            5.0,
        );
        assert_eq!(points[0].x, 5.0);
        assert_eq!(points[0].y, 55.0);
        assert_eq!(points[1].x, 55.0);
        assert_eq!(points[1].y, 5.0);
        assert_eq!(points[2].x, 105.0);
        assert_eq!(points[2].y, 30.0);
        assert_eq!(polyline(&points[..2]), "5.0,55.0 55.0,5.0");
    }

    #[test]
    fn empty_and_single() {
        assert!(plot(&[], 100.0, 50.0, 5.0).is_empty());
        let d = Day(0);
        let one = plot(&[(d, 3)], 100.0, 50.0, 5.0);
        assert_eq!(one[0].x, 50.0);
    }
}
