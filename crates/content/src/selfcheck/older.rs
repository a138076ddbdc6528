//! Wording of the first version of the self-check (data version 1 and 2),
//! kept so results saved then still read as they did.

/// An outcome title and its advice, by the id it was stored under.
pub fn outcome(id: &str) -> Option<(&'static str, &'static str)> {
    Some(match id {
        "urgent-care" => ("Get medical care now", "You reported a sign that needs a doctor, not a home programme. Contact a doctor or urgent care today; a change in bladder or bowel control or numbness around the groin is an emergency. Hold off on the exercises until you have been seen."),
        "physician-soon" => ("See a physician soon", "A sudden start during a sprint, a slip or a forced stretch is not the usual overuse pattern and may be a hamstring tear. See a physician soon, before starting the routine."),
        "back-first" => ("Have your lower back checked first", "Back pain or symptoms running down the leg suggest the lower back or a nerve is involved. The guide's advice is to have an orthopedic surgeon or a spine specialist check the back before you start the hamstring programme."),
        "fits-pattern" => ("Your answers fit high hamstring tendonitis", "A deep ache at the sit bone that built up with running is the typical pattern. Start the routine at phase 1: general leg strengthening, a standing break every 15–20 minutes of sitting, no slumped sitting, and no hamstring stretching for now. Cross-train instead of running."),
        "not-typical" => ("This is not the typical pattern", "Your answers do not match the usual picture of this injury. Other problems can cause pain here, so it is worth seeing a physician or physical therapist. The guide explains what the typical pattern looks like."),
        _ => return None,
    })
}

/// A question of the first version and its options, by id.
pub fn question(id: &str) -> Option<(&'static str, &'static [(&'static str, &'static str)])> {
    Some(match id {
        "where" => ("Where is the pain?", &[("sit-bone", "Deep in the buttock, at the sit bone"), ("elsewhere", "Somewhere else in the buttock or the back of the thigh"), ("not-sure", "Not sure")]),
        "onset" => ("How did it start?", &[("gradual", "Gradually, building up over time as I kept running"), ("sudden", "Suddenly: during a sprint, a slip or a forced stretch"), ("not-sure", "Not sure")]),
        "sudden-signs" => ("When it happened, did you feel a pop, see bruising on the back of the thigh, or have trouble walking?", &[("yes", "Yes"), ("no", "No"), ("not-sure", "Not sure")]),
        "progress" => ("How has the pain changed since it began?", &[("after", "It is sore after running"), ("during", "It hurts during running too"), ("sitting", "It now hurts when I sit as well"), ("not-sure", "Not sure")]),
        "sitting-pressure" => ("Does sitting press on the sore spot and make it hurt?", &[("yes", "Yes"), ("no", "No"), ("not-sure", "Not sure")]),
        "sitting-hours" => ("About how many hours a day do you spend sitting?", &[("under-4", "Under 4 hours"), ("4-6", "4 to 6 hours"), ("6-8", "6 to 8 hours"), ("over-8", "More than 8 hours")]),
        "back-pain" => ("Do you have lower-back pain, now or in the past?", &[("yes", "Yes"), ("no", "No"), ("not-sure", "Not sure")]),
        "radiating" => ("Do you feel tingling, numbness or pain running down the back of your leg?", &[("no", "No"), ("above-knee", "Yes, down to above the knee"), ("past-knee", "Yes, down past the knee"), ("not-sure", "Not sure")]),
        "runs" => ("Which runs does it stop you from doing?", &[("none", "None yet"), ("long-fast", "Long runs or speedwork"), ("all", "Even slow, easy runs"), ("not-running", "I am not running at the moment")]),
        "gait" => ("Has your stride changed, so you seem to ride over the leg instead of pushing off with it?", &[("yes", "Yes"), ("no", "No"), ("not-sure", "Not sure")]),
        "red-flags" => ("Do any of these apply to you now?", &[("bladder", "Changes in bladder or bowel control, or numbness around the groin or saddle area"), ("weakness", "Numbness or weakness in the leg"), ("night", "Severe, constant pain that has nothing to do with activity, or pain that wakes me at night"), ("fever", "Fever, or feeling unwell along with the pain"), ("none", "None of these")]),
        _ => return None,
    })
}
