// The self-check on a phone, walked by the people it is for: each persona
// answers by tapping, and the level shown (and the absence of the routine
// where it must be absent) is checked. Also resuming after a reload, editing
// from the review page, keyboard-only completion, and axe on every step.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useBrowser, PROFILES, reload, axeViolations, storedState } from "./support.mjs";
import { TYPICAL_ANSWERS } from "./answers.mjs";

const env = useBrowser();

const LEVEL = {
  emergency: "Call the emergency number or go to A&E now",
  urgent: "Get medical advice today",
  soon: "See a GP or physiotherapist in the next one to two weeks",
  selfCare: "Your answers match the typical pattern of high hamstring tendonitis",
};

/** The people the check is for, with the answers (by question id) that differ from a typical runner's. */
const PERSONAS = [
  { who: "a typical runner with gradual sit-bone pain", answers: {}, level: LEVEL.selfCare, routine: /Phase 1/ },
  {
    who: "a runner with months of gradual pain, then a pop with bruising",
    answers: { pop: "Yes, with bruising on the back of my thigh or trouble walking" },
    level: LEVEL.urgent,
    // Every same-day sign is still asked; the pain questions are not.
    asked: 12,
  },
  { who: "a runner with numbness in the saddle area", answers: { "saddle-numb": "Yes" }, level: LEVEL.emergency, asked: 1 },
  {
    who: "a runner with both hamstrings sore after hills",
    answers: { sides: "Both sides", progress: "It is sore after running" },
    level: LEVEL.selfCare,
    routine: /Phase 1/,
  },
  {
    who: "a runner with one-sided tingling at the sit bone",
    answers: { tingling: "Yes, down to above the knee" },
    level: LEVEL.soon,
    routine: /Phase 0/,
  },
  {
    who: "a runner who had cancer and has a swollen calf",
    answers: { cancer: "Yes", calf: "Yes" },
    level: LEVEL.urgent,
    named: ["A past or current cancer.", "A swollen, warm, red or tender calf: a possible blood clot."],
  },
  {
    who: "the guide's runner: one-sided tingling when she sits, some back pain",
    answers: { "back-pain": "Yes", tingling: "Yes, down past the knee" },
    level: LEVEL.soon,
    routine: /Phase 0/,
  },
  { who: "a runner whose pain is mostly in the lower back", answers: { where: "Mostly in my lower back", "back-pain": "Yes" }, level: LEVEL.soon, routine: /Phase 0/ },
  { who: "a runner with a fever and pain at night", answers: { fever: "Yes", "night-rest": "Yes" }, level: LEVEL.urgent },
  { who: "a runner whose pain is at the knee", answers: { where: "At or around the knee" }, level: LEVEL.soon },
  { who: "a runner who had cancer and lost weight", answers: { cancer: "Yes", weight: "Yes" }, level: LEVEL.urgent },
  { who: "a runner not sure about a change in peeing", answers: { bladder: "Not sure" }, level: LEVEL.urgent, asked: 12 },
];

/** The id of the question on screen (its options are named after it). */
const questionId = (page) => page.locator('.choices input[type="radio"]').first().getAttribute("name");

/** Answers the current question by tapping; checks focus and position. */
async function answerCurrent(page, answers, { scan = false } = {}) {
  const heading = page.locator("#question-title");
  await heading.waitFor();
  const prompt = await heading.innerText();
  const id = await questionId(page);
  const pick = answers[id] ?? TYPICAL_ANSWERS[id];
  assert.ok(pick, `no answer prepared for ${id}: ${prompt}`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "question-title", "focus moves to the question");
  assert.match(await page.locator(".step-count").innerText(), /^(Warning signs|About your pain) · Question \d+ of \d+$/);
  await page.getByLabel(pick, { exact: true }).tap();
  if (scan) assert.deepEqual(await axeViolations(page), [], `axe on: ${prompt}`);
  await page.getByRole("button", { name: "Continue" }).tap();
  await page.waitForFunction((previous) => document.querySelector("#question-title")?.innerText !== previous, prompt);
  return prompt;
}

/** Answers every question; ends on the review, or on the result after an emergency answer. */
async function answerAll(page, answers = {}, options) {
  const asked = [];
  while (await page.locator("#question-title").count()) asked.push(await answerCurrent(page, answers, options));
  await page.locator("#review-title, #result-title").waitFor();
  return asked;
}

const reviewShown = (page) => page.locator("#review-title").count();

/** The result's level card: its heading. */
async function levelShown(page) {
  await page.getByRole("heading", { name: /^Your result/ }).waitFor();
  return page.locator(".level h3").innerText();
}

