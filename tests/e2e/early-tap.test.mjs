// No tap is lost before the app runs: on a slow phone the page is painted
// (rendered at build time) long before its code has arrived. A tap on a
// control then is held, shown as waiting, and made once the app runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, ROUTES, appReady } from "./support.mjs";

const env = useBrowser();

/** Opens `path` with the app's code held back until `release()` is called. */
async function openWithCodeHeld(path) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const { context, page } = await env.openApp();
  await context.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.server.url + path, { waitUntil: "domcontentloaded" });
  return { page, release };
}

test("a new visitor's first tap on 'Phase 1', before the app has arrived, chooses Phase 1", async () => {
  const { page, release } = await openWithCodeHeld("/routine");
  const phase1 = page.getByRole("button", { name: /Phase 1/ });
  await phase1.tap();
  assert.equal(await page.locator("body[data-app]").count(), 0, "the tap came before the app ran");
  assert.equal(await phase1.getAttribute("data-held"), "", "the tap shows as waiting");
  release();
  await appReady(page);
  await page.getByRole("checkbox", { name: "Glute bridge: Set 1" }).waitFor();
  assert.equal(await page.locator("[data-held]").count(), 0);
});

test("the theme toggle, tapped on every page before the app has arrived, changes the theme", async () => {
  for (const { path } of ROUTES) {
    const { page, release } = await openWithCodeHeld(path);
    await page.getByRole("button", { name: /^Theme:/ }).tap();
    release();
    await appReady(page);
    await page.waitForFunction(() => document.documentElement.getAttribute("data-theme") === "light");
  }
});

test("links work before the app has arrived: they are never held", async () => {
  const { page } = await openWithCodeHeld("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Self-check" }).tap();
  await page.waitForURL(/\/check$/);
});
