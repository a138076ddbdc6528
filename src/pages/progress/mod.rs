//! Progress: the week, the calendar of sessions (view, correct, backfill),
//! pain and symptom trends, the strength check and the run log. Then the
//! data section (`data.rs`, with `restore.rs` and `undo.rs`).

mod data;
mod restore;
mod undo;

use crate::browser::{hash_target_on_page, link, scroll_to_hash};
use crate::components::chart::{Chart, Series};
use crate::components::exercise::SessionExercise;
use crate::components::in_turn::{draw_in_turn, expect_later_part, use_parts_in_turn};
use crate::components::runs::RunLog;
use crate::components::summary::PhysioSummary;
use crate::components::widgets::{use_day_pain, Rating};
use crate::store::{use_store, Scope};
use data::DataSection;
use hamstring_content::routine::STRENGTH_RULE;
use hamstring_domain::date::Day;
use hamstring_domain::phase::Phase;
use hamstring_domain::routine::{session_targets, sets_looking_back};
use hamstring_domain::schedule::{
    back_to_back, first_record, latest_strength_check, recorded_weeks, strength_ratio_percent,
    strength_ready, strength_ready_twice, week_streak, weeks_in_phase, STRENGTH_RATIO_PERCENT,
    WEEK_TARGET_MAX, WEEK_TARGET_MIN,
};
use hamstring_domain::state::{
    AppStateStoreFields, DayLog, DayPain, SetKey, Stamped, StrengthCheck,
};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// Gives the parts of the page its entry loads later: the physio summary
/// and the data section ([`later_parts`]). The progress entry passes a
/// lazily loaded function (Leptos's `#[lazy]`, split out of its wasm by
/// pwa/postbuild.mjs); it must live in that entry, or every entry would
/// keep the parts' code for its export.
pub type LaterParts = fn() -> Pin<Box<dyn Future<Output = AnyView> + Send>>;

#[component]
pub fn ProgressPage(later: LaterParts) -> impl IntoView {
    let store = use_store();
    let drawn = use_parts_in_turn(move || store.loaded.get(), 3);
    expect_later_part();
    let drawn_from = move |part| move || drawn.get() >= part;
    // It reads six kinds of record, so the whole state; a memo, so what
    // depends on it wakes only when the first day changes, not on a tick.
    let first_day = Memo::new(move |_| store.state.with(first_record));
    view! {
        <article class="page progress">
            <h1>"Progress & data"</h1>
            <p class="lead">"Your weeks, your history and your pain trend, and the data this device keeps: back it up, restore it, or delete it."</p>
            // A new person's note is drawn at build time, so it paints with the
            // page; a returning person's boot flag hides it until the app has
            // read storage (`.first-visit`), which then removes it if there
            // are records.
            <Show when=move || !store.loaded.get() || first_day.get().is_none()>
                <p class="status new-person first-visit">"Nothing recorded yet. As you train, this page fills in: your sessions each week, a calendar of them, your pain after sessions and the next morning, your weekly symptom score, strength checks, runs, and a summary for your physiotherapist."</p>
            </Show>
            // Everything below reads what this device stored: drawn from
            // the top, a few sections at a time.
            <Show when=drawn_from(1)>
                <Weeks first_day />
            </Show>
            <Show when=drawn_from(2)>
                <Calendar />
            </Show>
            <Show when=drawn_from(3)>
                {Suspend::new(async move {
                    let parts = later().await;
                    // An address naming a place in them (`#data`) found
                    // nothing when the page started: it is there once drawn.
                    if !hash_target_on_page() {
                        set_timeout(scroll_to_hash, Duration::ZERO);
                    }
                    parts
                })}
            </Show>
        </article>
    }
}

