//! The progress page's entry (charts, calendar, backups, the summary).

#[cfg(target_arch = "wasm32")]
fn main() {
    use hamstring_rehab::app::Route;
    use hamstring_rehab::pages::ProgressPage;
    use leptos::prelude::*;
    hamstring_rehab::start::start(Route::Progress, || view! { <ProgressPage /> });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
