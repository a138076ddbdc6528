//! The self-check's rules: which questions to ask, in what order, and the
//! level of care a set of answers calls for. The questions and what each
//! answer means are content (`hamstring_content::selfcheck`); this module only
//! walks that table. It points to a next step; it never diagnoses.

use hamstring_content::selfcheck::{
    older, CheckPart, Flag, Level, Question, FLAGGED, NOT_SURE, QUESTIONS, RETIRED,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod care;
pub mod steps;

pub use care::care_pending;

/// The option id picked for each question id. Ids, not positions, are stored
/// so reordering the options never changes a saved answer. (A list per
/// question, as the first version of the check stored it.)
pub type Answers = BTreeMap<String, Vec<String>>;

/// A question by id: today's, or a retired one that saved results still name.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().chain(RETIRED).find(|q| q.id == id)
}

/// The option picked for `question`, if it is one of its options.
fn picked(
    question: &'static Question,
    answers: &Answers,
) -> Option<&'static hamstring_content::selfcheck::Choice> {
    match answers.get(question.id).map(Vec::as_slice) {
        Some([id]) => question.choices.iter().find(|c| c.id == id),
        _ => None,
    }
}

/// Whether `chosen` is a complete answer to `question`: exactly one of its options.
pub fn is_valid_answer(question: &Question, chosen: &[String]) -> bool {
    matches!(chosen, [id] if question.choices.iter().any(|c| c.id == id))
}

/// The position of the last question with an answer that calls for care
/// today or sooner: a same-day result is settled once it has been asked.
fn last_same_day_sign() -> Option<usize> {
    QUESTIONS.iter().rposition(|q| {
        q.choices
            .iter()
            .any(|c| c.flag.is_some_and(|f| f.level <= Level::Urgent))
    })
}

/// The questions to ask, in order, for these answers. An emergency answer
/// ends the check: someone who needs A&E is told at once. A same-day answer
/// does not: every later same-day sign is still asked, so the person can
/// tell the doctor all of them; the check stops after the last one.
pub fn flow(answers: &Answers) -> Vec<&'static Question> {
    let last_same_day = last_same_day_sign();
    let mut asked = Vec::new();
    let mut level: Option<Level> = None;
    for (index, question) in QUESTIONS.iter().enumerate() {
        asked.push(question);
        if let Some(flag) = picked(question, answers).and_then(|c| c.flag) {
            level = Some(level.map_or(flag.level, |l| l.min(flag.level)));
        }
        let settled = match level {
            Some(Level::Emergency) => true,
            Some(Level::Urgent) => last_same_day.is_none_or(|last| index >= last),
            _ => false,
        };
        if settled {
            break;
        }
    }
    asked
}

/// The first question in the flow still without a valid answer.
pub fn next_unanswered(answers: &Answers) -> Option<&'static Question> {
    flow(answers)
        .into_iter()
        .find(|q| picked(q, answers).is_none())
}

/// One answer that changed the result: `question` answered `choice`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Reason {
    pub question: String,
    pub choice: String,
}

impl Reason {
    /// The flag this answer carries in the question tables (looked up in
    /// their flagged answers alone, which is all a saved result needs).
    pub fn flag(&self) -> Option<Flag> {
        FLAGGED
            .iter()
            .find(|answer| answer.question == self.question && answer.choice == self.choice)
            .map(|answer| answer.flag)
    }
}

/// What a finished check calls for, and the answers behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Triage {
    pub level: Level,
    /// The answers that set the level, in question order.
    pub reasons: Vec<Reason>,
    /// Less urgent points, for "once you have been seen".
    pub also: Vec<Reason>,
}

impl Triage {
    /// The lower back or a nerve may be involved: the guide's "back first".
    pub fn back_first(&self) -> bool {
        self.level == Level::Soon
            && self
                .reasons
                .iter()
                .any(|r| r.flag().is_some_and(|f| f.back))
    }
}

/// The level of care a set of answers calls for: the most urgent level any
/// answer in the flow calls for; "self-care" only when none calls for care.
/// A warning sign left unanswered counts as "not sure".
pub fn triage(answers: &Answers) -> Triage {
    let mut flags: Vec<(Reason, Flag)> = Vec::new();
    for question in flow(answers) {
        let (choice_id, flag) = match picked(question, answers) {
            Some(choice) => (choice.id, choice.flag),
            None if question.part == CheckPart::WarningSigns => {
                let unsure = question.choices.iter().find(|c| c.id == NOT_SURE);
                (NOT_SURE, unsure.and_then(|c| c.flag))
            }
            None => continue,
        };
        if let Some(flag) = flag {
            let reason = Reason {
                question: question.id.to_string(),
                choice: choice_id.to_string(),
            };
            flags.push((reason, flag));
        }
    }
    let level = flags
        .iter()
        .map(|(_, flag)| flag.level)
        .min()
        .unwrap_or(Level::SelfCare);
    let (reasons, also) = flags
        .into_iter()
        .partition::<Vec<_>, _>(|(_, flag)| flag.level == level);
    let strip = |list: Vec<(Reason, Flag)>| list.into_iter().map(|(r, _)| r).collect();
    Triage {
        level,
        reasons: strip(reasons),
        also: strip(also),
    }
}

