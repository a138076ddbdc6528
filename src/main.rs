//! Mounts the app; everything else is in the library so tests can use it.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(hamstring_rehab::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Hamstring Rehab runs in the browser: see README.md (trunk serve).");
}
