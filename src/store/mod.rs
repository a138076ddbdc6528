//! The app's state in a reactive store, saved through `crate::storage` on
//! every change and kept in step with other tabs; and the actions pages share.
//!
//! Reads are narrow: a tick writes one day (`change_day`), which wakes only
//! what reads that day (`with_day`), what reads every day (charts, the week
//! table) and nothing else. Rarer changes (settings, the self-check, a phase)
//! write the whole store.
//!
//! Here: the state and the changes pages make. Beside it: `history`
//! (loading), `sync` (other tabs' writes) and `imports` (a backup merged or
//! replacing everything, its undo, "Delete all").

use crate::browser::{locale_week_start, now_ms};
use crate::components::shell::Frame;
use crate::storage::{self, Health, Synced};
use hamstring_domain::date::{Day, Weekday};
use hamstring_domain::device::Theme;
use hamstring_domain::phase::Phase;
use hamstring_domain::state::{
    AppState, AppStateStoreFields, Clock, DayLog, Part, Programme, Settings, Stamped, EMPTY_DAY,
    MAX_CLOCK_SKEW_MS,
};
use leptos::prelude::*;
use reactive_stores::AtKeyed;

mod history;
mod imports;
mod sync;

/// Which records a change touches, so only their keys are read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Settings, programme, self-check and other single records.
    Main,
    /// The records of one day (its month's key).
    Day(Day),
}

impl Scope {
    fn parts(self) -> Vec<Part> {
        match self {
            Scope::Main => vec![Part::Main],
            Scope::Day(day) => vec![Part::Month(day.month())],
        }
    }
}

#[derive(Clone, Copy)]
pub struct Store {
    pub state: reactive_stores::Store<AppState>,
    /// The frame's: what the banner shows.
    pub health: RwSignal<Health>,
    /// The frame's device theme, which "Delete all my data" resets.
    theme: RwSignal<Theme>,
    /// The calendar day, moved on when the app is used past midnight.
    pub today: RwSignal<Day>,
    /// False while rendering at build time and until the browser's storage
    /// has been read: pages show what does not depend on it until then.
    pub loaded: RwSignal<bool>,
    /// False when storage would not list its keys at load: what was read
    /// may not be everything stored (`Health::Unlisted`).
    pub listed: RwSignal<bool>,
    clock: StoredValue<Clock>,
    synced: StoredValue<Synced>,
    /// Older month keys, loaded just after the first screen (`load_history`).
    later: StoredValue<Vec<String>>,
}

/// Months before this many days ago load after the first screen: the
/// routine, the week table and twelve weeks of charts need none of them.
const FIRST_SCREEN_DAYS: i32 = 100;

/// Wall-clock time, and the time after which a stamp counts as a wrong clock.
fn wall() -> (u64, u64) {
    let now = now_ms();
    (now, now + MAX_CLOCK_SKEW_MS)
}

impl Store {
    /// An empty store: what the build-time render and the first client
    /// render show. `start` fills it in, in the browser only.
    pub fn new(frame: Frame) -> Store {
        Store {
            state: reactive_stores::Store::new(AppState::default()),
            health: frame.health,
            theme: frame.theme,
            today: RwSignal::new(Day(0)),
            loaded: RwSignal::new(false),
            listed: RwSignal::new(true),
            clock: StoredValue::new(Clock::default()),
            synced: StoredValue::new(Synced::default()),
            later: StoredValue::new(Vec::new()),
        }
    }

    /// One day's log, read so that the reader wakes only when that day
    /// changes (or, while it has no records yet, when any day does, so its
    /// first record shows).
    pub fn with_day<T>(&self, day: Day, read: impl FnOnce(&DayLog) -> T) -> T {
        let days = self.state.days();
        if days.with_untracked(|days| days.contains_key(&day)) {
            AtKeyed::new(days, day).with(|log| read(log))
        } else {
            days.track();
            read(&EMPTY_DAY)
        }
    }

    /// After a write that may add or remove days: the store's index of day
    /// keys must follow, or reading a new day would fail.
    fn days_changed(&self) {
        self.state.days().update_keys();
    }

    fn read_only(&self) -> bool {
        self.health.get_untracked().is_read_only()
    }

    /// A new stamp, later than any this tab wrote or saw.
    fn stamp(&self) -> u64 {
        let (now, _) = wall();
        self.clock
            .try_update_value(|clock| clock.stamp(now))
            .unwrap_or(now)
    }

    /// Takes in what other tabs stored under `parts` (see `storage::take_in`),
    /// waking readers only if something came in. Returns the parts to write,
    /// or why nothing may be written.
    fn take_in(&self, parts: &[Part]) -> Result<Vec<Part>, Health> {
        let local = storage::local()?;
        let taken = self
            .state
            .try_update_untracked(|state| {
                self.synced
                    .try_update_value(|synced| {
                        storage::take_in(&local, state, parts, synced, wall())
                    })
                    .unwrap_or(Err(Health::Unavailable))
            })
            .unwrap_or(Err(Health::Unavailable))?;
        self.clock.update_value(|clock| clock.observe(taken.latest));
        if taken.merged {
            self.days_changed();
            self.state.notify();
        }
        Ok(storage::sorted_unique(
            parts.iter().copied().chain(taken.also_write),
        ))
    }

    /// Applies a change and saves it at once. What other tabs stored under
    /// the same keys is taken in first, so the change is stamped later than
    /// anything it was based on. If that read fails, the change stays in
    /// memory and nothing is written. Read-only mode changes nothing.
    pub fn change(&self, scope: Scope, apply: impl FnOnce(&mut AppState, u64)) {
        let _ = self.try_change(scope, apply);
    }

