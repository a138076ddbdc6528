//! The exercise catalogue: what each move trains, its dose from the source
//! article, and step-by-step cues, in the project's own words.

use serde::{Deserialize, Serialize};

/// Stable identifier of an exercise; also the key its ticks are stored under,
/// so renaming a variant's serde name would orphan saved history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExerciseId {
    GluteBridge,
    BulgarianSplitSquat,
    BallLegCurl,
    RomanianDeadlift,
    BodyweightSquat,
    HamstringStretch,
    FoamRoll,
}

impl ExerciseId {
    pub const ALL: [ExerciseId; 7] = [
        ExerciseId::GluteBridge,
        ExerciseId::BulgarianSplitSquat,
        ExerciseId::BallLegCurl,
        ExerciseId::RomanianDeadlift,
        ExerciseId::BodyweightSquat,
        ExerciseId::HamstringStretch,
        ExerciseId::FoamRoll,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ExerciseId::GluteBridge => "glute-bridge",
            ExerciseId::BulgarianSplitSquat => "bulgarian-split-squat",
            ExerciseId::BallLegCurl => "ball-leg-curl",
            ExerciseId::RomanianDeadlift => "romanian-deadlift",
            ExerciseId::BodyweightSquat => "bodyweight-squat",
            ExerciseId::HamstringStretch => "hamstring-stretch",
            ExerciseId::FoamRoll => "foam-roll",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ExerciseId> {
        ExerciseId::ALL.into_iter().find(|id| id.slug() == slug)
    }

    /// The anchor of this exercise's card on the routine page.
    pub fn anchor(self) -> String {
        format!("ex-{}", self.slug())
    }

    pub fn info(self) -> &'static Exercise {
        CATALOGUE
            .iter()
            .find(|exercise| exercise.id == self)
            .expect("every id has a catalogue entry")
    }
}

impl std::fmt::Display for ExerciseId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.slug())
    }
}

impl std::str::FromStr for ExerciseId {
    type Err = ();
    fn from_str(slug: &str) -> Result<ExerciseId, ()> {
        ExerciseId::from_slug(slug).ok_or(())
    }
}

/// What kind of load an exercise puts on the hamstring; the phase rules use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// General leg strengthening: safe from the first phase.
    GeneralStrength,
    /// Direct hamstring work: held back until the hamstring is ready.
    DirectHamstring,
    /// Soft-tissue work with a foam roller.
    SoftTissue,
}

/// The dose as the source gives it. `sets` is a range because the source says
/// "3–4 sets"; the ticks beyond `min` are offered as optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dose {
    pub sets_min: u8,
    pub sets_max: u8,
    /// Repetitions to aim for per set, when the source gives them.
    pub reps: Option<(u8, u8)>,
    /// Each set is done once on each leg.
    pub per_side: bool,
    /// Rest the source asks for after a set, in seconds.
    pub rest_after_secs: Option<u32>,
}

#[derive(Debug)]
pub struct Exercise {
    pub id: ExerciseId,
    pub name: &'static str,
    pub kind: Kind,
    /// What the move trains, in a short phrase.
    pub trains: &'static str,
    pub dose: Dose,
    /// The dose in words, exactly as the source gives the figures.
    pub dose_text: &'static str,
    pub steps: &'static [&'static str],
    /// Anything else a runner should know, e.g. when the source names no dose.
    pub note: Option<&'static str>,
    /// The picture's text alternative: the start and end positions.
    pub picture: &'static str,
    /// Done with weights: the session logs the weight used.
    pub loaded: bool,
}

const ONE_SET: Dose = Dose {
    sets_min: 1,
    sets_max: 1,
    reps: None,
    per_side: false,
    rest_after_secs: None,
};

