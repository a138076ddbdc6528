// How a typical runner answers the self-check: for each question, by its id
// (crates/content/src/selfcheck.rs), the label of the option they pick. The
// end-to-end and WebDriver suites walk the app's own questions with it, so
// no test keeps a copy of the questions.
export const TYPICAL_ANSWERS = {
  "saddle-numb": "No",
  bladder: "No",
  "both-legs-nerve": "No",
  "weak-leg": "No",
  pop: "No",
  accident: "No",
  fever: "No",
  "night-rest": "No",
  cancer: "No",
  weight: "No",
  immune: "No",
  calf: "No",
  where: "Deep in the buttock, at the sit bone",
  sides: "One side",
  onset: "Gradually, building up over time as I kept running",
  progress: "It now hurts when I sit as well",
  "back-pain": "No",
  tingling: "No",
  "self-care": "No, I am just starting",
};
