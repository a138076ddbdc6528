// A routine that listens to pain, on a phone: the next-morning rating
// changes the plan, phases are earned by settled sessions, rest days show at
// the top of the session, a backfilled day shows its own phase, every move
// has its picture, the calendar file and the physiotherapist summary, and
// runs in phase 3 with their pain on Progress.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useBrowser, calendarDay, axeViolations, programme, isoDay, storedState } from "./support.mjs";

const env = useBrowser();

const PHASE_1 = ["glute-bridge:1", "bulgarian-split-squat:1:L", "bulgarian-split-squat:1:R", "bodyweight-squat:1", "bodyweight-squat:2", "bodyweight-squat:3", "foam-roll:1"];

/** A phase-1 session with pain before, after and the next morning. */
function session(before, after, morning) {
  const rating = (value) => (value === undefined ? undefined : { at: 2, value });
  return {
    sets: Object.fromEntries(PHASE_1.map((key) => [key, { at: 1, value: true }])),
    pain_before: rating(before),
    pain_after: rating(after),
    pain_next_morning: rating(morning),
  };
}

test("a morning 6/10: the app says what it means, rest today, and the next session is lighter", async () => {
  const { context, page } = await env.openApp({ state: { programme: programme("foundation", isoDay(-20)), days: { [isoDay(-1)]: session(2, 4) } }, path: "/routine" });
  await page.getByRole("heading", { name: "How does it feel this morning?" }).waitFor();
  await page.locator('label[for="morning-6"]').tap();
  await page.getByText(/Too much: more than 5 out of 10 the morning after/).waitFor();
  await page.locator("#day-status").getByText(/Rest day: the pain was above 5/).waitFor();
  // The rating can be corrected, and the advice follows it.
  await page.locator('label[for="morning-2"]').tap();
  await page.getByText(/Settled: the pain is back where it was/).waitFor();
  assert.equal(await page.locator("#day-status .rest-day").count(), 1, "yesterday's session still asks for a rest day");
  await page.locator('label[for="morning-6"]').tap();
  assert.deepEqual(await axeViolations(page), []);
  // The day after the rest day: a lighter session, the dropped sets marked.
  const { context: next, page: later } = await env.openApp({ state: { programme: programme("foundation", isoDay(-20)), days: { [isoDay(-2)]: session(2, 4, 6) } }, path: "/routine" });
  await later.getByText(/A lighter session today/).waitFor();
  assert.match(await later.locator(".session-count").innerText(), /of 6 sets done/);
  assert.equal(await later.locator("#ex-bodyweight-squat .set.dropped").count(), 2, "squat set 3 and the optional 4th left out");
});

test("a session three days ago with no morning rating is asked about now, and the plan follows it", async () => {
  const { page } = await env.openApp({ state: { programme: programme("foundation", isoDay(-20)), days: { [isoDay(-3)]: session(2, 4) } }, path: "/routine" });
  await page.getByRole("heading", { name: /^How did it feel the morning after / }).waitFor();
  assert.equal(await page.locator("#day-status .lighter").count(), 0);
  await page.locator('label[for="morning-4"]').tap();
  await page.getByText(/Not quite settled: the pain is higher than before the session/).waitFor();
  await page.locator("#day-status .lighter").getByText(/A lighter session today: the pain did not settle/).waitFor();
  // Pain above 5 before starting: rest is suggested, the session stays open.
  await page.locator('label[for="pain-before-6"]').tap();
  await page.getByText(/resting today is the sensible choice/).waitFor();
  await page.getByRole("checkbox", { name: "Glute bridge: Set 1" }).tap();
  // Above 5 during it: stop that move and ease off.
  await page.locator('label[for="pain-after-7"]').tap();
  await page.getByText(/stop the move that hurts and ease off/).waitFor();
  assert.deepEqual(await axeViolations(page), []);
});

test("seven weeks in phase 1 with no session: no phase 2, and the rule is on screen", async () => {
  const { context, page } = await env.openApp({ state: { programme: programme("foundation", isoDay(-49)) }, path: "/routine" });
  await page.getByText(/Phase 2 opens after at least 6 sessions over two weeks or more/).waitFor();
  await page.getByText("So far: 0 sessions, 0 settled in a row.").waitFor();
  assert.equal(await page.getByRole("button", { name: "Move to phase 2" }).count(), 0);
});

test("three weeks of settled sessions: phase 2 is offered, and it builds up a set a week", async () => {
  const days = Object.fromEntries([-20, -18, -15, -13, -10, -7, -4].map((offset) => [isoDay(offset), session(2, 3, 2)]));
  const { context, page } = await env.openApp({ state: { programme: programme("foundation", isoDay(-21)), days }, path: "/routine" });
  await page.getByRole("button", { name: "Move to phase 2" }).tap();
  await page.getByRole("heading", { name: "Phase 2 · Hamstring work" }).waitFor();
  // 7 sets of phase 1 and one set of each new move: not double at once.
  assert.match(await page.locator(".session-count").innerText(), /of 10 sets done/);
  await page.getByText(/build up a set a week/).waitFor();
});

test("on a rest day the warning sits at the top, before the first set; 'done' only when it is", async () => {
  const { context, page } = await env.openApp({ state: { programme: programme("foundation", isoDay(-10)), days: { [isoDay(-1)]: session(1, 2, 1) } }, path: "/routine" });
  await page.getByRole("button", { name: "Train anyway" }).tap();
  await page.getByRole("checkbox", { name: "Glute bridge: Set 1" }).tap();
  const before = await page.evaluate(() => {
    const warning = document.querySelector("#day-status .rest-day");
    const firstSet = document.querySelector(".sets input");
    return warning && firstSet ? Boolean(warning.compareDocumentPosition(firstSet) & Node.DOCUMENT_POSITION_FOLLOWING) : null;
  });
  assert.equal(before, true, "the rest-day warning comes before the first set");
  assert.equal(await page.getByText("Session done today. Nice work.").count(), 0, "one set is not a session");
  await page.getByText("1 of 7 sets done").waitFor();
});

