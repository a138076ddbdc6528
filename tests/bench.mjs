// The benchmark: first-load transfer, Lighthouse (mobile), tick latency and
// scale, printed as a Markdown table. Run it through `bash .ci/bench.sh`,
// which builds the release first. Figures, not pass/fail: budgets are shown
// beside them and recorded in docs/performance.md.
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { serveDist, launch, PROFILES, appReady, envelope, isoDay } from "./e2e/support.mjs";

const run = promisify(execFile);
const DIST = new URL("../dist/", import.meta.url);
const rows = [];
const row = (what, value, budget, ok) => rows.push(`| ${what} | ${value} | ${budget} | ${ok ? "yes" : "**no**"} |`);
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

// 1. First-load transfer: the HTML and everything it loads, gzipped.
const html = await readFile(new URL("index.html", DIST), "utf8");
const assets = [...html.matchAll(/(?:href|src)="\/([^"]+\.(?:js|wasm|css))"/g)].map((m) => m[1]);
let transfer = gzipSync(html, { level: 9 }).length;
const parts = [`html ${(transfer / 1024).toFixed(1)}`];
for (const asset of new Set(assets)) {
  const size = gzipSync(await readFile(new URL(asset, DIST)), { level: 9 }).length;
  transfer += size;
  parts.push(`${asset.split(".").pop()} ${(size / 1024).toFixed(1)}`);
}
row("First-load transfer (gzip)", `${(transfer / 1024).toFixed(1)} KB (${parts.join(", ")})`, "≤ 150 KB", transfer <= 150 * 1024);

const server = await serveDist({ fallbackStatus: 200 });
const browser = await launch();

// 2. Lighthouse 12, mobile with default throttling.
if (!process.argv.includes("--no-lighthouse")) {
  for (const path of ["/", "/check", "/routine"]) {
    const { stdout } = await run(
      "node_modules/.bin/lighthouse",
      [
        server.url + path,
        "--quiet",
        "--output=json",
        "--only-categories=performance,accessibility,best-practices,seo",
        `--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --disable-quic --no-first-run`,
      ],
      { env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout);
    const score = (id) => Math.round(report.categories[id].score * 100);
    const audit = (id) => report.audits[id].numericValue;
    const [perf, a11y, bp, seo] = ["performance", "accessibility", "best-practices", "seo"].map(score);
    const lcp = audit("largest-contentful-paint") / 1000;
    const cls = audit("cumulative-layout-shift");
    const tbt = audit("total-blocking-time");
    row(`Lighthouse ${path}: perf / a11y / best practices / SEO`, `${perf} / ${a11y} / ${bp} / ${seo}`, "≥ 95 / 100 / 100 / ≥ 95", perf >= 95 && a11y === 100 && bp === 100 && seo >= 95);
    row(`Lighthouse ${path}: LCP / CLS / TBT`, `${lcp.toFixed(2)} s / ${cls.toFixed(3)} / ${Math.round(tbt)} ms`, "≤ 1.5 s / 0 / ≤ 50 ms", lcp <= 1.5 && cls === 0 && tbt <= 50);
  }
}

// 3 and 4. Scale: five years of daily records, stored the way the app
// stores them (it is seeded in the single-key form of data version 1; the app
// rewrites it one month to a key on load), against a store holding only a
// programme. Tick latency and start-up are taken on both.
const KEYS = ["glute-bridge:1", "bulgarian-split-squat:1:L", "bulgarian-split-squat:1:R", "bodyweight-squat:1", "bodyweight-squat:2", "bodyweight-squat:3", "foam-roll:1"];
const PREVENTION = { programme: { at: 1, value: { phase: "prevention", since: isoDay(-1900) } } };

/** Every key the app stored after loading `text` once. */
async function storedByApp(text) {
  const context = await browser.newContext(PROFILES.phone);
  await context.addInitScript((t) => { if (!sessionStorage.getItem("seeded")) { localStorage.setItem("hamstring-rehab:state", t); sessionStorage.setItem("seeded", "1"); } }, text);
  const page = await context.newPage();
  await page.goto(server.url + "/routine");
  await page.locator(".session-count").waitFor();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("hamstring-rehab:month:")) || !localStorage.getItem("hamstring-rehab:state").includes('"days"'));
  const all = await page.evaluate(() => ({ ...localStorage }));
  await context.close();
  return all;
}

