//! Choices kept on this device only, not records: they are not merged, not
//! in a backup and not counted. A backup restored on another phone does not
//! change how that phone looks.

/// How the app looks on this device: a choice kept on the device, not a
/// record (a backup restored on another phone does not change its look).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// The next choice of the toggle.
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    /// The stored and the `data-theme` name; `None` follows the device.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    /// The choice a stored name stands for; anything else follows the device.
    pub fn from_name(name: &str) -> Theme {
        match name {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Theme;

    #[test]
    fn the_toggle_cycles_through_every_theme_and_each_name_reads_back() {
        let mut theme = Theme::System;
        let mut seen = Vec::new();
        for _ in 0..3 {
            seen.push(theme);
            assert_eq!(Theme::from_name(theme.name().unwrap_or("")), theme);
            theme = theme.next();
        }
        assert_eq!(theme, Theme::System);
        assert_eq!(seen, [Theme::System, Theme::Light, Theme::Dark]);
        assert_eq!(Theme::from_name("purple"), Theme::System);
    }
}
