//! Progress: the week, the calendar of sessions (view, correct, backfill),
//! pain and symptom trends, the strength check and the run log. Then the
//! data section (`data.rs`).

use crate::app::data::DataSection;
use crate::app::link;
use crate::app::routine::{week_start, SessionExercise};
use crate::app::store::{use_store, Scope};
use crate::app::widgets::Rating;
use crate::core::date::{days_in_month, Day};
use crate::core::routine::{trained, Phase};
use crate::core::schedule::{
    adherence, back_to_back, latest_strength_check, settled_by_morning, strength_ratio_percent,
    strength_ready, week_streak, STRENGTH_RATIO_PERCENT, WEEK_TARGET_MAX, WEEK_TARGET_MIN,
};
use crate::core::state::{RunEntry, Stamped, StrengthCheck};
use leptos::prelude::*;

#[component]
pub fn ProgressPage() -> impl IntoView {
    view! {
        <article class="page progress">
            <h1>"Progress & data"</h1>
            <Weeks />
            <Calendar />
            <PainChart />
            <SymptomChart />
            <StrengthCheckForm />
            <RunLog />
            <DataSection />
        </article>
    }
}

#[component]
fn Weeks() -> impl IntoView {
    let store = use_store();
    let weeks = move || {
        let start = week_start(store);
        store
            .state
            .with(|s| adherence(s, store.today.get(), start, 8))
    };
    let streak = move || {
        store
            .state
            .with(|s| week_streak(s, store.today.get(), week_start(store)))
    };
    view! {
        <section class="card" aria-labelledby="weeks-title">
            <h2 id="weeks-title">"Sessions per week"</h2>
            <p>{move || format!("Aim: {WEEK_TARGET_MIN}–{WEEK_TARGET_MAX} sessions a week, with a rest day between. Weeks in a row on target: {}.", streak())}</p>
            <table>
                <thead><tr><th scope="col">"Week of"</th><th scope="col">"Sessions"</th><th scope="col">"On target"</th></tr></thead>
                <tbody>
                    {move || weeks().into_iter().rev().map(|w| view! {
                        <tr>
                            <td>{w.start.short_label()}</td>
                            <td>{w.sessions}</td>
                            <td>{if w.met { "Yes" } else { "Not yet" }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// A month grid of sessions; tapping a day opens it for viewing, correcting
/// or backfilling.
#[component]
fn Calendar() -> impl IntoView {
    let store = use_store();
    let month = RwSignal::new(store.today.get_untracked().first_of_month());
    let selected = RwSignal::new(None::<Day>);
    let shift = move |months: i32| {
        let (year, m, _) = month.get_untracked().ymd();
        let index = year * 12 + m as i32 - 1 + months;
        month.set(
            Day::from_ymd(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
                .expect("first of month"),
        );
    };
    let cells = move || {
        let first = month.get();
        let (year, m, _) = first.ymd();
        let start = week_start(store);
        let lead = first.days_since(first.week_start(start));
        let days = (0..days_in_month(year, m) as i32).map(|i| first.plus(i));
        (lead, days.collect::<Vec<_>>())
    };
    let headers = move || {
        let start = week_start(store).index();
        (0..7)
            .map(move |i| crate::core::date::Weekday::ALL[((start + i) % 7) as usize].short_name())
    };
    view! {
        <section class="card" aria-labelledby="calendar-title" id="history">
            <h2 id="calendar-title">"History"</h2>
            <p class="muted">"Tap a day to see it, correct it, or log a session you forgot."</p>
            <div class="calendar-head">
                <button type="button" class="secondary" on:click=move |_| shift(-1) aria-label="Previous month">"‹"</button>
                <h3 aria-live="polite">{move || month.get().month_label()}</h3>
                <button type="button" class="secondary" on:click=move |_| shift(1) aria-label="Next month">"›"</button>
            </div>
            <div class="calendar" role="group" aria-labelledby="calendar-title">
                {move || headers().map(|h| view! { <span class="weekday" aria-hidden="true">{h}</span> }).collect_view()}
                {move || {
                    let (lead, days) = cells();
                    let today = store.today.get();
                    (0..lead).map(|_| view! { <span></span> }.into_any())
                        .chain(days.into_iter().map(move |day| {
                            let done = move || store.state.with(|s| trained(s.day(day)));
                            let label = move || format!("{}{}", day.long_label(), if done() { ": session logged" } else { "" });
                            let (_, _, number) = day.ymd();
                            view! {
                                <button type="button"
                                    class=move || format!("{}{}", if done() { "trained" } else { "" }, if day == today { " today" } else { "" })
                                    aria-label=label
                                    aria-pressed=move || (selected.get() == Some(day)).to_string()
                                    disabled={day > today}
                                    on:click=move |_| selected.set(Some(day))>
                                    {number}
                                </button>
                            }.into_any()
                        }))
                        .collect_view()
                }}
            </div>
            {move || selected.get().map(|day| view! { <DayEditor day /> })}
        </section>
    }
}

#[component]
fn DayEditor(day: Day) -> impl IntoView {
    let store = use_store();
    let phase = store
        .state
        .with_untracked(|s| s.programme().map(|p| p.phase))
        .unwrap_or(Phase::Foundation);
    let exercises = if phase.exercises().is_empty() {
        Phase::Foundation.exercises()
    } else {
        phase.exercises()
    };
    let rest_timer = RwSignal::new(None);
    let pain = move || {
        store
            .state
            .with(|s| s.day(day).pain_after.as_ref().map(|p| p.value))
    };
    view! {
        <div class="day-editor" aria-labelledby="day-title">
            <h3 id="day-title" tabindex="-1">{day.long_label()}</h3>
            {move || store.state.with(|s| back_to_back(s, day)).then(|| view! {
                <p class="status warn">"Back to back with another session: rest days let the tendon recover."</p>
            })}
            <p class="muted">{move || pain().map(|p| format!("Pain after the session: {p} out of 10.")).unwrap_or_default()}</p>
            {exercises.into_iter().map(|id| view! { <SessionExercise id day rest_timer /> }).collect_view()}
        </div>
    }
}

/// One line on a chart: its colour class (`s0`–`s2`, themed in CSS), its
/// name for the legend, and its (day, 0–10 rating) points.
#[derive(Clone)]
struct Series {
    colour: &'static str,
    name: &'static str,
    values: Vec<(Day, u8)>,
}

/// Ratings over time: the last twelve weeks by default, or a year or all of
/// it as weekly averages, so years of ratings stay a few hundred points.
#[component]
fn Chart(
    title: &'static str,
    series: Signal<Vec<Series>>,
    #[prop(into)] empty: ViewFn,
) -> impl IntoView {
    use crate::core::chart::{date_ticks, polyline, series as windowed, window, Frame, Span};
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

#[component]
fn PainChart() -> impl IntoView {
    let store = use_store();
    let series = Signal::derive(move || {
        store.state.with(|s| {
            let pick = |f: fn(&crate::core::state::DayLog) -> Option<u8>| -> Vec<(Day, u8)> {
                s.days
                    .iter()
                    .filter_map(|(d, l)| f(l).map(|v| (*d, v)))
                    .collect()
            };
            vec![
                Series {
                    colour: "s0",
                    name: "After the session",
                    values: pick(|l| l.pain_after.as_ref().map(|p| p.value)),
                },
                Series {
                    colour: "s2",
                    name: "Next morning",
                    values: pick(|l| l.pain_next_morning.as_ref().map(|p| p.value)),
                },
            ]
        })
    });
    view! {
        <section class="card" aria-labelledby="pain-title" id="pain">
            <h2 id="pain-title">"Pain after sessions"</h2>
            <Chart title="Pain after sessions" series empty=|| view! { <p class="muted">"Rate your pain after a session and it will show here."</p> } />
            <p class="muted">"Up to 3 out of 10 is safe, up to 5 acceptable, above 5 too much. It should settle by the next morning and not build from week to week."</p>
        </section>
    }
}

#[component]
fn SymptomChart() -> impl IntoView {
    let store = use_store();
    let series = Signal::derive(move || {
        store.state.with(|s| {
            let pick = |f: fn(&crate::core::state::SymptomScore) -> u8| -> Vec<(Day, u8)> {
                s.symptom_scores
                    .iter()
                    .map(|(d, r)| (*d, f(&r.value)))
                    .collect()
            };
            vec![
                Series {
                    colour: "s0",
                    name: "Sitting",
                    values: pick(|v| v.sitting),
                },
                Series {
                    colour: "s1",
                    name: "Activity",
                    values: pick(|v| v.activity),
                },
                Series {
                    colour: "s2",
                    name: "Morning after",
                    values: pick(|v| v.morning_after),
                },
            ]
        })
    });
    view! {
        <section class="card" aria-labelledby="symptoms-title" id="symptoms">
            <h2 id="symptoms-title">"Symptom score"</h2>
            <Chart title="Symptom score" series empty=|| view! { <p class="muted">"Take the weekly symptom score on the " <a href=link("/check#score")>"Self-check"</a> " page to see your trend."</p> } />
        </section>
    }
}

#[component]
fn StrengthCheckForm() -> impl IntoView {
    let store = use_store();
    let left = RwSignal::new(String::new());
    let right = RwSignal::new(String::new());
    let pain_at_rest = RwSignal::new(false);
    let error = RwSignal::new(None::<&'static str>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Ok(l), Ok(r)) = (
            left.get_untracked().trim().parse::<u16>(),
            right.get_untracked().trim().parse::<u16>(),
        ) else {
            error.set(Some(
                "Enter the number of repetitions for each leg (whole numbers).",
            ));
            return;
        };
        error.set(None);
        let today = store.today.get_untracked();
        store.change(Scope::Day(today), |state, now| {
            state.strength_checks.insert(
                today,
                Stamped::new(
                    now,
                    StrengthCheck {
                        left: l,
                        right: r,
                        pain_at_rest: pain_at_rest.get_untracked(),
                    },
                ),
            );
        });
    };
    let latest = move || store.state.with(latest_strength_check);
    view! {
        <section class="card" aria-labelledby="strength-title" id="strength">
            <h2 id="strength-title">"Strength check"</h2>
            <p>"Do as many single-leg glute bridges as you can with good form on each leg. Running can start once the weaker side manages at least 90% of the stronger side and there is no pain at rest."</p>
            <form on:submit=save>
                <label class="field">"Left leg repetitions" <input type="number" inputmode="numeric" min="0" max="999" name="left" bind:value=left /></label>
                <label class="field">"Right leg repetitions" <input type="number" inputmode="numeric" min="0" max="999" name="right" bind:value=right /></label>
                <label class="choice"><input type="checkbox" name="pain-at-rest" bind:checked=pain_at_rest /><span>"I have pain at rest"</span></label>
                <p role="alert" class="error">{move || error.get()}</p>
                <div class="actions"><button type="submit" class="primary">"Save strength check"</button></div>
            </form>
            <p aria-live="polite" class="strength-result">{move || latest().map(|check| {
                let ratio = strength_ratio_percent(check);
                if strength_ready(check) {
                    format!("Latest: {ratio}% (left {}, right {}). Ready for phase 3: light running.", check.left, check.right)
                } else if check.pain_at_rest {
                    format!("Latest: {ratio}%, with pain at rest. Keep building before running.")
                } else {
                    format!("Latest: {ratio}% (left {}, right {}). The goal is {STRENGTH_RATIO_PERCENT}% or more.", check.left, check.right)
                }
            })}</p>
        </section>
    }
}

#[component]
fn RunLog() -> impl IntoView {
    let store = use_store();
    let visible = move || {
        store
            .state
            .with(|s| s.programme().is_some_and(|p| p.phase.has_run_log()) || !s.runs.is_empty())
    };
    let minutes = RwSignal::new(String::new());
    let pain_now = RwSignal::new(None::<u8>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Ok(minutes), Some(pain_now)) = (
            minutes.get_untracked().trim().parse::<u16>(),
            pain_now.get_untracked(),
        ) else {
            return;
        };
        let today = store.today.get_untracked();
        store.change(Scope::Day(today), |state, now| {
            state.runs.insert(
                today,
                Stamped::new(
                    now,
                    RunEntry {
                        minutes,
                        pain_now,
                        pain_next_morning: None,
                    },
                ),
            );
        });
    };
    let runs = move || {
        store.state.with(|s| {
            s.runs
                .iter()
                .rev()
                .map(|(d, r)| (*d, r.value))
                .collect::<Vec<_>>()
        })
    };
    view! {
        {move || visible().then(|| view! {
            <section class="card" aria-labelledby="runs-title" id="runs">
                <h2 id="runs-title">"Run log"</h2>
                <p>"Keep runs light. Pain should settle within 24 hours; if it is still there the next morning, ease off."</p>
                <form on:submit=save>
                    <label class="field">"Minutes run today" <input type="number" inputmode="numeric" min="1" max="600" name="minutes" bind:value=minutes /></label>
                    <Rating legend="Pain now, 0 to 10".to_string() name="run-pain".to_string() value=pain_now.into() on_pick=Callback::new(move |n| pain_now.set(Some(n))) />
                    <div class="actions"><button type="submit" class="primary">"Log run"</button></div>
                </form>
                <ul class="runs">
                    {move || runs().into_iter().map(|(day, run)| {
                        let morning = move |n: u8| store.change(Scope::Day(day), |state, now| {
                            if let Some(entry) = state.runs.get_mut(&day) {
                                entry.value.pain_next_morning = Some(n);
                                entry.at = now;
                            }
                        });
                        view! {
                            <li>
                                <p><strong>{day.long_label()}</strong>{format!(": {} minutes, pain {} out of 10.", run.minutes, run.pain_now)}</p>
                                {match run.pain_next_morning {
                                    Some(m) if settled_by_morning(run.pain_now, m) => view! { <p>{format!("Next morning: {m}. Settled within 24 hours.")}</p> }.into_any(),
                                    Some(m) => view! { <p class="status warn">{format!("Next morning: {m}. Not settled: make the next run shorter or easier.")}</p> }.into_any(),
                                    None if day < store.today.get_untracked() => view! {
                                        <Rating legend=format!("Pain the morning after the run on {}", day.long_label()) name=format!("run-morning-{day}") value=Signal::derive(|| None) on_pick=Callback::new(morning) />
                                    }.into_any(),
                                    None => view! { <p class="muted">"Rate the next morning tomorrow."</p> }.into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
