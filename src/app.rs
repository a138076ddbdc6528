//! The frame every page shares: the store, the theme, the header, the tab
//! bar and the banner, around the one page a document is.
//!
//! Each route is its own document with its own entry (`src/bin/app-*.rs`),
//! so a screen ships only its own code: the guide's document carries no
//! self-check or routine. Moving between tabs is a page load, answered from
//! the service worker's cache after the first visit.
//!
//! Static by default: the build-time render draws everything, and the
//! browser hydrates only the parts that respond (each in a [`Slot`]): the
//! theme toggle, the banner and the page's own controls. The header, the tab
//! bar and the guide's article are never part of the wasm, and the guide's
//! document, which keeps no records, carries no store (`provide_reading`).

use crate::browser::{self, link};
use crate::components::in_turn::PartsToDraw;
use crate::components::install::InstallOffer;
use crate::components::shell::{Frame, HealthBanner, Icon, Nav, ThemeToggle};
use crate::components::slot::{Slot, SlotView, BANNER, PAGE, THEME};
use crate::components::standing::BreakReminder;
use crate::storage::Health;
use crate::store::Store;
use hamstring_content::shell::BRAND_ICON;
use hamstring_domain::state::AppStateStoreFields;
use leptos::prelude::*;

/// Every route, declared once: the entries, the build-time render
/// (`src/bin/prerender.rs`), the post-build step and the tests all follow
/// this list (the tests read it from `dist/routes.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Guide,
    Check,
    Routine,
    Progress,
    /// What a static host answers for an unknown address (`404.html`).
    NotFound,
}

impl Route {
    pub const ALL: [Route; 5] = [
        Route::Guide,
        Route::Check,
        Route::Routine,
        Route::Progress,
        Route::NotFound,
    ];

    /// The address below the base (`/404` stands for any unknown one).
    pub fn path(self) -> &'static str {
        match self {
            Route::Guide => "/",
            Route::Check => "/check",
            Route::Routine => "/routine",
            Route::Progress => "/progress",
            Route::NotFound => "/404",
        }
    }

    /// The file a static host serves for the address.
    pub fn file(self) -> &'static str {
        match self {
            Route::Guide => "index.html",
            Route::Check => "check/index.html",
            Route::Routine => "routine/index.html",
            Route::Progress => "progress/index.html",
            Route::NotFound => "404.html",
        }
    }

    /// The entry (a binary in `src/bin/`) whose code the document loads.
    /// The not-found page is two lines of text: the guide's entry draws it.
    pub fn entry(self) -> &'static str {
        match self {
            Route::Guide | Route::NotFound => "app-guide",
            Route::Check => "app-check",
            Route::Routine => "app-routine",
            Route::Progress => "app-progress",
        }
    }

    /// The document's title.
    pub fn title(self) -> String {
        let page = match self {
            Route::Guide => "A runner's guide to high hamstring tendonitis",
            Route::Check => "Self-check",
            Route::Routine => "Your routine",
            Route::Progress => "Progress & data",
            Route::NotFound => "Page not found",
        };
        format!("{page} · Hamstring Rehab")
    }
}

/// The frame around `children`, the page of `route`, as the build draws it.
#[component]
pub fn Shell(route: Route, children: Children) -> impl IntoView {
    match route {
        Route::Guide | Route::NotFound => provide_reading(),
        _ => {
            provide_app();
        }
    }
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="topbar">
            <a href=link("/") class="brand" aria-current=(route == Route::Guide).then_some("page")>
                <Icon path=BRAND_ICON />
                "Hamstring Rehab"
            </a>
            <Nav current=route.path() />
            <Slot name=THEME><ThemeToggle /></Slot>
        </header>
        <Slot name=BANNER><HealthBanner /></Slot>
        <main id="main" tabindex="-1" data-slot=PAGE>
            {children()}
        </main>
    }
}

/// The parts of the shell every page hydrates, by slot.
pub fn shell_slots() -> [SlotView; 2] {
    [
        (THEME, || view! { <ThemeToggle /> }.into_any()),
        (BANNER, || view! { <HealthBanner /> }.into_any()),
    ]
}

/// What the frame of every document holds, provided once per document:
/// how saving stands and the theme, the install offer and the
/// standing-break reminder (which outlive any one component). Reads no
/// records: the guide's document has only this.
pub fn provide_frame() -> Frame {
    let frame = Frame::provide();
    BreakReminder::provide();
    InstallOffer::provide();
    frame
}

/// The guide's document: the frame, and how saving stands as far as a page
/// that keeps no records can tell (storage blocked, a newer version's store).
pub fn provide_reading() {
    let frame = provide_frame();
    when_started(
        PartsToDraw::provide(),
        move || {
            frame.read_theme();
            frame.health.set(crate::storage::peek_health());
        },
        browser::scroll_to_hash,
    );
}

/// A document that keeps records: the frame and the store, with the
/// window's events.
pub fn provide_app() -> Store {
    let frame = provide_frame();
    let store = Store::new(frame);
    provide_context(store);
    let parts = PartsToDraw::provide();
    when_started(
        parts,
        move || {
            frame.read_theme();
            store.start();
            crate::storage::request_persistence();
        },
        move || {
            browser::scroll_to_hash();
            // After the part a page loads later too: its first drawing
            // would otherwise wait behind the older months.
            parts.when_later_part_drawn(move || {
                set_timeout(move || store.load_history(), std::time::Duration::ZERO);
            });
        },
    );
    crate::listeners::listen_to_the_window(store);
    // A returning person: one with a programme or a self-check result.
    let returning = Memo::new(move |_| {
        store.state.programme().with(Option::is_some)
            || store
                .state
                .check_results()
                .with(|results| !results.is_empty())
    });
    Effect::new(move |_| {
        if store.loaded.get() {
            crate::storage::set_returning(returning.get());
        }
    });
    // The page keeps a copy of the person's screen for their next visit
    // (pwa/boot.js) only while their records can be written: never beside a
    // newer version's store, nor in storage that is full or switched off.
    Effect::new(move |_| {
        let writable = frame.health.with(|health| {
            !matches!(
                health,
                Health::ReadOnly { .. } | Health::QuotaFull | Health::Unavailable
            )
        });
        browser::allow_keeping_screen(writable);
    });
    store
}

/// In the browser only, after hydration: `read` storage; then (on a page
/// drawn in parts, after its last) say the app has started and make any tap
/// held before it ran, so it acts on what was read, and `after_first_frame`
/// once the first screen is up.
fn when_started(
    parts: PartsToDraw,
    read: impl Fn() + 'static,
    after_first_frame: impl Fn() + Copy + 'static,
) {
    Effect::new(move |_| {
        read();
        parts.when_drawn(move || {
            browser::say_started();
            request_animation_frame(after_first_frame);
        });
    });
}
