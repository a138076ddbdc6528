//! Small browser facts the app needs: where it is served from, the clock,
//! the calendar day, the locale's first weekday, downloads, what the browser
//! can do. Storage lives in `crate::storage`.

use hamstring_domain::date::{Day, Weekday};
use leptos::prelude::{document, window};
use wasm_bindgen::{JsCast, JsValue};

/// Where the app is served from, without a trailing slash: "" at the root of
/// a host, "/rehab" for `trunk build --public-url /rehab/`. The build writes
/// it into `<meta name="app-base">` (pwa/postbuild.mjs).
pub fn base() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        // At build time (src/bin/prerender.rs) the build says it instead.
        #[cfg(not(target_arch = "wasm32"))]
        let base = std::env::var("APP_BASE").ok();
        #[cfg(target_arch = "wasm32")]
        let base = document()
            .query_selector(r#"meta[name="app-base"]"#)
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"));
        base.map(|base| base.trim_end_matches('/').to_string())
            .unwrap_or_default()
    })
}

/// An app path (such as "/check") as a link that works under any base. Needed
/// for `<a>` and for the router's `<A>` alike (it leaves absolute paths as
/// they are); `navigate` adds the base itself.
pub fn link(path: &str) -> String {
    format!("{}{path}", base())
}

pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Today as a local calendar day.
pub fn today() -> Day {
    let now = js_sys::Date::new_0();
    Day::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .expect("the browser's date is a real date")
}

/// The first day of the week for the browser's locale, from
/// `Intl.Locale.prototype.getWeekInfo()` (or the older `weekInfo` getter).
/// Monday where the browser does not say.
///
/// Asked once per page: every week's figures read it, and asking the
/// browser took about 100 ms of a returning person's start on the routine
/// at a phone's speed (a profile at 4× CPU).
pub fn locale_week_start() -> Weekday {
    static WEEK_START: std::sync::OnceLock<Weekday> = std::sync::OnceLock::new();
    *WEEK_START.get_or_init(|| {
        locale_first_day()
            .and_then(Weekday::from_iso)
            .unwrap_or(Weekday::Mon)
    })
}

fn locale_first_day() -> Option<u32> {
    let language = web_sys::window()?.navigator().language()?;
    let locale = js_sys::Intl::Locale::new(&language).ok()?;
    let locale: &JsValue = locale.as_ref();
    let info = match js_sys::Reflect::get(locale, &"getWeekInfo".into()) {
        Ok(getter) if getter.is_function() => getter
            .unchecked_into::<js_sys::Function>()
            .call0(locale)
            .ok()?,
        _ => js_sys::Reflect::get(locale, &"weekInfo".into()).ok()?,
    };
    let first = js_sys::Reflect::get(&info, &"firstDay".into()).ok()?;
    first.as_f64().map(|n| n as u32)
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let document = leptos::prelude::document();
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Whether `object.name` is a function: Firefox and Safari have no
/// `navigator.vibrate`, and Safari outside an installed app no
/// `Notification`; calling them would throw.
pub fn has_function(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(object, &name.into()).is_ok_and(|value| value.is_function())
}

/// A short buzz where the device supports it (the rest timer's end).
pub fn vibrate() {
    if let Some(window) = web_sys::window() {
        let navigator = window.navigator();
        if has_function(navigator.as_ref(), "vibrate") {
            let _ = navigator.vibrate_with_duration(200);
        }
    }
}

/// Browser notifications exist here (not in Safari outside an installed app).
pub fn has_notifications() -> bool {
    web_sys::window().is_some_and(|window| has_function(window.as_ref(), "Notification"))
}

/// iPhones and iPads, where Safari may erase site data after 7 days unused.
/// iPadOS Safari says "Macintosh" but has a touch screen.
pub fn is_apple_mobile() -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let agent = navigator.user_agent().unwrap_or_default();
    agent.contains("iPhone")
        || agent.contains("iPad")
        || (agent.contains("Macintosh") && navigator.max_touch_points() > 1)
}

/// Opened from the Home Screen or as an installed app.
pub fn is_installed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let standalone_display = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    // Safari on iOS says so through a property of its own.
    let ios_standalone = js_sys::Reflect::get(window.navigator().as_ref(), &"standalone".into())
        .ok()
        .and_then(|value| value.as_bool())
        .unwrap_or(false);
    standalone_display || ios_standalone
}

