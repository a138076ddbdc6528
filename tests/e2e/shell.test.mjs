// The app shell: every route reached by its tab on phone and desktop, deep
// links that survive a reload on a plain static server, a not-found page, and
// an axe scan of every route.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, PROFILES, ROUTES, openPage, appReady, axeViolations, press } from "./support.mjs";

const env = useBrowser();

for (const [profile, options] of Object.entries(PROFILES)) {
  test(`${profile}: every route is reached through the navigation`, async () => {
    const context = await env.browser.newContext(options);
    const page = await openPage(context);
    await page.goto(env.server.url + "/");
    await appReady(page);
    for (const route of ROUTES) {
      await press(page.locator("nav.tabs").getByRole("link", { name: route.tab }), profile);
      await page.waitForURL(env.server.url + route.path);
      await assert.doesNotReject(page.getByRole("heading", { level: 1, name: route.heading }).waitFor());
      const current = page.locator('nav.tabs a[aria-current="page"]');
      assert.equal(await current.count(), 1, "exactly one tab is marked current");
      assert.match(await current.innerText(), new RegExp(route.tab));
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test(`${profile}: deep links reload on a plain static server`, async () => {
    const context = await env.browser.newContext(options);
    const page = await openPage(context);
    for (const route of ROUTES) {
      await page.goto(env.server.url + route.path);
      await appReady(page);
      await page.reload();
      await appReady(page);
      await page.getByRole("heading", { level: 1, name: route.heading }).waitFor();
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test(`${profile}: axe finds no WCAG 2 A/AA violations on any route`, async () => {
    const context = await env.browser.newContext(options);
    const page = await openPage(context);
    for (const route of ROUTES) {
      await page.goto(env.server.url + route.path);
      await appReady(page);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      assert.deepEqual(await axeViolations(page), [], `axe on ${route.path}`);
    }
    await context.close();
  });
}

test("an unknown address shows a not-found page with a way back", async () => {
  const context = await env.browser.newContext(PROFILES.phone);
  const page = await openPage(context);
  await page.goto(env.server.url + "/no/such/page");
  await appReady(page);
  await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
  await page.getByRole("link", { name: "Go to the guide" }).tap();
  await page.waitForURL(env.server.url + "/");
  await context.close();
});
