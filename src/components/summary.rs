//! A summary a physiotherapist can read (`hamstring_domain::report`): for a
//! period the person picks, shown as a short report with small charts that
//! is also the Progress page's print view (style/main.css, `@media print`),
//! so "Print or save as PDF", or the browser's own Print, gives that report
//! alone. Share and Download give the same summary as plain text.

use crate::browser::{can_share, download, share};
use crate::store::use_store;
use hamstring_domain::chart::{self, date_ticks, polyline, ChartRange, Frame, Window};
use hamstring_domain::date::Day;
use hamstring_domain::report::{physio_report, rating, Report, SessionPain};
use hamstring_domain::running::run_settled;
use hamstring_domain::schedule::{strength_ratio_percent, WEEK_TARGET_MAX, WEEK_TARGET_MIN};
use leptos::prelude::*;

const PERIODS: [(i32, &str); 3] = [(4, "4 weeks"), (8, "8 weeks"), (12, "12 weeks")];

#[component]
pub fn PhysioSummary() -> impl IntoView {
    let store = use_store();
    let weeks = RwSignal::new(4);
    let report = Memo::new(move |_| {
        let to = store.today.get();
        let from = to.plus(-7 * weeks.get() + 1);
        let start = store.week_start();
        store.state.with(|s| physio_report(s, from, to, start))
    });
    let text = move || report.with_untracked(Report::text);
    view! {
        <section class="card summary" aria-labelledby="summary-title" id="summary">
            <h2 id="summary-title">"Summary for your physiotherapist"</h2>
            <p>"A short report of your latest self-check, phase, sessions per week, pain before, after and the next morning, weights, strength checks and runs. Print it or save it as a PDF to take along; Share and Download give the same as text."</p>
            <fieldset class="chart-span">
                <legend>"Period"</legend>
                {PERIODS.into_iter().map(|(n, label)| {
                    let id = format!("summary-{n}");
                    view! {
                        <label class="span-option" for=id.clone()>
                            <input type="radio" id=id.clone() name="summary-period" prop:checked=move || weeks.get() == n on:change=move |_| weeks.set(n) />
                            <span>{label}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <div class="report" role="region" tabindex="0" aria-label="The summary">
                {move || view! { <ReportView report=report.get() /> }}
            </div>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| { let _ = window().print(); }>"Print or save as PDF"</button>
                {can_share().then(|| view! { <button type="button" class="secondary" on:click=move |_| { share("Hamstring Rehab summary", &text()); }>"Share"</button> })}
                <button type="button" class="secondary" on:click=move |_| { let _ = download(&format!("hamstring-rehab-summary-{}.txt", store.today.get_untracked()), "text/plain;charset=utf-8", &text()); }>"Download as text"</button>
            </div>
        </section>
    }
}

/// The report itself: what prints, one part after another.
#[component]
fn ReportView(report: Report) -> impl IntoView {
    view! {
        <p class="report-title">"Hamstring Rehab: summary for a physiotherapist"</p>
        <p class="report-period">
            <strong>{format!("{} to {}", report.from.long_label(), report.to.long_label())}</strong>
            ". Recorded by the person themselves in the app; not a diagnosis."
        </p>
        <section class="report-part">
            <h3>"Latest self-check"</h3>
            {match report.latest_check.clone() {
                Some(check) => view! {
                    <p><strong>{check.headline}</strong>{format!(" ({})", check.day.long_label())}</p>
                    {check.when.map(|when| view! { <p>"How soon: " {when} "."</p> })}
                    {(!check.reasons.is_empty()).then(|| view! {
                        <p>"Because:"</p>
                        <ul>{check.reasons.iter().map(|r| view! { <li>{*r}</li> }).collect_view()}</ul>
                    })}
                }.into_any(),
                None => view! { <p>"None taken."</p> }.into_any(),
            }}
        </section>
        <section class="report-part">
            <h3>"Phase"</h3>
            <p>{report.phase_line()} "."</p>
        </section>
        <section class="report-part">
            <h3>"Sessions per week"</h3>
            <p>{report.weeks_line()}</p>
            <WeekBars report=report.clone() />
        </section>
        {report_pain(&report)}
        {report.loads_line().map(|line| view! {
            <section class="report-part">
                <h3>"Romanian deadlift, weight in each hand"</h3>
                <p>{line}</p>
            </section>
        })}
        {report_tables(&report)}
    }
}

/// The pain ratings at each session: three small charts and what they add up to.
fn report_pain(report: &Report) -> impl IntoView {
    let window = chart::window(ChartRange::All, report.to, Some(report.from));
    let pain = |name: &'static str, pick: fn(&SessionPain) -> Option<u8>| {
        let values: Vec<(Day, u8)> = report
            .sessions
            .iter()
            .filter_map(|s| pick(s).map(|v| (s.day, v)))
            .collect();
        view! { <PainChart name window values /> }
    };
    let rated: Vec<bool> = report
        .sessions
        .iter()
        .filter_map(SessionPain::settled)
        .collect();
    let settled_line = (!rated.is_empty()).then(|| {
        format!(
            "Settled by the next morning: {} of the {} sessions with a morning rating.",
            rated.iter().filter(|s| **s).count(),
            rated.len()
        )
    });
    let latest = report.sessions.last().map(|s| {
        format!(
            "Latest session, {}: {} before, {} after, {} next morning.",
            s.day.short_label(),
            rating(s.before),
            rating(s.after),
            rating(s.next_morning)
        )
    });
    view! {
        <section class="report-part">
            <h3>"Pain, 0 to 10, at each session"</h3>
            {if report.sessions.is_empty() {
                view! { <p>"No sessions recorded."</p> }.into_any()
            } else {
                view! {
                    <div class="small-charts">
                        {pain("Before", |s| s.before)}
                        {pain("After", |s| s.after)}
                        {pain("Next morning", |s| s.next_morning)}
                    </div>
                    <p>{latest} " " {settled_line}</p>
                }.into_any()
            }}
        </section>
    }
}

/// The strength checks and the runs of the period, each a table when there are any.
fn report_tables(report: &Report) -> impl IntoView {
    view! {
        {(!report.strength_checks.is_empty()).then(|| view! {
            <section class="report-part">
                <h3>"Strength checks: single-leg glute bridges"</h3>
                <table>
                    <thead><tr><th scope="col">"Day"</th><th scope="col">"Left"</th><th scope="col">"Right"</th><th scope="col">"Weaker side"</th><th scope="col">"Pain at rest"</th></tr></thead>
                    <tbody>
                        {report.strength_checks.iter().map(|(day, check)| view! {
                            <tr>
                                <td>{day.short_label()}</td>
                                <td data-label="Left">{check.left}</td>
                                <td data-label="Right">{check.right}</td>
                                <td data-label="Weaker side">{format!("{}%", strength_ratio_percent(*check))}</td>
                                <td data-label="Pain at rest">{if check.pain_at_rest { "Yes" } else { "No" }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        })}
        {(!report.runs.is_empty()).then(|| view! {
            <section class="report-part">
                <h3>"Runs"</h3>
                <table>
                    <thead><tr><th scope="col">"Day"</th><th scope="col">"Minutes"</th><th scope="col">"Pain after"</th><th scope="col">"Next morning"</th><th scope="col">"Settled"</th></tr></thead>
                    <tbody>
                        {report.runs.iter().map(|(day, run)| view! {
                            <tr>
                                <td>{day.short_label()}</td>
                                <td data-label="Minutes">{run.minutes}</td>
                                <td data-label="Pain after">{run.pain_now}</td>
                                <td data-label="Next morning">{rating(run.pain_next_morning)}</td>
                                <td data-label="Settled">{match run_settled(run) { Some(true) => "Yes", Some(false) => "No", None => "" }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        })}
    }
}

/// One pain rating across the period: a small line chart, 0 to 10.
#[component]
fn PainChart(name: &'static str, window: Window, values: Vec<(Day, u8)>) -> impl IntoView {
    const W: i32 = 200;
    const H: i32 = 100;
    const FRAME: Frame = Frame {
        left: 20.0,
        right: (W - 6) as f32,
        top: 8.0,
        bottom: (H - 22) as f32,
    };
    let points = FRAME.plot(
        window,
        &values
            .iter()
            .map(|(d, v)| (*d, f32::from(*v)))
            .collect::<Vec<_>>(),
    );
    let description = match values.last() {
        Some((day, value)) => format!(
            "{name}: {} ratings, latest {value} on {}",
            values.len(),
            day.short_label()
        ),
        None => format!("{name}: not rated"),
    };
    let ticks = date_ticks(window, 2);
    view! {
        <figure class="small-chart">
            <figcaption>{name}</figcaption>
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=description>
                {[0u8, 5, 10].into_iter().map(|value| {
                    let y = FRAME.y(f32::from(value)).round() as i32;
                    view! {
                        <line x1=FRAME.left as i32 y1=y x2=FRAME.right as i32 y2=y class="grid" />
                        <text x=FRAME.left as i32 - 4 y=y + 4 text-anchor="end">{value}</text>
                    }
                }).collect_view()}
                {ticks.into_iter().enumerate().map(|(i, day)| view! {
                    <text x=FRAME.x(window, day).round() as i32 y=H - 4 text-anchor=if i == 0 { "start" } else { "end" }>{day.short_label()}</text>
                }).collect_view()}
                <polyline class="line s0" points=polyline(&points) fill="none" stroke-width="2" />
                {points.iter().map(|p| {
                    let (x, y) = p.rounded();
                    view! { <circle class="dot s0" cx=x cy=y r="2.5" /> }
                }).collect_view()}
            </svg>
        </figure>
    }
}

/// Sessions in each week as bars, with the aim (3 to 4) marked.
#[component]
fn WeekBars(report: Report) -> impl IntoView {
    const W: i32 = 320;
    const H: i32 = 90;
    const TOP: i32 = 16;
    const BOTTOM: i32 = H - 20;
    let most = report
        .weeks
        .iter()
        .map(|w| w.sessions)
        .max()
        .unwrap_or(0)
        .max(WEEK_TARGET_MAX + 1) as i32;
    let y = move |n: usize| BOTTOM - (BOTTOM - TOP) * n as i32 / most;
    let count = report.weeks.len().max(1) as i32;
    let slot = (W - 4) / count;
    let description = report
        .weeks
        .iter()
        .map(|w| format!("week of {}: {}", w.start.short_label(), w.sessions))
        .collect::<Vec<_>>()
        .join(", ");
    let first = report.weeks.first().map(|w| w.start.short_label());
    let last = report.weeks.last().map(|w| w.start.short_label());
    view! {
        <svg class="week-bars" viewBox=format!("0 0 {W} {H}") role="img" aria-label=format!("Sessions per week: {description}")>
            <rect class="aim" x="0" y=y(WEEK_TARGET_MAX) width=W height=y(WEEK_TARGET_MIN) - y(WEEK_TARGET_MAX) />
            {report.weeks.iter().enumerate().map(|(i, week)| {
                let x = 2 + slot * i as i32;
                let top = y(week.sessions);
                view! {
                    <rect class="bar" x=x + slot / 6 y=top width=(slot * 2 / 3).max(2) height=BOTTOM - top />
                    <text x=x + slot / 2 y=top - 3 text-anchor="middle">{week.sessions}</text>
                }
            }).collect_view()}
            <line x1="0" y1=BOTTOM x2=W y2=BOTTOM class="grid" />
            <text x="2" y=H - 4 text-anchor="start">{first}</text>
            {(count > 1).then(|| view! { <text x=W - 2 y=H - 4 text-anchor="end">{last}</text> })}
        </svg>
        <p class="legend">{format!("Shaded: the aim of {WEEK_TARGET_MIN} to {WEEK_TARGET_MAX} sessions a week.")}</p>
    }
}
