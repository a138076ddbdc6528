// The physiotherapist summary on paper: the Progress page printed to PDF in
// Chromium (as "Print or save as PDF" and the browser's own Print do) is that
// summary alone, on at most two A4 pages for three months of records, with
// every part in it down to the last strength check and run; the text download
// holds the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { inflateSync } from "node:zlib";
import { useBrowser, isoDay } from "./support.mjs";

const env = useBrowser();

const SETS = ["glute-bridge:1", "bulgarian-split-squat:1:L", "bulgarian-split-squat:1:R", "bodyweight-squat:1", "romanian-deadlift:1"];
const stamp = (value) => ({ at: 1, value });

/** Three months of a runner's records: three sessions a week with their pain
 *  and weights, a strength check every two weeks, runs in the last four. */
function threeMonths() {
  const days = {};
  const strength_checks = {};
  const runs = {};
  for (let back = 90; back >= 1; back--) {
    if ([0, 2, 4].includes(back % 7)) {
      days[isoDay(-back)] = {
        sets: Object.fromEntries(SETS.map((key) => [key, stamp(true)])),
        pain_before: stamp(2),
        pain_after: stamp(3 + (back % 2)),
        pain_next_morning: stamp(2),
        loads: { "romanian-deadlift": stamp(back > 60 ? 50 : back > 30 ? 60 : 75) },
      };
    }
  }
  for (let back = 87; back > 3; back -= 14) strength_checks[isoDay(-back)] = stamp({ left: 12 + Math.floor((90 - back) / 14), right: 20, pain_at_rest: false });
  strength_checks[isoDay(-3)] = stamp({ left: 19, right: 20, pain_at_rest: false });
  for (let back = 27; back > 1; back -= 2) runs[isoDay(-back)] = stamp({ minutes: 10 + Math.floor((27 - back) / 2), pain_now: 2, pain_next_morning: 1 });
  runs[isoDay(-1)] = stamp({ minutes: 25, pain_now: 3, pain_next_morning: null });
  const check_results = {
    1764000000000: stamp({ day: isoDay(-40), answers: { "back-pain": ["yes"] }, verdict: { triage: { level: "soon", reasons: [{ question: "back-pain", choice: "yes" }], also: [] } } }),
  };
  return { programme: stamp({ phase: "return-to-run", since: isoDay(-28) }), days, strength_checks, runs, check_results };
}

/** "28 Nov": the app's short date, `offset` days from today. */
function shortLabel(offset) {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  return `${date.getDate()} ${date.toLocaleString("en-GB", { month: "short" }).slice(0, 3)}`;
}

/**
 * The text of each page of a PDF that Chromium printed: its content streams,
 * inflated, with each font's glyph codes read through its ToUnicode map.
 */
function pdfPages(buffer) {
  const raw = buffer.toString("latin1");
  const objects = new Map();
  for (const match of raw.matchAll(/(\d+) 0 obj\b/g)) {
    const start = match.index + match[0].length;
    let dict = raw.slice(start, raw.indexOf("endobj", start));
    let data = null;
    const streamAt = dict.indexOf("stream");
    if (streamAt >= 0) {
      const from = start + streamAt + (raw[start + streamAt + 6] === "\r" ? 8 : 7);
      const bytes = buffer.subarray(from, from + Number(/\/Length (\d+)/.exec(dict)?.[1]));
      dict = dict.slice(0, streamAt);
      data = (/FlateDecode/.test(dict) ? inflateSync(bytes) : bytes).toString("latin1");
    }
    objects.set(match[1], { dict, data });
  }
  const unicode = (id) => {
    const map = new Map();
    const text = objects.get(id)?.data ?? "";
    const chars = (hex) => String.fromCodePoint(...hex.match(/.{4}/g).map((c) => parseInt(c, 16)));
    for (const [, block] of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, code, to] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(code, 16), chars(to));
    }
    for (const [, block] of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, low, high, to] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        for (let code = parseInt(low, 16); code <= parseInt(high, 16); code++) map.set(code, String.fromCodePoint(parseInt(to, 16) + code - parseInt(low, 16)));
      }
    }
    return map;
  };
  const pages = [];
  for (const { dict } of objects.values()) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(dict)) continue;
    const fonts = new Map();
    for (const [, name, id] of (/\/Font\s*<<([^>]*)>>/.exec(dict)?.[1] ?? "").matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      fonts.set(name, unicode(/\/ToUnicode (\d+) 0 R/.exec(objects.get(id)?.dict ?? "")?.[1]));
    }
    const contents = [...(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? "").matchAll(/(\d+) 0 R/g)]
      .map(([, id]) => objects.get(id)?.data ?? "")
      .join("\n");
    let font = new Map();
    let text = "";
    for (const [, name, hex, end] of contents.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|\b(ET)\b/g)) {
      if (name) font = fonts.get(name) ?? new Map();
      else if (end) text += " ";
      else if (hex) text += hex.match(/.{4}/g).map((code) => font.get(parseInt(code, 16)) ?? "").join("");
    }
    pages.push(text.replace(/\s+/g, " ").trim());
  }
  return pages;
}

