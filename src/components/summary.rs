//! A summary a physiotherapist can read (`hamstring_domain::report`): for a
//! period the person picks, to print, share or download.

use crate::browser::{can_share, download, share};
use crate::store::use_store;
use hamstring_domain::report::physio_summary;
use leptos::prelude::*;

const PERIODS: [(i32, &str); 3] = [(4, "4 weeks"), (8, "8 weeks"), (12, "12 weeks")];

#[component]
pub fn PhysioSummary() -> impl IntoView {
    let store = use_store();
    let weeks = RwSignal::new(4);
    let text = move || {
        let to = store.today.get();
        let from = to.plus(-7 * weeks.get() + 1);
        let start = store.week_start();
        store.state.with(|s| physio_summary(s, from, to, start))
    };
    let print = move |_| {
        // Print this summary alone (style/main.css: body.printing-summary).
        let body = document().body().expect("a page has a body");
        let _ = body.class_list().add_1("printing-summary");
        let _ = window().print();
        let _ = body.class_list().remove_1("printing-summary");
    };
    view! {
        <section class="card summary" aria-labelledby="summary-title" id="summary">
            <h2 id="summary-title">"Summary for your physiotherapist"</h2>
            <p>"One page with your phase, sessions per week, pain before, after and the next morning, weights, strength checks, runs and your latest self-check."</p>
            <fieldset class="chart-span">
                <legend>"Period"</legend>
                {PERIODS.into_iter().map(|(n, label)| {
                    let id = format!("summary-{n}");
                    view! {
                        <label class="span-option" for=id.clone()>
                            <input type="radio" id=id.clone() name="summary-period" prop:checked=move || weeks.get() == n on:change=move |_| weeks.set(n) />
                            <span>{label}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <pre class="summary-text" tabindex="0" aria-label="The summary">{text}</pre>
            <div class="actions">
                <button type="button" class="secondary" on:click=print>"Print"</button>
                {can_share().then(|| view! { <button type="button" class="secondary" on:click=move |_| { share("Hamstring Rehab summary", &text()); }>"Share"</button> })}
                <button type="button" class="secondary" on:click=move |_| { let _ = download(&format!("hamstring-rehab-summary-{}.txt", store.today.get_untracked()), "text/plain", &text()); }>"Download"</button>
            </div>
        </section>
    }
}
