//! The self-check's entry.

#[cfg(target_arch = "wasm32")]
fn main() {
    use hamstring_rehab::app::Route;
    use hamstring_rehab::components::slot::PAGE;
    use hamstring_rehab::pages::CheckPage;
    use leptos::prelude::*;
    // Interactive throughout: the whole of <main> is its one slot.
    hamstring_rehab::start::start(
        Route::Check,
        || {
            hamstring_rehab::app::provide_app();
        },
        &[(PAGE, || view! { <CheckPage /> }.into_any())],
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
