// Today first, on a 390 × 844 phone: the first screen of the routine says
// what today is and holds the set to do next (a training day) or says
// "rest day" with the session folded (a rest day); in phase 3 today's run
// comes first; and a rest between sets starts after the tick of every move
// of more than one set, stays in view, and can be paused, skipped and
// started by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, reload, settled, setStored, axeViolations, programme, isoDay, dayLog, storedState } from "./support.mjs";

const env = useBrowser();

/** Today at noon: the test never runs into midnight, and its clock can be moved. */
function noonToday() {
  const [y, m, d] = isoDay(0).split("-").map(Number);
  return new Date(y, m - 1, d, 12, 0, 0);
}

/** The routine on the phone with `state` stored, its clock fixed at noon. */
async function routine(state, options = {}) {
  const { context, page } = await env.openApp({ state, options });
  await page.clock.install({ time: noonToday() });
  await env.visit(page, "/routine");
  await page.getByRole("heading", { name: /Today's session|Today's run/ }).first().waitFor();
  return { context, page };
}

/** Whether the element is wholly on the first screen: below the header, above the tab bar. */
function onFirstScreen(locator) {
  return locator.evaluate((el) => {
    window.scrollTo(0, 0);
    const box = el.getBoundingClientRect();
    const header = document.querySelector(".topbar").getBoundingClientRect().bottom;
    const tabs = document.querySelector("nav.tabs").getBoundingClientRect().top;
    return box.height > 0 && box.top >= header && box.bottom <= tabs;
  });
}

test("a training day: the first screen says so and holds the first set, tappable there", async () => {
  const { page } = await routine({ programme: programme("foundation", isoDay(-10)) });
  const status = page.locator("#day-status");
  assert.match(await status.innerText(), /Training day: the session as planned/);
  assert.equal(await onFirstScreen(status), true, "today's status on the first screen");
  const next = page.getByRole("button", { name: "Done: Set 1" });
  assert.equal(await onFirstScreen(next), true, "the first set on the first screen");
  assert.match(await page.locator(".up-next").innerText(), /Up next: Glute bridge · Set 1/);
  await next.tap();
  assert.equal((await storedState(page)).days[isoDay(0)].sets["glute-bridge:1"].value, true);
  assert.equal(await page.getByRole("checkbox", { name: "Glute bridge: Set 1" }).isChecked(), true, "the session's own tick follows");
  // The card moves on to the next set.
  await page.locator(".up-next").getByText(/Bulgarian split squat · Set 1 left/).waitFor();
  // The phase's rules and the library come after the session.
  const order = await page.evaluate(() => {
    const [today, session, rules, library] = ["#today", ".session", "#about-phase-title", ".library"].map((s) => document.querySelector(s));
    const before = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    return [before(today, session), before(session, rules), before(rules, library)];
  });
  assert.deepEqual(order, [true, true, true]);
  assert.deepEqual(await axeViolations(page), []);
});

test("a rest day: the first screen says 'rest day', the session is folded, and 'Train anyway' opens it", async () => {
  const { page } = await routine({ programme: programme("foundation", isoDay(-10)), days: { [isoDay(-1)]: dayLog("glute-bridge:1") } });
  const status = page.locator("#day-status .rest-day");
  assert.match(await status.innerText(), /^Rest day: you trained yesterday/);
  assert.equal(await onFirstScreen(status), true, "'rest day' on the first screen");
  const sets = page.locator(".sets input");
  assert.ok((await sets.count()) > 0);
  for (const set of await sets.all()) assert.equal(await set.isVisible(), false, "no tappable set on a rest day");
  assert.equal(await page.getByRole("button", { name: /^Done:/ }).count(), 0);
  const anyway = page.getByRole("button", { name: "Train anyway" });
  assert.equal(await onFirstScreen(anyway), true);
  assert.equal(await anyway.getAttribute("aria-expanded"), "false");
  assert.equal(await anyway.getAttribute("aria-controls"), "session-body");
  await anyway.tap();
  assert.equal(await anyway.getAttribute("aria-expanded"), "true");
  const bridge = page.getByRole("checkbox", { name: "Glute bridge: Set 1" });
  await bridge.tap();
  assert.equal(await bridge.isChecked(), true);
  // Folding it again, and a reload after training anyway, keep the ticks in view.
  await reload(page);
  assert.equal(await page.getByRole("button", { name: "Train anyway" }).getAttribute("aria-expanded"), "true", "trained today: open");
  assert.equal(await page.getByRole("checkbox", { name: "Glute bridge: Set 1" }).isVisible(), true);
  assert.deepEqual(await axeViolations(page), []);
});

