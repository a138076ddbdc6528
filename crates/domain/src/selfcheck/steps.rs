//! Where the self-check is: the screen a link names (`/check?step=onset`,
//! `/check?step=review`, `/check?result=…`), and where each button leads. The
//! step lives in the URL, so Back, reload and shared links all land on the
//! same screen; the answers in progress live in the store.

use super::{flow, next_unanswered, question, triage, Answers, Verdict};
use crate::date::Day;
use crate::state::{AppState, CheckResult, Stamped};
use hamstring_content::selfcheck::{Level, Question};

/// A screen of the self-check, as a link names it.
#[derive(Debug, Clone, Copy)]
pub enum Step {
    Intro,
    /// `from_review`: opened from the review to change one answer.
    Question {
        question: &'static Question,
        from_review: bool,
    },
    Review,
    /// A finished check, by the time it was finished.
    Result(u64),
}

impl PartialEq for Step {
    fn eq(&self, other: &Step) -> bool {
        match (self, other) {
            (
                Step::Question {
                    question: a,
                    from_review: from_a,
                },
                Step::Question {
                    question: b,
                    from_review: from_b,
                },
            ) => a.id == b.id && from_a == from_b,
            (Step::Result(a), Step::Result(b)) => a == b,
            (Step::Intro, Step::Intro) | (Step::Review, Step::Review) => true,
            _ => false,
        }
    }
}

impl Step {
    /// The link to this screen.
    pub fn href(&self) -> String {
        match self {
            Step::Intro => "/check".into(),
            Step::Question {
                question,
                from_review: false,
            } => format!("/check?step={}", question.id),
            Step::Question {
                question,
                from_review: true,
            } => format!("/check?step={}&from=review", question.id),
            Step::Review => "/check?step=review".into(),
            Step::Result(id) => format!("/check?result={id}"),
        }
    }

    /// The screen a link names, given the check in progress (`None`: none
    /// is, it was finished) and the latest finished check (asked for only
    /// when needed, so a page that reads it reactively tracks it only then).
    pub fn read(
        link: &CheckLink,
        answers: Option<&Answers>,
        latest: impl FnOnce() -> Option<u64>,
    ) -> Step {
        if let Some(id) = link.result.and_then(|id| id.parse::<u64>().ok()) {
            return Step::Result(id);
        }
        // Back from a result to a step of that finished check: its answers
        // moved into the result, so the result is what the step shows.
        if answers.is_none() && link.step.is_some() {
            if let Some(id) = latest() {
                return Step::Result(id);
            }
        }
        Step::read_step(link, answers.unwrap_or(&Answers::new()))
    }

    fn read_step(link: &CheckLink, answers: &Answers) -> Step {
        match link.step {
            Some("review") => first_open(answers, link.from_review),
            Some(id) => match question(id) {
                Some(q) if flow(answers).iter().any(|asked| asked.id == q.id) => Step::Question {
                    question: q,
                    from_review: link.from_review,
                },
                _ => Step::Intro,
            },
            None => Step::Intro,
        }
    }
}

/// A self-check link's parameters (`?step=…&from=review`, `?result=…`).
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckLink<'a> {
    pub step: Option<&'a str>,
    pub from_review: bool,
    pub result: Option<&'a str>,
}

/// The first question of a new check.
pub fn first_step() -> Step {
    Step::Question {
        question: flow(&Answers::new())[0],
        from_review: false,
    }
}

/// The first open question (opened from the review or not), or the review
/// once every question in the flow is answered.
fn first_open(answers: &Answers, from_review: bool) -> Step {
    match next_unanswered(answers) {
        Some(question) => Step::Question {
            question,
            from_review,
        },
        None => Step::Review,
    }
}

/// Where "Continue where you left off" leads: the first open question, or
/// the review once all are answered; `None` before anything was answered.
pub fn resume_step(answers: &Answers) -> Option<Step> {
    (!answers.is_empty()).then(|| first_open(answers, false))
}

/// Where Continue leads from a question: the next question in the flow, or
/// the review once everything is answered and the person came from there.
pub fn next_step(current: &Question, answers: &Answers, from_review: bool) -> Step {
    if from_review {
        // An edit can bring in a follow-up question; after it, back to the review.
        return first_open(answers, true);
    }
    let questions = flow(answers);
    let position = questions.iter().position(|q| q.id == current.id);
    match position.and_then(|p| questions.get(p + 1)) {
        Some(next) => Step::Question {
            question: next,
            from_review: false,
        },
        None => Step::Review,
    }
}

