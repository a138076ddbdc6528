//! The window's events a document that keeps records listens to: another
//! tab's writes, the day moving on, printing. Removed with the app.

use crate::browser;
use crate::store::Store;
use leptos::prelude::*;

/// What the app hears from the window: another tab's writes, the day moving
/// on, printing.
pub fn listen_to_the_window(store: Store) {
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
}