/// Shows the browser's own install dialog for a kept `beforeinstallprompt`
/// event; the promise of the person's answer is left to the browser.
pub fn show_install_prompt(event: &JsValue) -> bool {
    js_sys::Reflect::get(event, &"prompt".into())
        .ok()
        .and_then(|prompt| prompt.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|prompt| prompt.call0(event).is_ok())
}

/// Opens the system share sheet with `text`, where the browser has one
/// (`navigator.share`, mostly phones). Returns false where it has none.
pub fn share(title: &str, text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let navigator: &JsValue = navigator.as_ref();
    let Ok(share) = js_sys::Reflect::get(navigator, &"share".into()) else {
        return false;
    };
    let Some(share) = share.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
    // The promise rejects when the person cancels: nothing to do then.
    share.call1(navigator, &data).is_ok()
}

pub fn can_share() -> bool {
    web_sys::window().is_some_and(|w| has_function(w.navigator().as_ref(), "share"))
}

/// Scrolls to the element a link's `#anchor` names, if it is on the page.
pub fn scroll_to_hash() {
    if let Some(element) = hash_target() {
        element.scroll_into_view();
    }
}

/// Whether the place the address names (`#data`), if any, is on the page.
pub fn hash_target_on_page() -> bool {
    hash_id().is_none_or(|id| document().get_element_by_id(&id).is_some())
}

fn hash_target() -> Option<web_sys::Element> {
    document().get_element_by_id(&hash_id()?)
}

/// The id the address's `#anchor` names, if any.
fn hash_id() -> Option<String> {
    let hash = window().location().hash().ok()?;
    Some(
        hash.strip_prefix('#')
            .filter(|id| !id.is_empty())?
            .to_string(),
    )
}

/// Asks the browser to keep the screen on (Screen Wake Lock). `None` where
/// it cannot: no API (older Safari, Firefox before 126), or refused.
pub async fn request_wake_lock() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let lock = js_sys::Reflect::get(navigator.as_ref(), &"wakeLock".into()).ok()?;
    if lock.is_undefined() || !has_function(&lock, "request") {
        return None;
    }
    let request: js_sys::Function = js_sys::Reflect::get(&lock, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = request
        .call1(&lock, &"screen".into())
        .ok()?
        .dyn_into()
        .ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

/// Lets the screen sleep again.
pub fn release_wake_lock(sentinel: &JsValue) {
    if let Some(release) = js_sys::Reflect::get(sentinel, &"release".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = release.call0(sentinel);
    }
}

/// Before printing, opens every closed `<details>` (marking it); after,
/// closes the ones it opened.
pub fn open_details_for_print(opening: bool) {
    let selector = if opening {
        "details:not([open])"
    } else {
        "details[data-opened-for-print]"
    };
    let Ok(found) = document().query_selector_all(selector) else {
        return;
    };
    for i in 0..found.length() {
        if let Some(element) = found
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            if opening {
                let _ = element.set_attribute("open", "");
                let _ = element.set_attribute("data-opened-for-print", "");
            } else {
                let _ = element.remove_attribute("open");
                let _ = element.remove_attribute("data-opened-for-print");
            }
        }
    }
}

/// The address's query (`?step=onset&from=review`), as a page reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query(Vec<(String, String)>);

impl Query {
    fn parse(search: &str) -> Query {
        let pairs = search
            .trim_start_matches('?')
            .split('&')
            .filter(|pair| !pair.is_empty());
        Query(
            pairs
                .map(|pair| {
                    let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                    (decode(key), decode(value))
                })
                .collect(),
        )
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }
}

fn decode(text: &str) -> String {
    js_sys::decode_uri_component(&text.replace('+', " "))
        .map(String::from)
        .unwrap_or_else(|_| text.to_string())
}

/// The one query signal of this document, made on first use.
#[cfg(target_arch = "wasm32")]
fn query_signal() -> leptos::prelude::RwSignal<Query> {
    use leptos::prelude::*;
    thread_local! {
        static QUERY: std::cell::OnceCell<RwSignal<Query>> = const { std::cell::OnceCell::new() };
    }
    QUERY.with(|cell| {
        *cell.get_or_init(|| {
            let search = window().location().search().unwrap_or_default();
            let query = RwSignal::new(Query::parse(&search));
            // Back and Forward between screens of the same page.
            let back = window_event_listener_untyped("popstate", move |_| {
                query.set(Query::parse(
                    &window().location().search().unwrap_or_default(),
                ));
            });
            // A link to another screen of this page moves within it, as a
            // click on Continue does, instead of loading the page again.
            let links = window_event_listener(leptos::ev::click, move |event| {
                if let Some(to) = same_page_link(&event) {
                    event.prevent_default();
                    navigate(&to);
                }
            });
            on_cleanup(move || {
                back.remove();
                links.remove();
            });
            query
        })
    })
}

