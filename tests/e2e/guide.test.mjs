// The guide: renders on phone and desktop, the contents jump to sections, a
// shared section link works after a reload, the theme persists, print hides
// the app chrome, and axe passes in both themes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, PROFILES, ROUTES, STATE_KEY, reload, envelope, axeViolations, press } from "./support.mjs";

const env = useBrowser();

/** Waits until section `id` is at the top half of the screen. */
function sectionInView(page, id) {
  return page.waitForFunction((id) => {
    const top = document.getElementById(id)?.getBoundingClientRect().top;
    return top !== undefined && top >= 0 && top < window.innerHeight / 2;
  }, id);
}

for (const [profile, options] of Object.entries(PROFILES)) {
  test(`${profile}: the guide renders and its contents jump to sections`, async () => {
    const { context, page } = await env.openApp({ profile: null, options, path: "/" });
    const sections = await page.locator("article.guide section h2").count();
    assert.ok(sections >= 8, `found ${sections} sections`);
    await page.getByRole("heading", { name: "Is this what I have?" }).waitFor();
    await press(page.locator(".toc").getByRole("link", { name: "What to do first" }), profile);
    await page.waitForURL(/#treatment$/);
    await sectionInView(page, "treatment");
    // The guide's text never overflows a phone's width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false);
  });
}

test("a shared link to a section opens at that section, also after a reload", async () => {
  const { context, page } = await env.openApp({ path: "/#prevention" });
  await sectionInView(page, "prevention");
  await reload(page);
  await sectionInView(page, "prevention");
});

test("links from the guide reach the self-check and an exercise's card", async () => {
  const { context, page } = await env.openApp({ path: "/" });
  await page.locator("#symptoms").locator("..").getByRole("link", { name: /self-check/i }).first().tap();
  await page.waitForURL(env.server.url + "/check");
  await env.visit(page, "/");
  await page.locator(".exercise-summary").getByRole("link", { name: "Glute bridge" }).tap();
  await page.waitForURL(/\/routine#ex-glute-bridge$/);
  await page.locator("#ex-glute-bridge h3", { hasText: "Glute bridge" }).waitFor();
  // Direct hamstring moves have cards too, before phase 2 is reached.
  await env.visit(page, "/routine#ex-romanian-deadlift");
  await page.locator("#ex-romanian-deadlift").getByText("it joins the routine in phase 2").waitFor();
});

test("the theme toggle persists across a reload, and axe passes in both themes", async () => {
  const { context, page } = await env.openApp({ options: { colorScheme: "light" }, path: "/" });
  assert.deepEqual(await axeViolations(page), [], "light theme");
  const toggle = page.locator("button.theme-toggle");
  await toggle.tap(); // follows device → light
  await toggle.tap(); // light → dark
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  await reload(page);
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, "rgb(14, 22, 20)");
  for (const { path } of ROUTES) {
    await env.visit(page, path);
    assert.deepEqual(await axeViolations(page), [], `dark theme on ${path}`);
  }
});

test("the device's dark preference is followed when no theme is chosen", async () => {
  const { context, page } = await env.openApp({ options: { colorScheme: "dark" }, path: "/" });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, "rgb(14, 22, 20)");
  assert.deepEqual(await axeViolations(page), []);
});

test("printing the guide leaves out the navigation", async () => {
  const { context, page } = await env.openApp({ profile: "desktop", path: "/" });
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator("nav.tabs").isVisible(), false);
  assert.equal(await page.locator(".toc").isVisible(), false);
  assert.equal(await page.getByRole("heading", { name: "The exercises" }).isVisible(), true);
});

