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

// 3. Tick latency: tap to DOM updated and state saved, 4× CPU slowdown.
{
  const context = await browser.newContext(PROFILES.phone);
  await context.addInitScript((text) => localStorage.setItem("hamstring-rehab:state", text), envelope({ programme: { at: 1, value: { phase: "prevention", since: isoDay(-3) } } }));
  const page = await context.newPage();
  await page.goto(server.url + "/routine");
  await appReady(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const timings = await page.evaluate(async () => {
    const boxes = [...document.querySelectorAll('.sets input[type="checkbox"]')];
    const out = [];
    for (let i = 0; i < 200; i++) {
      const box = boxes[i % boxes.length];
      const before = localStorage.getItem("hamstring-rehab:state");
      const want = !box.checked;
      const start = performance.now();
      box.click();
      while (box.checked !== want || localStorage.getItem("hamstring-rehab:state") === before) {
        await Promise.resolve();
      }
      out.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 0));
    }
    return out;
  });
  const p95 = percentile(timings, 95);
  row("Tick latency, p95 of 200 taps (4× CPU slowdown)", `${p95.toFixed(1)} ms (p50 ${percentile(timings, 50).toFixed(1)} ms)`, "≤ 16 ms", p95 <= 16);
  await context.close();
}

// 4. Scale: three years of daily records against an empty store. The records
// are written in the per-record (version 1) form, then stored by the app,
// which keeps days older than four weeks in compact form.
{
  const days = {};
  const keys = ["glute-bridge:1", "bulgarian-split-squat:1:L", "bulgarian-split-squat:1:R", "bodyweight-squat:1", "bodyweight-squat:2", "bodyweight-squat:3", "foam-roll:1"];
  for (let d = 1; d <= 3 * 365; d++) {
    days[isoDay(-d)] = {
      sets: Object.fromEntries(keys.map((k) => [k, { at: 1700000000000 + d, value: true }])),
      pain_after: { at: 1700000000000 + d, value: d % 6 },
      pain_next_morning: { at: 1700000000000 + d, value: d % 4 },
    };
  }
  const written = envelope({ programme: { at: 1, value: { phase: "prevention", since: isoDay(-1100) } }, days });
  // Let the app store it the way it stores data: load it, tick once, read it back.
  const big = await (async () => {
    const context = await browser.newContext(PROFILES.phone);
    await context.addInitScript((t) => { if (!sessionStorage.getItem("seeded")) { localStorage.setItem("hamstring-rehab:state", t); sessionStorage.setItem("seeded", "1"); } }, written);
    const page = await context.newPage();
    await page.goto(server.url + "/routine");
    await page.locator(".session-count").waitFor();
    await page.locator('.sets input[type="checkbox"]').first().click();
    const text = await page.evaluate(() => localStorage.getItem("hamstring-rehab:state"));
    await context.close();
    return text;
  })();
  const startup = async (text) => {
    const samples = [];
    for (let i = 0; i < 7; i++) {
      const context = await browser.newContext(PROFILES.phone);
      if (text) await context.addInitScript((t) => localStorage.setItem("hamstring-rehab:state", t), text);
      const page = await context.newPage();
      await page.goto(server.url + "/routine");
      await page.locator(".session-count").waitFor();
      samples.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    return percentile(samples, 50);
  };
  const empty = await startup(envelope({ programme: { at: 1, value: { phase: "prevention", since: isoDay(-3) } } }));
  const full = await startup(big);
  row("Start-up with 3 years of daily records vs empty (median of 7)", `${(full / empty).toFixed(2)}× (${full.toFixed(0)} ms vs ${empty.toFixed(0)} ms)`, "≤ 1.2×", full / empty <= 1.2);
  row("Stored size of 3 years of daily records", `${(big.length / 1024).toFixed(0)} KB`, "≤ 250 KB", big.length <= 250 * 1024);
}

await browser.close();
server.close();
console.log(["| measure | result | budget | met |", "| --- | --- | --- | --- |", ...rows].join("\n"));
