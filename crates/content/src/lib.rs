//! Editable content: the guide's text and the exercise catalogue.
//!
//! Nothing here knows about Leptos. A physiotherapist can change the words in
//! `guide.rs` and `exercises.rs` without touching a component. Paragraph text
//! may use two bits of markup, which `markup` parses:
//! `**strong words**` and `[link text](/route#anchor)` (internal links only).

pub mod data;
pub mod exercises;
pub mod guide;
pub mod markup;
pub mod phases;
pub mod routine;
pub mod selfcheck;
pub mod shell;

/// "1 session", "2 sessions": a count with its noun.
pub fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// One section of the guide, shown under its own heading with an anchor id.
#[derive(Debug, Clone, Copy)]
pub struct Section {
    /// Stable anchor id, used in links such as `/#symptoms`.
    pub id: &'static str,
    /// The heading a runner scans for.
    pub title: &'static str,
    pub blocks: &'static [Block],
}

/// A piece of a section, in reading order.
#[derive(Debug, Clone, Copy)]
pub enum Block {
    /// A paragraph of text with optional light markup.
    Paragraph(&'static str),
    /// A smaller heading inside a section.
    Subheading(&'static str),
    /// A bulleted list.
    Bullets(&'static [&'static str]),
    /// A numbered list.
    Numbered(&'static [&'static str]),
    /// A highlighted box: a safety note, a tip, or a case study.
    Callout {
        kind: CalloutKind,
        title: &'static str,
        text: &'static [&'static str],
    },
    /// The exercise catalogue's summary cards, each linking to its card in the routine.
    ExerciseList,
    /// A reference to a published source.
    Citation(&'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalloutKind {
    /// "This informs, it does not diagnose" and other safety notes.
    Caution,
    /// A practical tip.
    Tip,
    /// The case study.
    Story,
}