test("a backfilled day from phase 1 shows phase 1's moves, with 'All done' and its pain", async () => {
  const { context, page } = await env.openApp({ state: {
    programme: programme("hamstring", isoDay(-5)),
    phase_history: { [isoDay(-40)]: { at: 1, value: "foundation" }, [isoDay(-5)]: { at: 1, value: "hamstring" } },
  }, path: "/progress" });
  const day = isoDay(-20);
  await (await calendarDay(page, day)).tap();
  await page.getByText("Phase 1 · General leg strength: the session of that day.").waitFor();
  assert.equal(await page.locator(".day-editor").getByRole("checkbox", { name: /Romanian deadlift/ }).count(), 0);
  await page.getByRole("button", { name: "All done: tick every set" }).tap();
  await page.getByRole("button", { name: "Whole session done" }).waitFor();
  await page.locator(`label[for="after-${day}-3"]`).tap();
  const state = await storedState(page);
  assert.equal(Object.values(state.days[day].sets).filter((s) => s.value).length, 7);
  assert.equal(state.days[day].pain_after.value, 3);
});

test("a day in History lists the sets of that day's plan, not those still to come", async () => {
  const { page } = await env.openApp({ state: { programme: programme("hamstring", isoDay(-2)) }, path: "/routine" });
  // Phase 2's first week builds up: some sets are "not yet" in today's session...
  assert.ok((await page.locator(".session .set.dropped").count()) > 0);
  // ...and are not listed as sets of the day in History.
  await page.getByRole("link", { name: "Progress" }).tap();
  await page.locator(".calendar button.today").tap();
  await page.getByText("Phase 2 · Hamstring work: the session of that day.").waitFor();
  assert.ok((await page.locator(".day-editor .set").count()) > 0);
  assert.equal(await page.locator(".day-editor .set.dropped").count(), 0);
});

test("every exercise card shows its picture, with a text alternative", async () => {
  const { context, page } = await env.openApp({ state: { programme: programme("hamstring", isoDay(-30)) }, path: "/routine" });
  const pictures = page.locator(".exercise img.figure");
  assert.equal(await pictures.count(), 7);
  for (const picture of await pictures.all()) {
    await picture.scrollIntoViewIfNeeded();
    assert.ok((await picture.getAttribute("alt")).length > 30);
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await picture.elementHandle());
  }
  assert.deepEqual(await axeViolations(page), []);
});

test("'Add to my calendar' downloads a weekly event on the chosen days", async () => {
  const { context, page } = await env.openApp({ state: { programme: programme("foundation", isoDay(-3)) }, path: "/routine" });
  await page.locator('.day-option:has(input[value="Wed"])').tap(); // Mon, Fri left
  await page.locator('.day-option:has(input[value="Thu"])').tap(); // Mon, Thu, Fri
  await page.getByText(/a rest day between sessions/).waitFor();
  await page.locator('.day-option:has(input[value="Thu"])').tap();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Add to my calendar" }).tap();
  const file = await readFile(await (await downloading).path(), "utf8");
  assert.match(file, /\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,FR\r\n/);
  assert.match(file.replace(/\r\n /g, ""), /DESCRIPTION:Phase 1 · General leg strength\.\\nGlute bridge: 10–15 reps/);
});

test("the summary for a physiotherapist holds the sessions and their pain", async () => {
  const { context, page } = await env.openApp({ state: { programme: programme("foundation", isoDay(-20)), days: { [isoDay(-3)]: session(2, 4, 2) } }, path: "/progress#summary" });
  const text = await page.locator(".report").innerText();
  assert.match(text, /Phase 1 · General leg strength, since/);
  assert.match(text, /: 2 before, 4 after, 2 next morning\. Settled by the next morning: 1 of the 1 sessions/);
  assert.deepEqual(await axeViolations(page), []);
});

test("in phase 3 a run is logged with its pain, yesterday's morning after is rated, and both show on Progress", async () => {
  const earlier = { at: 1, value: { minutes: 15, pain_now: 2, pain_next_morning: null } };
  const { page } = await env.openApp({ state: { programme: programme("return-to-run", isoDay(-20)), runs: { [isoDay(-2)]: earlier } }, path: "/routine" });
  const runs = page.getByRole("region", { name: "Today's run" });
  await page.locator(`label[for="run-morning-${isoDay(-2)}-1"]`).tap();
  await runs.locator(".run-morning").getByText("Next morning: 1. Settled.").waitFor();
  await runs.getByLabel("Minutes run today").fill("20");
  await page.locator('label[for="run-pain-2"]').tap();
  await runs.getByRole("button", { name: "Log run" }).tap();
  await runs.getByText("Logged today: 20 minutes. Rate the pain tomorrow morning.").waitFor();
  await runs.getByText("Your runs").tap();
  await runs.getByText(/: 20 minutes, pain 2 out of 10\./).waitFor();
  assert.equal((await storedState(page)).runs[isoDay(0)].value.minutes, 20);

  await page.getByRole("link", { name: "Progress" }).tap();
  await page.getByRole("heading", { name: "Pain after runs" }).waitFor();
  const todayButton = page.locator(".calendar button.today");
  assert.match(await todayButton.getAttribute("aria-label"), /: run logged$/);
  assert.match(await todayButton.getAttribute("class"), /\bran\b/);
  assert.deepEqual(await axeViolations(page), []);
});
