//! Renders every route at build time with the app's own components (Leptos's
//! `ssr` feature), for pwa/postbuild.mjs to write one HTML file per route.
//! Prints a JSON object: path → { "html", "title" }. The base path comes from
//! `APP_BASE` (the build's public URL).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use hamstring_rehab::app::App;
    use hamstring_rehab::browser::base;
    use hydration_context::SsrSharedContext;
    use leptos::prelude::*;
    use leptos_meta::ServerMetaContext;
    use leptos_router::location::RequestUrl;
    use std::sync::Arc;

    // leptos_meta waits a tick of an executor before it hands over the title.
    any_spawner::Executor::init_futures_executor().expect("the one executor");
    let mut pages = serde_json::Map::new();
    for path in hamstring_rehab::app::PRERENDERED {
        let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
        let (meta, output) = ServerMetaContext::new();
        let html = owner.with(|| {
            provide_context(RequestUrl::new(&format!("{}{path}", base())));
            provide_context(meta);
            App().into_view().to_html()
        });
        // leptos_meta hands the page's <Title> over by filling in a <head>.
        let head = futures::executor::block_on(async {
            use futures::StreamExt;
            let stream = futures::stream::iter(["<head></head>".to_string()]);
            let stream = output.inject_meta_context(stream).await;
            Box::pin(stream).collect::<String>().await
        });
        let title = head
            .split_once("<title>")
            .and_then(|(_, rest)| rest.split_once("</title>"))
            .map(|(title, _)| title.to_string())
            .unwrap_or_default();
        pages.insert(
            path.to_string(),
            serde_json::json!({ "html": html, "title": title }),
        );
    }
    print!("{}", serde_json::Value::Object(pages));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
