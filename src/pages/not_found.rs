//! What an unknown address shows.

use crate::browser::link;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Page not found" />
        <article class="page narrow">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. It may be an old link."</p>
            <p><A href=link("/")>"Go to the guide"</A></p>
        </article>
    }
}
