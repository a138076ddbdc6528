//! Drawing a long page a part at a time.

use leptos::prelude::*;
use std::time::Duration;

/// How many parts the page still has to draw once storage is read, and what
/// the app does once none are left: say it has started (so everything drawn
/// by then answers a tap), then the work that waits for the first screen
/// (such as reading older months, which would otherwise come between parts).
#[derive(Clone, Copy)]
pub struct PartsToDraw {
    left: StoredValue<usize>,
    then: StoredValue<Option<Box<dyn FnOnce()>>, LocalStorage>,
}

impl PartsToDraw {
    pub fn provide() -> Self {
        let parts = PartsToDraw {
            left: StoredValue::new(0),
            then: StoredValue::new_local(None),
        };
        provide_context(parts);
        parts
    }

    /// Runs `started` now if no part is left to draw, else after the last.
    pub fn when_drawn(&self, started: impl FnOnce() + 'static) {
        if self.left.get_value() == 0 {
            started();
        } else {
            self.then.set_value(Some(Box::new(started)));
        }
    }

    fn all_drawn(&self) {
        self.left.set_value(0);
        if let Some(started) = self.then.try_update_value(Option::take).flatten() {
            started();
        }
    }
}

/// How many of a long page's `parts` to draw: none until `ready`, then one
/// more in each task of the browser's, so no single task keeps a phone busy
/// for long (while one runs, the page cannot answer a tap). An address that
/// names a place on the page (`#data`) gets every part at once, so the
/// browser finds it.
pub fn use_parts_in_turn(ready: impl Fn() -> bool + 'static, parts: usize) -> ReadSignal<usize> {
    let waiting = use_context::<PartsToDraw>();
    if let Some(waiting) = waiting {
        waiting.left.set_value(parts);
    }
    parts_in_turn(ready, parts, waiting)
}

/// The same for parts drawn after the app has started (a lazily loaded
/// part of a page): from the first at once, one more in each task.
pub fn draw_in_turn(parts: usize) -> ReadSignal<usize> {
    parts_in_turn(|| true, parts, None)
}

fn parts_in_turn(
    ready: impl Fn() -> bool + 'static,
    parts: usize,
    waiting: Option<PartsToDraw>,
) -> ReadSignal<usize> {
    let drawn = RwSignal::new(0);
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
            waiting.all_drawn();
        }
    };
    if drawn.get_untracked() < parts || waiting.is_some_and(|w| w.left.get_value() > 0) {
        set_timeout(next, Duration::ZERO);
    }
}
