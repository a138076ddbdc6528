//! The user interface: components render state and dispatch changes; the
//! rules they show live in `crate::core`.

mod browser;
mod check;
mod data;
mod guide;
mod install;
mod progress;
mod routine;
mod standing;
mod store;
mod widgets;

use crate::content::shell::{BRAND_ICON, NAV};
use crate::core::state::{Stamped, Theme};
use crate::storage::Health;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
pub use store::{use_store, Scope, Store};

/// Where the app is served from, without a trailing slash: "" at the root of
/// a host, "/rehab" for `trunk build --public-url /rehab/`. The build writes
/// it into `<meta name="app-base">` (pwa/postbuild.mjs).
pub fn base() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        document()
            .query_selector(r#"meta[name="app-base"]"#)
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
            .map(|base| base.trim_end_matches('/').to_string())
            .unwrap_or_default()
    })
}

/// An app path (such as "/check") as a link that works under any base. Needed
/// for `<a>` and for the router's `<A>` alike (it leaves absolute paths as
/// they are); `navigate` adds the base itself.
pub fn link(path: &str) -> String {
    format!("{}{path}", base())
}

/// The whole app: state, theme, navigation and the four pages.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::load();
    provide_context(store);
    // Years of history load once the first screen is up.
    request_animation_frame(move || {
        set_timeout(move || store.load_history(), std::time::Duration::ZERO);
    });
    standing::BreakReminder::provide();
    install::InstallOffer::provide();
    crate::storage::request_persistence();

    // Another tab saved: take its records in (the `storage` event only fires
    // in the other tabs, never the one that wrote).
    // Its new text comes with the event, so nothing is read twice.
    let listener = window_event_listener(leptos::ev::storage, move |event| {
        store.take_in_other_tab(event.key(), event.new_value());
    });
    // Coming back to the app after midnight: move "today" on.
    let refresh_day = window_event_listener(leptos::ev::focus, move |_| {
        let now = browser::today();
        if store.today.get_untracked() != now {
            store.today.set(now);
        }
    });
    on_cleanup(move || {
        listener.remove();
        refresh_day.remove();
    });

    // Tests (and anyone curious) can tell the app has started.
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-app", "started");
        }
    });

    Effect::new(move |_| {
        let theme = store.state.with(|s| s.settings().theme);
        let root = document()
            .document_element()
            .expect("a document has a root");
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            Theme::Light => root.set_attribute("data-theme", "light"),
            Theme::Dark => root.set_attribute("data-theme", "dark"),
        };
    });

    view! {
        <Router base=base()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="topbar">
                <A href=link("/") exact=true attr:class="brand">
                    <Icon path=BRAND_ICON />
                    "Hamstring Rehab"
                </A>
                <Nav />
                <ThemeToggle />
            </header>
            <HealthBanner />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=guide::GuidePage />
                    <Route path=path!("/check") view=check::CheckPage />
                    <Route path=path!("/routine") view=routine::RoutinePage />
                    <Route path=path!("/progress") view=progress::ProgressPage />
                </Routes>
            </main>
        </Router>
    }
}

/// A line icon: decoration only, the text beside it names the link.
#[component]
fn Icon(path: &'static str) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}

#[component]
fn Nav() -> impl IntoView {
    view! {
        <nav class="tabs" aria-label="Main">
            {NAV.iter().map(|item| view! {
                <A href=link(item.href) exact=true>
                    <Icon path=item.icon />
                    <span>{item.label}</span>
                </A>
            }).collect_view()}
        </nav>
    }
}

/// Cycles System → Light → Dark; remembered with the rest of the settings.
#[component]
fn ThemeToggle() -> impl IntoView {
    let store = use_store();
    let theme = move || store.state.with(|s| s.settings().theme);
    let label = move || match theme() {
        Theme::System => "Theme: follows your device",
        Theme::Light => "Theme: light",
        Theme::Dark => "Theme: dark",
    };
    let icon = move || match theme() {
        Theme::System => "◐",
        Theme::Light => "☀",
        Theme::Dark => "☾",
    };
    let cycle = move |_| {
        store.change(Scope::Main, |state, now| {
            let mut settings = state.settings();
            settings.theme = match settings.theme {
                Theme::System => Theme::Light,
                Theme::Light => Theme::Dark,
                Theme::Dark => Theme::System,
            };
            state.settings = Some(Stamped::new(now, settings));
        })
    };
    view! {
        <button class="icon-button theme-toggle" type="button" on:click=cycle aria-label=label title=label>
            <span aria-hidden="true">{icon}</span>
        </button>
    }
}

/// A persistent banner whenever data is not being saved normally.
#[component]
fn HealthBanner() -> impl IntoView {
    let store = use_store();
    let message = move || {
        match store.health.get() {
        Health::Saving => None,
        Health::Unavailable => Some(("warning", "Your browser is not letting this app save. Everything works, but what you record now will be gone when you close the tab. Check that site data (cookies and storage) is allowed.".to_string())),
        Health::QuotaFull => Some(("warning", "Your browser's storage for this app is full, so new changes are not being saved. What was saved before is safe. Download a backup from Progress & data, then free up space.".to_string())),
        Health::ReadOnly { schema: 0 } => Some(("warning", "Your saved data could not be read or set aside, so the app is read-only to keep it safe.".to_string())),
        Health::ReadOnly { schema } => Some(("warning", format!("Your data was saved by a newer version of this app (data version {schema}). It is kept safe and untouched: this version is read-only. Reload to get the latest version."))),
        Health::Quarantined { reason } => Some(("error", format!("Your saved data could not be read ({reason}). It has not been deleted: it is kept aside, and you can download it from Progress & data. The app has started fresh."))),
        Health::Salvaged { dropped } => Some(("info", format!("Some saved records were damaged and left out ({dropped}). Everything else loaded. The original is kept aside on Progress & data."))),
        Health::Clamped { count } => Some(("info", format!("{count} saved records were dated in the future, by a device clock that was wrong. They now count as written today; nothing was lost."))),
    }
    };
    view! {
        {move || message().map(|(tone, text)| view! {
            <div class=format!("banner banner-{tone}") role="status">
                <p>{text}</p>
                <A href=link("/progress#data")>"Go to your data"</A>
            </div>
        })}
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <article class="page narrow">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. It may be an old link."</p>
            <p><A href=link("/")>"Go to the guide"</A></p>
        </article>
    }
}
