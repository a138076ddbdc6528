//! Component tests: a real page in its shell, mounted in a headless browser,
//! driven by clicks.
#![cfg(target_arch = "wasm32")]

use hamstring_domain::date::Day;
use hamstring_domain::phase::Phase;
use hamstring_domain::state::{encode_part, AppState, Programme, Stamped};
use hamstring_rehab::app::{Route, Shell};
use hamstring_rehab::browser::today;
use hamstring_rehab::pages::{todays_session, CheckPage, GuidePage, RoutinePage};
use hamstring_rehab::storage::{key_of, MONTH_PREFIX, STATE_KEY, THEME_KEY};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, Storage};

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Mounts `route`'s page in the shell into a fresh container, as its entry
/// draws it, and returns the container.
fn mount_page(route: Route, page: fn() -> AnyView) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(
        container.clone(),
        move || view! { <Shell route>{page()}</Shell> },
    )
    .forget();
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
    let container = mount_page(Route::Guide, || view! { <GuidePage /> }.into_any());
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
    // A choice of this device, not a record.
    assert_eq!(
        local_storage().get_item(THEME_KEY).unwrap().as_deref(),
        Some("light")
    );
    assert_eq!(local_storage().get_item(STATE_KEY).unwrap(), None);

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

/// Opens `route`'s page at `path` with `state` already stored as this
/// version of the app stores it (each part under its own key, at the
/// current schema), so the page reads it without a migration.
fn open_at(route: Route, page: fn() -> AnyView, path: &str, mut state: AppState) -> HtmlElement {
    local_storage().clear().unwrap();
    let parts = state.parts();
    state.index_months(&parts);
    for part in &parts {
        local_storage()
            .set_item(&key_of(part), &encode_part(&state, part, today()))
            .unwrap();
    }
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    mount_page(route, page)
}

#[wasm_bindgen_test]
async fn ticking_a_set_updates_the_count_and_saves_at_once() {
    let container = open_at(
        Route::Routine,
        || {
            view! { <RoutinePage session_view=|| Box::pin(async { todays_session() }) /> }
                .into_any()
        },
        "/routine",
        AppState {
            programme: Some(Stamped::new(
                1,
                Programme {
                    phase: Phase::Foundation,
                    since: Day::from_ymd(2026, 1, 1).unwrap(),
                },
            )),
            ..AppState::default()
        },
    );
    settle().await;
    let count = find(&container, ".session-count");
    assert_eq!(count.text_content().unwrap(), "0 of 7 sets done");

    let bridge = find(&container, r#"input[aria-label="Glute bridge: Set 1"]"#);
    bridge.click();
    settle().await;
    assert_eq!(count.text_content().unwrap(), "1 of 7 sets done");
    // Saved under this month's key, at once.
    let storage = local_storage();
    let month_key = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .find(|key| key.starts_with(MONTH_PREFIX))
        .expect("a month key was written");
    let stored = storage.get_item(&month_key).unwrap().unwrap();
    assert!(stored.contains(r#""glute-bridge:1":{"at":"#), "{stored}");

    // Undo is the same tap.
    bridge.click();
    settle().await;
    assert_eq!(count.text_content().unwrap(), "0 of 7 sets done");
    container.remove();
}

#[wasm_bindgen_test]
async fn the_self_check_continue_button_waits_for_an_answer() {
    let container = open_at(
        Route::Check,
        || view! { <CheckPage /> }.into_any(),
        "/check?step=where",
        AppState::default(),
    );
    settle().await;
    let next = find(&container, r#"button[type="submit"]"#);
    assert!(
        next.has_attribute("disabled")
            || next
                .unchecked_ref::<web_sys::HtmlButtonElement>()
                .disabled()
    );
    find(&container, "#where-sit-bone").click();
    settle().await;
    assert!(!next
        .unchecked_ref::<web_sys::HtmlButtonElement>()
        .disabled());
    container.remove();
}
