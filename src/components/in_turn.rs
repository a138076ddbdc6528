//! Drawing a long page a part at a time.

use leptos::prelude::*;
use std::time::Duration;

/// How many of a long page's `parts` to draw: none until `ready`, then one
/// more in each task of the browser's, so no single task keeps a phone busy
/// for long (while one runs, the page cannot answer a tap). An address that
/// names a place on the page (`#data`) gets every part at once, so the
/// browser finds it.
pub fn use_parts_in_turn(ready: impl Fn() -> bool + 'static, parts: usize) -> ReadSignal<usize> {
    let drawn = RwSignal::new(0);
    Effect::new(move |_| {
        if !ready() || drawn.get_untracked() > 0 {
            return;
        }
        let named_place = window().location().hash().is_ok_and(|hash| hash.len() > 1);
        drawn.set(if named_place { parts } else { 1 });
        draw_next(drawn, parts);
    });
    drawn.read_only()
}

fn draw_next(drawn: RwSignal<usize>, parts: usize) {
    if drawn.get_untracked() < parts {
        set_timeout(
            move || {
                drawn.update(|n| *n += 1);
                draw_next(drawn, parts);
            },
            Duration::ZERO,
        );
    }
}
