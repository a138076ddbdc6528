//! The progress page's entry (charts, calendar, strength checks, runs),
//! with the physio summary and the data section in a part of its own,
//! loaded once the rest is drawn.

#[cfg(target_arch = "wasm32")]
fn main() {
    use hamstring_rehab::app::Route;
    use hamstring_rehab::components::slot::PAGE;
    use hamstring_rehab::pages::ProgressPage;
    use leptos::prelude::*;
    // Interactive throughout: the whole of <main> is its one slot.
    hamstring_rehab::start::start(
        Route::Progress,
        || {
            hamstring_rehab::app::provide_app();
        },
        &[(PAGE, || {
            view! { <ProgressPage later=|| Box::pin(later_parts()) /> }.into_any()
        })],
    );
}

/// Split out of this entry's wasm by the build (pwa/postbuild.mjs).
#[cfg(target_arch = "wasm32")]
#[leptos::lazy]
fn later_parts() -> leptos::prelude::AnyView {
    hamstring_rehab::pages::later_parts()
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
