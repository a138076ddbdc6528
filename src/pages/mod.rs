//! One module per route. Pages never import each other: what two pages share
//! is a component (`crate::components`) or an action on the store.

mod check;
mod guide;
mod not_found;
mod progress;
mod routine;

pub use check::CheckPage;
pub use guide::{guide_slots, GuidePage};
pub use not_found::NotFound;
pub use progress::{later_parts, LaterParts, ProgressPage};
pub use routine::{todays_session, RoutinePage, TodaysSession};
