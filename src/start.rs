//! Starts one route's entry in the browser. Its document was rendered at
//! build time by the same components (src/bin/prerender.rs); the entry
//! hydrates only the document's slots (`crate::components::slot`), each with
//! the component the build drew there, keeping every node already painted.
//! A query that selects another screen than the one drawn (`/check?step=…`)
//! draws the page's slot afresh instead.

use crate::app::{shell_slots, Route};
use crate::components::slot::{SlotView, PAGE};
use hydration_context::HydrateSharedContext;
use leptos::prelude::*;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{Mountable, PositionState, Render, RenderHtml};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Hydrates the shell's slots and `page_slots` of this route's document,
/// under what `provide` gives them (`crate::app::provide_app`, or the
/// guide's `provide_reading`, which keeps its wasm free of the store).
pub fn start(route: Route, provide: impl FnOnce(), page_slots: &[SlotView]) {
    console_error_panic_hook::set_once();
    // Errors here only mean the executor is already running.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let body = document().body().expect("a page has a body");
    let drawn_as_is = body.get_attribute("data-prerendered").as_deref() == Some(route.path())
        && window().location().search().unwrap_or_default().is_empty();

    // One owner for every slot, so they share the store; it lives as long
    // as the page.
    let owner = Owner::new_root(Some(Arc::new(HydrateSharedContext::new())));
    let mut redraw = None;
    owner.with(|| {
        provide();
        for &(name, slot_view) in shell_slots().iter().chain(page_slots) {
            let Some(element) = slot_element(name) else {
                continue;
            };
            if name == PAGE && !drawn_as_is {
                redraw = Some((element, slot_view));
                continue;
            }
            let state = slot_view().hydrate::<true>(
                &Cursor::new(element.unchecked_into()),
                &PositionState::default(),
            );
            std::mem::forget(state);
        }
    });
    if let Some(context) = owner.shared_context() {
        context.hydration_complete();
    }
    if let Some((element, slot_view)) = redraw {
        element.set_inner_html("");
        owner.with(|| {
            let mut state = slot_view().build();
            state.mount(&element, None);
            std::mem::forget(state);
        });
    }
    std::mem::forget(owner);
}

fn slot_element(name: &str) -> Option<web_sys::Element> {
    document()
        .query_selector(&format!(r#"[data-slot="{name}"]"#))
        .ok()
        .flatten()
}
