//! The self-check's questions and what each answer means, as a decision table
//! a physiotherapist can read and edit: every choice that matters carries the
//! level of care it calls for and the reason shown to the person.
//!
//! Levels follow the triage levels of the source article's facts (NHS
//! conventions, UK wording with the local emergency number). Warning signs
//! come first; "Not sure" on a warning sign always calls for care today.

use serde::{Deserialize, Serialize};

mod flagged;
mod levels;
pub mod older;
mod questions;

pub use flagged::{FlaggedAnswer, FLAGGED};
pub use levels::*;
pub use questions::{QUESTIONS, RETIRED};

/// How soon to get care, most urgent first (the order is the comparison).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Call the emergency number or go to A&E now.
    Emergency,
    /// Get medical advice today.
    Urgent,
    /// See a GP or physiotherapist within one to two weeks.
    Soon,
    /// Fits the typical pattern: start the programme.
    SelfCare,
}

/// What an answer says about the next step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag {
    pub level: Level,
    /// Why, in a short sentence shown under the result.
    pub reason: &'static str,
    /// Points to the lower back or a nerve: the guide's "back first" step.
    pub back: bool,
}

const fn emergency(reason: &'static str) -> Option<Flag> {
    Some(Flag {
        level: Level::Emergency,
        reason,
        back: false,
    })
}

const fn urgent(reason: &'static str) -> Option<Flag> {
    Some(Flag {
        level: Level::Urgent,
        reason,
        back: false,
    })
}

const fn soon(reason: &'static str) -> Option<Flag> {
    Some(Flag {
        level: Level::Soon,
        reason,
        back: false,
    })
}

const fn back_first(reason: &'static str) -> Option<Flag> {
    Some(Flag {
        level: Level::Soon,
        reason,
        back: true,
    })
}

#[derive(Debug)]
pub struct Choice {
    pub id: &'static str,
    pub label: &'static str,
    /// `None`: this answer changes nothing.
    pub flag: Option<Flag>,
}

/// The two parts of the check, asked in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckPart {
    /// Signs that need a doctor, whatever else is going on.
    WarningSigns,
    /// Whether the pain fits the usual pattern.
    YourPain,
}

impl CheckPart {
    pub fn title(self) -> &'static str {
        match self {
            CheckPart::WarningSigns => "Warning signs",
            CheckPart::YourPain => "About your pain",
        }
    }
}

#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    pub part: CheckPart,
    pub prompt: &'static str,
    /// What does not count, in one line, where people confuse the sign with
    /// this injury's own aches.
    pub not_counted: Option<&'static str>,
    /// Why the question is asked, with a link into the guide.
    pub why: &'static str,
    pub choices: &'static [Choice],
}

pub const NOT_SURE: &str = "not-sure";

const fn choice(id: &'static str, label: &'static str, flag: Option<Flag>) -> Choice {
    Choice { id, label, flag }
}

const fn no() -> Choice {
    choice("no", "No", None)
}

/// The three answers of a warning sign: "Yes" calls for `yes`; "Not sure"
/// never counts as "No", it calls for care today at least.
const fn warning(yes: Option<Flag>, unsure: &'static str) -> [Choice; 3] {
    [
        choice("yes", "Yes", yes),
        no(),
        choice(NOT_SURE, "Not sure", urgent(unsure)),
    ]
}
