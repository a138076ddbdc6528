//! The self-check's first screen: start or continue, past results and the
//! weekly symptom score.

use super::{draft, go};
use crate::browser::link;
use crate::components::widgets::Rating;
use crate::store::{use_store, Scope, Store};
use hamstring_domain::selfcheck::steps::{first_step, resume_step, Step};
use hamstring_domain::selfcheck::Answers;
use hamstring_domain::state::{AppStateStoreFields, Stamped, SymptomScore};
use leptos::prelude::*;

#[component]
pub fn Intro() -> impl IntoView {
    let store = use_store();
    let in_progress = move || resume_step(&draft(store));
    let start = move |_| {
        store.change(Scope::Main, |state, now| {
            state.check_draft = Some(Stamped::new(now, Answers::new()))
        });
        go(first_step());
    };
    view! {
        <p class="lead">"Answer a few questions about your pain. The check points you to a sensible next step, and to a doctor when something sounds like more than this injury."</p>
        <p>"It starts with warning signs that need a doctor, then asks about the pain itself. Each question has a \"Not sure\" answer: use it whenever you are not sure, and the check will play it safe. It takes about three minutes."</p>
        <aside class="callout caution">
            <p>"This check informs; it does not diagnose. Only a doctor or physiotherapist who examines you can say what you have."</p>
        </aside>
        // Drawn at build time as a first visit sees it, so the page paints
        // whole; what was answered before shows once storage is read. The
        // start button stays the same element either way, so a tap held
        // before the app ran is still made on it.
        <div class="actions">
            {move || in_progress().map(|step| view! {
                <a class="button primary" href=link(&step.href())>"Continue where you left off"</a>
            })}
            <button type="button" class=move || if in_progress().is_some() { "secondary" } else { "primary" } on:click=start>
                {move || if in_progress().is_some() { "Start again" } else { "Start the self-check" }}
            </button>
        </div>
        <PastResults />
        <SymptomScoreForm />
    }
}

#[component]
fn PastResults() -> impl IntoView {
    let store = use_store();
    let results = move || {
        store.state.check_results().with(|results| {
            results
                .iter()
                .rev()
                .map(|(id, r)| (*id, r.value.day, r.value.verdict.headline()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        {move || {
            let results = results();
            (!results.is_empty()).then(|| view! {
                <section class="card" aria-labelledby="past-title">
                    <h2 id="past-title">"Your past results"</h2>
                    <ul>
                        {results.into_iter().map(|(id, day, top)| view! {
                            <li><a href=link(&Step::Result(id).href())>{day.long_label()}</a> ": " {top}</li>
                        }).collect_view()}
                    </ul>
                </section>
            })
        }}
    }
}

/// The weekly symptom score: three 0–10 ratings of the project's own.
#[component]
fn SymptomScoreForm() -> impl IntoView {
    let store = use_store();
    let saved = move || {
        let today = store.today.get();
        store
            .state
            .symptom_scores()
            .with(|scores| scores.get(&today).map(|r| r.value))
    };
    let ratings = Ratings::default();
    // Today's saved score, once storage is read (the build draws none).
    Effect::new(move |_| {
        if let Some(score) = saved() {
            ratings.show(score);
        }
    });
    let picker = move |signal: RwSignal<Option<u8>>| {
        Callback::new(move |n: u8| {
            signal.set(Some(n));
            if let Some(score) = ratings.score() {
                save_today(store, score);
            }
        })
    };
    let Ratings {
        sitting,
        activity,
        morning,
    } = ratings;
    view! {
        <section class="card" aria-labelledby="score-title" id="score">
            <h2 id="score-title">"Weekly symptom score"</h2>
            <p>"Three quick ratings, once a week. Your trend is drawn on the " <a href=link("/progress#symptoms")>"Progress"</a> " page. This is a simple score of our own, not a clinical questionnaire."</p>
            <Rating legend="Pain when sitting" name="score-sitting" value=sitting on_pick=picker(sitting) />
            <Rating legend="Pain during running or activity" name="score-activity" value=activity on_pick=picker(activity) />
            <Rating legend="Pain the morning after activity" name="score-morning" value=morning on_pick=picker(morning) />
            <p aria-live="polite">{move || match (saved(), ratings.rated()) {
                (Some(_), _) => format!("Saved for {}.", store.today.get().long_label()),
                (None, 0) => String::new(),
                (None, n) => format!("{n} of 3 rated: the score is saved once all three are."),
            }}</p>
        </section>
    }
}

/// The form's three ratings, each unset until picked or read from storage.
#[derive(Clone, Copy, Default)]
struct Ratings {
    sitting: RwSignal<Option<u8>>,
    activity: RwSignal<Option<u8>>,
    morning: RwSignal<Option<u8>>,
}

impl Ratings {
    fn show(self, score: SymptomScore) {
        self.sitting.set(Some(score.sitting));
        self.activity.set(Some(score.activity));
        self.morning.set(Some(score.morning_after));
    }

    /// The score, once all three are rated.
    fn score(self) -> Option<SymptomScore> {
        Some(SymptomScore {
            sitting: self.sitting.get_untracked()?,
            activity: self.activity.get_untracked()?,
            morning_after: self.morning.get_untracked()?,
        })
    }

    /// How many of the three are rated.
    fn rated(self) -> usize {
        [self.sitting.get(), self.activity.get(), self.morning.get()]
            .iter()
            .flatten()
            .count()
    }
}

fn save_today(store: Store, score: SymptomScore) {
    let today = store.today.get_untracked();
    store.change(Scope::Day(today), |state, now| {
        state.symptom_scores.insert(today, Stamped::new(now, score));
    });
}
