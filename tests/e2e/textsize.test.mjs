// Any text size, any width (WCAG 1.4.4, 1.4.10, 2.4.11): on a 390 × 844
// phone at normal text and on a 320 × 640 phone with the browser's text at
// 200% (Chromium's default font size 32 px, as a person sets it), every
// screen fits its width, no text is cut off, no table breaks a word, its
// charts take their card's width, the fixed bars take at most a quarter of
// the screen, the tab labels stay apart, and walking the screen with Tab
// never leaves the focused control under a fixed or sticky bar.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, PROFILES, reload, isoDay } from "./support.mjs";

const env = useBrowser();

const stamp = (value) => ({ at: 1, value });
const session = (after) => ({ sets: { "glute-bridge:1": stamp(true), "bodyweight-squat:1": stamp(true) }, pain_before: stamp(2), pain_after: stamp(after), pain_next_morning: stamp(2) });

/** Four weeks in, running: sessions, a strength check and runs to show. */
const RUNNER = {
  programme: stamp({ phase: "return-to-run", since: isoDay(-10) }),
  days: { [isoDay(-12)]: session(3), [isoDay(-9)]: session(4), [isoDay(-6)]: session(3), [isoDay(-2)]: session(2) },
  strength_checks: { [isoDay(-11)]: stamp({ left: 19, right: 20, pain_at_rest: false }) },
  runs: { [isoDay(-5)]: stamp({ minutes: 15, pain_now: 2, pain_next_morning: 1 }), [isoDay(-1)]: stamp({ minutes: 20, pain_now: 2, pain_next_morning: null }) },
};

/** The day after a session: the routine's rest day, its session folded. */
const REST_DAY = { programme: stamp({ phase: "foundation", since: isoDay(-10) }), days: { [isoDay(-1)]: session(2) } };

/** Every screen: each route, two self-check questions, the routine on a rest day, and a new person's routine and progress. */
const SCREENS = [
  { path: "/", state: RUNNER },
  { path: "/check", state: RUNNER },
  { path: "/check?step=pop", state: RUNNER },
  { path: "/check?step=where", state: RUNNER },
  { path: "/routine", state: RUNNER },
  { path: "/routine", state: REST_DAY },
  { path: "/progress", state: RUNNER },
  { path: "/routine", state: null },
  { path: "/progress", state: null },
];

const SIZES = [
  { name: "390 × 844", options: { ...PROFILES.phone, deviceScaleFactor: 1 }, width: 390, height: 844, bigText: false },
  { name: "320 × 640 at 200% text", options: { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true }, width: 320, height: 640, bigText: true },
];

/** Opens `path`, with the browser's text at 200% where asked. */
async function open(size, screen) {
  const { page, context } = await env.openApp({ profile: null, options: size.options, state: screen.state ?? undefined, path: screen.path });
  if (size.bigText) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
    await reload(page);
    const root = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    assert.equal(root, "32px", "the browser's text is at 200%");
  }
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  return page;
}

