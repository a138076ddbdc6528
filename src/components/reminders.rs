//! "Add to my calendar": a weekly repeating event on the chosen training
//! days, downloaded as an .ics file, so the phone's calendar reminds.

use crate::browser::{download, now_ms};
use crate::store::use_store;
use hamstring_domain::calendar::{clock_time, ics, is_spread_out, Reminder};
use hamstring_domain::date::{Day, Weekday};
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

/// Downloads the weekly event for `days` at `time` ("18:00"; 18:00 when it
/// cannot be read), and says what happened.
fn add_to_calendar(days: Vec<Weekday>, time: &str, phase: Phase, today: Day) -> &'static str {
    let (hour, minute) = clock_time(time).unwrap_or((18, 0));
    let reminder = Reminder {
        days,
        hour,
        minute,
        minutes: 40,
    };
    let Some(file) = ics(
        &reminder,
        today,
        "Hamstring rehab session",
        &session_text(phase),
        &utc_stamp(),
    ) else {
        return "Choose at least one day.";
    };
    if download("hamstring-rehab-sessions.ics", "text/calendar", &file).is_ok() {
        "Downloaded. Open the file to add the sessions to your calendar."
    } else {
        "The download did not start. Your browser may block downloads."
    }
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
        let days = days.get_untracked();
        let time = time.get_untracked();
        message.set(Some(add_to_calendar(
            days,
            &time,
            phase,
            store.today.get_untracked(),
        )));
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