/// Where Back leads from a question: the review it was opened from, the
/// question before it, or the start.
pub fn previous_step(current: &Question, answers: &Answers, from_review: bool) -> Step {
    if from_review {
        return Step::Review;
    }
    let questions = flow(answers);
    match questions.iter().position(|q| q.id == current.id) {
        Some(0) | None => Step::Intro,
        Some(i) => Step::Question {
            question: questions[i - 1],
            from_review: false,
        },
    }
}

/// Whether Continue skips the review and shows the result at once: every
/// question is answered and one is an emergency, so there is no screen
/// between the person and the number to call.
pub fn acted_on_at_once(answers: &Answers) -> bool {
    next_unanswered(answers).is_none() && triage(answers).level == Level::Emergency
}

/// Finishes a check on `day` at `now`: `answers` become a result, keyed by
/// `now`, and nothing is left in progress. The same answers finished again
/// on the same day (after reviewing them from the result) are that result,
/// not a copy. Returns the result's key.
pub fn finish(state: &mut AppState, answers: Answers, day: Day, now: u64) -> u64 {
    state.check_draft = None;
    let same = state
        .check_results
        .iter()
        .next_back()
        .filter(|(_, r)| r.value.day == day && r.value.answers == answers)
        .map(|(id, _)| *id);
    if let Some(id) = same {
        return id;
    }
    let verdict = Verdict::Triage(triage(&answers));
    let result = CheckResult {
        day,
        answers,
        verdict,
    };
    state.check_results.insert(now, Stamped::new(now, result));
    now
}

