//! Drawing a long page a part at a time.

use leptos::prelude::*;
use std::time::Duration;

type Then = StoredValue<Option<Box<dyn FnOnce()>>, LocalStorage>;

/// How many parts the page still has to draw once storage is read, and what
/// the app does once none are left: say it has started (so everything drawn
/// by then answers a tap), then the work that waits for the whole page (such
/// as reading older months, which would otherwise come between parts),
/// after the part its entry loads later too, if it has one.
#[derive(Clone, Copy)]
pub struct PartsToDraw {
    left: StoredValue<usize>,
    then: Then,
    later_pending: StoredValue<bool>,
    after_later: Then,
}

impl PartsToDraw {
    pub fn provide() -> Self {
        let parts = PartsToDraw {
            left: StoredValue::new(0),
            then: StoredValue::new_local(None),
            later_pending: StoredValue::new(false),
            after_later: StoredValue::new_local(None),
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

    /// Runs `after` now, or once the page's later part (see
    /// [`expect_later_part`]) is drawn.
    pub fn when_later_part_drawn(&self, after: impl FnOnce() + 'static) {
        if self.later_pending.get_value() {
            self.after_later.set_value(Some(Box::new(after)));
        } else {
            after();
        }
    }

    fn all_drawn(&self) {
        self.left.set_value(0);
        run(self.then);
    }

    fn later_part_drawn(&self) {
        self.later_pending.set_value(false);
        run(self.after_later);
    }
}

fn run(then: Then) {
    if let Some(then) = then.try_update_value(Option::take).flatten() {
        then();
    }
}

/// One part of the first screen that comes in its own time (its code loaded
/// later): the app says it has started only once each is [`drawn`].
///
/// [`drawn`]: PartToCome::drawn
#[derive(Clone, Copy)]
pub struct PartToCome {
    parts: Option<PartsToDraw>,
    done: StoredValue<bool>,
}

impl PartsToDraw {
    /// Counts one more part to wait for.
    pub fn expect_part() -> PartToCome {
        let parts = use_context::<PartsToDraw>();
        if let Some(parts) = parts {
            parts.left.update_value(|left| *left += 1);
        }
        PartToCome {
            parts,
            done: StoredValue::new(false),
        }
    }
}

impl PartToCome {
    /// The part is on the page (or not needed): counted once, however often
    /// it is drawn again.
    pub fn drawn(&self) {
        if self.done.get_value() {
            return;
        }
        self.done.set_value(true);
        if let Some(parts) = self.parts {
            let left = parts.left.get_value().saturating_sub(1);
            parts.left.set_value(left);
            if left == 0 {
                run(parts.then);
            }
        }
    }
}

/// Tells the page's work that waits for the whole page to wait also for a
/// part its entry loads later, which [`draw_in_turn`] draws.
pub fn expect_later_part() {
    if let Some(parts) = use_context::<PartsToDraw>() {
        parts.later_pending.set_value(true);
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
    parts_in_turn(ready, parts, move || {
        if let Some(waiting) = waiting {
            waiting.all_drawn();
        }
    })
}

/// The same for the part of a page its entry loads later (after the app has
/// started): from the first at once, one more in each task.
pub fn draw_in_turn(parts: usize) -> ReadSignal<usize> {
    let waiting = use_context::<PartsToDraw>();
    parts_in_turn(
        || true,
        parts,
        move || {
            if let Some(waiting) = waiting {
                waiting.later_part_drawn();
            }
        },
    )
}

fn parts_in_turn(
    ready: impl Fn() -> bool + 'static,
    parts: usize,
    done: impl Fn() + Copy + 'static,
) -> ReadSignal<usize> {
    let drawn = RwSignal::new(0);
    Effect::new(move |_| {
        if !ready() || drawn.get_untracked() > 0 {
            return;
        }
        drawn.set(if names_a_place() { parts } else { 1 });
        draw_next(drawn, parts, done);
    });
    drawn.read_only()
}

/// Draws one more part in a task of its own; a task after the last, `done`,
/// so that part is on the page by then.
fn draw_next(drawn: RwSignal<usize>, parts: usize, done: impl Fn() + Copy + 'static) {
    set_timeout(
        move || {
            if drawn.get_untracked() < parts {
                drawn.update(|n| *n += 1);
                draw_next(drawn, parts, done);
            } else {
                done();
            }
        },
        Duration::ZERO,
    );
}

/// Whether the page's address names a place on it (`#data`): the browser
/// must find that place as soon as the page is drawn.
fn names_a_place() -> bool {
    window().location().hash().is_ok_and(|hash| hash.len() > 1)
}

/// What lies below the first screen of a view the app builds (rather than
/// hydrates): drawn in the browser's next task, so what is on screen
/// answers taps that much sooner (on a returning person's routine, the
/// session before the habits, the phase and the library). At once where the
/// address names a place, and at build time, which draws everything.
#[component]
pub fn BelowTheFold(children: ChildrenFn) -> impl IntoView {
    let drawn = RwSignal::new(!cfg!(target_arch = "wasm32") || names_a_place());
    if !drawn.get_untracked() {
        set_timeout(move || drawn.set(true), Duration::ZERO);
    }
    move || drawn.get().then(|| children())
}
