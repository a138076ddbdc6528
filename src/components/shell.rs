//! The app's frame: the line icons, the tab bar, the theme toggle and the
//! banner that says when saving is not working normally.

use crate::browser::link;
use crate::storage::Health;
use crate::store::{use_store, Scope};
use hamstring_content::shell::NAV;
use hamstring_domain::state::{Stamped, Theme};
use leptos::prelude::*;

/// A line icon: decoration only, the text beside it names the link.
#[component]
pub fn Icon(path: &'static str) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}

/// The tab bar; `current` is the path of the page it is on.
#[component]
pub fn Nav(current: &'static str) -> impl IntoView {
    view! {
        <nav class="tabs" aria-label="Main">
            {NAV.iter().map(|item| view! {
                <a href=link(item.href) aria-current=(item.href == current).then_some("page")>
                    <Icon path=item.icon />
                    <span>{item.label}</span>
                </a>
            }).collect_view()}
        </nav>
    }
}

/// Cycles System → Light → Dark; remembered with the rest of the settings.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let store = use_store();
    let theme = move || store.settings().theme;
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
pub fn HealthBanner() -> impl IntoView {
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
        Health::Unlisted => Some(("warning", hamstring_content::data::UNLISTED_BANNER.to_string())),
        Health::Clamped { count } => Some(("info", format!("{count} saved records were dated in the future, by a device clock that was wrong. They now count as written today; nothing was lost."))),
    }
    };
    view! {
        {move || message().map(|(tone, text)| view! {
            <div class=format!("banner banner-{tone}") role="status">
                <p>{text}</p>
                <a href=link("/progress#data")>"Go to your data"</a>
            </div>
        })}
    }
}