pub const CATALOGUE: &[Exercise] = &[
    Exercise {
        id: ExerciseId::GluteBridge,
        name: "Glute bridge",
        kind: Kind::GeneralStrength,
        trains: "Buttock muscles and the back of the hip",
        dose: Dose {
            reps: Some((10, 15)),
            ..ONE_SET
        },
        dose_text: "10–15 reps",
        steps: &[
            "Lie on your back with your knees bent and both feet flat on the floor.",
            "Press down through your heels and tighten your buttocks to raise your hips.",
            "Stop when your shoulders, hips and knees make one straight line.",
            "Lower your hips back down slowly, then go again.",
        ],
        note: None,
        picture: "Start lying on your back with knees bent and feet flat; end with hips lifted so shoulders, hips and knees form a straight line.",
        loaded: false,
    },
    Exercise {
        id: ExerciseId::BulgarianSplitSquat,
        name: "Bulgarian split squat",
        kind: Kind::GeneralStrength,
        trains: "Front of the thigh and buttock, one leg at a time",
        dose: Dose {
            reps: Some((10, 12)),
            per_side: true,
            rest_after_secs: Some(15),
            ..ONE_SET
        },
        dose_text: "10–12 reps per side, then rest 15 seconds before the next move",
        steps: &[
            "Stand with your back to a low bench or step.",
            "Rest the toes of your left foot on it, so that foot sits two to four inches off the floor.",
            "Hop your right foot forward until, at the bottom of a full squat, it would sit right under your knee. Finding this spot takes a little trial and error.",
            "Brace your middle and buttocks. Sink down under control, keeping most of your weight on the front leg; the back leg is only there for balance.",
            "Stop when your back knee hovers just above the floor, or sooner if that is as low as feels comfortable.",
            "Push through your front foot and squeeze your buttocks to rise tall, staying centred over the front leg.",
            "Swap legs and repeat on the other side.",
        ],
        note: None,
        picture: "Back toes on a low step, front foot forward. Start standing tall over the front leg; end lowered with the front knee over the foot and the back knee just above the floor.",
        loaded: false,
    },
    Exercise {
        id: ExerciseId::BallLegCurl,
        name: "Ball leg curl",
        kind: Kind::DirectHamstring,
        trains: "The hamstrings, working to bend the knee",
        dose: Dose {
            sets_min: 3,
            sets_max: 4,
            reps: Some((8, 10)),
            per_side: false,
            rest_after_secs: None,
        },
        dose_text: "3–4 sets of 8–10 reps",
        steps: &[
            "Lie on your back and rest your heels on top of an exercise ball.",
            "Raise your pelvis until your body is straight from your head to your knees.",
            "Breathe out as you dig in your heels and roll the ball in towards your buttocks.",
            "Roll the ball back out, then lower your hips to the floor.",
        ],
        note: Some("Also called the leg curl with an exercise ball."),
        picture: "Lying on your back with heels on an exercise ball and hips lifted. Start with legs long; end with the ball rolled in towards the buttocks, hips still up.",
        loaded: false,
    },
    Exercise {
        id: ExerciseId::RomanianDeadlift,
        name: "Romanian deadlift",
        kind: Kind::DirectHamstring,
        trains: "The hamstrings and buttocks, working to straighten the hip",
        dose: Dose {
            sets_min: 3,
            sets_max: 3,
            reps: Some((8, 10)),
            per_side: false,
            rest_after_secs: None,
        },
        dose_text: "3 sets of 8–10 reps",
        steps: &[
            "Stand with your feet hip-width apart, holding a dumbbell in each hand.",
            "Bend at the hips by pushing them back, and let the weights travel down in front of your legs.",
            "Go only as low as your flexibility allows, with your back flat and your neck in line with it.",
            "Drive your hips forward to come back up to standing.",
        ],
        note: Some("Done with a dumbbell in each hand. The source article describes this move without naming it; we call it by its usual name."),
        picture: "Start standing with a dumbbell in each hand in front of the thighs; end hinged at the hips, back flat, weights lowered in front of the shins.",
        loaded: true,
    },
    Exercise {
        id: ExerciseId::BodyweightSquat,
        name: "Bodyweight squat",
        kind: Kind::GeneralStrength,
        trains: "Thighs and buttocks",
        dose: Dose {
            sets_min: 3,
            sets_max: 4,
            reps: Some((10, 10)),
            per_side: false,
            rest_after_secs: None,
        },
        dose_text: "3–4 sets of 10 reps",
        steps: &[
            "Stand with your feet a little wider than your hips, toes turned slightly out, hands clasped at your chest for balance.",
            "Begin by pushing your hips back, then bend your knees and sink as low as you can go comfortably. Early in rehab, go only as deep as is comfortable: deep squats press the tendon against the sit bone.",
            "Keep your chest up, move under control, and hold your lower back in a neutral position.",
            "Push through your heels to stand back up.",
        ],
        note: Some("The source article describes this move without naming it; we call it by its usual name."),
        picture: "Start standing with hands clasped at the chest; end with hips back and knees bent, chest up, only as deep as is comfortable.",
        loaded: false,
    },
    Exercise {
        id: ExerciseId::HamstringStretch,
        name: "Hamstring stretch",
        kind: Kind::DirectHamstring,
        trains: "Flexibility at the back of the thigh",
        dose: ONE_SET,
        dose_text: "No set amount",
        steps: &[
            "Lie on your back.",
            "Lift one leg straight up towards the ceiling.",
            "Gently ease your toes back towards your forehead.",
            "Switch legs.",
        ],
        note: Some("Leave this one out early in rehab: a stretched hamstring can keep an irritated sciatic nerve from settling, and stretching presses on the sore tendon."),
        picture: "Lying on your back. Start with both legs on the floor; end with one leg raised straight up and the toes drawn towards you.",
        loaded: false,
    },
    Exercise {
        id: ExerciseId::FoamRoll,
        name: "Hamstring massage with a foam roller",
        kind: Kind::SoftTissue,
        trains: "Soft tissue of the hamstring and its tendon",
        dose: ONE_SET,
        dose_text: "No set amount",
        steps: &[
            "Sit on the floor with the foam roller under your thighs.",
            "Lift your hips with your hands and roll from your knees up to your buttocks. Stop short of the sit bone itself: rolling right on it presses on the sore tendon.",
            "For firmer pressure, cross your right leg over your left and roll one leg at a time, turning the left leg inward and outward.",
            "Then switch and do the other leg.",
        ],
        note: None,
        picture: "Sitting with a foam roller under the thighs and hands on the floor behind. Start with the roller near the knees; end with it higher up the thighs, short of the sit bone.",
        loaded: false,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_has_exactly_one_entry_in_order() {
        let ids: Vec<_> = CATALOGUE.iter().map(|exercise| exercise.id).collect();
        assert_eq!(ids, ExerciseId::ALL.to_vec());
    }

    #[test]
    fn slugs_round_trip_and_match_serde_names() {
        for id in ExerciseId::ALL {
            assert_eq!(ExerciseId::from_slug(id.slug()), Some(id));
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{}\"", id.slug()));
        }
    }

    #[test]
    fn doses_match_the_source_exactly() {
        let dose = |id: ExerciseId| id.info().dose_text;
        assert_eq!(dose(ExerciseId::GluteBridge), "10–15 reps");
        assert!(dose(ExerciseId::BulgarianSplitSquat).starts_with("10–12 reps per side"));
        assert!(dose(ExerciseId::BulgarianSplitSquat).contains("15 seconds"));
        assert_eq!(dose(ExerciseId::BallLegCurl), "3–4 sets of 8–10 reps");
        assert_eq!(dose(ExerciseId::RomanianDeadlift), "3 sets of 8–10 reps");
        assert_eq!(dose(ExerciseId::BodyweightSquat), "3–4 sets of 10 reps");
        let split = ExerciseId::BulgarianSplitSquat.info();
        assert_eq!(split.dose.rest_after_secs, Some(15));
        assert!(split.dose.per_side);
        assert!(split.steps.iter().any(|s| s.contains("two to four inches")));
    }

    #[test]
    fn numeric_doses_agree_with_the_words() {
        for exercise in CATALOGUE {
            let dose = exercise.dose;
            assert!(dose.sets_min >= 1 && dose.sets_min <= dose.sets_max);
            if let Some((low, high)) = dose.reps {
                assert!(low <= high);
                let words = if low == high {
                    format!("{low} reps")
                } else {
                    format!("{low}–{high} reps")
                };
                assert!(exercise.dose_text.contains(&words), "{}", exercise.name);
            }
            assert!(!exercise.steps.is_empty());
        }
    }

    #[test]
    fn kinds_follow_the_source_grouping() {
        use Kind::*;
        let kind = |id: ExerciseId| id.info().kind;
        assert_eq!(kind(ExerciseId::BallLegCurl), DirectHamstring);
        assert_eq!(kind(ExerciseId::RomanianDeadlift), DirectHamstring);
        assert_eq!(kind(ExerciseId::HamstringStretch), DirectHamstring);
        assert_eq!(kind(ExerciseId::GluteBridge), GeneralStrength);
        assert_eq!(kind(ExerciseId::BulgarianSplitSquat), GeneralStrength);
        assert_eq!(kind(ExerciseId::BodyweightSquat), GeneralStrength);
        assert_eq!(kind(ExerciseId::FoamRoll), SoftTissue);
    }
}
