// Every route is rendered at build time by the app's own components and the
// app hydrates it: the page paints before any wasm arrives (even with
// JavaScript off), and when the app starts nothing painted is removed,
// nothing shifts, the console stays quiet, and the controls work.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, PROFILES, ROUTES, openPage, appReady, seedStore, envelope, programme, isoDay, dayLog } from "./support.mjs";

const env = useBrowser();

for (const route of ROUTES) {
  test(`${route.path}: a deep link paints its own content with JavaScript off`, async () => {
    const context = await env.browser.newContext({ ...PROFILES.phone, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(env.server.url + route.path);
      await page.getByRole("heading", { level: 1, name: route.heading }).waitFor();
      assert.match(await page.title(), / · Hamstring Rehab$/);
      const current = page.locator('nav.tabs a[aria-current="page"]');
      assert.match(await current.innerText(), new RegExp(route.tab));
    } finally {
      await context.close();
    }
  });

  test(`${route.path}: the app takes over without removing a painted node, a shift or a warning`, async () => {
    const context = await env.browser.newContext(PROFILES.phone);
    try {
      // With records, so the parts that fill in after storage is read do.
      await seedStore(context, envelope({ programme: programme("foundation", isoDay(-10)), days: { [isoDay(-2)]: dayLog("glute-bridge:1") } }));
      await context.addInitScript(() => {
        window.removed = [];
        window.shifts = 0;
        // Under <main>: the page itself (the <title> is rewritten, same words).
        new MutationObserver((records) => {
          for (const record of records) {
            const inMain = record.target.closest?.("main");
            for (const node of record.removedNodes) {
              const holdsMain = node.nodeName === "MAIN" || node.querySelector?.("main");
              if (!inMain && !holdsMain) continue;
              if (node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && node.textContent.trim())) {
                window.removed.push(`${record.target.nodeName} > ${node.nodeName}: ${(node.textContent ?? "").slice(0, 40)}`);
              }
            }
          }
        }).observe(document, { subtree: true, childList: true });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.shifts += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
      });
      const page = await openPage(context);
      const warnings = [];
      page.on("console", (message) => {
        if (["warning", "error"].includes(message.type()) && /hydrat|mismatch|unreachable/i.test(message.text())) warnings.push(message.text());
      });
      await page.goto(env.server.url + route.path);
      await appReady(page);
      await page.waitForTimeout(500);
      assert.deepEqual(await page.evaluate(() => window.removed), [], "no painted node removed");
      assert.equal(await page.evaluate(() => window.shifts), 0, "no layout shift");
      assert.deepEqual(warnings, []);
      assert.deepEqual(page.problems, []);
      // The controls work after hydration: the theme toggle, on every route.
      await page.locator("button.theme-toggle").tap();
      await page.waitForFunction(() => document.documentElement.getAttribute("data-theme") === "light");
    } finally {
      await context.close();
    }
  });
}

test("a host that answers a deep link with another route's page still gets the right page", async () => {
  const context = await env.browser.newContext(PROFILES.phone);
  try {
    const page = await openPage(context);
    // A rewrite-everything host, or the 404 page, serving the guide's file for /routine.
    env.server.transformHtml = null;
    await page.route("**/routine", async (route) => {
      const response = await route.fetch({ url: env.server.url + "/" });
      await route.fulfill({ response });
    });
    await page.goto(env.server.url + "/routine");
    await appReady(page);
    await page.getByRole("heading", { level: 1, name: /routine/i }).waitFor();
    assert.equal(await page.locator("main h1").count(), 1, "one page, not two");
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
});
