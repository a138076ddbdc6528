// Every route is rendered at build time by the app's own components and the
// app hydrates it: the page paints before any wasm arrives (even with
// JavaScript off), and when the app starts nothing painted is removed,
// nothing shifts, the console stays quiet, and the controls work.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, PROFILES, ROUTES, settled, programme, isoDay, dayLog } from "./support.mjs";

const env = useBrowser();

for (const route of ROUTES) {
  test(`${route.path}: a deep link paints its own content with JavaScript off`, async () => {
    const context = await env.newContext({ ...PROFILES.phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(env.server.url + route.path);
    await page.getByRole("heading", { level: 1, name: route.heading }).waitFor();
    assert.match(await page.title(), / · Hamstring Rehab$/);
    const current = page.locator('nav.tabs a[aria-current="page"]');
    assert.match(await current.innerText(), new RegExp(route.tab));
    if (route.path === "/routine") {
      // A first visit's main content, painted before any wasm.
      assert.equal(await page.getByRole("heading", { name: "Where are you starting?" }).isVisible(), true);
    }
  });

  for (const [who, state] of [
    // With records, so the parts that fill in after storage is read do.
    ["returning", { programme: programme("foundation", isoDay(-10)), days: { [isoDay(-2)]: dayLog("glute-bridge:1") } }],
    ["first visit", null],
  ])
  test(`${route.path}, ${who}: the app takes over without removing a painted node, a shift or a warning`, async () => {
    const { context, page } = await env.openApp({ state });
    await context.addInitScript(() => {
      window.removed = [];
      window.shifts = 0;
      // What the page painted before the app started (it waits for a frame
      // and then fetches itself): elements under <main> that take up room.
      const painted = new WeakSet();
      document.addEventListener("DOMContentLoaded", () => requestAnimationFrame(() => {
        for (const el of document.querySelectorAll("main, main *")) if (el.getClientRects().length) painted.add(el);
      }));
      const wasPainted = (node) => painted.has(node.nodeType === Node.TEXT_NODE ? node.parentElement : node) || [...(node.querySelectorAll?.("*") ?? [])].some((el) => painted.has(el));
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.removedNodes) {
            if (node.nodeType === Node.TEXT_NODE && !node.textContent.trim()) continue;
            if (wasPainted(node) || (node.nodeType === Node.TEXT_NODE && painted.has(record.target))) {
              window.removed.push(`${record.target.nodeName} > ${node.nodeName}: ${(node.textContent ?? "").slice(0, 40)}`);
            }
          }
        }
      }).observe(document, { subtree: true, childList: true });
      window.shiftObserver = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.shifts += entry.value;
      });
      window.shiftObserver.observe({ type: "layout-shift", buffered: true });
    });
    const warnings = [];
    page.on("console", (message) => {
      if (["warning", "error"].includes(message.type()) && /hydrat|mismatch|unreachable/i.test(message.text())) warnings.push(message.text());
    });
    await env.visit(page, route.path);
    // Once the app's after-start work has run, with the shifts not yet
    // reported taken as well.
    await settled(page);
    assert.deepEqual(await page.evaluate(() => window.removed), [], "no painted node removed");
    const shifts = await page.evaluate(() => window.shifts + window.shiftObserver.takeRecords().reduce((sum, entry) => sum + entry.value, 0));
    assert.equal(shifts, 0, "no layout shift");
    assert.deepEqual(warnings, []);
    // The controls work after hydration: the theme toggle, on every route.
    await page.locator("button.theme-toggle").tap();
    await page.waitForFunction(() => document.documentElement.getAttribute("data-theme") === "light");
  });
}

test("a host that answers a deep link with another route's page still gets the right page", async () => {
  const { page } = await env.openApp();
  // A rewrite-everything host, or the 404 page, serving the guide's file for /routine.
  await page.route("**/routine", async (route) => {
    const response = await route.fetch({ url: env.server.url + "/" });
    await route.fulfill({ response });
  });
  await env.visit(page, "/routine");
  await page.getByRole("heading", { level: 1, name: /routine/i }).waitFor();
  assert.equal(await page.locator("main h1").count(), 1, "one page, not two");
  assert.equal(new URL(page.url()).pathname, "/routine", "the address stays the one asked for");
});
