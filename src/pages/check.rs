//! The self-check: one question per screen, a review page, and the result.
//! The step lives in the URL (`?step=onset`), so Back, reload and shared
//! links all land on the same screen; answers in progress live in the store.

use crate::browser::{can_share, download, share};
use crate::browser::{link, navigate, use_query};
use crate::components::widgets::{Rating, Rich};
use crate::store::{use_store, Scope, Store};
use hamstring_content::selfcheck::{
    level_text, older, Level, Question, BACK_FIRST_ADVICE, NOT_A_DIAGNOSIS, OLDER_RESULT,
};
use hamstring_domain::phase::Phase;
use hamstring_domain::selfcheck::steps::{
    first_step, next_step, position, previous_step, resume_step, CheckLink, Step,
};
use hamstring_domain::selfcheck::{
    answer_label, flow, is_valid_answer, next_unanswered, older_summary, summary, triage, Answers,
    OlderFinding, Reason, Triage, Verdict,
};
use hamstring_domain::state::{AppStateStoreFields, CheckResult, Stamped, SymptomScore};
use leptos::prelude::*;

fn draft(store: Store) -> Answers {
    store
        .state
        .check_draft()
        .with(|d| d.as_ref().map(|d| d.value.clone()))
        .unwrap_or_default()
}

fn go(step: Step) {
    navigate(&step.href());
}

/// A heading that takes focus once it is on the page: each new step of the
/// check is announced to screen readers and Tab starts from it.
fn use_focused_heading() -> NodeRef<leptos::html::H2> {
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    heading
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let store = use_store();
    let query = use_query();
    // A memo, so answering (which changes the state) does not rebuild the
    // screen and steal focus; only moving to another screen does.
    let screen = Memo::new(move |_| {
        let query = query.get();
        let (step, from, result) = (query.get("step"), query.get("from"), query.get("result"));
        let link = CheckLink {
            step: step.as_deref(),
            from_review: from.as_deref() == Some("review"),
            result: result.as_deref(),
        };
        let answers = store
            .state
            .check_draft()
            .with(|d| d.as_ref().map(|d| d.value.clone()));
        let latest = || {
            store
                .state
                .check_results()
                .with(|results| results.keys().next_back().copied())
        };
        Step::read(&link, answers.as_ref(), latest)
    });
    view! {
        <article class="page check">
            <h1>"Self-check"</h1>
            {move || match screen.get() {
                Step::Intro => view! { <Intro /> }.into_any(),
                Step::Question { question, from_review } => view! { <QuestionStep question from_review /> }.into_any(),
                Step::Review => view! { <Review /> }.into_any(),
                Step::Result(id) => view! { <ResultView id /> }.into_any(),
            }}
        </article>
    }
}

#[component]
fn Intro() -> impl IntoView {
    let store = use_store();
    let in_progress = move || resume_step(&draft(store));
    let start = move |_| {
        store.change(Scope::Main, |state, now| {
            state.check_draft = Some(Stamped::new(now, Answers::new()))
        });
        go(first_step());
    };
    view! {
        <p class="lead">"Answer a few questions about your pain. The check points you to a sensible next step, and to a doctor when something sounds like more than this injury."</p>
        <p>"It starts with warning signs that need a doctor, then asks about the pain itself. Each question has a \"Not sure\" answer: use it whenever you are not sure, and the check will play it safe. It takes about three minutes."</p>
        <aside class="callout caution">
            <p>"This check informs; it does not diagnose. Only a doctor or physiotherapist who examines you can say what you have."</p>
        </aside>
        // What was answered before is only known once storage is read.
        <Show when=move || store.loaded.get()>
            <div class="actions">
                {move || match in_progress() {
                    Some(step) => view! {
                        <a class="button primary" href=link(&step.href())>"Continue where you left off"</a>
                        <button type="button" class="secondary" on:click=start>"Start again"</button>
                    }.into_any(),
                    None => view! { <button type="button" class="primary" on:click=start>"Start the self-check"</button> }.into_any(),
                }}
            </div>
            <PastResults />
            <SymptomScoreForm />
        </Show>
    }
}

