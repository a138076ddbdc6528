// A returning person's routine shows their own session at once: the page
// keeps the screen the app last drew on this device (pwa/boot.js) and shows
// it before the app's code has arrived, as long as nothing stored has changed
// since. The app then takes over in place, and a tap on the kept screen is
// made on the app's own control.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, appReady, storedState, programme, isoDay, dayLog } from "./support.mjs";

const env = useBrowser();
// Without the service worker, so the tests can hold the app's code back (a
// worker would answer from its cache); the kept screen does not need it.
const NO_WORKER = { serviceWorkers: "block" };
const RETURNING = { programme: programme("foundation", isoDay(-10)), days: { [isoDay(-2)]: dayLog("glute-bridge:1") } };
const SET_1 = "Glute bridge: Set 1";
const SQUAT_2 = "Bodyweight squat: Set 2";

/** Opens /routine in a new tab of `context` with the app's code held back until `release()`. */
async function openWithCodeHeld(context) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const page = await context.newPage();
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.shifts = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => (window.shifts += entry.value))).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(env.server.url + "/routine", { waitUntil: "domcontentloaded" });
  return { page, release };
}

/** Today's session as a person reads it: the counter and each box's name and state. */
function screen(page) {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll("main")].find((main) => main.checkVisibility());
    return {
      count: shown.querySelector(".session-count")?.textContent,
      boxes: [...shown.querySelectorAll("input[type=checkbox]")].map((box) => `${box.getAttribute("aria-label") ?? box.labels[0]?.textContent.trim()}: ${box.checked}`),
    };
  });
}

/** A session with one set ticked today, left by going to another page. */
async function sessionLeft() {
  const { context, page } = await env.openApp({ state: RETURNING, path: "/routine", options: NO_WORKER });
  await page.getByRole("checkbox", { name: SET_1, exact: true }).check();
  const before = await screen(page);
  // Reading one move's instructions: the next visit draws them folded again.
  await page.locator("summary", { hasText: "How to do it" }).first().tap();
  await page.goto("about:blank");
  await page.close();
  return { context, before };
}

test("the next visit shows the person's own session before the app's code arrives, and the app takes over in place", async () => {
  const { context, before } = await sessionLeft();
  const { page, release } = await openWithCodeHeld(context);
  await page.locator("main.snapshot .session-count").waitFor();
  assert.equal(await page.locator("body[data-app]").count(), 0, "shown before the app ran");
  assert.deepEqual(await screen(page), before, "the kept screen is the one the person left");
  assert.equal(await page.getByRole("heading", { name: "Where are you starting?" }).isVisible(), false, "not the first visit's choice");
  const height = await page.locator("main.snapshot").evaluate((main) => main.offsetHeight);

  release();
  await appReady(page);
  assert.equal(await page.locator("main.snapshot").count(), 0, "handed over to the app");
  assert.equal(await page.locator("#main").isVisible(), true);
  assert.deepEqual(await screen(page), before, "the app draws what was shown");
  assert.equal(await page.evaluate(() => window.shifts), 0, "no layout shift at the hand-over");
  assert.equal(await page.locator("#main").evaluate((main) => main.offsetHeight), height, "the same page, down to what lies below the fold");
});

test("the app says it has started only once the kept screen is handed over: from then on the page has one copy of each control", async () => {
  const { context } = await sessionLeft();
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.body?.getAttribute("data-app") !== "started") return;
      observer.disconnect();
      window.mainsWhenStarted = document.querySelectorAll("main").length;
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-app"] });
  });
  const { page, release } = await openWithCodeHeld(context);
  await page.locator("main.snapshot .session-count").waitFor();
  release();
  await appReady(page);
  assert.equal(await page.evaluate(() => window.mainsWhenStarted), 1, "only the app's own page");
  assert.equal(await page.locator("#ex-glute-bridge").count(), 1);
});

test("leaving the routine keeps its screen once, not once per event: the next page waits for it", async () => {
  const { context, page } = await env.openApp({ state: RETURNING, path: "/routine", options: NO_WORKER });
  await page.getByRole("checkbox", { name: SET_1, exact: true }).check();
  await page.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.endsWith(":snapshot")) sessionStorage.setItem("snapshots kept", String(Number(sessionStorage.getItem("snapshots kept") ?? 0) + 1));
      return setItem.call(this, key, value);
    };
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Progress", exact: true }).click();
  await appReady(page);
  assert.equal(await page.evaluate(() => sessionStorage.getItem("snapshots kept")), "1", "kept once, though leaving fires both pagehide and visibilitychange");
  const { page: next, release } = await openWithCodeHeld(context);
  await next.locator("main.snapshot .session-count").waitFor();
  release();
  await appReady(next);
});