/** A phone at the self-check, started. */
async function start() {
  const { page } = await env.openApp({ path: "/check" });
  await page.getByRole("button", { name: "Start the self-check" }).tap();
  return page;
}

for (const persona of PERSONAS) {
  test(`persona: ${persona.who} is shown "${persona.level}"`, async () => {
    const page = await start();
    const asked = await answerAll(page, persona.answers);
    if (persona.asked) assert.equal(asked.length, persona.asked, "the check stops once the result is clear");
    if (persona.level === LEVEL.emergency) {
      assert.equal(await reviewShown(page), 0, "no review screen before an emergency result");
    } else {
      await page.getByRole("button", { name: "See my result" }).tap();
    }
    assert.equal(await levelShown(page), persona.level);
    const main = await page.locator("main").innerText();
    const routineOffer = page.getByRole("button", { name: /Start the routine/ });
    if (persona.level === LEVEL.emergency || persona.level === LEVEL.urgent) {
      assert.equal(await routineOffer.count(), 0, "no routine before a doctor");
      assert.doesNotMatch(main, /typical pattern|fit high hamstring/i, "no reassurance under an urgent result");
      assert.equal(await page.locator(".level").count(), 1, "one message per result");
    } else if (persona.routine) {
      assert.match(await routineOffer.innerText(), persona.routine);
    } else {
      assert.equal(await routineOffer.count(), 0);
    }
    for (const reason of persona.named ?? []) assert.ok(main.includes(reason), `the result names: ${reason}`);
    if (persona.level === LEVEL.emergency) {
      await page.getByRole("link", { name: "Call 999 (UK)" }).waitFor();
      assert.match(main, /112/);
      // The answers can be reviewed from the result; finishing unchanged shows the same result.
      await page.getByRole("button", { name: "Review my answers" }).tap();
      await page.getByRole("heading", { name: "Check your answers" }).waitFor();
      await page.getByRole("button", { name: "See my result" }).tap();
      assert.equal(await levelShown(page), persona.level);
      assert.equal(Object.keys((await storedState(page)).check_results).length, 1, "no copy saved");
    }
    assert.match(main, /not a diagnosis/i);
  });
}

test("a typical runner: axe on every step, and the routine starts at phase 1", async () => {
  const page = await start();
  await answerAll(page, {}, { scan: true });
  assert.deepEqual(await axeViolations(page), [], "axe on the review page");
  await page.getByRole("button", { name: "See my result" }).tap();
  assert.equal(await levelShown(page), LEVEL.selfCare);
  await page.getByText("Only an examination can confirm it.").waitFor();
  assert.deepEqual(await axeViolations(page), [], "axe on the result");
  // The browser's Back from the result shows that result, not an empty check.
  await page.goBack();
  await page.waitForURL(/step=review/);
  assert.equal(await levelShown(page), LEVEL.selfCare);
  await page.getByRole("button", { name: /Start the routine: Phase 1/ }).tap();
  await page.waitForURL(env.server.url + "/routine");
  await page.getByRole("heading", { name: "Phase 1 · General leg strength" }).waitFor();
});

test("after an urgent result the routine asks 'Have you been seen?' before offering a phase", async () => {
  const page = await start();
  await answerAll(page, { calf: "Yes" });
  await page.getByRole("button", { name: "See my result" }).tap();
  assert.equal(await levelShown(page), LEVEL.urgent);
  assert.deepEqual(await axeViolations(page), [], "axe on an urgent result");
  await page.locator("nav.tabs").getByRole("link", { name: "Routine" }).tap();
  await page.getByText("Have you been seen by a doctor or physiotherapist since?").waitFor();
  assert.equal(await page.getByRole("button", { name: /Phase 1/ }).count(), 0, "no phase offered yet");
  assert.deepEqual(await axeViolations(page), [], "axe on the reminder");
  await page.getByRole("button", { name: "Not yet" }).tap();
  await page.getByText(/call NHS 111/).waitFor();
  await reload(page);
  await page.getByRole("button", { name: "Yes, I have been seen" }).tap();
  await page.getByRole("button", { name: /Phase 1/ }).waitFor();
  await reload(page);
  await page.getByRole("heading", { name: "Where are you starting?" }).waitFor();
});

