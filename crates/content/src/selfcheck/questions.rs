//! The questions, in the order they are asked, and the retired ones that
//! saved results still name.

use super::{
    back_first, choice, emergency, no, soon, urgent, warning, CheckPart, Choice, Question, NOT_SURE,
};

const SADDLE: [Choice; 3] = warning(
    emergency(
        "New numbness or tingling between your legs: genitals, back passage or inner thighs.",
    ),
    "You were not sure about new numbness or tingling between your legs.",
);
const BLADDER: [Choice; 3] = warning(
    emergency("A new change in peeing or pooing, or in controlling them."),
    "You were not sure about a change in peeing, pooing or controlling them.",
);
const BOTH_LEGS: [Choice; 3] = warning(
    emergency("Sciatica in both legs, or numbness or weakness in both legs that is severe or getting worse."),
    "You were not sure about sciatica, numbness or weakness in both legs.",
);
const WEAK_LEG: [Choice; 3] = warning(
    urgent("Weakness in one leg that is new or getting worse."),
    "You were not sure about new or worsening weakness in one leg.",
);
const ACCIDENT: [Choice; 3] = warning(
    urgent("The pain began after a serious accident or fall."),
    "You were not sure whether the pain began with a serious accident or fall.",
);
const FEVER: [Choice; 3] = warning(
    urgent("A high temperature, feeling hot and shivery, or feeling unwell with the pain."),
    "You were not sure about a high temperature or feeling unwell.",
);
const NIGHT: [Choice; 3] = warning(
    urgent(
        "Pain that wakes you at night, or that stays whatever you do and does not ease lying down.",
    ),
    "You were not sure whether the pain wakes you at night or eases with rest.",
);
const CANCER: [Choice; 3] = warning(
    urgent("A past or current cancer."),
    "You were not sure about a past or current cancer.",
);
const WEIGHT: [Choice; 3] = warning(
    urgent("Weight loss you cannot explain."),
    "You were not sure about weight loss you cannot explain.",
);
const IMMUNE: [Choice; 3] = warning(
    urgent("A weakened immune system."),
    "You were not sure whether your immune system is weakened.",
);
/// Earlier wordings of the three signs whose question was narrowed (saddle
/// area, both legs, night pain), under the ids results were saved with: a
/// saved "Yes" keeps the words the person answered.
const SADDLE_BEFORE: [Choice; 3] = warning(
    emergency("Numbness around your genitals, back passage or saddle area."),
    "You were not sure about numbness around your genitals, back passage or saddle area.",
);
const BOTH_LEGS_BEFORE: [Choice; 3] = warning(
    emergency("Pain, tingling, numbness or weakness in both legs."),
    "You were not sure whether both legs are affected.",
);
const NIGHT_BEFORE: [Choice; 3] = warning(
    urgent("Pain that is constant, worse at night, or not eased by rest."),
    "You were not sure whether the pain is constant, worse at night or not eased by rest.",
);
const CALF: [Choice; 3] = warning(
    urgent("A swollen, warm, red or tender calf: a possible blood clot."),
    "You were not sure about a swollen, warm, red or tender calf.",
);

