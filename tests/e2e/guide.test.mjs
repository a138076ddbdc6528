// The guide: renders on phone and desktop, the contents jump to sections, a
// shared section link works after a reload, the theme persists, print hides
// the app chrome, and axe passes in both themes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, PROFILES, appReady, axeViolations, press } from "./support.mjs";

const env = useBrowser();

async function inViewport(page, selector) {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel).getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight / 2;
  }, selector);
}

for (const [profile, options] of Object.entries(PROFILES)) {
  test(`${profile}: the guide renders and its contents jump to sections`, async () => {
    const { context, page } = await env.openApp({ profile: null, options, path: "/" });
    const sections = await page.locator("article.guide section h2").count();
    assert.ok(sections >= 8, `found ${sections} sections`);
    await page.getByRole("heading", { name: "Is this what I have?" }).waitFor();
    await press(page.locator(".toc").getByRole("link", { name: "What to do first" }), profile);
    await page.waitForURL(/#treatment$/);
    await page.waitForFunction(() => {
      const top = document.getElementById("treatment").getBoundingClientRect().top;
      return top >= 0 && top < window.innerHeight / 2;
    });
    // The guide's text never overflows a phone's width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false);
    assert.deepEqual(page.problems, []);
  });
}

test("a shared link to a section opens at that section, also after a reload", async () => {
  const { context, page } = await env.openApp({ path: "/#prevention" });
  await page.waitForFunction(() => {
    const top = document.getElementById("prevention")?.getBoundingClientRect().top;
    return top !== undefined && top >= 0 && top < window.innerHeight / 2;
  });
  await page.reload();
  await appReady(page);
  await page.waitForTimeout(300);
  assert.equal(await inViewport(page, "#prevention"), true);
});

test("links from the guide reach the self-check and an exercise's card", async () => {
  const { context, page } = await env.openApp({ path: "/" });
  await page.locator("#symptoms").locator("..").getByRole("link", { name: /self-check/i }).first().tap();
  await page.waitForURL(env.server.url + "/check");
  await page.goto(env.server.url + "/");
  await appReady(page);
  await page.locator(".exercise-summary").getByRole("link", { name: "Glute bridge" }).tap();
  await page.waitForURL(/\/routine#ex-glute-bridge$/);
  await page.locator("#ex-glute-bridge h3", { hasText: "Glute bridge" }).waitFor();
  // Direct hamstring moves have cards too, before phase 2 is reached.
  await page.goto(env.server.url + "/routine#ex-romanian-deadlift");
  await appReady(page);
  await page.locator("#ex-romanian-deadlift").getByText("it joins the routine in phase 2").waitFor();
});

test("the theme toggle persists across a reload, and axe passes in both themes", async () => {
  const { context, page } = await env.openApp({ options: { colorScheme: "light" }, path: "/" });
  assert.deepEqual(await axeViolations(page), [], "light theme");
  const toggle = page.locator("button.theme-toggle");
  await toggle.tap(); // follows device → light
  await toggle.tap(); // light → dark
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  await page.reload();
  await appReady(page);
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, "rgb(14, 22, 20)");
  for (const path of ["/", "/check", "/routine", "/progress"]) {
    await page.goto(env.server.url + path);
    await appReady(page);
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
  await page.waitForTimeout(300);
  await page.mouse.wheel(0, 10);
  await page.evaluate(() => window.dispatchEvent(new Event("scroll")));
  await page.waitForTimeout(200);
  await page.goto(env.server.url + "/");
  await appReady(page);
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
