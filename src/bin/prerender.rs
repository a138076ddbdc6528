//! Renders every route at build time with the app's own components (Leptos's
//! `ssr` feature), for pwa/postbuild.mjs to write one HTML file per route.
//! Prints a JSON array, one object per route: its path, file, entry, title
//! and the HTML of its <body>. The base path comes from `APP_BASE` (the
//! build's public URL).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use hamstring_rehab::app::{Route, Shell};
    use hamstring_rehab::pages::{
        later_parts, todays_session, CheckPage, GuidePage, NotFound, ProgressPage, RoutinePage,
    };
    use hydration_context::SsrSharedContext;
    use leptos::prelude::*;
    use std::sync::Arc;

    let pages: Vec<_> = Route::ALL
        .into_iter()
        .map(|route| {
            let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
            // Each route's page, as its entry (src/bin/app-*.rs) draws it.
            let html = owner.with(|| {
                // Drawn inside the shell, which provides the store.
                let page = move || match route {
                    Route::Guide => view! { <GuidePage /> }.into_any(),
                    Route::Check => view! { <CheckPage /> }.into_any(),
                    Route::Routine => view! {
                        <RoutinePage session_view=|| Box::pin(async { todays_session() }) />
                    }
                    .into_any(),
                    Route::Progress => {
                        view! { <ProgressPage later=|| Box::pin(async { later_parts() }) /> }
                            .into_any()
                    }
                    Route::NotFound => view! { <NotFound /> }.into_any(),
                };
                view! { <Shell route>{page()}</Shell> }.to_html()
            });
            serde_json::json!({
                "path": route.path(),
                "file": route.file(),
                "entry": route.entry(),
                "title": route.title(),
                "html": html,
            })
        })
        .collect();
    print!("{}", serde_json::Value::Array(pages));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
