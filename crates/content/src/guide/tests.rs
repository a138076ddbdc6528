//! The guide checked against the source's facts, the routine's phases, its
//! own ids and links, and the safety notes.

use super::*;

/// Every piece of text in one section, in reading order.
fn section_texts(section: &Section) -> Vec<&'static str> {
    let mut out = vec![section.title];
    for block in section.blocks {
        match block {
            Block::Paragraph(t) | Block::Subheading(t) | Block::Citation(t) => out.push(t),
            Block::Bullets(items) | Block::Numbered(items) => out.extend(items.iter().copied()),
            Block::Callout { title, text, .. } => {
                out.push(title);
                out.extend(text.iter().copied());
            }
            Block::ExerciseList => {}
        }
    }
    out
}

fn all_texts() -> Vec<&'static str> {
    SECTIONS.iter().flat_map(section_texts).collect()
}

/// The link targets written as `[text](target)` in a piece of text.
fn link_targets(text: &str) -> Vec<&str> {
    let mut targets = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("](") {
        let after = &rest[start + 2..];
        let end = after
            .find(')')
            .unwrap_or_else(|| panic!("unclosed link in: {text}"));
        targets.push(&after[..end]);
        rest = &after[end + 1..];
    }
    targets
}

/// The facts of the source article the guide must keep stating, section by
/// section (lower case; matched anywhere in the text).
const REQUIRED_FACTS: &[&str] = &[
    // 1. Introduction
    "orthotics",
    "braces",
    "plantar fasciitis",
    "sore kneecaps",
    "group runs",
    "track sessions",
    "proximal hamstring tendinopathy",
    "pht",
    "high hamstring tendonitis",
    "common origin",
    "bottom of your pelvis",
    "irritated and overloaded",
    "pain in the backside",
    // 2. What the hamstring does
    "drive your body forward",
    "three separate muscles",
    "ischial tuberosity",
    "sit bone",
    "behind your knee",
    "attach at different points below it",
    "quadriceps",
    "springs",
    "engine",
    "more miles",
    "break down",
    "orthopaedic literature",
    "tears",
    "fredericson",
    "fast-twitch",
    "already stretched",
    "reaches out in front",
    "swinging leg",
    "extends) your hip",
    "calf muscle",
    "the physician and sportsmedicine, 2005",
    // 3. Why runners get it
    "12 years",
    "thousands of patients",
    "almost only in runners",
    "tennis elbow",
    "mechanics",
    "jumper's knee",
    "basketball and volleyball",
    "sciatic nerve",
    "some runners know about it",
    "problem in the lower back",
    "over-stretching the nerves",
    "swelling around the tendon",
    "elite runner",
    "discomfort in your lower back",
    "tingling",
    "numbness",
    "weaken the hamstring",
    // 4. Case study
    "case study",
    "45-year-old",
    "triathlete",
    "new york city marathon",
    "buttock",
    "computer",
    "six to eight hours",
    "pins-and-needles",
    "very slowly",
    "long runs",
    "speedwork",
    // 5. Signs and symptoms
    "deep pain at the sit bone",
    "sore after running",
    "hurts while you run",
    "pressure of sitting",
    "no single moment",
    "builds little by little",
    "history of lower-back pain",
    "past the knee",
    "nerve that is inflamed",
    "rides over the leg",
    "[take the self-check](/check)",
    "does not diagnose",
    // 6. Treatment
    "orthopaedic surgeon",
    "spine specialist",
    "ruled out or treated",
    "hamstring, hip and leg",
    "flexibility",
    "soft-tissue",
    "mobilisation",
    "running makes this injury worse",
    "cross-train",
    "slumped",
    "15–20 minutes",
    "pause your hamstring stretches",
    "calm down",
    "leaves out direct hamstring exercises",
    "up to six weeks",
    "nearly equal",
    "light running programme",
    "(/routine)",
    // 7. Prevention
    "later phases of rehab",
    "healthy hamstrings",
    "right from the start",
    "every phase",
    "excessive stress on your lower back",
    "patient and thorough",
    "early",
    // 8. The exercise programme (general facts)
    "examination by a doctor",
    "programme guided by a physiotherapist",
    "physical therapist",
    "three to four days a week",
    "rest day",
    "general leg strengthening",
    "direct hamstring work",
    "soft-tissue work",
    "leave out the stretch early on",
    "reps and sets",
    "/routine#ex-glute-bridge",
    "/routine#ex-ball-leg-curl",
    "/routine#ex-foam-roll",
    // Appendix: triage levels and tendon load
    "999",
    "112",
    "911",
    "nhs 111",
    "cauda equina",
    "cancer",
    "weight loss",
    "long-term steroids",
    "calf",
    "serious accident or fall",
    "three to six months",
    "not eased by rest",
    "pressure right on the sit bone",
    "one thing at a time",
    // Further reading
    "silbernagel",
    "pain-monitoring model",
    "goom",
    "jospt",
];

