//! Ratings over time as an SVG chart: the last twelve weeks by default, or a
//! year or all of it as weekly averages (`hamstring_domain::chart`).

use crate::store::use_store;
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

/// Ratings over time: the last twelve weeks by default, or a year or all of
/// it as weekly averages, so years of ratings stay a few hundred points.
#[component]
pub fn Chart(
    title: &'static str,
    series: Signal<Vec<Series>>,
    #[prop(into)] empty: ViewFn,
) -> impl IntoView {
    use hamstring_domain::chart::{date_ticks, polyline, series as windowed, window, Frame, Span};
    const W: f32 = 320.0;
    const H: f32 = 180.0;
    const FRAME: Frame = Frame {
        left: 22.0,
        right: W - 8.0,
        top: 10.0,
        bottom: H - 26.0,
    };
    let store = use_store();
    let span = RwSignal::new(Span::TwelveWeeks);
    let drawn = move || {
        let series = series.get();
        let earliest = series
            .iter()
            .filter_map(|s| s.values.first().map(|v| v.0))
            .min();
        let window = window(span.get(), store.today.get(), earliest);
        let lines: Vec<_> = series
            .iter()
            .map(|s| (s.colour, s.name, windowed(&s.values, span.get(), window)))
            .collect();
        (window, lines)
    };
    let picker_name = format!("{}-span", title.to_lowercase().replace(' ', "-"));
    view! {
        {move || if series.with(|s| s.iter().all(|s| s.values.is_empty())) {
            empty.run()
        } else {
            let (window, lines) = drawn();
            let points: usize = lines.iter().map(|(_, _, v)| v.len()).sum();
            let description = format!(
                "{title}, {} to {}: {}.",
                window.first.long_label(),
                window.last.long_label(),
                lines.iter().map(|(_, name, values)| match values.last() {
                    Some((day, value)) => format!("{name}, latest {value:.1} out of 10 on {}", day.short_label()),
                    None => format!("{name}, no ratings"),
                }).collect::<Vec<_>>().join("; ")
            );
            let picker_name = picker_name.clone();
            view! {
                <fieldset class="chart-span">
                    <legend class="visually-hidden">{format!("{title}: time shown")}</legend>
                    {Span::ALL.into_iter().map(|choice| {
                        let id = format!("{picker_name}-{}", choice.label().replace(' ', "-"));
                        view! {
                            <label class="span-option" for=id.clone()>
                                <input type="radio" id=id.clone() name=picker_name.clone() prop:checked=move || span.get() == choice on:change=move |_| span.set(choice) />
                                <span>{choice.label()}</span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <figure class="chart">
                    <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=description>
                        {[0.0f32, 5.0, 10.0].into_iter().map(|value| view! {
                            <line x1=FRAME.left y1=FRAME.y(value) x2=FRAME.right y2=FRAME.y(value) class="grid" />
                            <text x=FRAME.left - 6.0 y=FRAME.y(value) + 5.0 text-anchor="end">{value as u8}</text>
                        }).collect_view()}
                        {date_ticks(window, 4).into_iter().enumerate().map(|(i, day)| {
                            let anchor = match i { 0 => "start", 3 => "end", _ => "middle" };
                            view! { <text x=FRAME.x(window, day) y=H - 6.0 text-anchor=anchor>{day.short_label()}</text> }
                        }).collect_view()}
                        {lines.into_iter().map(|(colour, _, values)| {
                            let points = FRAME.plot(window, &values);
                            let dots = (points.len() <= 120).then(|| points.iter().map(|p| view! { <circle class=format!("dot {colour}") cx=p.x cy=p.y r="3.5" /> }).collect_view());
                            view! {
                                <polyline class=format!("line {colour}") points=polyline(&points) fill="none" stroke-width="2.5" />
                                {dots}
                            }
                        }).collect_view()}
                    </svg>
                    <figcaption class="legend">
                        {series.get().into_iter().map(|s| view! { <span class=format!("swatch {}", s.colour)></span>{s.name}" " }).collect_view()}
                        {(points == 0).then_some(" · No ratings in this stretch.")}
                    </figcaption>
                </figure>
            }.into_any()
        }}
    }
}