test("a reload in the middle resumes at the same question with the answers kept", async () => {
  const page = await start();
  for (let i = 0; i < 3; i++) await answerCurrent(page, {});
  const before = await page.locator("#question-title").innerText();
  await reload(page);
  assert.equal(await page.locator("#question-title").innerText(), before);
  assert.match(await page.locator(".step-count").innerText(), /Question 4 of/);
  await page.getByRole("button", { name: "Back" }).tap();
  assert.equal(await questionId(page), "both-legs-nerve");
  assert.equal(await page.getByLabel("No", { exact: true }).isChecked(), true);
});

test("changing an answer from the review page changes the level, and the summary lists every warning sign", async () => {
  const page = await start();
  await answerAll(page);
  await page.locator('a[href*="step=cancer&"]').getByText("Change").tap();
  await page.getByLabel("Not sure", { exact: true }).tap();
  await page.getByRole("button", { name: "Continue" }).tap();
  await page.getByRole("heading", { name: "Check your answers" }).waitFor();
  await page.getByRole("button", { name: "See my result" }).tap();
  assert.equal(await levelShown(page), LEVEL.urgent);
  await page.getByText("You were not sure about a past or current cancer.").waitFor();
  const results = Object.values((await storedState(page)).check_results);
  assert.equal(results.length, 1);
  assert.equal(results[0].value.verdict.triage.level, "urgent");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download summary for a clinician" }).tap();
  const summary = await readFile(await (await downloading).path(), "utf8");
  assert.match(summary, /Result: Get medical advice today/);
  assert.match(summary, /Have you ever had cancer, or are you being treated for cancer now\? Not sure/);
  assert.match(summary, /Is there new numbness or tingling between your legs.*\? No/);
});

test("migration from data version 1: a result saved by the first version of the check keeps its words and asks to retake it", async () => {
  const fixture = await readFile(new URL("../fixtures/state-v1.json", import.meta.url), "utf8");
  const { page } = await env.openApp({ stored: fixture, path: "/check" });
  await page.getByText(": Your answers fit high hamstring tendonitis").waitFor();
  await page.getByRole("link", { name: /9 November 2026/ }).tap();
  await page.getByRole("heading", { name: "Your answers fit high hamstring tendonitis" }).waitFor();
  await page.getByText(/saved by an earlier version of the self-check/).waitFor();
  await page.getByRole("link", { name: "Take the self-check again" }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
});

test("keyboard only: the self-check can be completed without a pointer", async () => {
  const { page } = await env.openApp({ profile: "desktop", path: "/check" });
  await page.getByRole("button", { name: "Start the self-check" }).focus();
  await page.keyboard.press("Enter");
  while (await page.locator("#question-title").count()) {
    const prompt = await page.locator("#question-title").innerText();
    // From the focused heading, Tab reaches the first option; Space picks it.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter"); // submits the form: Continue
    await page.waitForFunction((previous) => document.querySelector("#question-title")?.innerText !== previous, prompt);
  }
  // The first option of the first warning sign is "Yes": an emergency, said at once.
  assert.equal(await levelShown(page), LEVEL.emergency);
  assert.equal(await reviewShown(page), 0);
});

test("the weekly score says it is saved only once all three ratings are in", async () => {
  const { page } = await env.openApp({ path: "/check#score" });
  const status = page.locator("#score p[aria-live]");
  await page.locator('label[for="score-sitting-4"]').tap();
  await page.locator("#score").getByText("1 of 3 rated: the score is saved once all three are.").waitFor();
  await page.locator('label[for="score-activity-3"]').tap();
  await page.locator("#score").getByText("2 of 3 rated").waitFor();
  await page.locator('label[for="score-morning-2"]').tap();
  await page.locator("#score").getByText(/^Saved for /).waitFor();
  assert.match(await status.innerText(), /^Saved for /);
});

test("the self-check's first screen is drawn whole at build time, and a returning person's draft shows once the app runs", async () => {
  // Without scripts, as the first paint shows it: the start button and the
  // weekly score are there (they were the late, largest paint).
  const still = await env.newContext({ ...PROFILES.phone, javaScriptEnabled: false });
  const bare = await still.newPage();
  await bare.goto(env.server.url + "/check");
  await bare.getByRole("button", { name: "Start the self-check" }).waitFor();
  await bare.getByRole("heading", { name: "Weekly symptom score" }).waitFor();
  // With a draft saved, the same button becomes "Start again" beside "Continue".
  const draft = { check_draft: { at: 1, value: { where: ["sit-bone"] } } };
  const { page } = await env.openApp({ state: draft, path: "/check" });
  await page.getByRole("link", { name: "Continue where you left off" }).waitFor();
  await page.getByRole("button", { name: "Start again" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Start the self-check" }).count(), 0);
});