pub const QUESTIONS: &[Question] = &[
    // Emergency signs first: if one is there, nothing else needs asking.
    Question {
        id: "saddle-numb",
        part: CheckPart::WarningSigns,
        prompt: "Is there new numbness or tingling between your legs: around your genitals, your back passage (anus) or your inner thighs?",
        not_counted: Some("Does not count: pain or tingling at a sit bone, the bony point you sit on."),
        why: "New numbness between the legs is an emergency sign on the NHS pages: the nerves at the bottom of the spine may be squeezed (possible cauda equina syndrome). Sit-bone pain, and tingling that starts there, are this injury's own signs and are asked about later.",
        choices: &SADDLE,
    },
    Question {
        id: "bladder",
        part: CheckPart::WarningSigns,
        prompt: "Has peeing or pooing changed in a new way? For example: trouble starting to pee, not being able to pee, not noticing you need to go, or not being able to control it.",
        not_counted: None,
        why: "New bladder or bowel changes with back or buttock pain can mean the nerves at the bottom of the spine are being squeezed. That is an emergency.",
        choices: &BLADDER,
    },
    Question {
        id: "both-legs-nerve",
        part: CheckPart::WarningSigns,
        prompt: "Do you have sciatica (nerve pain shooting down the leg) in both legs, or numbness or weakness in both legs that is severe or getting worse?",
        not_counted: Some("Does not count: sore or aching hamstrings in both legs, for example after training."),
        why: "Nerve signs in both legs at once are an emergency sign on the NHS pages: the nerves at the bottom of the spine may be squeezed. Sore hamstrings on both sides are asked about later, and signs in one leg too.",
        choices: &BOTH_LEGS,
    },
    // Then the signs that need a doctor today.
    Question {
        id: "weak-leg",
        part: CheckPart::WarningSigns,
        prompt: "Is one leg weak in a way that is new or getting worse? For example, your foot catches or drags, or you trip.",
        not_counted: Some("Does not count: a leg that hurts or tires sooner but still does what you ask of it."),
        why: "A leg that is losing strength needs a doctor to look at the nerves the same day. Tingling that comes and goes with normal strength is a different, common sign, asked about later.",
        choices: &WEAK_LEG,
    },
    Question {
        id: "pop",
        part: CheckPart::WarningSigns,
        prompt: "At any point, did you feel a sudden pop or a sharp pain in your buttock or the back of your thigh, for example while sprinting, slipping or being forced into a stretch?",
        not_counted: None,
        why: "A pop can mean the hamstring tendon has torn. With bruising or trouble walking, a doctor should see it today: if it needs repair, surgery works best when it is done early. This counts even if the pain had been building for months before.",
        choices: &[
            no(),
            choice(
                "yes-bruising",
                "Yes, with bruising on the back of my thigh or trouble walking",
                urgent("A sudden pop or sharp pain with bruising or trouble walking: a possible tear of the hamstring tendon."),
            ),
            choice(
                "yes-no-bruising",
                "Yes, but no bruising so far and I can walk normally",
                soon("A sudden pop or sharp pain: not the usual pattern, and it may be a tear. If bruising on the back of the thigh or trouble walking shows up in the next few days, get medical advice that same day."),
            ),
            choice(
                NOT_SURE,
                "Not sure",
                urgent("You were not sure about a sudden pop or sharp pain."),
            ),
        ],
    },
    Question {
        id: "accident",
        part: CheckPart::WarningSigns,
        prompt: "Did the pain begin after a serious accident or a fall?",
        not_counted: None,
        why: "Pain that began with a serious accident or fall is one of the NHS reasons to get advice the same day.",
        choices: &ACCIDENT,
    },
    Question {
        id: "fever",
        part: CheckPart::WarningSigns,
        prompt: "Along with the pain, have you had a high temperature, felt hot and shivery, or felt generally unwell?",
        not_counted: None,
        why: "Back or buttock pain with a high temperature, or with feeling hot and shivery, is one of the NHS reasons to get advice the same day.",
        choices: &FEVER,
    },
    Question {
        id: "night-rest",
        part: CheckPart::WarningSigns,
        prompt: "Does the pain wake you at night, or stay the same whatever you do, even lying down to rest?",
        not_counted: Some("Does not count: pain when you sit, or soreness after running that eases with rest. Both are typical of this injury."),
        why: "This injury's pain follows what you do: running, and often sitting. Pain that wakes you, or that does not change with activity or rest, has other causes a doctor should check.",
        choices: &NIGHT,
    },
    Question {
        id: "cancer",
        part: CheckPart::WarningSigns,
        prompt: "Have you ever had cancer, or are you being treated for cancer now?",
        not_counted: None,
        why: "Among the warning signs for serious disease of the spine, a past or current cancer is the strongest one, so it is always worth a same-day check.",
        choices: &CANCER,
    },
    Question {
        id: "weight",
        part: CheckPart::WarningSigns,
        prompt: "Have you lost weight recently without trying?",
        not_counted: None,
        why: "Weight loss you cannot explain, together with pain, needs a doctor's check.",
        choices: &WEIGHT,
    },
    Question {
        id: "immune",
        part: CheckPart::WarningSigns,
        prompt: "Is your immune system weakened, for example by long-term steroid tablets or by chemotherapy?",
        not_counted: None,
        why: "A weakened immune system is one of the NHS reasons to get back or buttock pain checked the same day.",
        choices: &IMMUNE,
    },
    Question {
        id: "calf",
        part: CheckPart::WarningSigns,
        prompt: "Is either calf swollen, warm, red or tender?",
        not_counted: None,
        why: "A swollen, warm, red or tender calf can be a blood clot, which needs checking the same day.",
        choices: &CALF,
    },
    // The typical pattern (sections 5 and 6 of the guide).
    Question {
        id: "where",
        part: CheckPart::YourPain,
        prompt: "Where is the pain worst?",
        not_counted: None,
        why: "High hamstring tendonitis hurts deep at the sit bone, the bony point you sit on. [Read what it is](/#what-is-it).",
        choices: &[
            choice("sit-bone", "Deep in the buttock, at the sit bone", None),
            choice(
                "elsewhere",
                "Somewhere else in the buttock or the back of the thigh",
                soon("The pain is not at the sit bone, where this injury hurts."),
            ),
            choice(
                "lower-back",
                "Mostly in my lower back",
                back_first("The pain is mostly in your lower back."),
            ),
            choice(
                "knee",
                "At or around the knee",
                soon("The pain is at the knee, not at the sit bone where this injury hurts."),
            ),
            choice(
                NOT_SURE,
                "Not sure",
                soon("You were not sure where the pain is, so it is hard to place."),
            ),
        ],
    },
    Question {
        id: "sides",
        part: CheckPart::YourPain,
        prompt: "Is the pain on one side or both?",
        not_counted: None,
        why: "The tendon can be sore on both sides. Sore hamstrings in both legs are not a warning sign on their own; nerve signs in both legs were asked about with the warning signs.",
        choices: &[
            choice("one", "One side", None),
            choice("both", "Both sides", None),
            choice(NOT_SURE, "Not sure", None),
        ],
    },
    Question {
        id: "onset",
        part: CheckPart::YourPain,
        prompt: "How did it start?",
        not_counted: None,
        why: "This injury usually creeps up over weeks of running, with no single moment when it began. [Read the signs](/#symptoms).",
        choices: &[
            choice("gradual", "Gradually, building up over time as I kept running", None),
            choice(
                "sudden",
                "Suddenly, at one moment",
                soon("It started suddenly: this injury usually builds up over time."),
            ),
            choice(
                NOT_SURE,
                "Not sure",
                soon("You were not sure how it started, so it is hard to place."),
            ),
        ],
    },
    Question {
        id: "progress",
        part: CheckPart::YourPain,
        prompt: "How has the pain changed since it began?",
        not_counted: None,
        why: "The typical pattern starts as soreness after running, then hurts during runs, and later when sitting. [Read the signs](/#symptoms).",
        choices: &[
            choice("after", "It is sore after running", None),
            choice("during", "It hurts during running too", None),
            choice("sitting", "It now hurts when I sit as well", None),
            choice(NOT_SURE, "Not sure", None),
        ],
    },
    Question {
        id: "back-pain",
        part: CheckPart::YourPain,
        prompt: "Do you have lower-back pain, now or in the past?",
        not_counted: None,
        why: "Many runners with this injury have had back trouble, and the back is checked first when it is involved. [Read why runners get it](/#why-runners).",
        choices: &[
            choice(
                "yes",
                "Yes",
                back_first("You have had lower-back pain: the back may be involved."),
            ),
            no(),
            choice(
                NOT_SURE,
                "Not sure",
                back_first("You were not sure about lower-back pain, so the back is worth checking."),
            ),
        ],
    },
    Question {
        id: "tingling",
        part: CheckPart::YourPain,
        prompt: "In one leg, do you get tingling, numbness or pain running down the back of it that comes and goes?",
        not_counted: None,
        why: "This is common with this injury and usually comes from an irritated nerve in the lower back. With normal strength it is not an emergency, but the back should be checked first. [Read why runners get it](/#why-runners).",
        choices: &[
            no(),
            choice(
                "above-knee",
                "Yes, down to above the knee",
                back_first("Tingling, numbness or pain that runs down one leg and comes and goes: an irritated nerve from the lower back."),
            ),
            choice(
                "past-knee",
                "Yes, down past the knee",
                back_first("Tingling, numbness or pain that runs down one leg past the knee: an irritated nerve from the lower back."),
            ),
            choice(
                NOT_SURE,
                "Not sure",
                back_first("You were not sure about tingling or pain down the leg, so the back is worth checking."),
            ),
        ],
    },
    Question {
        id: "self-care",
        part: CheckPart::YourPain,
        prompt: "Have you already spent a few weeks on sensible self-care (less running, strength exercises, breaks from sitting)?",
        not_counted: None,
        why: "Pain that is not improving after a few weeks of sensible self-care is worth showing to a GP or physiotherapist.",
        choices: &[
            choice("not-yet", "No, I am just starting", None),
            choice("improving", "Yes, and it is getting better", None),
            choice(
                "not-improving",
                "Yes, but it is not getting better",
                soon("It is not improving after a few weeks of self-care."),
            ),
            choice(
                NOT_SURE,
                "Not sure",
                soon("You were not sure whether a few weeks of self-care have helped."),
            ),
        ],
    },
];

/// Questions no longer asked, under the ids saved results use, so a result
/// saved with them still reads in the words the person answered.
pub const RETIRED: &[Question] = &[
    Question {
        id: "saddle",
        part: CheckPart::WarningSigns,
        prompt: "Is there numbness or tingling around your genitals, your back passage, or the area you would sit on a bike saddle?",
        not_counted: None,
        why: "",
        choices: &SADDLE_BEFORE,
    },
    Question {
        id: "both-legs",
        part: CheckPart::WarningSigns,
        prompt: "Do you have pain, tingling, numbness or weakness going down both legs?",
        not_counted: None,
        why: "",
        choices: &BOTH_LEGS_BEFORE,
    },
    Question {
        id: "night",
        part: CheckPart::WarningSigns,
        prompt: "Is the pain there all the time whatever you do, worse at night, or not eased by rest?",
        not_counted: None,
        why: "",
        choices: &NIGHT_BEFORE,
    },
];
