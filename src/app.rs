//! The app's shell: the store, the theme, the navigation and the routes.
//! Pages render and dispatch; the rules they show live in `hamstring-domain`.

use crate::browser::{self, base, link};
use crate::components::install::InstallOffer;
use crate::components::shell::{HealthBanner, Icon, Nav, ThemeToggle};
use crate::components::standing::BreakReminder;
use crate::pages::{CheckPage, GuidePage, NotFound, ProgressPage, RoutinePage};
use crate::store::{use_store, Store};
use hamstring_content::shell::BRAND_ICON;
use hamstring_domain::state::Theme;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Title};
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

/// The paths rendered at build time, each into its own file (`/404` is the
/// not-found page, for static hosts that answer unknown paths with it).
pub const PRERENDERED: [&str; 5] = ["/", "/check", "/routine", "/progress", "/404"];

/// The whole app: state, theme, navigation and the four pages.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::new();
    provide_context(store);
    BreakReminder::provide();
    InstallOffer::provide();

    // In the browser only, after the first render (and, later, hydration):
    // read storage, then the years of history once the first screen is up.
    Effect::new(move |_| {
        store.start();
        crate::storage::request_persistence();
        request_animation_frame(move || {
            set_timeout(move || store.load_history(), std::time::Duration::ZERO);
        });
        // Tests (and anyone curious) can tell the app has started.
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-app", "started");
        }
    });

    // Another tab saved: take its records in (the `storage` event only fires
    // in the other tabs, never the one that wrote). Its new text comes with
    // the event, so nothing is read twice.
    let listener = window_event_listener(leptos::ev::storage, move |event| {
        store.take_in_other_tab(event.key(), event.new_value());
    });
    // Coming back to the app after midnight (a focused window, a shown tab,
    // a page restored from the back-forward cache): move "today" on.
    let move_day_on = move || {
        let now = browser::today();
        if store.today.get_untracked() != now {
            store.today.set(now);
        }
    };
    let refresh_day = [
        window_event_listener_untyped("focus", move |_| move_day_on()),
        window_event_listener_untyped("visibilitychange", move |_| move_day_on()),
        window_event_listener_untyped("pageshow", move |_| move_day_on()),
    ];
    // Printing shows every "How to do it": opened for the print, closed after.
    let open_for_print =
        window_event_listener_untyped("beforeprint", |_| browser::open_details_for_print(true));
    let close_after_print =
        window_event_listener_untyped("afterprint", |_| browser::open_details_for_print(false));
    on_cleanup(move || {
        listener.remove();
        refresh_day.into_iter().for_each(|handle| handle.remove());
        open_for_print.remove();
        close_after_print.remove();
    });

    // No attribute: the device's light or dark.
    let theme = move || match store.settings().theme {
        Theme::System => None,
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
    };

    provide_meta_context();
    view! {
        <Html {..} data-theme=theme />
        <Title formatter=|page: String| format!("{page} · Hamstring Rehab") />
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
            <ScrollToHash />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=GuidePage />
                    <Route path=path!("/check") view=CheckPage />
                    <Route path=path!("/routine") view=RoutinePage />
                    <Route path=path!("/progress") view=ProgressPage />
                </Routes>
            </main>
        </Router>
    }
}

/// Links to a part of a page (`/progress#data`, `/routine#ex-glute-bridge`):
/// once the page holds what storage fills in, scroll to that part, on the
/// first load and after every move within the app.
#[component]
fn ScrollToHash() -> impl IntoView {
    let store = use_store();
    let location = use_location();
    Effect::new(move |_| {
        // Read, not only tracked: a memo nobody reads is never recomputed,
        // so it would never tell this effect that the address changed.
        let _address = (location.pathname.get(), location.hash.get());
        if store.loaded.get() {
            request_animation_frame(browser::scroll_to_hash);
        }
    });
}
