//! What an unknown address shows.

use crate::browser::link;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <article class="page narrow">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. It may be an old link."</p>
            <p><a href=link("/")>"Go to the guide"</a></p>
        </article>
    }
}
