//! What each level of care asks a person to do, and the lines results show.

use super::Level;

/// What each level asks a person to do, and how soon.
pub struct LevelText {
    /// The result's heading: the action itself.
    pub title: &'static str,
    /// How soon, in a few words.
    pub when: &'static str,
    /// What to do, in full.
    pub action: &'static [&'static str],
}

pub fn level_text(level: Level) -> LevelText {
    match level {
        Level::Emergency => LevelText {
            title: "Call the emergency number or go to A&E now",
            when: "Now",
            action: &[
                "Call the emergency number now: **999** in the UK, **112** in the EU, **911** in the US. Or go straight to A&E (the emergency department).",
                "Tell them about the signs listed below. They can mean the nerves at the bottom of the spine are being squeezed (possible cauda equina syndrome).",
                "Do not wait to see whether it passes, and do not do the exercises.",
            ],
        },
        Level::Urgent => LevelText {
            title: "Get medical advice today",
            when: "Today",
            action: &[
                "Get medical advice today: call **NHS 111** (in the UK), go to an urgent care centre, or get a same-day appointment with a doctor.",
                "Tell them about the signs listed below. Hold off on the exercises and on running until you have been seen.",
                "If it gets worse before then, or any emergency sign appears, call the emergency number.",
            ],
        },
        Level::Soon => LevelText {
            title: "See a GP or physiotherapist in the next one to two weeks",
            when: "Within one to two weeks",
            action: &[
                "Book an appointment with a GP (a general practitioner, or family doctor) or a physiotherapist in the next one to two weeks, and tell them about the points below.",
                "If a warning sign appears before then, get help sooner: the warning signs are listed in the [guide](/#get-help).",
            ],
        },
        Level::SelfCare => LevelText {
            title: "Your answers match the typical pattern of high hamstring tendonitis",
            when: "Start now, and get it confirmed if it is not improving",
            action: &[
                "This is what the guide describes as high hamstring tendonitis: a deep ache at the sit bone that builds up with running. Only an examination can confirm it.",
                "A sensible start is phase 1 of the routine: general leg strength, a standing break every 15–20 minutes of sitting, no slumped sitting, no hamstring stretching for now, and cross-training instead of running.",
                "What would change this: a warning sign appearing (they are listed in the [guide](/#get-help)) means getting help today, or at once for the emergency ones; no improvement after a few weeks means seeing a GP or physiotherapist within one to two weeks. Rehab commonly takes three to six months.",
            ],
        },
    }
}

/// Said under a "soon" result when the lower back or a nerve may be involved.
pub const BACK_FIRST_ADVICE: &str = "Your answers point to the lower back or an irritated nerve. The guide's first step (phase 0) is to have the back checked, by a GP or physiotherapist who can refer you to an orthopaedic surgeon or a spine specialist, before the hamstring programme. Meanwhile, phase 0 of the routine keeps to the daily habits that ease the back.";

/// Shown on every result.
pub const NOT_A_DIAGNOSIS: &str =
    "This is not a diagnosis. It reflects only your answers and points to a sensible next step.";

/// Shown on results saved by an earlier version of the check.
pub const OLDER_RESULT: &str = "This result was saved by an earlier version of the self-check, which asked fewer questions about warning signs. It is shown in its original words. Take the check again for advice on today's terms.";

/// On the routine page, after an emergency or urgent result.
pub const BEEN_SEEN_QUESTION: &str = "Have you been seen by a doctor or physiotherapist since?";
