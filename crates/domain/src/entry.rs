//! What a person typed into a number field, read the same way everywhere:
//! an empty field clears the value; anything else must be a number in range
//! with no more decimals than the field keeps, or it is refused and what was saved stays.

use std::ops::RangeInclusive;

/// The numbers a field takes, in its own units: whole numbers (`scale` 1) or
/// tenths (`scale` 10, as for kilograms); `min` and `max` in those units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberRule {
    /// Units per displayed 1: 1 for whole numbers, 10 for tenths.
    pub scale: u32,
    pub min: u32,
    pub max: u32,
}

/// What the text in a field means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// The field was emptied.
    Cleared,
    /// A value to save, in the rule's units.
    Value(u32),
    /// Not a number the field takes: nothing is saved.
    Refused,
}

impl NumberRule {
    /// Whole numbers in `range`.
    pub const fn whole(range: RangeInclusive<u32>) -> NumberRule {
        NumberRule {
            scale: 1,
            min: *range.start(),
            max: *range.end(),
        }
    }

    pub fn read(&self, text: &str) -> Entry {
        let text = text.trim().replace(',', ".");
        if text.is_empty() {
            return Entry::Cleared;
        }
        let Ok(number) = text.parse::<f64>() else {
            return Entry::Refused;
        };
        let scaled = number * f64::from(self.scale);
        let units = scaled.round();
        let on_unit = (scaled - units).abs() < 1e-6;
        let in_range = (f64::from(self.min)..=f64::from(self.max)).contains(&units);
        if !on_unit || !in_range {
            return Entry::Refused;
        }
        Entry::Value(units as u32)
    }

    /// A value in the rule's units as the field shows it: "12", "7.5".
    pub fn show(&self, units: u32) -> String {
        if self.scale == 1 {
            return units.to_string();
        }
        let whole = units / self.scale;
        let rest = units % self.scale;
        if rest == 0 {
            whole.to_string()
        } else {
            format!("{whole}.{rest}")
        }
    }

    /// What the field takes, said when something else was typed.
    pub fn hint(&self) -> String {
        let (min, max) = (self.show(self.min), self.show(self.max));
        if self.scale == 1 {
            format!("Enter a whole number from {min} to {max}.")
        } else {
            format!("Enter a number from {min} to {max}, with one decimal at most.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPS: NumberRule = NumberRule::whole(0..=99);
    const KG: NumberRule = NumberRule {
        scale: 10,
        min: 0,
        max: 2000,
    };

    #[test]
    fn whole_numbers() {
        assert_eq!(REPS.read(""), Entry::Cleared);
        assert_eq!(REPS.read("  "), Entry::Cleared);
        assert_eq!(REPS.read("12"), Entry::Value(12));
        assert_eq!(REPS.read(" 0 "), Entry::Value(0));
        assert_eq!(REPS.read("99"), Entry::Value(99));
        for refused in ["100", "5000", "7.5", "-1", "abc", "1e3", "NaN", "inf"] {
            assert_eq!(REPS.read(refused), Entry::Refused, "{refused}");
        }
        assert_eq!(REPS.hint(), "Enter a whole number from 0 to 99.");
    }

    #[test]
    fn a_range_that_starts_above_zero() {
        let minutes = NumberRule::whole(5..=120);
        assert_eq!(minutes.read("4"), Entry::Refused);
        assert_eq!(minutes.read("5"), Entry::Value(5));
        assert_eq!(minutes.read("120"), Entry::Value(120));
        assert_eq!(minutes.read("121"), Entry::Refused);
    }

    #[test]
    fn kilograms_in_tenths() {
        assert_eq!(KG.read("7.5"), Entry::Value(75));
        assert_eq!(KG.read("7,5"), Entry::Value(75));
        assert_eq!(KG.read("8"), Entry::Value(80));
        assert_eq!(KG.read("200"), Entry::Value(2000));
        assert_eq!(KG.read("2.2"), Entry::Value(22));
        for refused in ["7.25", "200.5", "-0.5", "kg"] {
            assert_eq!(KG.read(refused), Entry::Refused, "{refused}");
        }
        assert_eq!(KG.show(75), "7.5");
        assert_eq!(KG.show(80), "8");
        assert_eq!(
            KG.hint(),
            "Enter a number from 0 to 200, with one decimal at most."
        );
    }
}
