// The app shell: every route reached by its tab on phone and desktop, deep
// links that survive a reload on a plain static server, a not-found page, and
// an axe scan of every route.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, PROFILES, ROUTES, reload, axeViolations, press } from "./support.mjs";

const env = useBrowser();

test("text made larger than the large-text layout expects (the page's own font size at 200%) keeps every tab on a 320 px screen", async () => {
  // The large-text layout follows the browser's text size (its media
  // queries are in em); text enlarged another way leaves the bottom bar.
  const { page } = await env.openApp({ options: { viewport: { width: 320, height: 640 } }, path: "/routine" });
  await page.evaluate(() => document.documentElement.style.setProperty("font-size", "200%"));
  for (const tab of await page.locator("nav.tabs a").all()) {
    const box = await tab.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 320, `${await tab.innerText()} is on the screen`);
    assert.equal(await tab.evaluate((a) => a.scrollWidth <= a.clientWidth), true, `${await tab.innerText()} is not cut off`);
  }
});

for (const [profile, options] of Object.entries(PROFILES)) {
  test(`${profile}: every route is reached through the navigation`, async () => {
    const { context, page } = await env.openApp({ profile: null, options, path: "/" });
    for (const route of ROUTES) {
      await press(page.locator("nav.tabs").getByRole("link", { name: route.tab }), profile);
      await page.waitForURL(env.server.url + route.path);
      await assert.doesNotReject(page.getByRole("heading", { level: 1, name: route.heading }).waitFor());
      const current = page.locator('nav.tabs a[aria-current="page"]');
      assert.equal(await current.count(), 1, "exactly one tab is marked current");
      assert.match(await current.innerText(), new RegExp(route.tab));
    }
  });

  test(`${profile}: deep links reload on a plain static server`, async () => {
    const { context, page } = await env.openApp({ profile: null, options });
    for (const route of ROUTES) {
      await env.visit(page, route.path);
      await reload(page);
      await page.getByRole("heading", { level: 1, name: route.heading }).waitFor();
    }
  });

  test(`${profile}: axe finds no WCAG 2 A/AA violations on any route`, async () => {
    const { context, page } = await env.openApp({ profile: null, options });
    for (const route of ROUTES) {
      await env.visit(page, route.path);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      assert.deepEqual(await axeViolations(page), [], `axe on ${route.path}`);
    }
  });
}

test("an unknown address shows a not-found page with a way back", async () => {
  const { context, page } = await env.openApp({ path: "/no/such/page" });
  await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
  await page.getByRole("link", { name: "Go to the guide" }).tap();
  await page.waitForURL(env.server.url + "/");
});

test("a link to part of a page lands on that part, loaded directly or followed in the app", async () => {
  const inView = (page, id) =>
    page.waitForFunction((target) => {
      const box = document.getElementById(target)?.getBoundingClientRect();
      return box && box.top >= 0 && box.top < innerHeight / 2;
    }, id);
  const { page } = await env.openApp({ path: "/progress#data" });
  await inView(page, "data");
  for (const [path, id] of [["/progress#strength", "strength"], ["/check#score", "score"]]) {
    await env.visit(page, path);
    await inView(page, id);
  }
  // From the weekly score to its chart on Progress, within the app.
  await page.locator("#score").getByRole("link", { name: "Progress" }).tap();
  await page.waitForURL(/\/progress#symptoms$/);
  await inView(page, "symptoms");
});