test("printed, Progress is the physiotherapist summary alone: at most two A4 pages for three months, every part in it", async () => {
  const { page } = await env.openApp({ state: threeMonths(), path: "/progress", options: { acceptDownloads: true } });
  const summary = page.getByRole("region", { name: "Summary for your physiotherapist" });
  await summary.locator('label[for="summary-12"]').tap();
  // Twelve weeks back, in whole weeks: 12 or 13 of them by the weekday.
  const weeks = Number(/sessions in (\d+) weeks/.exec(await summary.getByText(/sessions in 1[23] weeks/).innerText())[1]);
  const pages = pdfPages(await page.pdf({ preferCSSPageSize: true }));
  assert.ok(pages.length >= 1 && pages.length <= 2, `${pages.length} pages`);
  const text = pages.join(" ");
  for (const part of [
    "Hamstring Rehab: summary for a physiotherapist",
    "not a diagnosis",
    "See a GP or physiotherapist in the next one to two weeks",
    "You have had lower-back pain: the back may be involved.",
    "Phase 3 · Light running, since",
    "(4 weeks)",
    "Sessions per week",
    "Before",
    "After",
    "Next morning",
    "5 kg from",
    "7.5 kg from",
    // The last strength check and the last run, rows of their tables.
    `${shortLabel(-3)} 19 20 95% No`,
    `${shortLabel(-1)} 25 3 not rated`,
  ]) {
    assert.ok(text.includes(part), `the PDF lacks "${part}":\n${text}`);
  }
  // Nothing else of the page: no calendar, no settings, no buttons.
  for (const other of ["History", "Delete all", "Print or save as PDF", "Strength check Do as many"]) {
    assert.ok(!text.includes(other), `the PDF holds "${other}"`);
  }

  // The text download holds every part too, down to the same run.
  const downloading = page.waitForEvent("download");
  await summary.getByRole("button", { name: "Download as text" }).tap();
  const file = await readFile(await (await downloading).path(), "utf8");
  assert.match(file, /LATEST SELF-CHECK\n-+\n.*See a GP or physiotherapist/);
  assert.ok(file.includes(`- ${shortLabel(-3)}: left 19, right 20; weaker side 95% of the stronger`), file);
  assert.ok(file.includes(`- ${shortLabel(-1)}: 25 min, pain 3 after, not rated next morning`), file);
  assert.equal(file.split("\n- Week of ").length - 1, weeks, "one line per week of the period");
});

test("a person who started two weeks ago gets their two weeks, not twelve, on screen and in the summary", async () => {
  const days = { [isoDay(-9)]: { sets: { "glute-bridge:1": stamp(true) }, pain_after: stamp(3) }, [isoDay(-2)]: { sets: { "glute-bridge:1": stamp(true) }, pain_after: stamp(2) } };
  const { page } = await env.openApp({ state: { programme: stamp({ phase: "foundation", since: isoDay(-9) }), days }, path: "/progress" });
  const rows = await page.getByRole("region", { name: "Sessions per week" }).locator("tbody tr").count();
  assert.ok(rows >= 2 && rows <= 3, `${rows} weeks listed`);
  // Two ratings in nine days: no choice of span, and the chart starts at the first.
  const pain = page.getByRole("region", { name: "Pain after sessions" });
  assert.equal(await pain.locator(".chart-span").count(), 0);
  const label = await pain.locator("svg").getAttribute("aria-label");
  assert.match(label, new RegExp(`^Pain after sessions, \\w+ ${new Date(Date.now() - 9 * 864e5).getDate()} `));
  const summary = page.getByRole("region", { name: "Summary for your physiotherapist" });
  await summary.locator('label[for="summary-12"]').tap();
  await summary.getByText(/2 sessions in [23] weeks/).waitFor();
});

test("a new person is told what Progress will show", async () => {
  const { page } = await env.openApp({ path: "/progress" });
  await page.getByText(/Nothing recorded yet\. As you train, this page fills in/).waitFor();
  await page.getByText("Each week's sessions will show here from the week you start.").waitFor();
  assert.equal(await page.getByRole("region", { name: "Sessions per week" }).locator("table").count(), 0);
});
