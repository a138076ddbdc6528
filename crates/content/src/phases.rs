//! What each phase of the programme is called, what it is for, and the daily
//! habits that go with it.

pub struct PhaseText {
    pub title: &'static str,
    /// What this phase adds, and why.
    pub purpose: &'static str,
    pub habits: &'static [&'static str],
}

const EARLY_HABITS: &[&str] = &[
    "Cross-train instead of running: running keeps the tendon irritated and can stop it healing.",
    "Stand up for a short break every 15–20 minutes of sitting.",
    "Sit tall; avoid slumping.",
    "Skip hamstring stretches for now so the sciatic nerve can settle.",
];

pub const BACK_FIRST: PhaseText = PhaseText {
    title: "Phase 0 · Lower back first",
    purpose: "Lower-back pain, or tingling, numbness or pain running down the leg, can mean the back or a nerve is involved. Have an orthopaedic surgeon or a spine specialist check it first; the hamstring programme starts once the back is ruled out or treated.",
    habits: EARLY_HABITS,
};

pub const FOUNDATION: PhaseText = PhaseText {
    title: "Phase 1 · General leg strength",
    purpose: "For up to six weeks, strengthen the whole leg while the tendon settles. No direct hamstring exercise and no hamstring stretching yet.",
    habits: EARLY_HABITS,
};

pub const HAMSTRING: PhaseText = PhaseText {
    title: "Phase 2 · Hamstring work",
    purpose: "The hamstring has had time to recover its normal function, so hamstring-specific moves join the routine: the ball leg curl, the Romanian deadlift and the stretch.",
    habits: &[
        "Keep cross-training instead of running for now.",
        "Keep breaking up sitting every 15–20 minutes, and avoid slumping.",
    ],
};

pub const RETURN_TO_RUN: PhaseText = PhaseText {
    title: "Phase 3 · Light running",
    purpose: "Strength is nearly equal between your legs, so a light running programme can begin alongside the full routine.",
    habits: &[
        "Start with short, easy runs and log how the tendon feels the next morning.",
        "Keep breaking up sitting every 15–20 minutes.",
    ],
};

pub const PREVENTION: PhaseText = PhaseText {
    title: "Prevention",
    purpose: "No hamstring trouble: keep the hamstring and leg strong with every move from the start, and go easy on your lower back.",
    habits: &["Avoid putting too much stress on your lower back."],
};
