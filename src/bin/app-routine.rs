//! The routine's entry.

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
        &[(PAGE, || view! { <RoutinePage /> }.into_any())],
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
