//! The app's state in a reactive store, saved through `crate::storage` on
//! every change and kept in step with other tabs; and the actions pages share.
//!
//! Reads are narrow: a tick writes one day (`change_day`), which wakes only
//! what reads that day (`with_day`), what reads every day (charts, the week
//! table) and nothing else. Rarer changes (settings, the self-check, a phase)
//! write the whole store.

use crate::browser::{locale_week_start, now_ms, today};
use crate::components::shell::Frame;
use crate::storage::{self, Health, Loaded, Synced};
use hamstring_domain::date::{Day, Weekday};
use hamstring_domain::device::Theme;
use hamstring_domain::phase::Phase;
use hamstring_domain::state::{
    AppState, AppStateStoreFields, Clock, DayLog, Part, Programme, Settings, Stamped, EMPTY_DAY,
    MAX_CLOCK_SKEW_MS,
};
use leptos::prelude::*;
use reactive_stores::AtKeyed;

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

    /// Reads storage (the last hundred days first) and shows it.
    pub fn start(&self) {
        let (now, clamp_after) = wall();
        let today = today();
        let recent = today.plus(-FIRST_SCREEN_DAYS).month();
        let loaded = match storage::local() {
            Ok(local) => {
                storage::keep_older_choices();
                storage::load(&local, now, clamp_after, recent)
            }
            Err(problem) => Loaded::nothing(problem),
        };
        self.clock
            .update_value(|clock| clock.observe(loaded.state.max_stamp()));
        self.synced.set_value(loaded.synced);
        self.later.set_value(loaded.later);
        self.today.set(today);
        self.listed.set(loaded.listed);
        self.health.set(match loaded.health {
            // A note about repaired records gives way to the warning that a
            // backup may miss records.
            Health::Saving | Health::Salvaged { .. } | Health::Clamped { .. } if !loaded.listed => {
                Health::Unlisted
            }
            health => health,
        });
        self.state.set(loaded.state);
        self.days_changed();
        self.loaded.set(true);
        if !loaded.rewrite.is_empty() && !self.read_only() {
            self.write(&loaded.rewrite);
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

    /// Loads the older months, if not yet loaded. Called just after the
    /// first screen, and before anything that needs every record (a backup,
    /// an import's preview).
    pub fn load_history(&self) {
        let keys = self
            .later
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if keys.is_empty() {
            return;
        }
        let (now, clamp_after) = wall();
        let more = storage::local().map_or_else(Loaded::nothing, |local| {
            storage::load_keys(&local, &keys, now, clamp_after)
        });
        match more.health {
            Health::Unavailable => {
                // Try again next time; nothing is written meanwhile.
                self.later.set_value(keys);
                self.settle_health(Some(Health::Unavailable));
                return;
            }
            Health::ReadOnly { .. } => self.health.set(more.health.clone()),
            Health::Saving => {}
            note => {
                if self.health.get_untracked() == Health::Saving {
                    self.health.set(note);
                }
            }
        }
        self.clock
            .update_value(|clock| clock.observe(more.state.max_stamp()));
        self.synced
            .update_value(|synced| synced.extend(more.synced));
        self.state.update(|state| state.merge_in(&more.state));
        self.days_changed();
        if !more.rewrite.is_empty() && !self.read_only() {
            self.write(&more.rewrite);
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
        let mut all = parts.to_vec();
        all.extend(taken.also_write);
        all.sort();
        all.dedup();
        Ok(all)
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
        let days = self.state.days();
        if days.with_untracked(|days| days.contains_key(&day)) {
            AtKeyed::new(days, day).update(|log| apply(log, at));
        } else {
            days.update(|days| apply(days.entry(day).or_default(), at));
            self.days_changed();
        }
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

    /// Another tab stored `text` under `key` (`None`: removed it). Its
    /// records are merged in, waking only the readers of what changed; if
    /// ours hold something it lacks (two tabs wrote at the same moment),
    /// ours are written back.
    pub fn take_in_other_tab(&self, key: Option<String>, text: Option<String>) {
        let Some(key) = key else {
            // The other tab cleared storage: write everything we hold back.
            self.synced.set_value(Synced::default());
            let parts = self.state.with_untracked(AppState::parts);
            if !self.read_only() {
                self.write(&parts);
            }
            return;
        };
        let Some(part) = storage::part_of(&key) else {
            return;
        };
        let (now, clamp_after) = wall();
        if let Some(text) = &text {
            let decoded = hamstring_domain::state::decode(text);
            // Another tab's damaged or foreign text is kept aside, as damage
            // found at load is, before ours is written over it.
            let damaged = decoded.as_ref().map_or_else(
                |error| matches!(error, hamstring_domain::state::DecodeError::Unreadable(_)),
                |theirs| theirs.dropped > 0,
            );
            if damaged
                && !storage::local().is_ok_and(|local| storage::quarantine(&local, text, now))
            {
                self.health.set(Health::ReadOnly { schema: 0 });
                return;
            }
            match decoded {
                Ok(mut theirs) => {
                    theirs.state.clamp_future(clamp_after, now);
                    self.clock
                        .update_value(|clock| clock.observe(theirs.state.max_stamp()));
                    self.keep_in_undo_copy(&theirs.state);
                    self.patch(&part, &theirs.state);
                }
                Err(hamstring_domain::state::DecodeError::Newer { schema }) => {
                    self.health.set(Health::ReadOnly { schema });
                    return;
                }
                Err(_) => {}
            }
        }
        self.synced
            .update_value(|synced| storage::note_synced(synced, &key, text.as_deref()));
        let write_back = self.state.with_untracked(|ours| match &text {
            Some(text) => storage::lacks(text, ours, &part),
            None => !ours.part(&part).is_empty(),
        });
        if write_back && !self.read_only() {
            self.write(&[part]);
        }
    }

    /// Records another tab wrote just before this tab's replace, heard of
    /// only after it: the replace supersedes them, so they go into its undo
    /// copy, where undoing brings them back with the rest.
    fn keep_in_undo_copy(&self, theirs: &AppState) {
        let reset_at = self.state.with_untracked(|state| state.reset_at);
        let mut newer = theirs.clone();
        newer.drop_before(reset_at);
        if reset_at == 0 || newer == *theirs {
            return;
        }
        let Ok(local) = storage::local() else {
            return;
        };
        let Some(mut copy) = storage::undo_copy(&local).filter(|copy| copy.replaced_at == reset_at)
        else {
            return;
        };
        let mut late = theirs.clone();
        late.reset_at = 0;
        if copy.state.merge(&late) != copy.state {
            copy.state.merge_in(&late);
            if let Err(problem) = storage::keep_undo_copy(&local, &copy, self.today.get_untracked())
            {
                self.settle_health(Some(problem));
            }
        }
    }

    /// Merges `theirs` (one stored part) in, notifying narrowly: a month's
    /// days one by one; anything else (or a deletion) the whole store.
    fn patch(&self, part: &Part, theirs: &AppState) {
        if matches!(part, Part::Month(_)) && theirs.holds_only_days() {
            for (day, log) in &theirs.days {
                self.patch_day(*day, log);
            }
            return;
        }
        let changed = self
            .state
            .with_untracked(|ours| ours.merge(theirs) != *ours);
        if changed {
            self.state.update(|ours| ours.merge_in(theirs));
            self.days_changed();
        }
    }

    /// Merges another copy's log of `day` in, waking only that day's readers.
    fn patch_day(&self, day: Day, theirs: &DayLog) {
        let only = |log: Option<&DayLog>| AppState {
            days: log.map(|log| (day, log.clone())).into_iter().collect(),
            ..AppState::default()
        };
        let (merged, current) = self.state.with_untracked(|ours| {
            let mut mine = only(ours.days.get(&day));
            mine.merge_in(&only(Some(theirs)));
            (mine.days.remove(&day), ours.days.get(&day).cloned())
        });
        if merged == current {
            return;
        }
        let days = self.state.days();
        match (merged, current.is_some()) {
            (Some(log), true) => AtKeyed::new(days, day).set(log),
            (Some(log), false) => days.update(|days| {
                days.insert(day, log);
            }),
            (None, _) => days.update(|days| {
                days.remove(&day);
            }),
        }
        self.days_changed();
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

    /// Starts `phase` today (the self-check's suggestion, the picker, or a move on).
    pub fn set_phase(&self, phase: Phase) {
        let since = self.today.get_untracked();
        self.change(Scope::Main, |state, now| {
            state.programme = Some(Stamped::new(now, Programme { phase, since }));
            state.phase_history.insert(since, Stamped::new(now, phase));
        });
    }

    /// Takes in a backup: only ever adds (see `AppState::merge_import`).
    /// What other tabs stored is taken in first. Returns the state before,
    /// to describe what changed. If the write fails, what it wrote is put
    /// back, so storage and the screen still hold what they held.
    pub fn merge_import(&self, backup: &AppState) -> Result<AppState, Health> {
        if self.read_only() {
            return Err(self.health.get_untracked());
        }
        self.load_history();
        let mut parts = self.take_in_everything()?;
        let before = self.state.get_untracked();
        let mut merged = before.merge_import(backup);
        parts.extend(merged.parts());
        parts.sort();
        parts.dedup();
        // New months are named in the main key before their keys exist.
        let written = if merged.index_months(&parts) {
            self.write_parts(&merged, &[Part::Main])
        } else {
            Ok(())
        };
        if let Err(problem) = written.and_then(|()| self.write_parts(&merged, &parts)) {
            let _ = self.write_parts(&before, &parts);
            self.settle_health(Some(problem.clone()));
            return Err(problem);
        }
        self.settle_health(None);
        self.clock
            .update_value(|clock| clock.observe(merged.max_stamp()));
        self.state.set(merged);
        self.days_changed();
        Ok(before)
    }

    /// Takes in every stored part (see `take_in`): before a change to all of
    /// them, so a tick another tab made a moment ago is part of what it
    /// changes. Returns the parts to write; a failed read is shown and
    /// returned.
    fn take_in_everything(&self) -> Result<Vec<Part>, Health> {
        let mut parts = self.state.with_untracked(AppState::parts);
        let stored = storage::with_local(storage::stored_months);
        parts.extend(stored.into_iter().map(Part::Month));
        // Where storage cannot list its keys, those it has an index of.
        let indexed = self.state.with_untracked(|state| state.month_index.clone());
        parts.extend(indexed.into_iter().map(Part::Month));
        parts.sort();
        parts.dedup();
        self.take_in(&parts).inspect_err(|problem| {
            self.settle_health(Some(problem.clone()));
        })
    }

    /// Replaces everything with `state` (an import that replaces, or undoing
    /// one), keeping what it replaces for undo when `keep_undo`: a run of
    /// replaces keeps what was there before the first (`UndoCopy`). What
    /// other tabs wrote just before is taken in first, so it is in the copy.
    /// If writing fails, what was stored is put back and nothing changes.
    pub fn replace(&self, state: AppState, keep_undo: bool) -> Result<(), Health> {
        if self.read_only() {
            return Err(self.health.get_untracked());
        }
        self.load_history();
        self.take_in_everything()?;
        let today = self.today.get_untracked();
        let mut replacement = state.as_replacement(self.stamp());
        let undo_at = keep_undo.then(now_ms);
        let written = storage::local().and_then(|local| {
            self.state
                .try_update_untracked(|current| {
                    self.synced
                        .try_update_value(|synced| {
                            storage::replace(
                                &local,
                                current,
                                &mut replacement,
                                undo_at,
                                today,
                                synced,
                            )
                        })
                        .unwrap_or(Err(Health::Unavailable))
                })
                .unwrap_or(Err(Health::Unavailable))
        });
        self.settle_health(written.clone().err());
        written?;
        self.state.set(replacement);
        self.days_changed();
        Ok(())
    }

    /// "Delete all my data": nothing is kept, not even an undo copy (that
    /// goes only once the deletion is saved).
    pub fn delete_all(&self) -> Result<(), Health> {
        self.replace(AppState::default(), false)?;
        storage::with_local(storage::drop_undo_copy);
        storage::forget_device_choices();
        self.theme.set(Theme::System);
        Ok(())
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
