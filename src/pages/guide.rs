//! The guide: the article, rendered from `hamstring_content::guide`.

use crate::browser::link;
use crate::components::install::InstallCard;
use crate::components::slot::{Slot, SlotView};
use crate::components::widgets::Rich;
use crate::storage;
use hamstring_content::exercises::CATALOGUE;
use hamstring_content::guide::{INTRO, SECTIONS, TITLE};
use hamstring_content::{Block, CalloutKind, Section};
use leptos::prelude::*;

/// The guide's parts that respond, each in its slot: all its entry
/// (`src/bin/app-guide.rs`) hydrates. The article itself stays as the build
/// drew it, so its words and views are not in the wasm.
pub fn guide_slots() -> [SlotView; 2] {
    [
        (INSTALL, || view! { <InstallCard /> }.into_any()),
        (CONTINUE, || view! { <ContinueReading /> }.into_any()),
    ]
}

const INSTALL: &str = "install";
const CONTINUE: &str = "continue-reading";

#[component]
pub fn GuidePage() -> impl IntoView {
    view! {
        <article class="page guide">
            <header class="guide-header">
                <h1>{TITLE}</h1>
                <p class="lead"><Rich text=INTRO /></p>
            </header>
            <nav class="toc" aria-labelledby="toc-title">
                <h2 id="toc-title">"In this guide"</h2>
                <ol>
                    {SECTIONS.iter().map(|s| view! { <li><a href=format!("#{}", s.id)>{s.title}</a></li> }).collect_view()}
                </ol>
            </nav>
            {SECTIONS.iter().map(|section| view! { <GuideSection section /> }).collect_view()}
            <Slot name=INSTALL><InstallCard /></Slot>
            <Slot name=CONTINUE><ContinueReading /></Slot>
        </article>
    }
}

/// A floating link back to where the reader was when the guide opened,
/// offered once the page runs (the build draws none, so hydration matches);
/// and the tracking of the section being read as they scroll.
#[component]
fn ContinueReading() -> impl IntoView {
    // Taken once: the position saved while reading must not retarget it.
    let target = RwSignal::new(None::<&'static Section>);
    let saved = StoredValue::new(None::<&'static str>);
    Effect::new(move |_| {
        let place = storage::reading_place();
        let section = SECTIONS.iter().find(|s| Some(s.id) == place.as_deref());
        saved.set_value(section.map(|s| s.id));
        target.set(section.filter(|s| s.id != SECTIONS[0].id));
    });
    // Hidden while its section is on screen, and for good once reached.
    let on_screen = RwSignal::new(false);
    let reached = RwSignal::new(false);
    track_reading_position(saved, move |current, visible| {
        let Some(section) = target.get_untracked() else {
            return;
        };
        if current == Some(section.id) {
            reached.set(true);
        }
        on_screen.set(visible(section.id));
    });

    move || {
        let section = target.get()?;
        (!reached.get() && !on_screen.get()).then(|| {
            view! {
                <a class="button secondary continue-reading" href=format!("#{}", section.id) on:click=move |_| reached.set(true)>
                    "Continue reading: " {section.title}
                </a>
            }
        })
    }
}

#[component]
fn GuideSection(section: &'static Section) -> impl IntoView {
    view! {
        <section class="guide-section" aria-labelledby=section.id>
            <h2 id=section.id>{section.title}</h2>
            {section.blocks.iter().map(render_block).collect_view()}
        </section>
    }
}

fn render_block(block: &'static Block) -> AnyView {
    match *block {
        Block::Paragraph(text) => view! { <p><Rich text /></p> }.into_any(),
        Block::Subheading(text) => view! { <h3>{text}</h3> }.into_any(),
        Block::Bullets(items) => view! {
            <ul>{items.iter().map(|text| view! { <li><Rich text /></li> }).collect_view()}</ul>
        }
        .into_any(),
        Block::Numbered(items) => view! {
            <ol>{items.iter().map(|text| view! { <li><Rich text /></li> }).collect_view()}</ol>
        }
        .into_any(),
        Block::Callout { kind, title, text } => {
            let class = match kind {
                CalloutKind::Caution => "callout caution",
                CalloutKind::Tip => "callout tip",
                CalloutKind::Story => "callout story",
            };
            view! {
                <aside class=class>
                    <p class="callout-title"><strong>{title}</strong></p>
                    {text.iter().map(|text| view! { <p><Rich text /></p> }).collect_view()}
                </aside>
            }
            .into_any()
        }
        Block::ExerciseList => view! {
            <ul class="exercise-summary">
                {CATALOGUE.iter().map(|exercise| view! {
                    <li>
                        <a href=link(&format!("/routine#{}", exercise.id.anchor()))>
                            <strong>{exercise.name}</strong>
                        </a>
                        <span class="dose">{exercise.dose_text}</span>
                        <span class="trains">{exercise.trains}</span>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any(),
        Block::Citation(text) => view! { <p class="citation"><cite>{text}</cite></p> }.into_any(),
    }
}

/// Remembers on this device the section the reader reached (`saved`), so
/// the guide can offer to continue there. Saves only when the section
/// changes, not on every scroll. `seen` is told the section being read, and
/// can ask whether a section is on screen.
fn track_reading_position(
    saved: StoredValue<Option<&'static str>>,
    seen: impl Fn(Option<&'static str>, &dyn Fn(&str) -> bool) + 'static,
) {
    let handle = window_event_listener(leptos::ev::scroll, move |_| {
        let height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let top_of = |id: &str| {
            document()
                .get_element_by_id(id)
                .map(|el| el.get_bounding_client_rect())
        };
        let current = SECTIONS
            .iter()
            .take_while(|section| top_of(section.id).is_some_and(|rect| rect.top() < height * 0.3))
            .last();
        // A section is on screen while any of it is: from its heading to the
        // next section's heading.
        let visible = |id: &str| {
            let Some(index) = SECTIONS.iter().position(|s| s.id == id) else {
                return false;
            };
            let starts = top_of(id).map_or(f64::MAX, |rect| rect.top());
            let ends = SECTIONS
                .get(index + 1)
                .and_then(|next| top_of(next.id))
                .map_or(f64::MAX, |rect| rect.top());
            starts < height && ends > 0.0
        };
        seen(current.map(|s| s.id), &visible);
        let Some(current) = current else { return };
        if saved.get_value() != Some(current.id) {
            saved.set_value(Some(current.id));
            storage::set_reading_place(current.id);
        }
    });
    on_cleanup(move || handle.remove());
}
