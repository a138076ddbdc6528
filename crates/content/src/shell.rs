//! The app's navigation: shared by the Leptos shell and the build-time
//! render of the guide, so both draw the same bar.

pub struct NavItem {
    pub href: &'static str,
    pub label: &'static str,
    /// An SVG path in a 24 × 24 box, drawn as a line icon.
    pub icon: &'static str,
}

pub const BRAND_ICON: &str =
    "M13 4a2 2 0 1 0 0.01 0M9 21l3-7 3 2v5M12 14l-1-5 4 1 3 3M11 9l-4 2-1 3";

pub const NAV: [NavItem; 4] = [
    NavItem {
        href: "/",
        label: "Guide",
        icon: "M4 5.5C6.5 4 9.5 4 12 5.5v14C9.5 18 6.5 18 4 19.5zM12 5.5C14.5 4 17.5 4 20 5.5v14c-2.5-1.5-5.5-1.5-8 0",
    },
    NavItem {
        href: "/check",
        label: "Self-check",
        icon: "M8 4h8v3H8zM6 5.5H5v15h14v-15h-1M8.5 13.5l2.5 2.5 4.5-5",
    },
    NavItem {
        href: "/routine",
        label: "Routine",
        icon: "M3 9v6M6 7v10M18 7v10M21 9v6M6 12h12",
    },
    NavItem {
        href: "/progress",
        label: "Progress",
        icon: "M4 4v16h16M7 15l4-4 3 3 5-6",
    },
];
