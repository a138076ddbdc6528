//! The guide's entry (and the not-found page's): the article is static, so
//! this document carries only the shell's code and the guide's few controls.

#[cfg(target_arch = "wasm32")]
fn main() {
    use hamstring_rehab::app::Route;
    use hamstring_rehab::pages::{GuidePage, NotFound};
    use hamstring_rehab::start::start;
    use leptos::prelude::*;
    let not_found = document()
        .body()
        .and_then(|body| body.get_attribute("data-prerendered"))
        .as_deref()
        == Some(Route::NotFound.path());
    if not_found {
        start(Route::NotFound, || view! { <NotFound /> });
    } else {
        start(Route::Guide, || view! { <GuidePage /> });
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
