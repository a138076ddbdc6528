//! A part of a page that responds, in a page that is otherwise static: the
//! build draws it inside `<div data-slot="name">`, and the page's entry
//! hydrates that element alone with the same component (`crate::start`).
//! What lies outside every slot is never part of the wasm.

use leptos::prelude::*;

/// The theme toggle in the header.
pub const THEME: &str = "theme";
/// The banner that says when saving is not working normally.
pub const BANNER: &str = "banner";
/// The whole of `<main>`, for pages that are interactive throughout.
pub const PAGE: &str = "page";

/// A slot's name and the component that fills it, for a page's entry.
pub type SlotView = (&'static str, fn() -> AnyView);

#[component]
pub fn Slot(name: &'static str, children: Children) -> impl IntoView {
    view! { <div class="slot" data-slot=name>{children()}</div> }
}
