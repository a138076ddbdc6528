//! Every answer that carries a flag, with its question's and choice's ids:
//! drawn at compile time from the question tables, so a page that only
//! explains a saved result (the physio summary) does not carry every
//! question's words.

use super::{Flag, Level, Question, QUESTIONS, RETIRED};

/// One answer that changes the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlaggedAnswer {
    pub question: &'static str,
    pub choice: &'static str,
    pub flag: Flag,
}

const TABLES: [&[Question]; 2] = [QUESTIONS, RETIRED];

const fn count_flagged() -> usize {
    let mut count = 0;
    let mut table = 0;
    while table < TABLES.len() {
        let mut question = 0;
        while question < TABLES[table].len() {
            let choices = TABLES[table][question].choices;
            let mut choice = 0;
            while choice < choices.len() {
                if choices[choice].flag.is_some() {
                    count += 1;
                }
                choice += 1;
            }
            question += 1;
        }
        table += 1;
    }
    count
}

const fn collect_flagged<const N: usize>() -> [FlaggedAnswer; N] {
    let unset = FlaggedAnswer {
        question: "",
        choice: "",
        flag: Flag {
            level: Level::SelfCare,
            reason: "",
            back: false,
        },
    };
    let mut out = [unset; N];
    let mut next = 0;
    let mut table = 0;
    while table < TABLES.len() {
        let mut question = 0;
        while question < TABLES[table].len() {
            let asked = &TABLES[table][question];
            let mut choice = 0;
            while choice < asked.choices.len() {
                if let Some(flag) = asked.choices[choice].flag {
                    out[next] = FlaggedAnswer {
                        question: asked.id,
                        choice: asked.choices[choice].id,
                        flag,
                    };
                    next += 1;
                }
                choice += 1;
            }
            question += 1;
        }
        table += 1;
    }
    out
}

/// Today's questions' flagged answers, then the retired ones'.
pub static FLAGGED: [FlaggedAnswer; count_flagged()] = collect_flagged();

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_every_flagged_answer_of_both_tables_in_order() {
        let walked: Vec<FlaggedAnswer> = QUESTIONS
            .iter()
            .chain(RETIRED)
            .flat_map(|question| {
                question.choices.iter().filter_map(|choice| {
                    choice.flag.map(|flag| FlaggedAnswer {
                        question: question.id,
                        choice: choice.id,
                        flag,
                    })
                })
            })
            .collect();
        assert!(walked.len() > 20, "the tables hold the warning signs");
        assert_eq!(FLAGGED.to_vec(), walked);
    }
}