/// At build time there is no address: every page is drawn as if opened
/// without a query.
#[cfg(not(target_arch = "wasm32"))]
fn query_signal() -> leptos::prelude::RwSignal<Query> {
    leptos::prelude::RwSignal::new(Query::default())
}

/// The query of the page's address, following Back, Forward and `navigate`.
pub fn use_query() -> leptos::prelude::Memo<Query> {
    use leptos::prelude::*;
    let query = query_signal();
    Memo::new(move |_| query.get())
}

/// Moves to `to` (an app path such as "/check?step=review" or "/routine"):
/// another screen of this page in place, with a history entry; another
/// page by loading it.
pub fn navigate(to: &str) {
    use leptos::prelude::*;
    let location = window().location();
    let (path, search) = to.split_once('?').unwrap_or((to, ""));
    let here = location.pathname().unwrap_or_default();
    let same_page = here.trim_end_matches('/') == link(path).trim_end_matches('/');
    if !same_page {
        let _ = location.assign(&link(to));
        return;
    }
    let _ = window()
        .history()
        .and_then(|h| h.push_state_with_url(&JsValue::NULL, "", Some(&link(to))));
    window().scroll_to_with_x_and_y(0.0, 0.0);
    query_signal().set(Query::parse(search));
}

/// The app path of a plain click on a link to this same page with another
/// query (not a new tab, not a download, not a part of the page).
#[cfg(target_arch = "wasm32")]
fn same_page_link(event: &web_sys::MouseEvent) -> Option<String> {
    if event.default_prevented()
        || event.button() != 0
        || event.ctrl_key()
        || event.meta_key()
        || event.shift_key()
        || event.alt_key()
    {
        return None;
    }
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    let anchor: web_sys::HtmlAnchorElement = target.closest("a[href]").ok()??.dyn_into().ok()?;
    let location = window().location();
    let plain = anchor.target().is_empty() && !anchor.has_attribute("download");
    let same = anchor.origin() == location.origin().ok()?
        && anchor.pathname().trim_end_matches('/')
            == location.pathname().ok()?.trim_end_matches('/');
    let path = anchor.pathname();
    let path = path.strip_prefix(base()).unwrap_or(&path);
    (plain && same && anchor.hash().is_empty())
        .then(|| format!("{}{}", path.trim_end_matches('/'), anchor.search()))
}

/// Whether the boot script (pwa/boot.js) found a returning person's records
/// when the page opened: their page hides what a first visit shows
/// (`data-returning`) and the app draws their own screen instead. Never at
/// build time, which draws the first visit.
pub fn opened_as_returning() -> bool {
    #[cfg(target_arch = "wasm32")]
    return document()
        .document_element()
        .is_some_and(|root| root.has_attribute("data-returning"));
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Says the app has started: tests (and anyone curious) can tell by
/// `data-app="started"` on the body; and any tap held before it ran is made.
/// Where the boot script shows the person's kept screen (`data-snapshot`),
/// it says so itself once it has handed that screen over: until then the
/// page holds two copies of every control.
pub fn say_started() {
    let document = web_sys::window().and_then(|w| w.document());
    let kept_screen_shown = document
        .as_ref()
        .and_then(|d| d.document_element())
        .is_some_and(|root| root.has_attribute("data-snapshot"));
    if let Some(body) = document.and_then(|d| d.body()) {
        if !kept_screen_shown {
            let _ = body.set_attribute("data-app", "started");
        }
    }
    replay_early_taps();
}

/// Whether the page may keep a copy of the person's screen for their next
/// visit: `data-keep-screen` on the body, read by the boot script
/// (pwa/boot.js) when the page goes out of sight.
pub fn allow_keeping_screen(allowed: bool) {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.toggle_attribute_with_force("data-keep-screen", allowed);
    }
}

/// Taps made before the app ran were held by the page's boot script (see
/// pwa/postbuild.mjs) rather than lost: now that the controls work, they
/// are made again, in order.
fn replay_early_taps() {
    if let Some(replay) = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"hrReplayTaps".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = replay.call0(&JsValue::NULL);
    }
}
