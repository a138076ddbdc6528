//! A finished check's result: what to do and how soon, in the words of the
//! check that saved it.

use super::{go, use_focused_heading};
use crate::browser::{can_share, download, link, navigate, share};
use crate::components::widgets::Rich;
use crate::store::{use_store, Scope};
use hamstring_content::selfcheck::{
    level_text, older, Level, BACK_FIRST_ADVICE, NOT_A_DIAGNOSIS, OLDER_RESULT,
};
use hamstring_domain::phase::Phase;
use hamstring_domain::selfcheck::steps::Step;
use hamstring_domain::selfcheck::{
    older_summary, summary, Answers, OlderFinding, Reason, Triage, Verdict,
};
use hamstring_domain::state::{AppStateStoreFields, Stamped};
use leptos::prelude::*;

#[component]
pub fn ResultView(id: u64) -> impl IntoView {
    let store = use_store();
    let result = move || {
        store
            .state
            .check_results()
            .with(|results| results.get(&id).map(|r| r.value.clone()))
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
                // Only a result of the current check (a triage) can be reviewed again.
                let answers = matches!(result.verdict, Verdict::Triage(_)).then_some(result.answers);
                view! {
                    <h2 id="result-title" tabindex="-1" node_ref=heading>{format!("Your result · {}", result.day.long_label())}</h2>
                    {body}
                    <p class="callout caution">{NOT_A_DIAGNOSIS}</p>
                    <ResultActions text file_name answers />
                    <p><a href=link("/#get-help")>"When to get help"</a> " · " <a href=link("/check")>"Back to the self-check"</a></p>
                }.into_any()
            }
        }}
    }
}

/// Share, download or print the summary `text`; review `answers` again.
#[component]
fn ResultActions(text: String, file_name: String, answers: Option<Answers>) -> impl IntoView {
    let store = use_store();
    // Reviewing puts the answers back in progress; finishing unchanged shows
    // this result again.
    let review = answers.map(|answers| {
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
        <div class="actions">
            {can_share().then(|| {
                let text = text.clone();
                view! { <button type="button" class="secondary" on:click=move |_| { share("My self-check", &text); }>"Share summary"</button> }
            })}
            <button type="button" class="secondary" on:click=move |_| { let _ = download(&file_name, "text/plain", &text); }>"Download summary for a clinician"</button>
            <button type="button" class="secondary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
            {review}
        </div>
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
