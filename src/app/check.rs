use leptos::prelude::*;

#[component]
pub fn CheckPage() -> impl IntoView {
    view! {
        <article class="page">
            <h1>"Self-check"</h1>
        </article>
    }
}
