// The routine on a phone: ticking, undo, reload, the rest between sets,
// rest-day advice, backfilling from the calendar, and the strength check.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useBrowser, reload, settled, calendarDay, setStored, axeViolations, programme, dayLog, isoDay, storedState,
} from "./support.mjs";

const env = useBrowser();

const PHASE_1_REQUIRED = [
  "Glute bridge: Set 1",
  "Bulgarian split squat: Set 1 left",
  "Bulgarian split squat: Set 1 right",
  "Bodyweight squat: Set 1",
  "Bodyweight squat: Set 2",
  "Bodyweight squat: Set 3",
  "Hamstring massage with a foam roller: Set 1",
];

test("choosing phase 1, ticking every set by tapping, and a reload keeps them", async () => {
  const { context, page } = await env.openApp({ path: "/routine" });
  await page.getByRole("button", { name: /Phase 1 · General leg strength/ }).tap();
  await page.getByRole("heading", { name: /Today's session/ }).waitFor();
  assert.equal(await page.getByRole("checkbox", { name: /Romanian deadlift/ }).count(), 0, "no direct hamstring work in phase 1");

  for (const name of PHASE_1_REQUIRED) {
    const box = page.getByRole("checkbox", { name, exact: true });
    await box.tap();
    assert.equal(await box.isChecked(), true, name);
  }
  await page.getByText("7 of 7 sets done").waitFor();
  await page.getByRole("heading", { name: "Session done: how was the pain?" }).waitFor();

  await reload(page);
  for (const name of PHASE_1_REQUIRED) {
    assert.equal(await page.getByRole("checkbox", { name, exact: true }).isChecked(), true, `${name} after reload`);
  }
  assert.equal(await page.getByRole("checkbox", { name: "Bodyweight squat: Set 4 (optional)" }).isChecked(), false);

  // Undo: a second tap clears the tick, and that is saved too.
  const bridge = page.getByRole("checkbox", { name: "Glute bridge: Set 1", exact: true });
  await bridge.tap();
  assert.equal(await bridge.isChecked(), false);
  await page.getByText("6 of 7 sets done").waitFor();
  await reload(page);
  assert.equal(await page.getByRole("checkbox", { name: "Glute bridge: Set 1", exact: true }).isChecked(), false);
});

test("a split-squat set starts the 15-second rest after both sides, in a bar that stays in view, and it can be skipped", async () => {
  const { context, page } = await env.openApp({ state: { programme: programme("foundation") }, path: "/routine" });
  await page.getByRole("checkbox", { name: "Bulgarian split squat: Set 1 left" }).tap();
  const timer = page.getByRole("timer");
  await setStored(page, isoDay(0), "bulgarian-split-squat:1:L");
  await settled(page);
  assert.equal(await timer.count(), 0, "not after the first side");
  await page.getByRole("checkbox", { name: "Bulgarian split squat: Set 1 right" }).tap();
  await timer.waitFor();
  assert.equal(await page.locator(".today-flow > .rest-bar[role=timer]").count(), 1, "one bar for the session, not in a card");
  assert.match(await timer.innerText(), /Rest: 1[0-5] s/);
  assert.match(await page.locator("#ex-bulgarian-split-squat .rest-row").innerText(), /Rest 15 s after each set, as the source asks/);
  // It counts down without rebuilding itself, so focus on "Skip rest" survives.
  const skip = await page.getByRole("button", { name: "Skip rest" }).elementHandle();
  const before = await timer.innerText();
  await page.waitForFunction((text) => document.querySelector('[role="timer"]').innerText !== text, before);
  assert.equal(await skip.evaluate((button) => button.isConnected), true);
  await page.getByText("Rest for 15 seconds.").waitFor({ state: "attached" });
  await page.getByRole("button", { name: "Skip rest" }).tap();
  await timer.waitFor({ state: "detached" });
  // Unticking the side that started a rest takes the rest back.
  const right = page.getByRole("checkbox", { name: "Bulgarian split squat: Set 1 right" });
  await right.tap();
  await right.tap();
  await timer.waitFor();
  await right.tap();
  await timer.waitFor({ state: "detached", timeout: 2000 });
  // A one-set move does not ask for rest.
  await page.getByRole("checkbox", { name: "Glute bridge: Set 1" }).tap();
  await setStored(page, isoDay(0), "glute-bridge:1");
  await settled(page);
  assert.equal(await timer.count(), 0);
});

test("after yesterday's session the app advises rest, and warns when training back to back", async () => {
  const yesterday = isoDay(-1);
  const { context, page } = await env.openApp({ state: {
    programme: programme("foundation", isoDay(-10)),
    days: { [yesterday]: dayLog("glute-bridge:1") },
  }, path: "/routine" });
  await page.getByText("Rest day: you trained yesterday").waitFor();
  assert.equal(await page.getByText(/back to back/).count(), 0);
  await page.getByRole("button", { name: "Train anyway" }).tap();
  await page.getByRole("checkbox", { name: "Glute bridge: Set 1" }).tap();
  await page.getByText(/this is back to back with another session/).waitFor();
  // A warning, not a ban: the tick stays.
  assert.equal(await page.getByRole("checkbox", { name: "Glute bridge: Set 1" }).isChecked(), true);
  // The next morning check asks about yesterday.
  await page.getByRole("heading", { name: "How does it feel this morning?" }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
});

test("a session backfilled for last week shows in the calendar", async () => {
  const { context, page } = await env.openApp({ state: { programme: programme("foundation", isoDay(-30)) }, path: "/progress" });
  const day = isoDay(-7);
  const cell = await calendarDay(page, day);
  const label = await cell.getAttribute("aria-label");
  await cell.tap();
  await page.getByRole("checkbox", { name: "Glute bridge: Set 1" }).tap();
  await page.getByRole("button", { name: `${label}: session logged`, exact: true }).waitFor();
  // Filling in a past day starts no rest timer.
  await page.getByRole("checkbox", { name: "Bulgarian split squat: Set 1 left" }).tap();
  await page.getByRole("checkbox", { name: "Bulgarian split squat: Set 1 right" }).tap();
  await setStored(page, day, "bulgarian-split-squat:1:R");
  await settled(page);
  assert.equal(await page.getByRole("timer").count(), 0, "no rest timer for a past day");
  const state = await storedState(page);
  assert.equal(state.days[day].sets["glute-bridge:1"].value, true);
  assert.deepEqual(await axeViolations(page), []);
});

test("two passing strength checks a week apart unlock phase 3, which the user confirms", async () => {
  // A passing check ten days ago; the second one decides.
  const { context, page } = await env.openApp({ state: {
    programme: programme("hamstring", isoDay(-50)),
    strength_checks: { [isoDay(-10)]: { at: 1, value: { left: 19, right: 20, pain_at_rest: false } } },
  }, path: "/progress#strength" });
  await page.getByLabel("Left leg repetitions").fill("17");
  await page.getByLabel("Right leg repetitions").fill("20");
  await page.getByRole("button", { name: "Save strength check" }).tap();
  await page.getByText(/Latest: 85%/).waitFor();

  await env.visit(page, "/routine");
  assert.equal(await page.getByRole("button", { name: "Move to phase 3" }).count(), 0, "85% is not enough");

  await env.visit(page, "/progress#strength");
  await page.getByLabel("Left leg repetitions").fill("18");
  await page.getByLabel("Right leg repetitions").fill("20");
  await page.getByRole("button", { name: "Save strength check" }).tap();
  await page.getByText(/Latest: 90%.*Two passing checks at least a week apart: phase 3, light running, can start/).waitFor();

  await env.visit(page, "/routine");
  await page.getByRole("button", { name: "Move to phase 3" }).tap();
  await page.getByRole("heading", { name: "Phase 3 · Light running" }).waitFor();
  assert.equal((await storedState(page)).programme.value.phase, "return-to-run");
});

test("the standing-break reminder counts down and then alerts in the page", async () => {
  const { context, page } = await env.openApp({ state: { programme: programme("foundation") } });
  await page.clock.install();
  await env.visit(page, "/routine");
  await page.getByRole("button", { name: "Start break reminders" }).tap();
  await page.getByText(/Next standing break in/).waitFor();
  assert.match(await page.locator(".countdown").innerText(), /^(20:00|19:5\d)$/);
  await page.clock.fastForward("20:01");
  await page.getByRole("alert").filter({ hasText: "Time for a standing break." }).waitFor();
  await page.getByRole("button", { name: "Done: next reminder" }).tap();
  await page.getByText(/Next standing break in/).waitFor();
  await page.getByRole("button", { name: "Stop reminders" }).tap();
  await page.getByRole("button", { name: "Start break reminders" }).waitFor();
});

test("reps that cannot be right are refused with a message, and the reps saved before stay", async () => {
  const today = { sets: { "glute-bridge:1": { at: 1, value: true } }, reps: { "glute-bridge:1": { at: 1, value: 10 } } };
  const { page } = await env.openApp({ state: { programme: programme("foundation"), days: { [isoDay(0)]: today } }, path: "/routine" });
  await page.locator("#ex-glute-bridge summary", { hasText: "Log reps" }).tap();
  const field = page.getByLabel("Glute bridge: Set 1 reps done");
  assert.equal(await field.inputValue(), "10");
  for (const typed of ["5000", "7.5"]) {
    await field.fill(typed);
    await field.press("Tab");
    await page.locator("#ex-glute-bridge").getByText("Not saved. Enter a whole number from 0 to 99.").waitFor();
    assert.equal(await field.getAttribute("aria-invalid"), "true");
    assert.equal((await storedState(page)).days[isoDay(0)].reps["glute-bridge:1"].value, 10);
  }
  await field.fill("12");
  await field.press("Tab");
  await page.waitForFunction(() => !document.querySelector("#ex-glute-bridge .error")?.textContent);
  assert.equal((await storedState(page)).days[isoDay(0)].reps["glute-bridge:1"].value, 12);
  assert.equal(await field.getAttribute("aria-invalid"), null);
  assert.deepEqual(await axeViolations(page), []);
});

test("ticking a set keeps it where it is: the tick takes no extra room", async () => {
  const { page } = await env.openApp({ state: { programme: programme("foundation") }, path: "/routine" });
  for (const name of ["Bodyweight squat: Set 3", "Bulgarian split squat: Set 1 right"]) {
    const set = page.getByRole("checkbox", { name });
    // Its place within the row of sets (the page may scroll to it).
    const box = async () =>
      set.evaluate((input) => {
        const [own, row] = [input.closest("label"), input.closest(".sets")].map((e) => e.getBoundingClientRect());
        return { x: own.x - row.x, y: own.y - row.y, width: own.width, height: own.height };
      });
    const before = await box();
    await set.tap();
    await page.waitForFunction((n) => document.querySelector(`input[aria-label="${n}"]`).checked, name);
    assert.deepEqual(await box(), before, `${name} stays put`);
  }
});

test("a returning person's link to a move not in their session lands on its card", async () => {
  const { page } = await env.openApp({ state: { programme: programme("foundation") }, path: "/routine#ex-romanian-deadlift" });
  const card = page.locator("#ex-romanian-deadlift");
  await card.getByText("it joins the routine in phase 2").waitFor();
  // Put in view as the page started, as the browser does for a link.
  assert.equal(await card.evaluate((el) => { const box = el.getBoundingClientRect(); return box.top >= 0 && box.top < innerHeight; }), true, "the card is in view");
});

// The routine's entry loads a phase's day (the session and what follows it)
// as a part of its own (src/bin/app-routine.rs): a new visitor's page starts
// without it, and a returning person's page asks for it with its own code.
const SESSION_PART = /-todays_session-[0-9a-f]{16}\.wasm$/;

test("a new visitor's routine starts before the session's code has come; a phase chosen meanwhile says it is on its way, then shows the session with focus on its heading", { timeout: 60000 }, async () => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const { context, page } = await env.openApp();
  await context.route(SESSION_PART, async (route) => {
    await held;
    await route.continue();
  });
  await env.visit(page, "/routine");
  await page.getByRole("button", { name: /Phase 1 · General leg strength/ }).tap();
  await page.getByRole("status").filter({ hasText: "Getting today's session ready" }).waitFor();
  release();
  await page.getByRole("checkbox", { name: PHASE_1_REQUIRED[0], exact: true }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "phase-title", "focus on the phase's heading");
  assert.equal(await page.getByText("Getting today's session ready").count(), 0);
});

test("a returning person's page asks for the session's code while its own is still on its way", { timeout: 60000 }, async () => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const { context, page } = await env.openApp({ state: { programme: programme("foundation") } });
  const partAsked = new Promise((resolve) => context.on("request", (request) => SESSION_PART.test(request.url()) && resolve()));
  await context.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.server.url + "/routine", { waitUntil: "domcontentloaded" });
  await partAsked;
  assert.equal(await page.locator("body[data-app]").count(), 0, "asked before the app ran");
  release();
  await page.getByRole("checkbox", { name: PHASE_1_REQUIRED[0], exact: true }).waitFor();
  assert.equal(await page.locator("body[data-app=started]").count(), 1);
});