#[component]
fn QuestionStep(question: &'static Question, from_review: bool) -> impl IntoView {
    let store = use_store();
    let chosen = move || draft(store).get(question.id).cloned().unwrap_or_default();
    let place = move || position(question, &draft(store));
    let set_answer = move |picked: Vec<String>| {
        store.change(Scope::Main, |state, now| {
            let mut answers = state
                .check_draft
                .take()
                .map(|d| d.value)
                .unwrap_or_default();
            answers.insert(question.id.to_string(), picked);
            state.check_draft = Some(Stamped::new(now, answers));
        });
    };
    let valid = move || is_valid_answer(question, &chosen());
    let continue_ = move |_| {
        let answers = draft(store);
        // An emergency answer is acted on at once: no review screen before 999.
        if next_unanswered(&answers).is_none() && triage(&answers).level == Level::Emergency {
            return finish(store);
        }
        go(next_step(question, &answers, from_review))
    };
    let back = move |_| go(previous_step(question, &draft(store), from_review));
    let heading = use_focused_heading();
    view! {
        <p class="step-count" id="step-count">{move || { let (n, total) = place(); format!("{} · Question {n} of {total}", question.part.title()) }}</p>
        <div class="progress-bar" aria-hidden="true">
            <span style:width=move || { let (n, total) = place(); format!("{}%", n * 100 / total.max(1)) }></span>
        </div>
        <form class="card question" on:submit=move |ev| { ev.prevent_default(); if valid() { continue_(()); } }>
            <fieldset aria-labelledby="question-title"
                aria-describedby=if question.not_counted.is_some() { "step-count not-counted" } else { "step-count" }>
                <h2 id="question-title" tabindex="-1" node_ref=heading>{question.prompt}</h2>
                {question.not_counted.map(|line| view! { <p class="not-counted" id="not-counted">{line}</p> })}
                <div class="choices">
                    {question.choices.iter().map(|choice| {
                        let id = format!("{}-{}", question.id, choice.id);
                        let input_id = id.clone();
                        let option = choice.id;
                        view! {
                            <label class="choice" for=id>
                                <input type="radio" id=input_id name=question.id value=option
                                    prop:checked=move || chosen().iter().any(|c| c == option)
                                    on:change=move |_| set_answer(vec![option.to_string()]) />
                                <span>{choice.label}</span>
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <details class="why">
                <summary>"Why we ask"</summary>
                <p><Rich text=question.why /></p>
            </details>
            <div class="actions">
                <button type="button" class="secondary" on:click=back>"Back"</button>
                <button type="submit" class="primary" prop:disabled=move || !valid()>"Continue"</button>
            </div>
        </form>
    }
}

/// Saves the draft as a result and shows it. The same answers finished again
/// on the same day (after reviewing them from the result) show that result
/// instead of saving a copy.
fn finish(store: Store) {
    let answers = draft(store);
    let verdict = Verdict::Triage(triage(&answers));
    let day = store.today.get_untracked();
    let mut finished_at = 0;
    store.change(Scope::Main, |state, now| {
        let same = state
            .check_results
            .iter()
            .next_back()
            .filter(|(_, r)| r.value.day == day && r.value.answers == answers)
            .map(|(id, _)| *id);
        finished_at = same.unwrap_or(now);
        if same.is_none() {
            state.check_results.insert(
                now,
                Stamped::new(
                    now,
                    CheckResult {
                        day,
                        answers,
                        verdict,
                    },
                ),
            );
        }
        state.check_draft = None;
    });
    go(Step::Result(finished_at));
}

#[component]
fn Review() -> impl IntoView {
    let store = use_store();
    let heading = use_focused_heading();
    let finish = move |_| finish(store);
    view! {
        <section class="card" aria-labelledby="review-title">
            <h2 id="review-title" tabindex="-1" node_ref=heading>"Check your answers"</h2>
            <dl class="answers">
                {move || flow(&draft(store)).into_iter().map(|q| {
                    let label = answer_label(q, &draft(store)).unwrap_or_default();
                    view! {
                        <div class="answer-row">
                            <dt>{q.prompt}</dt>
                            <dd>
                                <span>{label}</span>
                                " "
                                <a class="change" href=link(&Step::Question { question: q, from_review: true }.href())>
                                    "Change" <span class="visually-hidden">{format!(" your answer to: {}", q.prompt)}</span>
                                </a>
                            </dd>
                        </div>
                    }
                }).collect_view()}
            </dl>
            <div class="actions">
                <button type="button" class="primary" on:click=finish>"See my result"</button>
            </div>
        </section>
    }
}

#[component]
fn ResultView(id: u64) -> impl IntoView {
    let store = use_store();
    let result = move || {
        store
            .state
            .with(|s| s.check_results.get(&id).map(|r| r.value.clone()))
    };
    let heading = use_focused_heading();
    view! {
        {move || match result() {
            None => view! {
                <p>"This result is no longer saved."</p>
                <p><a href=link("/check")>"Back to the self-check"</a></p>
            }.into_any(),
            Some(result) => {
                let date = result.day.to_string();
                let (text, body) = match &result.verdict {
                    Verdict::Triage(triage) => (
                        summary(&result.answers, triage, &date),
                        view! { <TriageResult triage=triage.clone() /> }.into_any(),
                    ),
                    Verdict::Older(findings) => (
                        older_summary(&result.answers, findings, &date),
                        view! { <OlderResult findings=findings.clone() /> }.into_any(),
                    ),
                };
                let file_name = format!("self-check-{}.txt", result.day);
                let answers = result.answers.clone();
                // Reviewing puts the answers back in progress; finishing
                // unchanged shows this result again.
                let review = matches!(result.verdict, Verdict::Triage(_)).then(|| {
                    let answers = answers.clone();
                    view! {
                        <button type="button" class="secondary" on:click=move |_| {
                            let answers = answers.clone();
                            store.change(Scope::Main, |state, now| {
                                state.check_draft = Some(Stamped::new(now, answers));
                            });
                            go(Step::Review);
                        }>"Review my answers"</button>
                    }
                });
                view! {
                    <h2 id="result-title" tabindex="-1" node_ref=heading>{format!("Your result · {}", result.day.long_label())}</h2>
                    {body}
                    <p class="callout caution">{NOT_A_DIAGNOSIS}</p>
                    <div class="actions">
                        {can_share().then(|| {
                            let text = text.clone();
                            view! { <button type="button" class="secondary" on:click=move |_| { share("My self-check", &text); }>"Share summary"</button> }
                        })}
                        <button type="button" class="secondary" on:click=move |_| { let _ = download(&file_name, "text/plain", &text); }>"Download summary for a clinician"</button>
                        <button type="button" class="secondary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
                        {review}
                    </div>
                    <p><a href=link("/#get-help")>"When to get help"</a> " · " <a href=link("/check")>"Back to the self-check"</a></p>
                }.into_any()
            }
        }}
    }
}

/// The level's CSS class: the colour of the result card.
fn level_class(level: Level) -> &'static str {
    match level {
        Level::Emergency => "card level emergency",
        Level::Urgent => "card level urgent",
        Level::Soon => "card level soon",
        Level::SelfCare => "card level self-care",
    }
}

/// One message per result: the action, how soon, and the answers behind it.
/// Emergency and same-day results offer no routine and no reassurance.
#[component]
fn TriageResult(triage: Triage) -> impl IntoView {
    let store = use_store();
    let text = level_text(triage.level);
    let reasons = |list: &[Reason]| -> Vec<&'static str> {
        list.iter()
            .filter_map(|r| r.flag().map(|f| f.reason))
            .collect()
    };
    let because = reasons(&triage.reasons);
    let also = reasons(&triage.also);
    let needs_care_now = triage.level <= Level::Urgent;
    let offered = match triage.level {
        Level::SelfCare => Some(Phase::Foundation),
        Level::Soon if triage.back_first() => Some(Phase::BackFirst),
        _ => None,
    };
    let calls: &[(&str, &str)] = match triage.level {
        Level::Emergency => &[
            ("tel:999", "Call 999 (UK)"),
            ("tel:112", "Call 112 (EU)"),
            ("tel:911", "Call 911 (US)"),
        ],
        Level::Urgent => &[("tel:111", "Call NHS 111 (UK)")],
        _ => &[],
    };
    view! {
        <section class=level_class(triage.level) aria-labelledby="level-title">
            <p class="level-when">{text.when}</p>
            <h3 id="level-title">{text.title}</h3>
            {text.action.iter().map(|line| view! { <p><Rich text=*line /></p> }).collect_view()}
            {(!calls.is_empty()).then(|| view! {
                <div class="actions">
                    {calls.iter().map(|(href, label)| view! { <a class="button call" href=*href>{*label}</a> }).collect_view()}
                </div>
            })}
            {(!because.is_empty()).then(|| view! {
                <p class="because-title"><strong>"Because you told us:"</strong></p>
                <ul class="because">{because.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
            })}
        </section>
        {(triage.back_first()).then(|| view! { <p class="status">{BACK_FIRST_ADVICE}</p> })}
        {(!also.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="also-title">
                <h3 id="also-title">{if needs_care_now { "Mention these too" } else { "Also worth mentioning" }}</h3>
                <ul>{also.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
            </section>
        })}
        {offered.map(|phase| view! {
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| { store.set_phase(phase); navigate("/routine"); }>
                    {format!("Start the routine: {}", phase.title())}
                </button>
            </div>
        })}
    }
}

/// A result saved by the first version of the check, in its own words.
#[component]
fn OlderResult(findings: Vec<OlderFinding>) -> impl IntoView {
    view! {
        <p class="status warn">{OLDER_RESULT}</p>
        {findings.into_iter().filter_map(|f| older::outcome(&f.outcome)).map(|(title, advice)| view! {
            <section class="card finding">
                <h3>{title}</h3>
                <p>{advice}</p>
            </section>
        }).collect_view()}
        <div class="actions"><a class="button primary" href=link("/check")>"Take the self-check again"</a></div>
    }
}

#[component]
fn PastResults() -> impl IntoView {
    let store = use_store();
    let results = move || {
        store.state.with(|s| {
            s.check_results
                .iter()
                .rev()
                .map(|(id, r)| (*id, r.value.day, r.value.verdict.headline()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        {move || {
            let results = results();
            (!results.is_empty()).then(|| view! {
                <section class="card" aria-labelledby="past-title">
                    <h2 id="past-title">"Your past results"</h2>
                    <ul>
                        {results.into_iter().map(|(id, day, top)| view! {
                            <li><a href=link(&Step::Result(id).href())>{day.long_label()}</a> ": " {top}</li>
                        }).collect_view()}
                    </ul>
                </section>
            })
        }}
    }
}

/// The weekly symptom score: three 0–10 ratings of the project's own.
#[component]
fn SymptomScoreForm() -> impl IntoView {
    let store = use_store();
    let today = store.today.get_untracked();
    let saved = move || {
        store
            .state
            .with(|s| s.symptom_scores.get(&today).map(|r| r.value))
    };
    let sitting = RwSignal::new(saved().map(|s| s.sitting));
    let activity = RwSignal::new(saved().map(|s| s.activity));
    let morning = RwSignal::new(saved().map(|s| s.morning_after));
    let save = move || {
        if let (Some(sitting), Some(activity), Some(morning_after)) = (
            sitting.get_untracked(),
            activity.get_untracked(),
            morning.get_untracked(),
        ) {
            store.change(Scope::Day(today), |state, now| {
                state.symptom_scores.insert(
                    today,
                    Stamped::new(
                        now,
                        SymptomScore {
                            sitting,
                            activity,
                            morning_after,
                        },
                    ),
                );
            });
        }
    };
    let picker = move |signal: RwSignal<Option<u8>>| {
        Callback::new(move |n: u8| {
            signal.set(Some(n));
            save();
        })
    };
    view! {
        <section class="card" aria-labelledby="score-title" id="score">
            <h2 id="score-title">"Weekly symptom score"</h2>
            <p>"Three quick ratings, once a week. Your trend is drawn on the " <a href=link("/progress#symptoms")>"Progress"</a> " page. This is a simple score of our own, not a clinical questionnaire."</p>
            <Rating legend="Pain when sitting" name="score-sitting" value=sitting on_pick=picker(sitting) />
            <Rating legend="Pain during running or activity" name="score-activity" value=activity on_pick=picker(activity) />
            <Rating legend="Pain the morning after activity" name="score-morning" value=morning on_pick=picker(morning) />
            <p aria-live="polite">{move || {
                let rated = [sitting.get(), activity.get(), morning.get()].iter().flatten().count();
                match (saved(), rated) {
                    (Some(_), _) => format!("Saved for {}.", today.long_label()),
                    (None, 0) => String::new(),
                    (None, n) => format!("{n} of 3 rated: the score is saved once all three are."),
                }
            }}</p>
        </section>
    }
}