test("a rating on the kept session stays as the person left it while the app takes over", async () => {
  const { context, page } = await env.openApp({ state: RETURNING, path: "/routine", options: NO_WORKER });
  await page.locator('label[for="pain-after-3"]').tap();
  await page.goto("about:blank");
  await page.close();
  // Every time the page changes while the kept copy is shown: is its rating still there?
  await context.addInitScript(() => {
    window.copyRating = [];
    new MutationObserver(() => {
      const copy = document.querySelector("main.snapshot #pain-after-3");
      if (copy && document.querySelector("#main #pain-after-3")) window.copyRating.push(copy.checked);
    }).observe(document, { subtree: true, childList: true });
  });
  const { page: next, release } = await openWithCodeHeld(context);
  assert.equal(await next.locator("main.snapshot #pain-after-3").isChecked(), true, "kept with the screen");
  release();
  await appReady(next);
  await next.locator("main.snapshot").waitFor({ state: "detached" });
  const seen = await next.evaluate(() => window.copyRating);
  assert.ok(seen.length > 0, "the copy and the app's page were both there for a moment");
  assert.deepEqual(seen.filter((checked) => !checked), [], "the copy's rating never cleared by the app's own");
  assert.equal(await next.locator("#pain-after-3").isChecked(), true, "and the app shows it");
});

test("a tap on the kept session, before the app runs, ticks the set in the app", async () => {
  const { context } = await sessionLeft();
  const { page, release } = await openWithCodeHeld(context);
  const set2 = page.getByRole("checkbox", { name: SQUAT_2, exact: true });
  await set2.tap();
  assert.equal(await page.locator("body[data-app]").count(), 0, "the tap came before the app ran");
  assert.equal(await page.locator("[data-held]").count(), 1, "the tap shows as waiting");
  release();
  await appReady(page);
  await page.waitForFunction((name) => document.querySelector(`#main input[aria-label="${name}"]`)?.checked, SQUAT_2);
  const stored = await storedState(page);
  assert.equal(stored.days[isoDay(0)].sets["bodyweight-squat:2"].value, true, "saved");
  assert.equal(stored.days[isoDay(0)].sets["glute-bridge:1"].value, true, "the set ticked before stays ticked");
});

test("a kept session is not shown once another tab has changed the records", async () => {
  const { context, page: first } = await env.openApp({ state: RETURNING, path: "/routine", options: NO_WORKER });
  const second = await env.openTab(context, "/routine");
  await first.goto("about:blank");
  await second.getByRole("checkbox", { name: SET_1, exact: true }).check();
  const { page, release } = await openWithCodeHeld(context);
  assert.equal(await page.locator("main.snapshot").count(), 0, "the other tab's tick makes the kept screen stale");
  assert.equal(await page.getByRole("heading", { name: "Where are you starting?" }).isVisible(), false, "a returning person still never sees the first visit's choice");
  release();
  await appReady(page);
  assert.equal(await page.getByRole("checkbox", { name: SET_1, exact: true }).isChecked(), true, "the app shows the other tab's tick");
});

test("the app notes on the device whether the person is returning, and after deleting everything the next visit is a first visit again", async () => {
  const { context, page } = await env.openApp({ state: RETURNING, path: "/progress#data", options: NO_WORKER });
  const noted = () => page.evaluate(() => localStorage.getItem("hamstring-rehab:device:returning"));
  assert.equal(await noted(), "true");
  await page.getByRole("button", { name: "Delete all my data…" }).tap();
  await page.getByRole("button", { name: "Yes, delete everything" }).tap();
  await page.getByText("All your data was deleted.").waitFor();
  assert.equal(await noted(), "false");
  const { page: next, release } = await openWithCodeHeld(context);
  assert.equal(await next.getByRole("heading", { name: "Where are you starting?" }).isVisible(), true, "the first visit's choice, painted before the app runs");
  release();
  await appReady(next);
});
