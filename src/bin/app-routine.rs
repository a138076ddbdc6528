//! The routine's entry, with a phase's day (the session, the rest timer,
//! the habits and reminders) in a part of its own: a first visit paints and
//! answers taps without it.

#[cfg(target_arch = "wasm32")]
fn main() {
    use hamstring_rehab::app::Route;
    use hamstring_rehab::components::slot::PAGE;
    use hamstring_rehab::pages::RoutinePage;
    use leptos::prelude::*;
    // Interactive throughout: the whole of <main> is its one slot.
    hamstring_rehab::start::start(
        Route::Routine,
        || {
            hamstring_rehab::app::provide_app();
        },
        &[(PAGE, || {
            view! { <RoutinePage session_view=|| Box::pin(todays_session()) /> }.into_any()
        })],
    );
}

/// Split out of this entry's wasm by the build (pwa/postbuild.mjs).
#[cfg(target_arch = "wasm32")]
#[leptos::lazy]
fn todays_session() -> leptos::prelude::AnyView {
    hamstring_rehab::pages::todays_session()
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
