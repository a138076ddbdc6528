//! The routine's entry.

#[cfg(target_arch = "wasm32")]
fn main() {
    use hamstring_rehab::app::Route;
    use hamstring_rehab::pages::RoutinePage;
    use leptos::prelude::*;
    hamstring_rehab::start::start(Route::Routine, || view! { <RoutinePage /> });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