test("phase 3: today's run is on the first screen, with the morning after yesterday's run, before the strength work", async () => {
  const { page } = await routine({
    programme: programme("return-to-run", isoDay(-20)),
    runs: { [isoDay(-1)]: { at: 1, value: { minutes: 15, pain_now: 2, pain_next_morning: null } } },
  });
  const card = page.getByRole("region", { name: "Today's run" });
  assert.equal(await onFirstScreen(card.getByRole("heading", { name: "Today's run" })), true, "the run card on the first screen");
  assert.match(await card.innerText(), /Stage 1 of 4: Short, easy walk–run intervals on flat ground/);
  assert.match(await card.locator(".run-length").innerText(), /Rate the morning after your last run \(15 minutes\) first/);
  await card.getByRole("group", { name: "Pain this morning, after yesterday's run, 0 to 10" }).waitFor();
  await page.locator(`label[for="run-morning-${isoDay(-1)}-1"]`).tap();
  await card.locator(".run-morning").getByText("Next morning: 1. Settled.").waitFor();
  await card.locator(".run-length").getByText("About as long as your last run, which settled: 15 minutes.").waitFor();
  const first = await page.evaluate(() =>
    Boolean(document.querySelector("#runs").compareDocumentPosition(document.querySelector(".session")) & Node.DOCUMENT_POSITION_FOLLOWING));
  assert.equal(first, true, "the run card comes before the strength session");
  assert.deepEqual(await axeViolations(page), []);
});

/** The multi-set moves of a full phase-2 session, and a tick that ends a set of each. */
const MULTI_SET = [
  { name: "Bulgarian split squat", ticks: ["Bulgarian split squat: Set 1 left", "Bulgarian split squat: Set 1 right"] },
  { name: "Ball leg curl", ticks: ["Ball leg curl: Set 1"] },
  { name: "Romanian deadlift", ticks: ["Romanian deadlift: Set 1"] },
  { name: "Bodyweight squat", ticks: ["Bodyweight squat: Set 1"] },
];

test("a rest starts after the tick of every move of more than one set, stays in view, and can be paused, resumed and skipped", async () => {
  const { page } = await routine({ programme: programme("hamstring", isoDay(-30)) });
  const timer = page.getByRole("timer", { name: "Rest timer" });
  for (const move of MULTI_SET) {
    const card = page.locator(".exercise", { has: page.getByRole("heading", { name: move.name, exact: true }) });
    for (const name of move.ticks) await page.getByRole("checkbox", { name, exact: true }).tap();
    await timer.waitFor();
    assert.match(await timer.innerText(), new RegExp(`Rest: \\d+ s[\\s\\S]*after ${move.name}`), move.name);
    await page.getByText(/Rest for \d+ seconds\./).waitFor({ state: "attached" });
    assert.equal(await card.getByRole("button", { name: "Start rest" }).count(), 1, `${move.name} can be started by hand`);
    await page.getByRole("button", { name: "Skip rest" }).tap();
    await timer.waitFor({ state: "detached" });
  }
  // A one-set move rests not.
  await page.getByRole("checkbox", { name: "Glute bridge: Set 1" }).tap();
  await setStored(page, isoDay(0), "glute-bridge:1");
  await settled(page);
  assert.equal(await timer.count(), 0, "no rest after the glute bridge");

  // Started by hand; it stays in view when the page is scrolled to the top.
  await page.locator("#ex-bodyweight-squat").getByRole("button", { name: "Start rest" }).tap();
  await timer.waitFor();
  assert.equal(await timer.evaluate((el) => getComputedStyle(el).position), "sticky");
  assert.equal(await onFirstScreen(timer), true, "the running rest is in view from the top of the page");
  const seconds = async () => Number((await timer.innerText()).match(/Rest: (\d+) s/)[1]);
  assert.equal(await seconds(), 15);
  await page.clock.fastForward(4000);
  await page.waitForFunction(() => /Rest: 1[01] s/.test(document.querySelector('[role="timer"]').innerText));
  // Paused: time passes, the rest does not.
  await page.getByRole("button", { name: "Pause" }).tap();
  await timer.getByText("paused").waitFor();
  await page.getByText("Rest paused.").waitFor({ state: "attached" });
  const atPause = await seconds();
  await page.clock.fastForward(20000);
  assert.equal(await seconds(), atPause);
  assert.equal(await timer.count(), 1);
  await page.getByRole("button", { name: "Resume" }).tap();
  await page.clock.fastForward(12000);
  await timer.waitFor({ state: "detached" });
  await page.getByText("Rest over: on to the next set.").waitFor({ state: "attached" });
});

