use leptos::prelude::*;

#[component]
pub fn ProgressPage() -> impl IntoView {
    view! {
        <article class="page">
            <h1>"Progress & data"</h1>
        </article>
    }
}
