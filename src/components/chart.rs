//! Ratings over time as an SVG chart, from the first rating: up to the last
//! twelve weeks by default, or a year or all of it as weekly averages
//! (`hamstring_domain::chart`).

use crate::store::use_store;
use hamstring_domain::chart::{
    date_ticks, one_decimal, polyline, ranges_differ, series as windowed, window, ChartRange,
    Frame, Window,
};
use hamstring_domain::date::Day;
use leptos::prelude::*;

/// One line on a chart: its colour class (`s0`–`s2`, themed in CSS), its
/// name for the legend, and its (day, 0–10 rating) points.
#[derive(Clone)]
pub struct Series {
    pub colour: &'static str,
    pub name: &'static str,
    pub values: Vec<(Day, u8)>,
}

const W: i32 = 320;
const H: i32 = 180;
const FRAME: Frame = Frame {
    left: 22.0,
    right: (W - 8) as f32,
    top: 10.0,
    bottom: (H - 26) as f32,
};

/// A series as drawn: colour class, name and (day, value) points in the window.
type Line = (&'static str, &'static str, Vec<(Day, f32)>);

/// Ratings over time: the last twelve weeks by default, or a year or all of
/// it as weekly averages, so years of ratings stay a few hundred points.
#[component]
pub fn Chart(
    title: &'static str,
    series: Signal<Vec<Series>>,
    #[prop(into)] empty: ViewFn,
) -> impl IntoView {
    let store = use_store();
    let range = RwSignal::new(ChartRange::TwelveWeeks);
    let earliest = move || {
        series.with(|series| {
            series
                .iter()
                .filter_map(|s| s.values.first().map(|v| v.0))
                .min()
        })
    };
    let drawn = move || {
        let series = series.get();
        let window = window(range.get(), store.today.get(), earliest());
        let lines: Vec<Line> = series
            .iter()
            .map(|s| (s.colour, s.name, windowed(&s.values, range.get(), window)))
            .collect();
        (window, lines)
    };
    let picker_name = format!("{}-span", title.to_ascii_lowercase().replace(' ', "-"));
    view! {
        {move || if series.with(|s| s.iter().all(|s| s.values.is_empty())) {
            empty.run()
        } else {
            let (window, lines) = drawn();
            let points: usize = lines.iter().map(|(_, _, v)| v.len()).sum();
            let description = describe(title, window, &lines);
            // Until the ratings go back further than twelve weeks, every
            // range shows the same: no choice to make.
            let picker = ranges_differ(store.today.get(), earliest())
                .then(|| view! { <RangePicker title name=picker_name.clone() range /> });
            view! {
                {picker}
                <figure class="chart">
                    <Plot window lines description />
                    <figcaption class="legend">
                        {series.get().into_iter().map(|s| view! { <span class="legend-item"><span class=format!("swatch {}", s.colour)></span>{s.name}</span>" " }).collect_view()}
                        {(points == 0).then_some(" · No ratings in this stretch.")}
                    </figcaption>
                </figure>
            }.into_any()
        }}
    }
}

/// The chart in words, for screen readers: its dates and each line's latest value.
fn describe(title: &str, window: Window, lines: &[Line]) -> String {
    let latest: Vec<String> = lines
        .iter()
        .map(|(_, name, values)| match values.last() {
            Some((day, value)) => format!(
                "{name}, latest {} out of 10 on {}",
                one_decimal(*value),
                day.short_label()
            ),
            None => format!("{name}, no ratings"),
        })
        .collect();
    format!(
        "{title}, {} to {}: {}.",
        window.first.long_label(),
        window.last.long_label(),
        latest.join("; ")
    )
}

/// How much of the history to show: twelve weeks, a year or all of it.
#[component]
fn RangePicker(title: &'static str, name: String, range: RwSignal<ChartRange>) -> impl IntoView {
    view! {
        <fieldset class="chart-span">
            <legend class="visually-hidden">{format!("{title}: time shown")}</legend>
            {ChartRange::ALL.into_iter().map(|choice| {
                let id = format!("{name}-{}", choice.label().replace(' ', "-"));
                view! {
                    <label class="span-option" for=id.clone()>
                        <input type="radio" id=id.clone() name=name.clone() prop:checked=move || range.get() == choice on:change=move |_| range.set(choice) />
                        <span>{choice.label()}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// The drawing: the 0–10 grid, four dates, and a line (with dots while
/// there are few) per series.
#[component]
fn Plot(window: Window, lines: Vec<Line>, description: String) -> impl IntoView {
    view! {
        <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=description>
            {[0u8, 5, 10].into_iter().map(|value| {
                let y = FRAME.y(f32::from(value)).round() as i32;
                let (left, right) = (FRAME.left as i32, FRAME.right as i32);
                view! {
                    <line x1=left y1=y x2=right y2=y class="grid" />
                    <text x=left - 6 y=y + 5 text-anchor="end">{value}</text>
                }
            }).collect_view()}
            {date_ticks(window, 4).into_iter().enumerate().map(|(i, day)| {
                let anchor = match i { 0 => "start", 3 => "end", _ => "middle" };
                view! { <text x=FRAME.x(window, day).round() as i32 y=H - 6 text-anchor=anchor>{day.short_label()}</text> }
            }).collect_view()}
            {lines.into_iter().map(|(colour, _, values)| {
                let points = FRAME.plot(window, &values);
                let dots = (points.len() <= 120).then(|| points.iter().map(|p| {
                    let (x, y) = p.rounded();
                    view! { <circle class=format!("dot {colour}") cx=x cy=y r="4.5" /> }
                }).collect_view());
                view! {
                    <polyline class=format!("line {colour}") points=polyline(&points) fill="none" stroke-width="2.5" />
                    {dots}
                }
            }).collect_view()}
        </svg>
    }
}