/** What breaks the layout at this size: wider than the screen, bars too big, tab labels overlapping. */
function layoutProblems(page, { width, height }) {
  return page.evaluate(([width, height]) => {
    const problems = [];
    const name = (el) => `${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className} "${(el.textContent ?? "").trim().slice(0, 30)}"`;
    if (innerWidth !== width) problems.push(`the page is laid out ${innerWidth} px wide`);
    if (document.documentElement.scrollWidth > width) problems.push(`it scrolls sideways by ${document.documentElement.scrollWidth - width} px`);
    // An element that sticks out, unless a scrolling or clipping box holds it.
    const held = (el) => {
      for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
        if (getComputedStyle(box).overflowX !== "visible") return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll("body *")) {
      const box = el.getBoundingClientRect();
      // Out of sight but read aloud: a 1 px box (a table's headers where its rows flow).
      if (!box.width || !box.height || (box.width <= 1 && box.height <= 1) || el.closest(".skip-link, .visually-hidden")) continue;
      if ((box.right > width + 0.5 || box.left < -0.5) && !held(el)) problems.push(`${name(el)} spans ${Math.round(box.left)} to ${Math.round(box.right)}`);
      // Text cut off by its box (a weekday head shown as "Mo" or "Tu").
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "hidden" && el.textContent.trim() && el.checkVisibility()) problems.push(`${name(el)} is cut off`);
    }
    // A table's word broken across lines ("Le / ft" in a narrow column).
    // Elsewhere a word too long for the line is hyphenated, as it should be.
    for (const cell of document.querySelectorAll("td, th")) {
      if (!cell.checkVisibility() || cell.closest(".visually-hidden")) continue;
      const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let text = texts.nextNode(); text; text = texts.nextNode()) {
        for (const word of text.data.matchAll(/[^\s–-]+/g)) {
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width).map((r) => Math.round(r.top)));
          if (lines.size > 1) problems.push(`"${word[0]}" in ${name(cell)} is broken across lines`);
        }
      }
    }
    const bars = [...document.querySelectorAll("body *")].filter((el) => ["fixed", "sticky"].includes(getComputedStyle(el).position) && el.getBoundingClientRect().height > 0);
    const covered = bars.reduce((sum, el) => sum + el.getBoundingClientRect().height, 0);
    if (covered > height / 4) problems.push(`fixed bars take ${Math.round(covered)} of ${height} px: ${bars.map(name).join(", ")}`);
    // A chart takes its card's width, so its dots and legend stay readable.
    for (const chart of document.querySelectorAll(".chart")) {
      const card = chart.closest(".card");
      const room = card.clientWidth - parseFloat(getComputedStyle(card).paddingLeft) - parseFloat(getComputedStyle(card).paddingRight);
      if (chart.getBoundingClientRect().width < room - 1) problems.push(`${name(chart)} is ${Math.round(chart.getBoundingClientRect().width)} px of the card's ${Math.round(room)}`);
    }
    // Tab labels: each inside its own tab, and the tabs apart.
    const tabs = [...document.querySelectorAll("nav.tabs a")].map((a) => [a, a.getBoundingClientRect()]);
    for (const [i, [a, box]] of tabs.entries()) {
      const label = a.querySelector("span").getBoundingClientRect();
      if (label.left < box.left - 0.5 || label.right > box.right + 0.5) problems.push(`the label of ${name(a)} is wider than its tab`);
      for (const [other, next] of tabs.slice(i + 1)) {
        if (box.left < next.right - 0.5 && next.left < box.right - 0.5 && box.top < next.bottom - 0.5 && next.top < box.bottom - 0.5) problems.push(`${name(a)} overlaps ${name(other)}`);
      }
    }
    return problems;
  }, [width, height]);
}

/** Walks the screen with Tab; returns each focused control that a fixed or sticky bar covers. */
async function focusUnderBars(page, presses = 80) {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.activeElement?.blur();
  });
  const covered = [];
  let first = null;
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const box = el.getBoundingClientRect();
      // The fixed and sticky bars, found once per screen: walking every
      // element's style at each press made this test most of a minute.
      window.fixedBars ??= [...document.querySelectorAll("body *")].filter((bar) => ["fixed", "sticky"].includes(getComputedStyle(bar).position));
      const bars = window.fixedBars.filter((bar) => !bar.contains(el));
      // What is drawn on top at its top edge, middle and bottom edge: a bar
      // there covers it (the skip link, drawn over the header, is not).
      const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
      const under = [box.top + 2, box.top + box.height / 2, box.bottom - 2]
        .map((y) => document.elementFromPoint(x, Math.min(Math.max(y, 0), innerHeight - 1)))
        .map((hit) => bars.find((bar) => bar.contains(hit)))
        .filter(Boolean)
        .map((bar) => bar.className);
      const label = `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`;
      // A box taller than half the screen (a scrolling region) cannot clear every bar.
      return { label, under: box.height > innerHeight / 2 ? [] : [...new Set(under)] };
    });
    if (!focus) continue;
    if (focus.label === first) break;
    first ??= focus.label;
    if (focus.under.length) covered.push(`${focus.label} under ${focus.under.join(", ")}`);
  }
  return covered;
}

for (const size of SIZES) {
  test(`at ${size.name}: every screen fits, no text is cut off, no table breaks a word, its charts are as wide as their cards, its bars stay small, and focus is never under them`, async () => {
    for (const screen of SCREENS) {
      const page = await open(size, screen);
      const where = `${screen.path}${screen.state ? "" : " (new person)"}`;
      assert.deepEqual(await layoutProblems(page, size), [], `${where}: layout`);
      assert.deepEqual(await focusUnderBars(page), [], `${where}: focus`);
      await page.context().close();
    }
  });
}
