//! Whether a self-check result still holds off the routine: one that called
//! for care today or sooner waits until the person says they were seen.

use crate::date::Day;
use crate::state::CheckResults;
use hamstring_content::selfcheck::Level;

/// The latest self-check result, when it called for care today or sooner and
/// the person has not said they were seen since (`seen_after`: the result
/// after which they said so): its id, level and day. Only the latest result
/// counts, so a later check that calls for less lifts the hold.
pub fn care_pending(results: &CheckResults, seen_after: Option<u64>) -> Option<(u64, Level, Day)> {
    let (id, result) = results.iter().next_back()?;
    let result = &result.value;
    let level = result
        .verdict
        .level()
        .filter(|level| *level <= Level::Urgent)?;
    let seen = seen_after.is_some_and(|seen| seen >= *id);
    (!seen).then_some((*id, level, result.day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::selfcheck::{Answers, OlderFinding, Triage, Verdict};
    use crate::state::{CheckResult, Stamped};
    use std::collections::BTreeMap;

    fn result(day: Day, verdict: Verdict) -> Stamped<CheckResult> {
        let answers = Answers::new();
        Stamped::new(
            1,
            CheckResult {
                day,
                answers,
                verdict,
            },
        )
    }

    fn at(level: Level) -> Verdict {
        let (reasons, also) = (vec![], vec![]);
        Verdict::Triage(Triage {
            level,
            reasons,
            also,
        })
    }

    #[test]
    fn a_same_day_or_emergency_result_waits_until_seen_after_it() {
        let day = Day(20_000);
        assert_eq!(care_pending(&BTreeMap::new(), None), None);
        for level in [Level::Emergency, Level::Urgent] {
            let results = BTreeMap::from([(10, result(day, at(level)))]);
            assert_eq!(care_pending(&results, None), Some((10, level, day)));
            // Seen after an earlier result: this one still waits.
            assert_eq!(care_pending(&results, Some(9)), Some((10, level, day)));
            assert_eq!(care_pending(&results, Some(10)), None);
            assert_eq!(care_pending(&results, Some(11)), None);
        }
        for level in [Level::Soon, Level::SelfCare] {
            let results = BTreeMap::from([(10, result(day, at(level)))]);
            assert_eq!(care_pending(&results, None), None, "{level:?}");
        }
    }

    #[test]
    fn only_the_latest_result_counts_and_older_results_read_in_todays_levels() {
        let day = Day(20_000);
        let mut results = BTreeMap::from([(10, result(day, at(Level::Urgent)))]);
        results.insert(20, result(day.plus(1), at(Level::Soon)));
        assert_eq!(care_pending(&results, None), None);
        results.insert(30, result(day.plus(2), at(Level::Emergency)));
        assert_eq!(
            care_pending(&results, Some(10)),
            Some((30, Level::Emergency, day.plus(2)))
        );
        // The first version's "get medical care now" was same-day care.
        let older = |outcome: &str| {
            let finding = OlderFinding {
                outcome: outcome.into(),
                because: vec![],
            };
            BTreeMap::from([(5, result(day, Verdict::Older(vec![finding])))])
        };
        assert_eq!(
            care_pending(&older("urgent-care"), None),
            Some((5, Level::Urgent, day))
        );
        assert_eq!(care_pending(&older("fits-pattern"), None), None);
    }
}
