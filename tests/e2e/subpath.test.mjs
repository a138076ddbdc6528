// The app deployed under a sub-path (trunk build --public-url /rehab/):
// navigation, deep links, content links and the pre-rendered guide stay
// inside /rehab/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, SUBPATH_DIST, PROFILES, ROUTES, reload } from "./support.mjs";

const env = useBrowser({ dist: SUBPATH_DIST, prefix: "/rehab" });

test("under /rehab/ every tab, deep link and guide link stays under /rehab/", async () => {
  const { context, page } = await env.openApp({ path: "/rehab/" });
  await page.getByRole("heading", { level: 1, name: /hamstring/i }).waitFor();
  for (const route of ROUTES) {
    await page.locator("nav.tabs").getByRole("link", { name: route.tab }).tap();
    await page.waitForURL(env.server.url + "/rehab" + route.path);
    await page.getByRole("heading", { level: 1, name: route.heading }).waitFor();
  }
  await reload(page);
  await page.getByRole("heading", { level: 1, name: /progress/i }).waitFor();

  await env.visit(page, "/rehab/");
  await page.locator(".exercise-summary").getByRole("link", { name: "Glute bridge" }).tap();
  await page.waitForURL(env.server.url + "/rehab/routine#ex-glute-bridge");
});

test("the pre-rendered guide's links point under /rehab/", async () => {
  const context = await env.newContext({ ...PROFILES.phone, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.url + "/rehab/");
  const hrefs = await page.locator("body a[href^='/']").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.length > 10);
  assert.deepEqual(hrefs.filter((href) => !href.startsWith("/rehab/")), []);
});