#[test]
fn covers_every_fact() {
    let joined = all_texts().join("\n").to_lowercase();
    let required = REQUIRED_FACTS;
    assert!(required.len() >= 40, "keep at least 40 required facts");
    for fact in required {
        assert!(
            joined.contains(&fact.to_lowercase()),
            "the guide no longer mentions {fact:?}; a fact from the source article is missing or was reworded"
        );
    }
}

/// The guide's treatment order uses the routine's phase names, so a
/// reader finds the same step in both.
#[test]
fn the_treatment_steps_are_the_routines_phases() {
    use crate::phases::{BACK_FIRST, FOUNDATION, HAMSTRING, RETURN_TO_RUN};
    let treatment = SECTIONS.iter().find(|s| s.id == "treatment").unwrap();
    let text = section_texts(treatment).join("\n");
    for phase in [BACK_FIRST, FOUNDATION, HAMSTRING, RETURN_TO_RUN] {
        assert!(text.contains(phase.title), "{}", phase.title);
    }
    assert!(!text.contains("Step "), "steps are named as phases");
}

#[test]
fn section_ids_are_unique_and_well_formed() {
    let mut seen = std::collections::HashSet::new();
    for section in SECTIONS {
        assert!(
            seen.insert(section.id),
            "section id {:?} is used twice",
            section.id
        );
        assert!(
            !section.id.is_empty()
                && section
                    .id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "section id {:?} must be lowercase-hyphenated",
            section.id
        );
        assert!(
            !section.title.is_empty(),
            "section {:?} has no title",
            section.id
        );
        assert!(
            !section.blocks.is_empty(),
            "section {:?} is empty",
            section.id
        );
    }
    for id in [
        "what-is-it",
        "what-the-hamstring-does",
        "why-runners",
        "case-study",
        "symptoms",
        "get-help",
        "treatment",
        "prevention",
        "exercises",
        "further-reading",
    ] {
        assert!(seen.contains(id), "expected a section with id {id:?}");
    }
}

#[test]
fn links_are_internal_and_point_somewhere() {
    let ids: Vec<&str> = SECTIONS.iter().map(|s| s.id).collect();
    let mut texts = all_texts();
    texts.push(TITLE);
    texts.push(INTRO);
    for text in texts {
        assert_eq!(
            text.matches('[').count(),
            text.matches("](").count(),
            "unbalanced link markup in: {text}"
        );
        assert_eq!(
            text.matches("**").count() % 2,
            0,
            "unbalanced ** in: {text}"
        );
        for target in link_targets(text) {
            assert!(
                target.starts_with('/'),
                "link target {target:?} must be internal (start with '/') in: {text}"
            );
            if let Some(id) = target.strip_prefix("/#") {
                assert!(
                    ids.contains(&id),
                    "link to unknown guide section {target:?}"
                );
            }
            if let Some(anchor) = target.strip_prefix("/routine#") {
                assert!(
                    anchor.starts_with("ex-"),
                    "routine anchor {target:?} should name an exercise card"
                );
            }
        }
    }
}

#[test]
fn safety_notes_and_exercise_list_are_in_place() {
    let has_caution = |id: &str| {
        SECTIONS.iter().find(|s| s.id == id).is_some_and(|s| {
            s.blocks.iter().any(|b| {
                matches!(
                    b,
                    Block::Callout {
                        kind: CalloutKind::Caution,
                        ..
                    }
                )
            })
        })
    };
    assert!(
        has_caution("symptoms"),
        "symptoms needs the informs-not-diagnoses note"
    );
    assert!(
        has_caution("exercises"),
        "exercises needs the not-a-substitute note"
    );

    let exercises = SECTIONS.iter().find(|s| s.id == "exercises").unwrap();
    assert!(
        exercises
            .blocks
            .iter()
            .any(|b| matches!(b, Block::ExerciseList)),
        "the exercises section must render the exercise catalogue"
    );
    let story = SECTIONS.iter().find(|s| s.id == "case-study").unwrap();
    assert!(
        story.blocks.iter().any(|b| matches!(
            b,
            Block::Callout {
                kind: CalloutKind::Story,
                ..
            }
        )),
        "the case study should be a story callout"
    );

    let symptoms = section_texts(SECTIONS.iter().find(|s| s.id == "symptoms").unwrap()).join(" ");
    assert!(
        symptoms.contains("(/check)"),
        "symptoms must link to the self-check"
    );
    assert!(!TITLE.is_empty() && !INTRO.is_empty());
}
