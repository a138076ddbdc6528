//! Installing the app: the browser's own install dialog where it offers one
//! (`beforeinstallprompt`), and on iPhone and iPad Safari how to add it to
//! the Home Screen, and why. Either can be dismissed, and stays dismissed on
//! this device.

use crate::browser::{is_apple_mobile, is_installed, show_install_prompt};
use crate::storage;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

const DISMISSED: &str = "install-dismissed";

/// The browser's install offer, kept from the moment it arrives (often
/// before any page that shows it is on screen).
#[derive(Clone, Copy)]
pub struct InstallOffer(RwSignal<Option<JsValue>, LocalStorage>);

impl InstallOffer {
    pub fn provide() {
        let offer = RwSignal::new_local(None);
        let prompt = window_event_listener_untyped("beforeinstallprompt", move |event| {
            // Ours is the button that shows the dialog, not the browser's bar.
            event.prevent_default();
            offer.set(Some(event.into()));
        });
        let installed = window_event_listener_untyped("appinstalled", move |_| offer.set(None));
        on_cleanup(move || {
            prompt.remove();
            installed.remove();
        });
        provide_context(InstallOffer(offer));
    }
}

#[component]
pub fn InstallCard() -> impl IntoView {
    let offer = expect_context::<InstallOffer>().0;
    // What this device and browser are is known in the browser only.
    let dismissed = RwSignal::new(true);
    let apple = RwSignal::new(false);
    Effect::new(move |_| {
        apple.set(is_apple_mobile());
        dismissed.set(is_installed() || storage::preference(DISMISSED));
    });
    let dismiss = move |_| {
        storage::set_preference(DISMISSED, true);
        dismissed.set(true);
    };
    move || {
        if dismissed.get() {
            return None;
        }
        if let Some(event) = offer.get() {
            let install = move |_| {
                if show_install_prompt(&event) {
                    offer.set(None);
                }
            };
            Some(view! {
                <section class="card install" aria-labelledby="install-title">
                    <h2 id="install-title">"Keep the app on this device"</h2>
                    <p>"Install it to open it from your home screen like any other app, offline too. Your data stays on this device either way."</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=install>"Install the app"</button>
                        <button type="button" class="secondary" on:click=dismiss>"Not now"</button>
                    </div>
                </section>
            }.into_any())
        } else if apple.get() {
            Some(view! {
                <section class="card install" aria-labelledby="install-title">
                    <h2 id="install-title">"Add the app to your Home Screen"</h2>
                    <p>"In Safari, tap the Share button, then " <strong>"Add to Home Screen"</strong> "."</p>
                    <p>"Why it matters: Safari may erase this app's data after seven days without a visit, unless the app is on your Home Screen. A backup file on Progress & data keeps your history safe too."</p>
                    <div class="actions">
                        <button type="button" class="secondary" on:click=dismiss>"Got it"</button>
                    </div>
                </section>
            }.into_any())
        } else {
            None
        }
    }
}