const seedAll = (context, entries) => context.addInitScript((all) => { for (const [k, v] of Object.entries(all)) localStorage.setItem(k, v); }, entries);

const years = 5;
const fiveYears = await (async () => {
  const days = {};
  for (let d = 1; d <= years * 365; d++) {
    days[isoDay(-d)] = {
      sets: Object.fromEntries(KEYS.map((k) => [k, { at: 1700000000000 + d, value: true }])),
      pain_after: { at: 1700000000000 + d, value: d % 6 },
      pain_next_morning: { at: 1700000000000 + d, value: d % 4 },
    };
  }
  return storedByApp(envelope({ ...PREVENTION, days }));
})();
const emptyStore = await storedByApp(envelope(PREVENTION));
const storedBytes = Object.values(fiveYears).reduce((n, text) => n + text.length, 0);
row(`Stored size of ${years} years of daily records (${Object.keys(fiveYears).length} keys)`, `${(storedBytes / 1024).toFixed(0)} KB, largest key ${(Math.max(...Object.values(fiveYears).map((t) => t.length)) / 1024).toFixed(1)} KB`, "≤ 600 KB", storedBytes <= 600 * 1024);

/** Tap to DOM updated and state saved, 4× CPU slowdown, p95 of 200 taps. */
async function tickLatency(entries) {
  const context = await browser.newContext(PROFILES.phone);
  await seedAll(context, entries);
  const page = await context.newPage();
  await page.goto(server.url + "/routine");
  await appReady(page);
  await page.locator(".session-count").waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const timings = await page.evaluate(async () => {
    const boxes = [...document.querySelectorAll('.sets input[type="checkbox"]')];
    const snapshot = () => Object.entries(localStorage).filter(([k]) => k.startsWith("hamstring-rehab:")).map(([k, v]) => k + v.length + v.slice(-64)).join("|");
    const out = [];
    for (let i = 0; i < 200; i++) {
      const box = boxes[i % boxes.length];
      const before = snapshot();
      const want = !box.checked;
      const start = performance.now();
      box.click();
      while (box.checked !== want || snapshot() === before) {
        await Promise.resolve();
      }
      out.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 0));
    }
    return out;
  });
  await context.close();
  return timings;
}
for (const [label, entries] of [["empty store", emptyStore], [`${years} years of records`, fiveYears]]) {
  const timings = await tickLatency(entries);
  const p95 = percentile(timings, 95);
  row(`Tick latency, ${label}: p95 of 200 taps (4× CPU slowdown)`, `${p95.toFixed(1)} ms (p50 ${percentile(timings, 50).toFixed(1)} ms)`, "≤ 16 ms", p95 <= 16);
}

/**
 * ms from navigation until the route's content is in the page: taken in the
 * page by a MutationObserver, so work the app defers until after the first
 * screen (loading older months) is not counted against it.
 */
async function startup(entries, path, ready) {
  const context = await browser.newContext(PROFILES.phone);
  await seedAll(context, entries);
  await context.addInitScript((selector) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector)) {
        window.readyAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  }, ready);
  const page = await context.newPage();
  await page.goto(server.url + path);
  await page.waitForFunction(() => window.readyAt !== undefined);
  const ms = await page.evaluate(() => window.readyAt);
  await context.close();
  return ms;
}
const SAMPLES = 11;
for (const [path, ready] of [["/routine", ".session-count"], ["/progress", "#pain .chart, #pain p.muted"]]) {
  const empty = [];
  const full = [];
  // Alternating, so drift on the machine falls on both sides alike.
  for (let i = 0; i < SAMPLES; i++) {
    empty.push(await startup(emptyStore, path, ready));
    full.push(await startup(fiveYears, path, ready));
  }
  const [e, f] = [percentile(empty, 50), percentile(full, 50)];
  row(`Start-up of ${path}, ${years} years of records vs empty (median of ${SAMPLES}, alternating)`, `${(f / e).toFixed(2)}× (${f.toFixed(0)} ms vs ${e.toFixed(0)} ms)`, "≤ 1.2×", f / e <= 1.2);
}

await browser.close();
server.close();
console.log(["| measure | result | budget | met |", "| --- | --- | --- | --- |", ...rows].join("\n"));
