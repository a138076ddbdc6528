//! Component tests: the real app mounted in headless Chromium, driven by clicks.
#![cfg(target_arch = "wasm32")]

use hamstring_rehab::app::App;
use hamstring_rehab::storage::STATE_KEY;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, Storage};

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Mounts the whole app into a fresh container and returns the container.
fn mount_app() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), App).forget();
    container
}

/// Lets effects and rendering run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn find(container: &HtmlElement, selector: &str) -> HtmlElement {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn theme_toggle_cycles_and_is_saved() {
    local_storage().clear().unwrap();
    let container = mount_app();
    settle().await;
    let toggle = find(&container, "button.theme-toggle");
    assert_eq!(
        toggle.get_attribute("aria-label").as_deref(),
        Some("Theme: follows your device")
    );

    toggle.click();
    settle().await;
    let root = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("light"));
    assert_eq!(
        toggle.get_attribute("aria-label").as_deref(),
        Some("Theme: light")
    );
    let stored = local_storage().get_item(STATE_KEY).unwrap().unwrap();
    assert!(stored.contains(r#""theme":"light""#), "{stored}");

    toggle.click();
    toggle.click();
    settle().await;
    assert_eq!(
        root.get_attribute("data-theme"),
        None,
        "back to following the device"
    );
    container.remove();
}