/// Everything below the first screen (the week and the calendar), and most
/// of the page's code: the charts, the strength check, the run log, the
/// physio summary and the data section. Its entry loads it later
/// ([`LaterParts`]); once it has come, it too is drawn a few sections at a
/// time.
pub fn later_parts() -> AnyView {
    let drawn = draw_in_turn(4);
    let drawn_from = move |part| move || drawn.get() >= part;
    view! {
        <PainChart />
        <SymptomChart />
        <RunChart />
        <Show when=drawn_from(2)>
            <StrengthCheckForm />
            <RunLog />
        </Show>
        <Show when=drawn_from(3)>
            <PhysioSummary />
        </Show>
        <Show when=drawn_from(4)>
            <DataSection />
        </Show>
    }
    .into_any()
}

#[component]
fn Weeks(first_day: Memo<Option<Day>>) -> impl IntoView {
    let store = use_store();
    // From the week of the first record: no empty weeks before it.
    let weeks = Memo::new(move |_| {
        let start = store.week_start();
        let first = first_day.get();
        store
            .state
            .days()
            .with(|days| recorded_weeks(days, first, store.today.get(), start, 8))
    });
    let streak = move || {
        store
            .state
            .days()
            .with(|days| week_streak(days, store.today.get(), store.week_start()))
    };
    view! {
        <section class="card" aria-labelledby="weeks-title">
            <h2 id="weeks-title">"Sessions per week"</h2>
            <p>{move || format!("Aim: {WEEK_TARGET_MIN}–{WEEK_TARGET_MAX} sessions a week, with a rest day between. Weeks in a row on target: {}.", streak())}</p>
            <Show when=move || weeks.with(|weeks| !weeks.is_empty()) fallback=|| view! { <p class="muted">"Each week's sessions will show here from the week you start."</p> }>
            <table>
                <thead><tr><th scope="col">"Week of"</th><th scope="col">"Sessions"</th><th scope="col">"On target"</th></tr></thead>
                <tbody>
                    {move || weeks.get().into_iter().rev().map(|w| view! {
                        <tr>
                            <td>{w.start.short_label()}</td>
                            <td data-label="Sessions">{w.sessions}</td>
                            <td data-label="On target">{if w.met { "Yes" } else { "Not yet" }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </Show>
        </section>
    }
}

/// A month grid of sessions; tapping a day opens it for viewing, correcting
/// or backfilling.
#[component]
fn Calendar() -> impl IntoView {
    let store = use_store();
    let month = RwSignal::new(store.today.get_untracked().month());
    let selected = RwSignal::new(None::<Day>);
    let shift = move |months: i32| month.update(|month| *month = month.plus(months));
    let cells = move || {
        let lead = month.get().lead_days(store.week_start());
        (lead, month.get().days().collect::<Vec<_>>())
    };
    let headers = move || {
        store
            .week_start()
            .week_from()
            .map(|weekday| weekday.short_name())
    };
    view! {
        <section class="card" aria-labelledby="calendar-title" id="history">
            <h2 id="calendar-title">"History"</h2>
            <p class="muted">"Tap a day to see it, correct it, or log a session you forgot."</p>
            <div class="calendar-head">
                <button type="button" class="secondary" on:click=move |_| shift(-1) aria-label="Previous month">"‹"</button>
                <h3 aria-live="polite">{move || month.get().first_day().month_label()}</h3>
                <button type="button" class="secondary" on:click=move |_| shift(1) aria-label="Next month">"›"</button>
            </div>
            <div class="calendar" role="group" aria-labelledby="calendar-title">
                // Where three letters do not fit (200% text on a phone), the first does.
                {move || headers().map(|h| {
                    let (first, rest) = h.split_at(1);
                    view! { <span class="weekday" aria-hidden="true">{first}<span class="weekday-rest">{rest}</span></span> }
                }).collect_view()}
                {move || {
                    let (lead, days) = cells();
                    let today = store.today.get();
                    (0..lead).map(|_| view! { <span></span> }.into_any())
                        .chain(days.into_iter().map(move |day| view! { <CalendarDay day today selected /> }.into_any()))
                        .collect_view()
                }}
            </div>
            {move || selected.get().map(|day| view! { <DayEditor day /> })}
        </section>
    }
}

/// One day of the month grid: whether a session or a run was logged, and a
/// tap to open it (days after today cannot be opened).
#[component]
fn CalendarDay(day: Day, today: Day, selected: RwSignal<Option<Day>>) -> impl IntoView {
    let store = use_store();
    let done = move || store.with_day(day, DayLog::trained);
    let ran = move || store.state.runs().with(|runs| runs.contains_key(&day));
    let label = move || {
        let logged = match (done(), ran()) {
            (true, true) => ": session and run logged",
            (true, false) => ": session logged",
            (false, true) => ": run logged",
            (false, false) => "",
        };
        format!("{}{logged}", day.long_label())
    };
    let (_, _, number) = day.ymd();
    view! {
        <button type="button"
            class=move || format!("{}{}{}", if done() { "trained" } else { "" }, if ran() { " ran" } else { "" }, if day == today { " today" } else { "" })
            aria-label=label
            aria-pressed=move || (selected.get() == Some(day)).to_string()
            disabled={day > today}
            on:click=move |_| selected.set(Some(day))>
            {number}
        </button>
    }
}

/// A past (or today's) day: the session of the phase it was in, to view,
/// correct or fill in, "All done" for a whole session, and its pain ratings.
#[component]
fn DayEditor(day: Day) -> impl IntoView {
    let store = use_store();
    let phase = store
        .state
        .with_untracked(|s| s.phase_on(day))
        .filter(|p| !p.exercises().is_empty())
        .unwrap_or(Phase::Foundation);
    let week = store
        .state
        .with_untracked(|s| s.phase_began(day))
        .map_or(0, |since| weeks_in_phase(since, day));
    let targets = session_targets(phase, week, false);
    let required: Vec<SetKey> = targets
        .iter()
        .filter(|t| !t.optional && t.dropped.is_none())
        .map(|t| t.key)
        .collect();
    let all_done = {
        let required = required.clone();
        Signal::derive(move || {
            store.with_day(day, |log| required.iter().all(|key| log.is_done(*key)))
        })
    };
    let tick_all = move |_| {
        let required = required.clone();
        store.change_day(day, move |log, now| {
            for key in required {
                log.sets.insert(key, Stamped::new(now, true));
            }
        });
    };
    let (after, set_after) = use_day_pain(day, DayPain::After);
    let (morning, set_morning) = use_day_pain(day, DayPain::NextMorning);
    view! {
        <div class="day-editor" aria-labelledby="day-title">
            <h3 id="day-title" tabindex="-1">{day.long_label()}</h3>
            <p class="muted">{format!("{}: the session of that day.", phase.title())}</p>
            {move || store.state.days().with(|days| back_to_back(days, day)).then(|| view! {
                <p class="status warn">"Back to back with another session: rest days let the tendon recover."</p>
            })}
            <div class="actions">
                <button type="button" class="secondary" on:click=tick_all prop:disabled=all_done>
                    {move || if all_done.get() { "Whole session done" } else { "All done: tick every set" }}
                </button>
            </div>
            {phase.exercises().into_iter().filter_map(|id| {
                let mine = store.state.with_untracked(|s| sets_looking_back(&targets, s.day(day), id));
                (!mine.is_empty()).then(|| view! { <SessionExercise id day targets=mine /> })
            }).collect_view()}
            <Rating legend=format!("Pain during or right after the session on {}, 0 to 10", day.long_label()) name=format!("after-{day}")
                value=after on_pick=set_after />
            <Rating legend=format!("Pain the morning after {}, 0 to 10", day.long_label()) name=format!("morning-{day}")
                value=morning on_pick=set_morning />
        </div>
    }
}

#[component]
fn PainChart() -> impl IntoView {
    let store = use_store();
    let series = Signal::derive(move || {
        store.state.days().with(|days| {
            let pick = |f: fn(&hamstring_domain::state::DayLog) -> Option<u8>| -> Vec<(Day, u8)> {
                days.iter()
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
        store.state.symptom_scores().with(|scores| {
            let pick = |f: fn(&hamstring_domain::state::SymptomScore) -> u8| -> Vec<(Day, u8)> {
                scores.iter().map(|(d, r)| (*d, f(&r.value))).collect()
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

/// Pain after each run and the next morning, once any run is logged.
#[component]
fn RunChart() -> impl IntoView {
    let store = use_store();
    let any = move || store.state.runs().with(|runs| !runs.is_empty());
    let series = Signal::derive(move || {
        store.state.runs().with(|runs| {
            vec![
                Series {
                    colour: "s0",
                    name: "After the run",
                    values: runs.iter().map(|(d, r)| (*d, r.value.pain_now)).collect(),
                },
                Series {
                    colour: "s2",
                    name: "Next morning",
                    values: runs
                        .iter()
                        .filter_map(|(d, r)| r.value.pain_next_morning.map(|m| (*d, m)))
                        .collect(),
                },
            ]
        })
    });
    view! {
        <Show when=any>
            <section class="card" aria-labelledby="run-pain-title" id="run-pain">
                <h2 id="run-pain-title">"Pain after runs"</h2>
                <Chart title="Pain after runs" series empty=|| () />
                <p class="muted">"As after a session: a run should settle by the next morning, and the pain should not build from week to week."</p>
            </section>
        </Show>
    }
}

/// What the latest strength check means for phase 3.
fn latest_text(check: StrengthCheck, ready_twice: bool) -> String {
    let ratio = strength_ratio_percent(check);
    if ready_twice {
        format!("Latest: {ratio}% (left {}, right {}). Two passing checks at least a week apart: phase 3, light running, can start.", check.left, check.right)
    } else if strength_ready(check) {
        format!("Latest: {ratio}% (left {}, right {}). This check passes. Phase 3 opens when a later check, at least a week after a passing one, passes too.", check.left, check.right)
    } else if check.pain_at_rest {
        format!("Latest: {ratio}%, with pain at rest. Keep building before running.")
    } else {
        format!(
            "Latest: {ratio}% (left {}, right {}). The goal is {STRENGTH_RATIO_PERCENT}% or more.",
            check.left, check.right
        )
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
        let reps = |text: String| {
            text.trim()
                .parse::<u16>()
                .ok()
                .filter(|n| *n <= StrengthCheck::MAX_BRIDGE_REPS)
        };
        let (Some(l), Some(r)) = (reps(left.get_untracked()), reps(right.get_untracked())) else {
            error.set(Some(
                "Enter the number of repetitions for each leg (whole numbers up to 999).",
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
    let latest = move || store.state.strength_checks().with(latest_strength_check);
    let ready_twice = move || store.state.strength_checks().with(strength_ready_twice);
    view! {
        <section class="card" aria-labelledby="strength-title" id="strength">
            <h2 id="strength-title">"Strength check"</h2>
            <p>"Do as many single-leg glute bridges as you can with good form on each leg. " {STRENGTH_RULE}</p>
            <form on:submit=save>
                <label class="field">"Left leg repetitions" <input type="number" inputmode="numeric" min="0" max="999" name="left" bind:value=left /></label>
                <label class="field">"Right leg repetitions" <input type="number" inputmode="numeric" min="0" max="999" name="right" bind:value=right /></label>
                <label class="choice"><input type="checkbox" name="pain-at-rest" bind:checked=pain_at_rest /><span>"I have pain at rest"</span></label>
                <p role="alert" class="error">{move || error.get()}</p>
                <div class="actions"><button type="submit" class="primary">"Save strength check"</button></div>
            </form>
            <p aria-live="polite" class="strength-result">{move || latest().map(|check| latest_text(check, ready_twice()))}</p>
        </section>
    }
}
