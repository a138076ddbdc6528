//! Mounts the app; everything else is in the library so tests can use it.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The build put a static copy of the guide in the page so it paints early;
    // the app draws the same markup, so swapping it in one task does not shift.
    if let Some(prerendered) = leptos::prelude::document().get_element_by_id("prerender") {
        prerendered.remove();
    }
    leptos::mount::mount_to_body(hamstring_rehab::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Hamstring Rehab runs in the browser: see README.md (trunk serve).");
}