/// The label of the chosen option, for summaries.
pub fn answer_label(question: &Question, answers: &Answers) -> Option<&'static str> {
    let chosen = answers.get(question.id)?;
    question
        .choices
        .iter()
        .find(|c| chosen.iter().any(|id| id == c.id))
        .map(|c| c.label)
}

/// How a saved result reads: today's rules, or the first version's findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Triage(Triage),
    /// Saved by the first version of the check (data versions 1 and 2).
    Older(Vec<OlderFinding>),
}

/// A finding as the first version of the check stored it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OlderFinding {
    pub outcome: String,
    pub because: Vec<String>,
}

impl Verdict {
    /// The level a result calls for, read into today's levels where an older
    /// result named one ("get medical care now" was same-day care).
    pub fn level(&self) -> Option<Level> {
        match self {
            Verdict::Triage(triage) => Some(triage.level),
            Verdict::Older(findings) => findings
                .iter()
                .any(|f| f.outcome == "urgent-care")
                .then_some(Level::Urgent),
        }
    }

    /// One line for lists of past results.
    pub fn headline(&self) -> &'static str {
        match self {
            Verdict::Triage(triage) => hamstring_content::selfcheck::level_text(triage.level).title,
            Verdict::Older(findings) => findings
                .first()
                .and_then(|f| older::outcome(&f.outcome))
                .map_or("An earlier result", |(title, _)| title),
        }
    }
}

/// A plain-text summary for a clinician: the level, every warning sign asked
/// and its answer ("Not sure" included), the reasons, and the other answers.
pub fn summary(answers: &Answers, triage: &Triage, date: &str) -> String {
    use hamstring_content::selfcheck::level_text;
    let text = level_text(triage.level);
    let mut out = format!("Hamstring Rehab self-check, {date}\n");
    out.push_str("A record of my own answers, not a diagnosis.\n\n");
    out.push_str(&format!(
        "Result: {} ({})\n",
        text.title,
        text.when.to_ascii_lowercase()
    ));
    let reasons = |out: &mut String, heading: &str, list: &[Reason]| {
        if list.is_empty() {
            return;
        }
        out.push_str(&format!("\n{heading}\n"));
        for reason in list {
            if let Some(flag) = reason.flag() {
                out.push_str(&format!("- {}\n", flag.reason));
            }
        }
    };
    reasons(&mut out, "Because:", &triage.reasons);
    reasons(&mut out, "Also noted:", &triage.also);
    let asked = flow(answers);
    // A result saved before a question was reworded lists it in its words.
    let retired: Vec<_> = RETIRED
        .iter()
        .filter(|q| answers.contains_key(q.id))
        .collect();
    for part in [CheckPart::WarningSigns, CheckPart::YourPain] {
        let questions: Vec<_> = QUESTIONS
            .iter()
            .chain(retired.iter().copied())
            .filter(|q| q.part == part)
            .collect();
        out.push_str(&format!("\n{}:\n", part.title()));
        for question in questions {
            let earlier_check = !retired.is_empty();
            let shown = if !earlier_check && !asked.iter().any(|q| q.id == question.id) {
                "(not asked: the result was already clear)"
            } else if earlier_check {
                answer_label(question, answers).unwrap_or("(not in the check then)")
            } else {
                answer_label(question, answers).unwrap_or("(not answered)")
            };
            out.push_str(&format!("- {} {}\n", question.prompt, shown));
        }
    }
    out
}

/// The same kind of summary for a result of the first version of the check.
pub fn older_summary(answers: &Answers, findings: &[OlderFinding], date: &str) -> String {
    let mut out = format!("Hamstring Rehab self-check, {date} (earlier version of the check)\n");
    out.push_str("A record of my own answers, not a diagnosis.\n\nMy answers:\n");
    for (id, chosen) in answers {
        let Some((prompt, options)) = older::question(id) else {
            continue;
        };
        let labels: Vec<&str> = options
            .iter()
            .filter(|(option, _)| chosen.iter().any(|c| c == option))
            .map(|(_, label)| *label)
            .collect();
        out.push_str(&format!("- {prompt} {}\n", labels.join("; ")));
    }
    out.push_str("\nWhat the app suggested:\n");
    for finding in findings {
        if let Some((title, _)) = older::outcome(&finding.outcome) {
            out.push_str(&format!("- {title}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests;
