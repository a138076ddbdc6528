//! "Add to my calendar": a weekly repeating event on the chosen training
//! days, downloaded as an .ics file, so the phone's calendar reminds.

use crate::browser::{download, now_ms};
use crate::store::use_store;
use hamstring_domain::calendar::{ics, is_spread_out, Reminder};
use hamstring_domain::date::Weekday;
use hamstring_domain::phase::Phase;
use leptos::prelude::*;

/// The next session's moves and doses, for the event's description.
fn session_text(phase: Phase) -> String {
    let moves: Vec<String> = phase
        .exercises()
        .into_iter()
        .map(|id| format!("{}: {}", id.info().name, id.info().dose_text))
        .collect();
    format!(
        "{}.\n{}\nRate the pain before and after, and the next morning, in Hamstring Rehab.",
        phase.title(),
        moves.join("\n")
    )
}

/// UTC now as an iCalendar stamp.
fn utc_stamp() -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(now_ms() as f64));
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        date.get_utc_full_year(),
        date.get_utc_month() + 1,
        date.get_utc_date(),
        date.get_utc_hours(),
        date.get_utc_minutes(),
        date.get_utc_seconds()
    )
}

#[component]
pub fn Reminders(phase: Phase) -> impl IntoView {
    let store = use_store();
    // Three days apart by default: a rest day between sessions.
    let days = RwSignal::new(vec![Weekday::Mon, Weekday::Wed, Weekday::Fri]);
    let time = RwSignal::new("18:00".to_string());
    let message = RwSignal::new(None::<&'static str>);
    let toggle = move |day: Weekday| {
        days.update(|days| {
            if let Some(i) = days.iter().position(|d| *d == day) {
                days.remove(i);
            } else {
                days.push(day);
            }
        })
    };
    let add = move |_| {
        let (hour, minute) = time
            .get_untracked()
            .split_once(':')
            .and_then(|(h, m)| Some((h.parse::<u8>().ok()?, m.parse::<u8>().ok()?)))
            .filter(|(h, m)| *h < 24 && *m < 60)
            .unwrap_or((18, 0));
        let reminder = Reminder {
            days: days.get_untracked(),
            hour,
            minute,
            minutes: 40,
        };
        let today = store.today.get_untracked();
        match ics(
            &reminder,
            today,
            "Hamstring rehab session",
            &session_text(phase),
            &utc_stamp(),
        ) {
            Some(file) => {
                let ok = download("hamstring-rehab-sessions.ics", "text/calendar", &file).is_ok();
                message.set(Some(if ok {
                    "Downloaded. Open the file to add the sessions to your calendar."
                } else {
                    "The download did not start. Your browser may block downloads."
                }));
            }
            None => message.set(Some("Choose at least one day.")),
        }
    };
    let crowded = move || {
        (!days.with(|days| is_spread_out(days))).then_some(
            "The programme asks for three to four days a week, with a rest day between sessions.",
        )
    };
    view! {
        <section class="card reminders" aria-labelledby="reminders-title">
            <h2 id="reminders-title">"Reminders in your calendar"</h2>
            <p>"Choose your training days and a time. The file adds a weekly event to your phone's calendar, which then reminds you."</p>
            <fieldset class="weekdays">
                <legend>"Training days"</legend>
                {Weekday::ALL.into_iter().map(|day| view! {
                    <label class="day-option">
                        <input type="checkbox" name="training-day" value=day.short_name()
                            prop:checked=move || days.with(|d| d.contains(&day))
                            on:change=move |_| toggle(day) />
                        <span>{day.short_name()}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <div aria-live="polite">{move || crowded().map(|text| view! { <p class="status warn">{text}</p> })}</div>
            <label class="field">"Time" <input type="time" name="reminder-time" bind:value=time /></label>
            <div class="actions"><button type="button" class="secondary" on:click=add>"Add to my calendar"</button></div>
            <p aria-live="polite">{move || message.get()}</p>
        </section>
    }
}
