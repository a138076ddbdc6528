//! Progress: the week, the calendar of sessions (view, correct, backfill),
//! pain and symptom trends, the strength check and the run log. Then the
//! data section (`data.rs`).

use crate::app::data::DataSection;
use crate::app::link;
use crate::app::routine::{week_start, SessionExercise};
use crate::app::store::{use_store, Scope};
use crate::app::widgets::Rating;
use crate::core::chart::{plot, polyline};
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

/// One line on a chart: its colour class (`s0`–`s2`, themed in CSS) and its
/// (day, 0–10 rating) points.
struct Series {
    colour: &'static str,
    values: Vec<(Day, u8)>,
}

fn chart(title: &'static str, series: Vec<Series>) -> impl IntoView {
    const W: f32 = 320.0;
    const H: f32 = 150.0;
    const PAD: f32 = 14.0;
    let all: Vec<(Day, u8)> = {
        let mut all: Vec<_> = series.iter().flat_map(|s| s.values.clone()).collect();
        all.sort();
        all
    };
    let first = all.first().map(|p| p.0);
    let last = all.last().map(|p| p.0);
    let description = format!(
        "{title}: {} ratings from {} to {}.",
        all.len(),
        first.map(|d| d.long_label()).unwrap_or_default(),
        last.map(|d| d.long_label()).unwrap_or_default()
    );
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=description>
                <line x1=PAD y1=PAD x2=PAD y2=H - PAD stroke="currentColor" stroke-opacity="0.3" />
                <line x1=PAD y1=H - PAD x2=W - PAD y2=H - PAD stroke="currentColor" stroke-opacity="0.3" />
                <text x="0" y=PAD + 4.0>"10"</text>
                <text x="0" y=H - PAD + 4.0>"0"</text>
                <text x=PAD y=H - 1.0>{first.map(|d| d.short_label()).unwrap_or_default()}</text>
                <text x=W - PAD y=H - 1.0 text-anchor="end">{last.filter(|l| Some(*l) != first).map(|d| d.short_label()).unwrap_or_default()}</text>
                {series.into_iter().map(|Series { colour, values }| {
                    // Plot every series on the same time axis.
                    let mut anchored = values;
                    if let (Some(first), Some(last)) = (first, last) {
                        anchored.insert(0, (first, 255));
                        anchored.push((last, 255));
                    }
                    let points: Vec<_> = plot(&anchored, W, H, PAD).into_iter().filter(|p| p.value != 255).collect();
                    view! {
                        <polyline class=format!("line {colour}") points=polyline(&points) fill="none" stroke-width="2.5" />
                        {points.into_iter().map(|p| view! { <circle class=format!("dot {colour}") cx=p.x cy=p.y r="3.5" /> }).collect_view()}
                    }
                }).collect_view()}
            </svg>
        </figure>
    }
}

#[component]
fn PainChart() -> impl IntoView {
    let store = use_store();
    let series = move || {
        store.state.with(|s| {
            let after: Vec<_> = s
                .days
                .iter()
                .filter_map(|(d, l)| l.pain_after.as_ref().map(|p| (*d, p.value)))
                .collect();
            let morning: Vec<_> = s
                .days
                .iter()
                .filter_map(|(d, l)| l.pain_next_morning.as_ref().map(|p| (*d, p.value)))
                .collect();
            (after, morning)
        })
    };
    view! {
        <section class="card" aria-labelledby="pain-title" id="pain">
            <h2 id="pain-title">"Pain after sessions"</h2>
            {move || {
                let (after, morning) = series();
                if after.is_empty() && morning.is_empty() {
                    view! { <p class="muted">"Rate your pain after a session and it will show here."</p> }.into_any()
                } else {
                    view! {
                        {chart("Pain after sessions", vec![Series { colour: "s0", values: after }, Series { colour: "s2", values: morning }])}
                        <p class="legend"><span class="swatch s0"></span>"After the session" <span class="swatch s2"></span>"Next morning"</p>
                    }.into_any()
                }
            }}
            <p class="muted">"Up to 3 out of 10 is safe, up to 5 acceptable, above 5 too much. It should settle by the next morning and not build from week to week."</p>
        </section>
    }
}

#[component]
fn SymptomChart() -> impl IntoView {
    let store = use_store();
    let series = move || {
        store.state.with(|s| {
            let pick = |f: fn(&crate::core::state::SymptomScore) -> u8| -> Vec<(Day, u8)> {
                s.symptom_scores
                    .iter()
                    .map(|(d, r)| (*d, f(&r.value)))
                    .collect()
            };
            (
                pick(|v| v.sitting),
                pick(|v| v.activity),
                pick(|v| v.morning_after),
            )
        })
    };
    view! {
        <section class="card" aria-labelledby="symptoms-title" id="symptoms">
            <h2 id="symptoms-title">"Symptom score"</h2>
            {move || {
                let (sitting, activity, morning) = series();
                if sitting.is_empty() {
                    view! { <p class="muted">"Take the weekly symptom score on the " <a href=link("/check#score")>"Self-check"</a> " page to see your trend."</p> }.into_any()
                } else {
                    view! {
                        {chart("Symptom score", vec![Series { colour: "s0", values: sitting }, Series { colour: "s1", values: activity }, Series { colour: "s2", values: morning }])}
                        <p class="legend"><span class="swatch s0"></span>"Sitting " <span class="swatch s1"></span>"Activity " <span class="swatch s2"></span>"Morning after"</p>
                    }.into_any()
                }
            }}
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
