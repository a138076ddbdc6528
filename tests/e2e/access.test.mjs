// Accessibility beyond axe: a routine session by keyboard alone, the app at
// 320 px and at 200% zoom, reduced motion honoured, and visible focus.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, ROUTES, programme, storedState, isoDay } from "./support.mjs";

const env = useBrowser();

test("keyboard only: pick a phase and tick a whole session", async () => {
  const { context, page } = await env.openApp({ profile: "desktop", path: "/routine" });
  // Tab from the top of the page to the first phase button and press Enter.
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.classList.contains("phase-choice")))) {
    await page.keyboard.press("Tab");
    assert.ok(guard++ < 40, "the phase buttons are reachable by Tab");
  }
  await page.keyboard.press("Tab"); // Phase 0 → Phase 1
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Phase 1 · General leg strength" }).waitFor();
  // The picker is gone; focus moved to the new phase's heading, not the body.
  await page.waitForFunction(() => document.activeElement?.id === "phase-title");
  // Tab through the page; on each required set that is not ticked, press Space.
  const total = await page.locator('.sets .set:not(.optional) input[type="checkbox"]').count();
  let ticked = 0;
  for (let presses = 0; ticked < total; presses++) {
    assert.ok(presses < 120, `reached ${ticked} of ${total} sets by Tab`);
    await page.keyboard.press("Tab");
    const onRequiredSet = await page.evaluate(
      () => document.activeElement?.matches('.set:not(.optional) input[type="checkbox"]:not(:checked)') ?? false,
    );
    if (onRequiredSet) {
      await page.keyboard.press("Space");
      ticked++;
    }
  }
  await page.getByText(`${total} of ${total} sets done`).waitFor();
  const sets = Object.values((await storedState(page)).days[isoDay(0)].sets);
  assert.equal(sets.filter((s) => s.value).length, total);
});

test("focus is visible on every kind of control", async () => {
  const { context, page } = await env.openApp({ profile: "desktop", state: { programme: programme("foundation") }, path: "/routine" });
  for (const selector of ["nav.tabs a", "button.theme-toggle", '.sets input[type="checkbox"]', "details > summary"]) {
    const element = page.locator(selector).first();
    await element.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    const outline = await page.evaluate((sel) => {
      const el = document.activeElement;
      const target = el.matches('input[type="checkbox"]') ? el.nextElementSibling : el;
      const style = getComputedStyle(target);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    }, selector);
    assert.match(outline, /^solid [23]px$/, `${selector}: ${outline}`);
  }
});

for (const [name, options] of [
  ["320 px wide", { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true }],
  // A 1280 × 800 window at 200% zoom lays out in 640 × 400 CSS pixels.
  ["200% zoom", { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
]) {
  test(`usable at ${name}: nothing scrolls sideways and tap targets stay 44 px`, async () => {
    const { context, page } = await env.openApp({ profile: null, options, state: { programme: programme("foundation") } });
    for (const route of ROUTES) {
      await env.visit(page, route.path);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${route.path} overflows by ${overflow}px`);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll("main button, nav a, main .set, main .choice, main .rating-option, main summary, main select, main .day-option, main input:not([type=checkbox]):not([type=radio]):not([type=file])")]
          .filter((el) => el.offsetParent !== null)
          .map((el) => [el, el.getBoundingClientRect()])
          // Seven calendar days cannot each be 44 px wide on a 320 px screen:
          // they keep 44 px of height and at least 36 px of width (WCAG 2.5.8
          // asks for 24 px).
          .filter(([el, box]) => box.height < 44 || box.width < (el.closest(".calendar") ? 36 : 44))
          .map(([el, box]) => `${el.className || el.tagName} ${Math.round(box.width)}×${Math.round(box.height)}`),
      );
      assert.deepEqual(small, [], `${route.path}: targets under 44 px`);
    }
  });
}

test("with reduced motion asked for, nothing animates", async () => {
  const { context, page } = await env.openApp({ options: { reducedMotion: "reduce" }, state: { programme: programme("foundation") }, path: "/routine" });
  const transition = await page.evaluate(() => getComputedStyle(document.querySelector(".progress-bar > span")).transitionDuration);
  assert.equal(transition, "0s");
});
