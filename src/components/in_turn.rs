//! Drawing a long page a part at a time.

use crate::browser;
use leptos::prelude::*;
use std::time::Duration;

/// How many parts the page still has to draw once storage is read. The app
/// says it has started (`browser::say_started`) only when none are left, so
/// everything it has drawn by then answers a tap.
#[derive(Clone, Copy)]
pub struct PartsToDraw(StoredValue<usize>);

impl PartsToDraw {
    pub fn provide() -> Self {
        let parts = PartsToDraw(StoredValue::new(0));
        provide_context(parts);
        parts
    }

    pub fn none_left(&self) -> bool {
        self.0.get_value() == 0
    }
}

/// How many of a long page's `parts` to draw: none until `ready`, then one
/// more in each task of the browser's, so no single task keeps a phone busy
/// for long (while one runs, the page cannot answer a tap). An address that
/// names a place on the page (`#data`) gets every part at once, so the
/// browser finds it.
pub fn use_parts_in_turn(ready: impl Fn() -> bool + 'static, parts: usize) -> ReadSignal<usize> {
    let drawn = RwSignal::new(0);
    let waiting = use_context::<PartsToDraw>();
    if let Some(waiting) = waiting {
        waiting.0.set_value(parts);
    }
    Effect::new(move |_| {
        if !ready() || drawn.get_untracked() > 0 {
            return;
        }
        let named_place = window().location().hash().is_ok_and(|hash| hash.len() > 1);
        drawn.set(if named_place { parts } else { 1 });
        draw_next(drawn, parts, waiting);
    });
    drawn.read_only()
}

fn draw_next(drawn: RwSignal<usize>, parts: usize, waiting: Option<PartsToDraw>) {
    let next = move || {
        if drawn.get_untracked() < parts {
            drawn.update(|n| *n += 1);
            draw_next(drawn, parts, waiting);
        } else if let Some(waiting) = waiting {
            // A task after the last part, so it is on the page by then.
            waiting.0.set_value(0);
            browser::say_started();
        }
    };
    if drawn.get_untracked() < parts || waiting.is_some_and(|w| !w.none_left()) {
        set_timeout(next, Duration::ZERO);
    }
}
