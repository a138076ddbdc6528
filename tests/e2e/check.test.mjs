// The self-check on a phone: three personas answered by tapping, resuming
// after a reload, editing from the review page, and axe on every step.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, PROFILES, openPage, appReady, axeViolations, storedState } from "./support.mjs";

const env = useBrowser();

const TYPICAL = {
  "Where is the pain?": ["Deep in the buttock, at the sit bone"],
  "How did it start?": ["Gradually, building up over time as I kept running"],
  "How has the pain changed since it began?": ["It now hurts when I sit as well"],
  "Does sitting press on the sore spot and make it hurt?": ["Yes"],
  "About how many hours a day do you spend sitting?": ["6 to 8 hours"],
  "Do you have lower-back pain, now or in the past?": ["No"],
  "Do you feel tingling, numbness or pain running down the back of your leg?": ["No"],
  "Which runs does it stop you from doing?": ["Long runs or speedwork"],
  "Has your stride changed, so you seem to ride over the leg instead of pushing off with it?": ["No"],
  "Do any of these apply to you now?": ["None of these"],
};

const NERVE = {
  ...TYPICAL,
  "Do you have lower-back pain, now or in the past?": ["Yes"],
  "Do you feel tingling, numbness or pain running down the back of your leg?": ["Yes, down past the knee"],
};

const RED_FLAG = {
  ...TYPICAL,
  "Do any of these apply to you now?": ["Fever, or feeling unwell along with the pain", "Numbness or weakness in the leg"],
};

/** Answers the current question by tapping; checks focus and position. */
async function answerCurrent(page, answers, { scan = false } = {}) {
  const heading = page.locator("#question-title");
  await heading.waitFor();
  const prompt = await heading.innerText();
  const picks = answers[prompt];
  assert.ok(picks, `no answer prepared for: ${prompt}`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "question-title", "focus moves to the question");
  assert.match(await page.locator(".step-count").innerText(), /^Question \d+ of \d+$/);
  for (const label of picks) await page.getByLabel(label, { exact: true }).tap();
  if (scan) assert.deepEqual(await axeViolations(page), [], `axe on: ${prompt}`);
  await page.getByRole("button", { name: "Continue" }).tap();
  await page.waitForFunction((previous) => document.querySelector("#question-title")?.innerText !== previous, prompt);
  return prompt;
}

async function answerAll(page, answers, options) {
  while (await page.locator("#question-title").count()) await answerCurrent(page, answers, options);
  await page.getByRole("heading", { name: "Check your answers" }).waitFor();
}

async function outcomes(page) {
  await page.getByRole("heading", { name: /^Your result/ }).waitFor();
  return page.locator(".finding h3").allInnerTexts();
}

async function start(context) {
  const page = await openPage(context);
  await page.goto(env.server.url + "/check");
  await appReady(page);
  await page.getByRole("button", { name: "Start the self-check" }).tap();
  return page;
}

test("a typical runner is pointed to the routine at phase 1 (axe on every step)", async () => {
  const context = await env.browser.newContext(PROFILES.phone);
  const page = await start(context);
  await answerAll(page, TYPICAL, { scan: true });
  assert.deepEqual(await axeViolations(page), [], "axe on the review page");
  await page.getByRole("button", { name: "See my result" }).tap();
  assert.deepEqual(await outcomes(page), ["Your answers fit high hamstring tendonitis"]);
  await page.getByText("This is not a diagnosis").waitFor();
  assert.deepEqual(await axeViolations(page), [], "axe on the result");
  await page.getByRole("button", { name: /Start the routine: Phase 1/ }).tap();
  await page.waitForURL(env.server.url + "/routine");
  await page.getByRole("heading", { name: "Phase 1 · General leg strength" }).waitFor();
  await context.close();
});

test("nerve signs put 'check your lower back first' ahead of the pattern", async () => {
  const context = await env.browser.newContext(PROFILES.phone);
  const page = await start(context);
  await answerAll(page, NERVE);
  await page.getByRole("button", { name: "See my result" }).tap();
  assert.deepEqual(await outcomes(page), [
    "Have your lower back checked first",
    "Your answers fit high hamstring tendonitis",
  ]);
  await page.getByRole("button", { name: /Start the routine: Phase 0/ }).waitFor();
  await context.close();
});

test("a red flag sends the runner to a doctor first, whatever else was answered", async () => {
  const context = await env.browser.newContext(PROFILES.phone);
  const page = await start(context);
  await answerAll(page, RED_FLAG);
  await page.getByRole("button", { name: "See my result" }).tap();
  const found = await outcomes(page);
  assert.equal(found[0], "Get medical care now");
  assert.equal(await page.getByRole("button", { name: /Start the routine/ }).count(), 0, "no routine before a doctor");
  // The result is saved with its date and listed.
  await page.goto(env.server.url + "/check");
  await appReady(page);
  await page.getByRole("heading", { name: "Your past results" }).waitFor();
  await page.getByText(": Get medical care now").waitFor();
  await context.close();
});

test("a reload in the middle resumes at the same question with the answers kept", async () => {
  const context = await env.browser.newContext(PROFILES.phone);
  const page = await start(context);
  for (let i = 0; i < 3; i++) await answerCurrent(page, TYPICAL);
  const before = await page.locator("#question-title").innerText();
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator("#question-title").innerText(), before);
  assert.match(await page.locator(".step-count").innerText(), /^Question 4 of/);
  await page.getByRole("button", { name: "Back" }).tap();
  await page.getByRole("heading", { name: "How has the pain changed since it began?" }).waitFor();
  assert.equal(await page.getByLabel("It now hurts when I sit as well").isChecked(), true);
  await context.close();
});

test("changing an answer from the review page changes the outcome", async () => {
  const context = await env.browser.newContext(PROFILES.phone);
  const page = await start(context);
  await answerAll(page, TYPICAL);
  await page.getByRole("link", { name: /Change your answer to: How did it start\?/ }).tap();
  await page.getByLabel("Suddenly: during a sprint, a slip or a forced stretch").tap();
  await page.getByRole("button", { name: "Continue" }).tap();
  // The sudden start brings in its follow-up question, then returns to the review.
  await page.getByRole("heading", { name: /did you feel a pop/ }).waitFor();
  await page.getByLabel("No", { exact: true }).tap();
  await page.getByRole("button", { name: "Continue" }).tap();
  await page.getByRole("heading", { name: "Check your answers" }).waitFor();
  await page.getByRole("button", { name: "See my result" }).tap();
  assert.deepEqual(await outcomes(page), ["See a physician soon"]);
  const results = Object.values((await storedState(page)).check_results);
  assert.equal(results.length, 1);
  assert.equal(results[0].answers.onset[0], "sudden");
  await context.close();
});

test("keyboard only: the self-check can be completed without a pointer", async () => {
  const context = await env.browser.newContext(PROFILES.desktop);
  const page = await openPage(context);
  await page.goto(env.server.url + "/check");
  await appReady(page);
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
  await page.getByRole("heading", { name: "Check your answers" }).waitFor();
  await context.close();
});
