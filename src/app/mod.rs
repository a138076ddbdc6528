//! The user interface: components render state and dispatch changes; the
//! rules they show live in `crate::core`.

mod browser;
mod check;
mod data;
mod guide;
mod progress;
mod routine;
mod standing;
mod store;
mod widgets;

use crate::core::state::{Stamped, Theme};
use crate::storage::Health;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
pub use store::{use_store, Store};

/// The whole app: state, theme, navigation and the four pages.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::load();
    provide_context(store);
    standing::BreakReminder::provide();
    crate::storage::request_persistence();

    // Another tab saved: take its records in (the `storage` event only fires
    // in the other tabs, never the one that wrote).
    let listener = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() == Some(crate::storage::STATE_KEY) {
            store.take_in_other_tab();
        }
    });
    on_cleanup(move || listener.remove());

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
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="topbar">
                <A href="/" exact=true attr:class="brand">
                    <Icon path="M13 4a2 2 0 1 0 0.01 0M9 21l3-7 3 2v5M12 14l-1-5 4 1 3 3M11 9l-4 2-1 3" />
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
            <A href="/" exact=true>
                <Icon path="M4 5.5C6.5 4 9.5 4 12 5.5v14C9.5 18 6.5 18 4 19.5zM12 5.5C14.5 4 17.5 4 20 5.5v14c-2.5-1.5-5.5-1.5-8 0" />
                <span>"Guide"</span>
            </A>
            <A href="/check">
                <Icon path="M8 4h8v3H8zM6 5.5H5v15h14v-15h-1M8.5 13.5l2.5 2.5 4.5-5" />
                <span>"Self-check"</span>
            </A>
            <A href="/routine">
                <Icon path="M3 9v6M6 7v10M18 7v10M21 9v6M6 12h12" />
                <span>"Routine"</span>
            </A>
            <A href="/progress">
                <Icon path="M4 4v16h16M7 15l4-4 3 3 5-6" />
                <span>"Progress"</span>
            </A>
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
        store.change(|state, now| {
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
    }
    };
    view! {
        {move || message().map(|(tone, text)| view! {
            <div class=format!("banner banner-{tone}") role="status">
                <p>{text}</p>
                <A href="/progress#data">"Go to your data"</A>
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
            <p><A href="/">"Go to the guide"</A></p>
        </article>
    }
}
