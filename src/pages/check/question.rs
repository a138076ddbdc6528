//! One question a screen, and the review of every answer before the result.

use super::{draft, go, use_focused_heading};
use crate::browser::link;
use crate::components::widgets::Rich;
use crate::store::{use_store, Scope, Store};
use hamstring_content::selfcheck::Question;
use hamstring_domain::selfcheck::steps::{
    self, acted_on_at_once, next_step, position, previous_step, Step,
};
use hamstring_domain::selfcheck::{answer_label, flow, is_valid_answer};
use hamstring_domain::state::Stamped;
use leptos::prelude::*;

#[component]
pub fn QuestionStep(question: &'static Question, from_review: bool) -> impl IntoView {
    let store = use_store();
    let chosen = move || draft(store).get(question.id).cloned().unwrap_or_default();
    let place = move || position(question, &draft(store));
    let set_answer = Callback::new(move |picked: Vec<String>| {
        store.change(Scope::Main, |state, now| {
            let mut answers = state
                .check_draft
                .take()
                .map(|d| d.value)
                .unwrap_or_default();
            answers.insert(question.id.to_string(), picked);
            state.check_draft = Some(Stamped::new(now, answers));
        });
    });
    let valid = move || is_valid_answer(question, &chosen());
    let continue_ = move |_| {
        let answers = draft(store);
        if acted_on_at_once(&answers) {
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
                <Choices question chosen=Signal::derive(chosen) set_answer />
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

/// A question's options as radio buttons, one picked at most.
#[component]
fn Choices(
    question: &'static Question,
    chosen: Signal<Vec<String>>,
    set_answer: Callback<Vec<String>>,
) -> impl IntoView {
    view! {
        <div class="choices">
            {question.choices.iter().map(|choice| {
                let id = format!("{}-{}", question.id, choice.id);
                let input_id = id.clone();
                let option = choice.id;
                view! {
                    <label class="choice" for=id>
                        <input type="radio" id=input_id name=question.id value=option
                            prop:checked=move || chosen.get().iter().any(|c| c == option)
                            on:change=move |_| set_answer.run(vec![option.to_string()]) />
                        <span>{choice.label}</span>
                    </label>
                }
            }).collect_view()}
        </div>
    }
}

/// Saves the draft as a result (see `steps::finish`) and shows it.
fn finish(store: Store) {
    let answers = draft(store);
    let day = store.today.get_untracked();
    let mut finished_at = 0;
    store.change(Scope::Main, |state, now| {
        finished_at = steps::finish(state, answers, day, now);
    });
    go(Step::Result(finished_at));
}

#[component]
pub fn Review() -> impl IntoView {
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
