//! Small shared pieces of UI.

use crate::browser::link;
use hamstring_content::markup::{parse, Span};
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
            <p class="rating-ends" aria-hidden="true"><span>"0 no pain"</span><span>"10 worst"</span></p>
        </fieldset>
    }
}
