//! The self-check's entry.

#[cfg(target_arch = "wasm32")]
fn main() {
    use hamstring_rehab::app::Route;
    use hamstring_rehab::pages::CheckPage;
    use leptos::prelude::*;
    hamstring_rehab::start::start(Route::Check, || view! { <CheckPage /> });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
