//! The self-check: one question per screen, a review page, and the result.
//! The step lives in the URL (`?step=onset`), so Back, reload and shared
//! links all land on the same screen; answers in progress live in the store.
//! The screens are in `intro.rs`, `question.rs` (a question and the
//! review) and `result.rs`; where each link and button leads is the
//! domain's (`hamstring_domain::selfcheck::steps`).

mod intro;
mod question;
mod result;

use crate::browser::{navigate, use_query};
use crate::store::{use_store, Store};
use hamstring_domain::selfcheck::steps::{CheckLink, Step};
use hamstring_domain::selfcheck::Answers;
use hamstring_domain::state::AppStateStoreFields;
use intro::Intro;
use leptos::prelude::*;
use question::{QuestionStep, Review};
use result::ResultView;

pub(crate) fn draft(store: Store) -> Answers {
    store
        .state
        .check_draft()
        .with(|d| d.as_ref().map(|d| d.value.clone()))
        .unwrap_or_default()
}

pub(crate) fn go(step: Step) {
    navigate(&step.href());
}

/// A heading that takes focus once it is on the page: each new step of the
/// check is announced to screen readers and Tab starts from it.
pub(crate) fn use_focused_heading() -> NodeRef<leptos::html::H2> {
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