test("the reader is offered to continue where they left off", async () => {
  const { context, page } = await env.openApp({ path: "/#case-study" });
  // Read there: the place is kept once a scroll has been heard.
  await page.mouse.wheel(0, 10);
  await page.waitForFunction(() => {
    window.dispatchEvent(new Event("scroll"));
    return localStorage.getItem("hamstring-rehab:device:reading") === "case-study";
  });
  await env.visit(page, "/");
  const resume = page.getByRole("link", { name: /^Continue reading: A runner's story/ });
  await resume.waitFor();
  // It floats over the text, so it has a background of its own.
  const background = await resume.evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(background, "rgba(0, 0, 0, 0)");
  // Reading on elsewhere does not retarget it...
  await page.evaluate(() => document.getElementById("prevention").scrollIntoView());
  await page.evaluate(() => window.dispatchEvent(new Event("scroll")));
  await page.getByRole("link", { name: /^Continue reading: A runner's story/ }).waitFor();
  // ...and it hides once its section is on screen.
  await page.evaluate(() => document.getElementById("case-study").scrollIntoView());
  await page.evaluate(() => window.dispatchEvent(new Event("scroll")));
  await resume.waitFor({ state: "detached" });
});

test("migration from data version 4: an older version's theme and reading place stay, the guide shows them, the app moves them to the device", async () => {
  // Data version 4 kept both among the records.
  const older = envelope({
    settings: { at: 1, value: { theme: "dark", rest_secs: 30, break_minutes: 20, week_start: null } },
    reading: { at: 1, value: "case-study" },
  }, 4);
  const { context, page } = await env.openApp({ stored: older });
  // Set before the first paint, not only once the app runs.
  await context.addInitScript(() => document.addEventListener("DOMContentLoaded", () => {
    window.themeAtFirstPaint = document.documentElement.getAttribute("data-theme");
  }));
  await env.visit(page, "/");
  assert.equal(await page.evaluate(() => window.themeAtFirstPaint), "dark");
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  assert.equal(await page.locator("button.theme-toggle").getAttribute("aria-label"), "Theme: dark");
  await page.getByRole("link", { name: /^Continue reading: A runner's story/ }).waitFor();
  await env.visit(page, "/progress");
  const device = await page.evaluate(() => [localStorage.getItem("hamstring-rehab:device:theme"), localStorage.getItem("hamstring-rehab:device:reading")]);
  assert.deepEqual(device, ["dark", "case-study"]);
  // The settings themselves are untouched, and a write of this version keeps the look.
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [STATE_KEY, envelope({})]);
  await env.visit(page, "/");
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
});

test("on a newer version's store the guide says so, and its toggle changes the look without writing", async () => {
  const newer = JSON.stringify({ app: "hamstring-rehab", schema: 99, state: { future: true } });
  const { page } = await env.openApp({ stored: newer, path: "/" });
  await page.getByText(/saved by a newer version of this app/).waitFor();
  await page.locator("button.theme-toggle").tap();
  assert.equal(await page.getAttribute("html", "data-theme"), "light");
  await page.evaluate(() => window.dispatchEvent(new Event("scroll")));
  assert.deepEqual(await page.evaluate(() => Object.keys({ ...localStorage })), [STATE_KEY]);
});

test("a theme chosen in one tab is taken up by the other", async () => {
  const { context, page } = await env.openApp({ path: "/" });
  const other = await env.openTab(context, "/routine");
  await page.locator("button.theme-toggle").tap();
  await other.waitForFunction(() => document.documentElement.getAttribute("data-theme") === "light");
  assert.equal(await other.locator("button.theme-toggle").getAttribute("aria-label"), "Theme: light");
});

test("'Delete all my data' also forgets this device's theme and reading place", async () => {
  const { page } = await env.openApp({ path: "/#case-study" });
  await page.waitForFunction(() => {
    window.dispatchEvent(new Event("scroll"));
    return localStorage.getItem("hamstring-rehab:device:reading") === "case-study";
  });
  await page.locator("button.theme-toggle").tap();
  await env.visit(page, "/progress#data");
  assert.equal(await page.getAttribute("html", "data-theme"), "light");
  await page.getByRole("button", { name: "Delete all my data…" }).tap();
  await page.getByRole("button", { name: "Yes, delete everything" }).tap();
  await page.getByText("All your data was deleted.").waitFor();
  assert.equal(await page.getAttribute("html", "data-theme"), null);
  const device = await page.evaluate(() => Object.keys({ ...localStorage }).filter((key) => key.includes(":device:theme") || key.includes(":device:reading")));
  assert.deepEqual(device, []);
});
