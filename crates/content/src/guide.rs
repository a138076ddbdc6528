//! The guide's text: what high hamstring tendonitis is, why runners get it,
//! the signs, the first steps of treatment, prevention and the exercises.
//!
//! Written in the project's own words from the facts of the article the app
//! is based on. Keep every figure exactly as it is in those facts. Text may
//! use only `**strong**` and `[link text](/internal/path#anchor)` markup.

use super::{Block, CalloutKind, Section};

/// The article title shown at the top of the guide.
pub const TITLE: &str = "High hamstring tendonitis: a runner's guide to getting back on track";

/// The short lead shown under the title.
pub const INTRO: &str = "A deep ache at your sit bone that flares up when you run is frustrating, and few runners talk about it. This guide explains what it is, why runners get it, and the steps and exercises that can help you get back to running.";

pub const SECTIONS: &[Section] = &[
    Section {
        id: "what-is-it",
        title: "What is high hamstring tendonitis?",
        blocks: &[
            Block::Paragraph("Put a group of runners together and the talk soon turns to injuries. People swap stories about orthotics and braces and what worked for them. Plantar fasciitis and sore kneecaps come up all the time."),
            Block::Paragraph("One injury hardly ever comes up. That is because the runner who has it tends to vanish. They quietly stop showing up to group runs and track sessions."),
            Block::Paragraph("Most runners know it as **high hamstring tendonitis**, the name this guide uses. It is also called **proximal hamstring tendinopathy**, or PHT for short: that is the name doctors use."),
            Block::Paragraph("Your three hamstring muscles start from one shared tendon at the bottom of your pelvis. Doctors call this starting point the common origin. In this injury, that shared tendon becomes irritated and overloaded: it has been asked to carry more than it could recover from. (Older sources call it inflamed, which is where the name tendonitis comes from; overload is the better description.) The sore spot is right where you sit, so the injury lives up to its nickname as a pain in the backside."),
            Block::Paragraph("Read on to learn [what your hamstring does](/#what-the-hamstring-does), or jump straight to [the signs to look for](/#symptoms)."),
        ],
    },
    Section {
        id: "what-the-hamstring-does",
        title: "What your hamstring does",
        blocks: &[
            Block::Paragraph("Every time you take a step, your hamstring helps drive your body forward."),
            Block::Paragraph("The hamstring is not one muscle but three separate muscles. All three start at the same spot at the bottom of your pelvis. This bump of bone is called the **ischial tuberosity**, but most people know it as the **sit bone**. From there, the muscles run down the back of your thigh, cross behind your knee, and attach at different points below it."),
            Block::Subheading("The engine of your stride"),
            Block::Paragraph("Picture your body as a car. Your quadriceps are the **springs**, and your hamstrings are the **engine**. Like any engine, the more miles you put on it, the more likely it is to break down."),
            Block::Paragraph("This injury is serious, and it is common in runners. Even so, the orthopaedic literature (the medical research on bones, joints and muscles) has mostly ignored it. Far more has been written about sudden hamstring injuries, such as tears."),
            Block::Subheading("Why the hamstring is prone to trouble"),
            Block::Paragraph("Dr. Michael Fredericson wrote one of the few research papers on this problem in runners. He points out that the way the hamstring is built, and the work it does, set it up for injury:"),
            Block::Bullets(&[
                "It is made mostly of **fast-twitch** fibres. Each time these fibres contract, they pull hard on the shared tendon.",
                "When you run, your leg reaches out in front of you, and that stretches the hamstring. The muscle then has to contract while it is already stretched, so every contraction starts under a lot of tension.",
            ]),
            Block::Subheading("Three jobs in every stride"),
            Block::Numbered(&[
                "It slows down your swinging leg as it comes down to the ground.",
                "It straightens (extends) your hip and pushes your body forward.",
                "It helps your calf muscle move your knee.",
            ]),
            Block::Citation("Fredericson M. et al. \"High hamstring tendinopathy in runners: meeting the challenges of diagnosis, treatment, and rehabilitation.\" The Physician and Sportsmedicine, 2005."),
        ],
    },
    Section {
        id: "why-runners",
        title: "Why runners get it",
        blocks: &[
            Block::Paragraph("This guide is based on an article by a sports physiotherapist (a physical therapist, as the job is called in the US). Over 12 years of sports physiotherapy, the author has treated thousands of patients. In all that time, high hamstring tendonitis has turned up almost only in runners."),
            Block::Paragraph("That makes it different from other injuries named after a sport. **Tennis elbow** shows up in mechanics about as often as in tennis players. **Jumper's knee** is not limited to basketball and volleyball players. High hamstring trouble, on the other hand, really is a runner's injury."),
            Block::Subheading("The nerve connection"),
            Block::Paragraph("For many runners, an irritated **sciatic nerve** sets the stage. Some runners know about it. Others have no idea. The irritation can come from:"),
            Block::Bullets(&[
                "a problem in the lower back",
                "over-stretching the nerves in the leg",
                "swelling around the tendon",
            ]),
            Block::Paragraph("Dr. Fredericson also saw nerve and lower-back irritation go hand in hand with hamstring problems in an elite runner."),
            Block::Paragraph("Often, there are quieter warning signs before the tendon starts to hurt. You might notice mild discomfort in your lower back. You might feel **tingling**, **numbness** or pain that runs down the back of your leg. This nerve irritation can weaken the hamstring. That leaves both the muscle and the tendon open to injury."),
        ],
    },
    Section {
        id: "case-study",
        title: "A runner's story",
        blocks: &[
            Block::Paragraph("Here is a case study that shows how these pieces can come together in one runner."),
            Block::Callout {
                kind: CalloutKind::Story,
                title: "Case study: a marathon on hold",
                text: &[
                    "A **45-year-old** runner and triathlete wants to train for the **New York City Marathon**. She can't, because of pain in her buttock and around her sit bone.",
                    "She works at a computer, and on many days she sits for **six to eight hours**.",
                    "Some days her lower back aches too, and a sharp pins-and-needles feeling shoots down the back of her thigh.",
                    "She can still run if she goes very slowly. But the pain at her sit bone keeps her from finishing her long runs, and she can't do any speedwork at all.",
                ],
            },
            Block::Paragraph("Notice what her story shares with the rest of this guide: long hours of sitting, a sore lower back, tingling down the leg, and pain right at the sit bone. Keep her in mind as you read [the signs](/#symptoms) and [what to do first](/#treatment)."),
        ],
    },
    Section {
        id: "symptoms",
        title: "Is this what I have?",
        blocks: &[
            Block::Paragraph("High hamstring tendonitis tends to follow a pattern. Here are the signs to watch for."),
            Block::Bullets(&[
                "**A deep pain at the sit bone** (the ischial tuberosity).",
                "**Pain that grows in stages.** At first you are just sore after running. Later it hurts while you run. Often it gets sore from the pressure of sitting, too.",
                "**No single moment when it started.** There is usually no one slip or pull. Instead, the pain builds little by little as you keep running.",
                "**A history of lower-back pain.** Many runners with this injury have had back trouble. When they have, the pain often spreads down the leg **past the knee**. That points to a nerve that is inflamed because of a problem in the lower back.",
                "**A change in how you run.** If you have had the injury for a long time, your stride can change. Instead of using your hamstrings to push you forward, your body just rides over the leg.",
            ]),
            Block::Paragraph("Does this sound familiar? [Take the self-check](/check) to see how your symptoms line up."),
            Block::Callout {
                kind: CalloutKind::Caution,
                title: "This guide informs. It does not diagnose.",
                text: &[
                    "Only a doctor or physiotherapist can tell you what is really causing your pain. Use this guide to understand the problem, not to replace an examination.",
                    "Some signs need a doctor rather than self-care, sometimes the same day. They are listed in [when to get help](/#get-help).",
                ],
            },
        ],
    },
    Section {
        id: "get-help",
        title: "When to get help",
        blocks: &[
            Block::Paragraph("A few signs need a doctor, and some of them cannot wait. The [self-check](/check) asks about each one first."),
            Block::Callout {
                kind: CalloutKind::Caution,
                title: "Call 999 (112 in the EU, 911 in the US) or go to A&E (accident and emergency, the hospital's emergency department) now if, for the first time:",
                text: &[
                    "you have new numbness or tingling between your legs: around or under your genitals, around your back passage (anus) or on your inner thighs (pain or tingling at a sit bone is this injury's own sign and does not count);",
                    "you have trouble starting to pee, cannot pee, cannot control peeing, or do not notice you need to poo or cannot control it;",
                    "you have sciatica (pain, tingling or numbness down the leg) on both sides, or weakness or numbness in both legs that is severe or getting worse (sore hamstrings in both legs after training do not count).",
                    "These can mean the nerves at the bottom of the spine are being squeezed (possible cauda equina syndrome).",
                ],
            },
            Block::Subheading("Get medical advice the same day"),
            Block::Paragraph("Call NHS 111 in the UK (the NHS's phone line for urgent advice), get an urgent appointment with a GP (a general practitioner, or family doctor), or go to urgent care if you have back or buttock pain and:"),
            Block::Bullets(&[
                "a high temperature, or you feel hot and shivery or unwell",
                "weight loss you cannot explain",
                "pain that wakes you at night, or is constant and not eased by rest, even lying down (pain when sitting is typical of this injury and does not count)",
                "it began after a serious accident or fall",
                "you have had cancer, or have it now",
                "a weakened immune system, for example from long-term steroids or chemotherapy",
                "weakness in one leg that is new or getting worse, such as a foot that catches or makes you trip",
                "a sudden **pop** or sharp pain, for example while sprinting, slipping or being forced into a stretch, with bruising on the back of the thigh or trouble walking: a possible tear of the tendon, and repair works best when it is done early",
                "a calf that is swollen, warm, red or tender: a possible blood clot",
            ]),
            Block::Subheading("See a GP or physiotherapist within one to two weeks"),
            Block::Bullets(&[
                "if your lower back seems involved: back pain, or tingling, numbness or pain down one leg that comes and goes while your strength is normal",
                "if the pain is not at the sit bone",
                "if it is not improving after a few weeks of sensible self-care",
            ]),
            Block::Paragraph("Tingling down one leg that comes and goes, with normal strength, is the common nerve irritation described in [why runners get it](/#why-runners). It is not an emergency. Numbness becomes urgent when it comes with new or worsening weakness, and an emergency in the saddle area or both legs."),
            Block::Subheading("Look after it yourself"),
            Block::Paragraph("A deep ache at the sit bone that built up gradually with running, with none of the signs above, fits the usual pattern. Start the programme, and have a physiotherapist confirm it if it is not improving or a warning sign appears."),
        ],
    },
    Section {
        id: "treatment",
        title: "What to do first",
        blocks: &[
            Block::Paragraph("Treatment works best in a certain order. Here are the steps."),
            Block::Subheading("Phase 0 · Lower back first: if your back or a nerve is involved, have it checked"),
            Block::Paragraph("The lower back is often part of the problem. If you have lower-back pain, or tingling, numbness or pain running down the leg, start there: see an **orthopaedic surgeon** or a **spine specialist** (a GP or physiotherapist can refer you) to find and treat any back trouble first. Without any back or nerve signs, you can go straight to phase 1."),
            Block::Subheading("Then treat the hamstring"),
            Block::Paragraph("Once your back has been ruled out or treated, you can turn to the high hamstring itself. There are three areas to work on:"),
            Block::Bullets(&[
                "**Strength** in your hamstring, hip and leg",
                "**Flexibility**",
                "**Soft-tissue work** (mobilisation) on the tendon and the hamstring",
            ]),
            Block::Subheading("Take a break from running"),
            Block::Paragraph("Running makes this injury worse, and it will likely keep the healing from even getting started. For now, **cross-train** instead: choose another kind of cardio exercise to keep your fitness up."),
            Block::Subheading("Be kind to your lower back"),
            Block::Paragraph("A few changes to how you sit can ease the load on your back:"),
            Block::Bullets(&[
                "**Don't sit slumped** in your chair.",
                "**Take standing breaks.** Don't stay seated for longer than **15–20 minutes** without getting up for a short break.",
                "**Pause your hamstring stretches** for a while. This gives the sciatic nerve a chance to calm down.",
            ]),
            Block::Callout {
                kind: CalloutKind::Tip,
                title: "Desk job?",
                text: &[
                    "If you sit at a computer all day, like the runner in [our story](/#case-study), set a timer on your phone to remind you to stand up every 15–20 minutes.",
                ],
            },
            Block::Subheading("What to avoid for now"),
            Block::Paragraph("Early on, the tendon dislikes being squeezed against the sit bone under load. Until it settles, leave out:"),
            Block::Bullets(&[
                "**long spells of sitting** without a standing break",
                "**hamstring stretching**",
                "**deep squats or lunges under load**: go only as deep as is comfortable",
                "**pressure right on the sit bone**, such as rolling on it with a foam roller",
                "**running through pain**: cross-train instead",
            ]),
            Block::Subheading("Build back up in phases 1 to 3"),
            Block::Numbered(&[
                "**Phase 1 · General leg strength.** Start an exercise programme that focuses on strengthening the whole leg and leaves out direct hamstring exercises.",
                "**Phase 2 · Hamstring work.** Give the hamstring a period to recover its normal function (**up to six weeks**), then move on to more specific hamstring exercises.",
                "**Phase 3 · Light running.** Once the hamstring strength in your two legs is nearly equal, you can start a light running programme. The routine checks this with two strength checks at least a week apart.",
            ]),
            Block::Paragraph("Move on only while the pain stays in check: up to 3 out of 10 during or after exercise is safe, up to 5 is acceptable, and it should settle by the next morning. Change one thing at a time: first how much you do, then how heavy, then how fast."),
            Block::Subheading("How long it takes"),
            Block::Paragraph("Be patient: rehab for this injury commonly takes **three to six months** from start to finish. Returning to running is decided by how the tendon feels, not by the calendar: no pain at rest, and strength about equal in both legs."),
            Block::Paragraph("[The exercises](/#exercises) below show which moves belong to each phase. When you are ready, follow them in [your routine](/routine)."),
        ],
    },
    Section {
        id: "prevention",
        title: "Staying clear of it",
        blocks: &[
            Block::Paragraph("Preventing high hamstring tendonitis looks a lot like the later phases of rehab."),
            Block::Paragraph("Even with healthy hamstrings, you gain a lot from keeping your hamstring and leg strength up, or building it further. You don't have to wait, either. You can include direct hamstring work right from the start and use every phase of the [exercise programme](/#exercises)."),
            Block::Paragraph("It also helps to avoid putting excessive stress on your lower back."),
            Block::Subheading("If you're already hurting"),
            Block::Paragraph("Getting back to running after a long injury can take a long time. But it does work if you stick with a patient and thorough plan to rebuild your strength and fitness."),
            Block::Paragraph("The best way to cut your time away from running is to act **early**. If you notice [the signs](/#symptoms), start dealing with them sooner rather than later."),
        ],
    },
    Section {
        id: "exercises",
        title: "The exercises",
        blocks: &[
            Block::Callout {
                kind: CalloutKind::Caution,
                title: "Not a substitute for professional care",
                text: &[
                    "These exercises do not replace an examination by a doctor, or a programme guided by a physiotherapist. If you can, have a professional look over your plan.",
                ],
            },
            Block::Paragraph("Do the exercises **three to four days a week**, with at least one **rest day** in between."),
            Block::Subheading("Which moves do what"),
            Block::Bullets(&[
                "**General leg strengthening:** the [glute bridge](/routine#ex-glute-bridge), the [Bulgarian split squat](/routine#ex-bulgarian-split-squat) and the [bodyweight squat](/routine#ex-bodyweight-squat). This is where the programme starts.",
                "**Direct hamstring work:** the [ball leg curl](/routine#ex-ball-leg-curl), the [Romanian deadlift](/routine#ex-romanian-deadlift) and the [hamstring stretch](/routine#ex-hamstring-stretch). These come later. Leave out the stretch early on, while the sciatic nerve settles.",
                "**Soft-tissue work:** [hamstring massage with a foam roller](/routine#ex-foam-roll).",
            ]),
            Block::Paragraph("Each card below shows how to do one move and how much of it to do, such as the reps and sets, and the rest where there is one. Each card links to its full version in your routine."),
            Block::ExerciseList,
            Block::Paragraph("When you are ready to begin, [open your routine](/routine)."),
        ],
    },
    Section {
        id: "further-reading",
        title: "Further reading",
        blocks: &[
            Block::Paragraph("This guide is based on a sports physiotherapist's article for runners and the research paper it cites. The app's safety advice also draws on the other studies below."),
            Block::Citation("Fredericson M. et al. \"High hamstring tendinopathy in runners: meeting the challenges of diagnosis, treatment, and rehabilitation.\" The Physician and Sportsmedicine, 2005."),
            Block::Citation("Silbernagel K.G. et al. \"Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy: a randomized controlled study.\" The American Journal of Sports Medicine, 2007."),
            Block::Citation("Goom T.S., Malliaras P., Reiman M.P., Purdam C.R. \"Proximal hamstring tendinopathy: clinical aspects of assessment and management.\" Journal of Orthopaedic & Sports Physical Therapy (JOSPT), 2016."),
        ],
    },
];

#[cfg(test)]
mod tests;
