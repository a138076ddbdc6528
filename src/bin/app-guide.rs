//! The guide's entry (and the not-found page's): the article is static, so
//! this document hydrates only the shell's slots and the guide's own two
//! (the install card and "Continue reading"); the article's words and views
//! are not in its wasm, and neither is the store: nothing here reads records.

#[cfg(target_arch = "wasm32")]
fn main() {
    use hamstring_rehab::app::{provide_reading, Route};
    use hamstring_rehab::pages::guide_slots;
    use hamstring_rehab::start::start;
    use leptos::prelude::*;
    let not_found = document()
        .body()
        .and_then(|body| body.get_attribute("data-prerendered"))
        .as_deref()
        == Some(Route::NotFound.path());
    if not_found {
        start(Route::NotFound, provide_reading, &[]);
    } else {
        start(Route::Guide, provide_reading, &guide_slots());
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