/// "Question n of total" for `current` in the flow these answers make.
pub fn position(current: &Question, answers: &Answers) -> (usize, usize) {
    let questions = flow(answers);
    let index = questions
        .iter()
        .position(|q| q.id == current.id)
        .unwrap_or(0);
    (index + 1, questions.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use hamstring_content::selfcheck::QUESTIONS;

    fn query(step: &str) -> CheckLink<'_> {
        CheckLink {
            step: Some(step),
            ..CheckLink::default()
        }
    }

    /// The step a question leads to: the first open question, or the review
    /// when none is open.
    fn open_or_review(open: Option<&'static Question>, from_review: bool) -> Step {
        match open {
            Some(question) => Step::Question {
                question,
                from_review,
            },
            None => Step::Review,
        }
    }

    /// Exhaustive over every state a person can reach: each question as it
    /// comes up on every path, with every option. Continue leads to the
    /// next question of the flow (or the review when it is complete), from
    /// the review too; Back from there leads to the question just answered;
    /// a link to the question lands on it, counted at its place; and the
    /// result comes at once, skipping the review, exactly when it is an
    /// emergency.
    #[test]
    fn continue_and_back_lead_to_the_neighbouring_step_on_every_path() {
        fn walk(answers: &mut Answers, from: Option<&'static Question>, count: &mut usize) {
            let open = next_unanswered(answers);
            let expected = open_or_review(open, false);
            if let Some(from) = from {
                assert_eq!(next_step(from, answers, false), expected, "{answers:?}");
                let from_review = open_or_review(open, true);
                assert_eq!(next_step(from, answers, true), from_review);
                assert_eq!(previous_step(from, answers, true), Step::Review);
                if let Some(then) = open {
                    let back = Step::Question {
                        question: from,
                        from_review: false,
                    };
                    assert_eq!(previous_step(then, answers, false), back);
                }
            }
            let Some(question) = open else {
                let emergency = triage(answers).level == Level::Emergency;
                assert_eq!(acted_on_at_once(answers), emergency, "{answers:?}");
                return;
            };
            let link = Step::read(&query(question.id), Some(answers), || None);
            assert_eq!(link, expected);
            assert_eq!(position(question, answers).0, answers.len() + 1);
            for choice in question.choices {
                answers.insert(question.id.into(), vec![choice.id.into()]);
                *count += 1;
                walk(answers, Some(question), count);
            }
            answers.remove(question.id);
        }
        let mut count = 0;
        walk(&mut Answers::new(), None, &mut count);
        assert!(count > 1000, "{count} states");
        assert!(!acted_on_at_once(&Answers::new()));
        assert_eq!(
            previous_step(&QUESTIONS[0], &Answers::new(), false),
            Step::Intro
        );
        assert_eq!(
            Step::read(&query("review"), Some(&Answers::new()), || None),
            first_step()
        );
    }

    #[test]
    fn a_link_lands_on_what_it_names_or_the_start() {
        let none = Answers::new();
        let first = &QUESTIONS[0];
        let last = QUESTIONS.last().unwrap();
        assert_eq!(
            Step::read(&CheckLink::default(), Some(&none), || None),
            Step::Intro
        );
        assert_eq!(
            Step::read(&query(first.id), Some(&none), || None),
            first_step()
        );
        // A question the flow does not reach (the check stopped at an
        // emergency), or none at all, is the start.
        let emergency: Answers = [(first.id.to_string(), vec!["yes".to_string()])].into();
        assert_eq!(flow(&emergency).len(), 1);
        assert_eq!(
            Step::read(&query(last.id), Some(&emergency), || None),
            Step::Intro
        );
        assert_eq!(
            Step::read(&query("nonsense"), Some(&none), || None),
            Step::Intro
        );
        // The review with questions open is the first open question.
        assert_eq!(
            Step::read(&query("review"), Some(&none), || None),
            first_step()
        );
        let result = CheckLink {
            result: Some("17"),
            ..query(first.id)
        };
        assert_eq!(Step::read(&result, Some(&none), || None), Step::Result(17));
        // A finished check's step shows its result; with none saved, the step.
        assert_eq!(
            Step::read(&query(first.id), None, || Some(9)),
            Step::Result(9)
        );
        assert_eq!(Step::read(&query(first.id), None, || None), first_step());
        assert_eq!(
            Step::read(&CheckLink::default(), None, || Some(9)),
            Step::Intro
        );
    }

    #[test]
    fn resuming_leads_to_the_first_open_question_or_the_review() {
        assert_eq!(resume_step(&Answers::new()), None);
        let first = &QUESTIONS[0];
        let answered = |pairs: &[(&str, &str)]| -> Answers {
            pairs
                .iter()
                .map(|(q, c)| (q.to_string(), vec![c.to_string()]))
                .collect()
        };
        // Only the emergency answer: the flow ends there, the review is next.
        assert_eq!(
            resume_step(&answered(&[(first.id, "yes")])),
            Some(Step::Review)
        );
        let second = &QUESTIONS[1];
        let started = answered(&[(first.id, "no")]);
        let open = Step::Question {
            question: second,
            from_review: false,
        };
        assert_eq!(resume_step(&started), Some(open));
        // A later answer alone: the first question is still open.
        assert_eq!(
            resume_step(&answered(&[(second.id, "no")])),
            Some(first_step())
        );
    }

    #[test]
    fn finishing_the_same_answers_again_that_day_keeps_one_result() {
        let first = &QUESTIONS[0];
        let answers: Answers = [(first.id.to_string(), vec!["yes".to_string()])].into();
        let day = Day(20_000);
        let mut state = AppState {
            check_draft: Some(Stamped::new(1, answers.clone())),
            ..AppState::default()
        };
        assert_eq!(finish(&mut state, answers.clone(), day, 10), 10);
        assert_eq!(state.check_draft, None);
        let saved = &state.check_results[&10].value;
        assert_eq!(saved.verdict, Verdict::Triage(triage(&answers)));
        // Reviewed from the result and finished unchanged: the same result.
        state.check_draft = Some(Stamped::new(11, answers.clone()));
        assert_eq!(finish(&mut state, answers.clone(), day, 20), 10);
        assert_eq!(state.check_results.len(), 1);
        assert_eq!(state.check_draft, None);
        // Another day, or other answers: a result of its own.
        assert_eq!(finish(&mut state, answers.clone(), day.plus(1), 30), 30);
        let other: Answers = [(first.id.to_string(), vec!["no".to_string()])].into();
        assert_eq!(finish(&mut state, other, day.plus(1), 40), 40);
        assert_eq!(state.check_results.len(), 3);
    }

    #[test]
    fn links_name_their_step() {
        let first = &QUESTIONS[0];
        let from_review = Step::Question {
            question: first,
            from_review: true,
        };
        assert_eq!(Step::Intro.href(), "/check");
        assert_eq!(first_step().href(), format!("/check?step={}", first.id));
        assert_eq!(
            from_review.href(),
            format!("/check?step={}&from=review", first.id)
        );
        assert_eq!(Step::Review.href(), "/check?step=review");
        assert_eq!(Step::Result(5).href(), "/check?result=5");
    }
}
