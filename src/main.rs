//! Starts the app in the browser. Each route's HTML was rendered at build
//! time by the same components (src/bin/prerender.rs); where the page is
//! the one rendered for this address, the app hydrates it (keeps every node
//! already painted), else it renders afresh.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::{document, window};
    console_error_panic_hook::set_once();
    let body = document().body().expect("a page has a body");
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let route = path
        .strip_prefix(hamstring_rehab::browser::base())
        .unwrap_or(&path)
        .trim_end_matches('/');
    let route = if route.is_empty() { "/" } else { route };
    // A host that redirects /check to /check/: the router knows /check.
    if path.len() > 1 && path.ends_with('/') && route != "/" {
        let clean = format!(
            "{}{}{}",
            path.trim_end_matches('/'),
            location.search().unwrap_or_default(),
            location.hash().unwrap_or_default()
        );
        let _ = window()
            .history()
            .map(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean)));
    }
    // A host may answer one address with another's file (a rewrite to
    // index.html, the 404 page), and a query selects another screen.
    let same_page = body.get_attribute("data-prerendered").as_deref() == Some(route)
        && location.search().unwrap_or_default().is_empty();
    if same_page {
        leptos::mount::hydrate_body(hamstring_rehab::app::App);
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
        leptos::mount::mount_to_body(hamstring_rehab::app::App);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Hamstring Rehab runs in the browser: see README.md (bash .ci/serve.sh).");
}