    /// `change`, saying whether it was saved, for a screen that reports it.
    pub fn try_change(
        &self,
        scope: Scope,
        apply: impl FnOnce(&mut AppState, u64),
    ) -> Result<(), Health> {
        if self.read_only() {
            return Err(self.health.get_untracked());
        }
        let taken = self.take_in_storable(scope);
        let at = self.stamp();
        self.state.update(|state| apply(state, at));
        self.days_changed();
        self.save(taken)
    }

    /// A change to one day's log (a tick, reps, a pain rating): it wakes only
    /// the readers of that day, and writes only its month.
    pub fn change_day(&self, day: Day, apply: impl FnOnce(&mut DayLog, u64)) {
        if self.read_only() {
            return;
        }
        let taken = self.take_in_storable(Scope::Day(day));
        let at = self.stamp();
        update_day(self.state, day, |log| apply(log, at));
        let _ = self.save(taken);
    }

    /// `take_in` for a change to `scope`, refused when its day (or today,
    /// which settings-like records carry) is outside the years storage can
    /// read back: a clock set to the year 10000 must not write a month the
    /// next load drops as damage. The change then holds in memory only.
    fn take_in_storable(&self, scope: Scope) -> Result<Vec<Part>, Health> {
        let day = match scope {
            Scope::Main => self.today.get_untracked(),
            Scope::Day(day) => day,
        };
        if !day.is_storable() || !self.today.get_untracked().is_storable() {
            return Err(Health::Unavailable);
        }
        self.take_in(&scope.parts())
    }

    /// Writes what a change touched, unless taking in failed.
    fn save(&self, taken: Result<Vec<Part>, Health>) -> Result<(), Health> {
        let problem = match taken {
            Ok(parts) => self.write_indexed(&parts).err(),
            Err(problem) => Some(problem),
        };
        self.settle_health(problem.clone());
        problem.map_or(Ok(()), Err)
    }

    fn write_parts(&self, state: &AppState, parts: &[Part]) -> Result<(), Health> {
        let today = self.today.get_untracked();
        let local = storage::local()?;
        self.synced
            .try_update_value(|synced| storage::write(&local, state, parts, today, synced))
            .unwrap_or(Err(Health::Unavailable))
    }

    /// Writes `parts` as they are in memory, naming their months in the main
    /// key's index (`AppState::index_months`), so that where storage cannot
    /// list its keys every stored month is still found: before their keys
    /// when the main key is not among the parts (a tick in a new month; the
    /// main key was taken in just before), else with it, last (the order
    /// that keeps a main key from data versions 1 and 2, which still holds
    /// those months, until they are written).
    fn write_indexed(&self, parts: &[Part]) -> Result<(), Health> {
        let grew = self
            .state
            .try_update_untracked(|state| state.index_months(parts))
            .unwrap_or(false);
        if grew && !parts.contains(&Part::Main) {
            self.state
                .with_untracked(|state| self.write_parts(state, &[Part::Main]))?;
        }
        self.state
            .with_untracked(|state| self.write_parts(state, parts))
    }

    /// Writes `parts` as they are in memory.
    fn write(&self, parts: &[Part]) {
        let problem = self.write_indexed(parts).err();
        self.settle_health(problem);
    }

    /// After a save: a problem shows; success clears a saving problem (not a
    /// note about what loading found).
    fn settle_health(&self, problem: Option<Health>) {
        match problem {
            Some(problem) => {
                if self.health.get_untracked() != problem {
                    self.health.set(problem);
                }
            }
            None => {
                if matches!(
                    self.health.get_untracked(),
                    Health::QuotaFull | Health::Unavailable
                ) {
                    self.health.set(if self.listed.get_untracked() {
                        Health::Saving
                    } else {
                        Health::Unlisted
                    });
                }
            }
        }
    }

    /// The settings, read narrowly (a tick does not wake their readers).
    pub fn settings(&self) -> Settings {
        self.state
            .settings()
            .with(|s| s.as_ref().map(|s| s.value.clone()).unwrap_or_default())
    }

    /// The week starts where the person set it, or where their locale does.
    pub fn week_start(&self) -> Weekday {
        self.state
            .settings()
            .with(|settings| settings.as_ref().and_then(|s| s.value.week_start))
            .unwrap_or_else(locale_week_start)
    }

    /// The phase the person is in, if they have started one, read narrowly
    /// (a tick does not wake its readers).
    pub fn phase(&self) -> Option<Phase> {
        self.state
            .programme()
            .with(|p| p.as_ref().map(|p| p.value.phase))
    }

    /// Starts `phase` today (the self-check's suggestion, the picker, or a move on).
    pub fn set_phase(&self, phase: Phase) {
        let since = self.today.get_untracked();
        self.change(Scope::Main, |state, now| {
            state.programme = Some(Stamped::new(now, Programme { phase, since }));
            state.phase_history.insert(since, Stamped::new(now, phase));
        });
    }
}

/// Applies `apply` to `day`'s log in memory, waking the readers of that day
/// and of every day (charts, the week table), and no one else.
fn update_day(state: reactive_stores::Store<AppState>, day: Day, apply: impl FnOnce(&mut DayLog)) {
    let days = state.days();
    if days.with_untracked(|days| days.contains_key(&day)) {
        AtKeyed::new(days, day).update(apply);
    } else {
        days.update(|days| apply(days.entry(day).or_default()));
        // The store's index of day keys must follow, or reading the new day would fail.
        days.update_keys();
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

#[cfg(test)]
mod tests;