test("while a rest runs, the keyboard's focus is never under it, and it goes back to the move when the rest is skipped", async () => {
  const { page } = await routine({ programme: programme("foundation", isoDay(-10)) });
  await page.locator("#ex-bulgarian-split-squat").getByRole("button", { name: "Start rest" }).focus();
  await page.keyboard.press("Enter");
  const timer = page.getByRole("timer");
  await timer.waitFor();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    const covered = await page.evaluate(() => {
      const el = document.activeElement;
      const bar = document.querySelector(".rest-bar");
      if (!el || !bar || bar.contains(el)) return null;
      const box = el.getBoundingClientRect();
      const x = box.left + box.width / 2;
      return [box.top + 2, box.bottom - 2].some((y) => bar.contains(document.elementFromPoint(x, Math.min(Math.max(y, 0), innerHeight - 1))))
        ? (el.getAttribute("aria-label") ?? el.textContent).trim().slice(0, 40) : null;
    });
    assert.equal(covered, null, "a focused control is under the rest bar");
  }
  await page.getByRole("button", { name: "Skip rest" }).focus();
  await page.keyboard.press("Enter");
  await timer.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.id), "rest-bulgarian-split-squat", "focus goes back, not to the page");
});

test("with reduced motion the rest's bar does not animate", async () => {
  const { page } = await routine({ programme: programme("foundation", isoDay(-10)) }, { reducedMotion: "reduce" });
  await page.locator("#ex-bodyweight-squat").getByRole("button", { name: "Start rest" }).tap();
  const duration = await page.locator(".rest-left > span").evaluate((el) => getComputedStyle(el).transitionDuration);
  assert.equal(duration, "0s");
});

test("at 320 × 640 with 200% text a running rest fits: no sideways scroll, in view, under a quarter of the screen", async () => {
  const { context, page } = await routine({ programme: programme("foundation", isoDay(-10)) }, { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
  await reload(page);
  await page.getByRole("checkbox", { name: "Bodyweight squat: Set 1" }).tap();
  const timer = page.getByRole("timer");
  await timer.waitFor();
  const fit = await timer.evaluate((bar) => {
    const box = bar.getBoundingClientRect();
    return { laidOut: innerWidth, scrollWidth: document.documentElement.scrollWidth, height: box.height, inView: box.top >= 0 && box.bottom <= innerHeight, right: box.right };
  });
  assert.equal(fit.laidOut, 320, "the page is laid out 320 px wide");
  assert.ok(fit.scrollWidth <= 320, `no sideways scroll (${fit.scrollWidth} px)`);
  assert.ok(fit.right <= 320);
  assert.ok(fit.height <= 640 / 4, `the bar takes ${Math.round(fit.height)} of 640 px`);
  assert.equal(fit.inView, true);
  // Its buttons keep their names, shown as icons.
  await page.getByRole("button", { name: "Pause" }).tap();
  await page.getByRole("button", { name: "Resume" }).waitFor();
  await page.getByRole("button", { name: "Skip rest" }).tap();
  await timer.waitFor({ state: "detached" });
});
