//! The app's frame: the line icons, the tab bar, the theme toggle and the
//! banner that says when saving is not working normally. Nothing here reads
//! records, so the guide's document carries no store.

use crate::browser::link;
use crate::storage::{self, Health};
use hamstring_content::shell::NAV;
use hamstring_domain::device::Theme;
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

/// What the frame of every document holds, whether or not the page reads
/// records: how saving stands (the store reports into it) and the device's
/// theme.
#[derive(Clone, Copy)]
pub struct Frame {
    pub health: RwSignal<Health>,
    pub theme: RwSignal<Theme>,
}

impl Frame {
    pub fn provide() -> Frame {
        let frame = Frame {
            health: RwSignal::new(Health::Saving),
            theme: RwSignal::new(Theme::System),
        };
        provide_context(frame);
        // The boot script set the saved theme before the first paint; this
        // keeps the page in step with the toggle and with other tabs.
        Effect::new(move |_| {
            let theme = frame.theme.get();
            if let Some(root) = document().document_element() {
                let _ = match theme.name() {
                    Some(name) => root.set_attribute("data-theme", name),
                    None => root.remove_attribute("data-theme"),
                };
            }
        });
        let other_tab = window_event_listener(leptos::ev::storage, move |event| {
            match event.key() {
                Some(key) if key == storage::THEME_KEY => frame
                    .theme
                    .set(Theme::from_name(&event.new_value().unwrap_or_default())),
                // Another tab cleared storage.
                None => frame.theme.set(Theme::System),
                Some(_) => {}
            }
        });
        on_cleanup(move || other_tab.remove());
        frame
    }

    /// Reads the device's theme, in the browser once the page runs.
    pub fn read_theme(self) {
        self.theme.set(storage::theme());
    }
}

pub fn use_frame() -> Frame {
    expect_context::<Frame>()
}

/// Cycles System → Light → Dark; a choice of this device, not a record.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let frame = use_frame();
    let label = move || match frame.theme.get() {
        Theme::System => "Theme: follows your device",
        Theme::Light => "Theme: light",
        Theme::Dark => "Theme: dark",
    };
    let icon = move || match frame.theme.get() {
        Theme::System => "◐",
        Theme::Light => "☀",
        Theme::Dark => "☾",
    };
    let cycle = move |_| {
        let theme = frame.theme.get_untracked().next();
        frame.theme.set(theme);
        // Shown for this visit even where it cannot be kept; a full store
        // is worth the banner.
        if let Err(Health::QuotaFull) = storage::set_theme(theme) {
            frame.health.set(Health::QuotaFull);
        }
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
    let health = use_frame().health;
    let message = move || {
        match health.get() {
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
