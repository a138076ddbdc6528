//! Starts one route's entry in the browser. Its document was rendered at
//! build time by the same components (src/bin/prerender.rs): where the
//! document is this route's own, the app hydrates it (keeps every node
//! already painted), else (a query that selects another screen) it draws
//! the route afresh.

use crate::app::{Route, Shell};
use leptos::prelude::*;

/// Hydrates (or draws) `page` inside the shell, as `route`.
pub fn start<V: IntoView + 'static>(route: Route, page: fn() -> V) {
    console_error_panic_hook::set_once();
    let body = document().body().expect("a page has a body");
    let app = move || view! { <Shell route>{page()}</Shell> };
    let same_page = body.get_attribute("data-prerendered").as_deref() == Some(route.path())
        && window().location().search().unwrap_or_default().is_empty();
    if same_page {
        leptos::mount::hydrate_body(app);
    } else {
        // The app's nodes come first in <body>; scripts and <noscript> after.
        let children = body.children();
        let rendered: Vec<_> = (0..children.length())
            .filter_map(|i| children.item(i))
            .filter(|node| !matches!(node.tag_name().as_str(), "SCRIPT" | "NOSCRIPT"))
            .collect();
        for node in rendered {
            node.remove();
        }
        while let Some(first) = body.first_child().filter(|n| n.node_type() != 1) {
            let _ = body.remove_child(&first);
        }
        leptos::mount::mount_to_body(app);
    }
}
