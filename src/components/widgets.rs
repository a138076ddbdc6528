//! Small shared pieces of UI.

use crate::browser::link;
use crate::store::use_store;
use hamstring_content::markup::{parse, Span};
use hamstring_domain::date::Day;
use hamstring_domain::entry::{Entry, NumberRule};
use hamstring_domain::state::DayPain;
use leptos::prelude::*;

/// Renders content text with its light markup as elements: the text is never
/// interpreted as HTML.
#[component]
pub fn Rich(text: &'static str) -> impl IntoView {
    parse(text)
        .into_iter()
        .map(|span| match span {
            Span::Text(t) => t.into_any(),
            Span::Strong(t) => view! { <strong>{t}</strong> }.into_any(),
            Span::Link { text, href } => view! { <a href=link(href)>{text}</a> }.into_any(),
        })
        .collect_view()
}

/// One of a day's pain ratings for a `Rating`: its value, read narrowly
/// (only that day wakes it), and the callback that records a pick.
pub fn use_day_pain(day: Day, which: DayPain) -> (Signal<Option<u8>>, Callback<u8>) {
    let store = use_store();
    let value = Signal::derive(move || store.with_day(day, |log| log.pain(which)));
    let pick =
        Callback::new(move |n: u8| store.change_day(day, |log, now| log.rate_pain(which, now, n)));
    (value, pick)
}

/// A 0–10 rating as a row of eleven radio buttons: one tap, big targets.
#[component]
pub fn Rating(
    /// The question, used as the group's legend.
    #[prop(into)]
    legend: String,
    /// A stable prefix for the inputs' names and ids.
    #[prop(into)]
    name: String,
    #[prop(into)] value: Signal<Option<u8>>,
    on_pick: Callback<u8>,
) -> impl IntoView {
    view! {
        <fieldset class="rating">
            <legend>{legend}</legend>
            <div class="rating-scale">
                {(0u8..=10)
                    .map(|n| {
                        let id = format!("{name}-{n}");
                        let input_id = id.clone();
                        view! {
                            <label class="rating-option" for=id>
                                <input
                                    type="radio"
                                    id=input_id
                                    name=name.clone()
                                    value=n.to_string()
                                    prop:checked=move || value.get() == Some(n)
                                    on:change=move |_| on_pick.run(n)
                                />
                                <span>{n}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            // One line, not one label under each end: the scale wraps onto two rows
            // on a phone, and "10" is then not at the right-hand end.
            <p class="rating-ends" aria-hidden="true">"0 is no pain, 10 the worst"</p>
        </fieldset>
    }
}

/// A number field that saves only what it can keep. Emptying it clears the
/// value (where `clearable`); anything the rule refuses is said under the
/// field, and what was saved stays as it was.
#[component]
pub fn NumberField(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// A fuller name for screen readers, where the label leans on context.
    #[prop(optional, into)]
    aria_label: Option<String>,
    /// The field's name, and the stem of its message's id.
    #[prop(into)]
    name: String,
    rule: NumberRule,
    /// The saved value, in the rule's units.
    #[prop(into)]
    value: Signal<Option<u32>>,
    #[prop(optional, into)] placeholder: Option<String>,
    /// Whether emptying the field clears the value (else it is refused).
    #[prop(optional)]
    clearable: bool,
    /// Called with the new value, or `None` when the field was emptied.
    on_commit: Callback<Option<u32>>,
) -> impl IntoView {
    let error = RwSignal::new(String::new());
    let message_id = format!("{name}-message");
    let input_mode = if rule.scale == 1 {
        "numeric"
    } else {
        "decimal"
    };
    let step = if rule.scale == 1 { "1" } else { "0.1" };
    view! {
        <div class="number-field">
            <label class="field">{label}
                <input type="number" name=name inputmode=input_mode step=step
                    min=rule.show(rule.min) max=rule.show(rule.max)
                    placeholder=placeholder aria-label=aria_label
                    aria-invalid=move || (!error.get().is_empty()).then_some("true")
                    aria-describedby=message_id.clone()
                    prop:value=move || value.get().map(|units| rule.show(units)).unwrap_or_default()
                    on:change=move |ev| match rule.read(&event_target_value(&ev)) {
                        Entry::Value(units) => {
                            error.set(String::new());
                            on_commit.run(Some(units));
                        }
                        Entry::Cleared if clearable => {
                            error.set(String::new());
                            on_commit.run(None);
                        }
                        Entry::Cleared | Entry::Refused => error.set(format!("Not saved. {}", rule.hint())),
                    } />
            </label>
            <p class="error" id=message_id role="alert">{move || error.get()}</p>
        </div>
    }
}
