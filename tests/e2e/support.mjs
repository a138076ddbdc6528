// Shared set-up for the end-to-end tests: a plain static server for dist/
// (like any static host: unknown paths get 404.html), Chromium through
// playwright-core, the phone and desktop profiles, and the axe scan.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";

/**
 * The body to send for `file` and the encoding it is in: the build's own
 * brotli or gzip copy beside the file (pwa/postbuild.mjs), as a host with
 * precompressed files serves it; `changed` text is gzipped on the fly.
 */
async function encoded(file, accept = "", changed = null) {
  if (changed == null) {
    for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
      if (!accept.includes(encoding)) continue;
      const body = await readFile(file + suffix).catch(() => null);
      if (body) return { body, encoding };
    }
    const body = await readFile(file);
    return accept.includes("gzip") ? { body: gzipSync(body), encoding: "gzip" } : { body };
  }
  return accept.includes("gzip") ? { body: gzipSync(changed), encoding: "gzip" } : { body: changed };
}
import { before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";

const DIST = new URL("../../dist/", import.meta.url).pathname;
/** The same app built with `--public-url /rehab/` (see .ci/test.sh). */
export const SUBPATH_DIST = new URL("../../dist-subpath/", import.meta.url).pathname;
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/**
 * Serves dist/ on a free loopback port. Unknown paths get 404.html with a 404
 * status, as on a plain static host; `fallbackStatus: 200` acts like a host
 * with a rewrite rule instead (Lighthouse refuses to audit a 404 page).
 */
export async function serveDist({ fallbackStatus = 404, dist = DIST, prefix = "" } = {}) {
  // Tests may set transformHtml to serve a changed page (a "new release").
  const state = { transformHtml: null };
  const server = createServer(async (request, response) => {
    const full = decodeURIComponent(new URL(request.url, "http://x").pathname);
    // Outside the prefix there is nothing (a sub-path deployment).
    const path = full.startsWith(prefix + "/") ? full.slice(prefix.length) : null;
    let file = path && normalize(join(dist, path.endsWith("/") ? path + "index.html" : path));
    // Like static hosts with pretty URLs: /routine is routine/index.html.
    if (file && !extname(file) && (await stat(join(file, "index.html")).catch(() => null))?.isFile()) file = join(file, "index.html");
    let status = 200;
    if (!file?.startsWith(dist) || !(await stat(file).catch(() => null))?.isFile()) {
      file = join(dist, "404.html");
      status = fallbackStatus;
    }
    const changed = extname(file) === ".html" && state.transformHtml ? Buffer.from(state.transformHtml((await readFile(file)).toString())) : null;
    const { body, encoding } = await encoded(file, request.headers["accept-encoding"], changed);
    const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-length": String(body.length), vary: "accept-encoding" };
    if (encoding) headers["content-encoding"] = encoding;
    if (state.delay) await state.delay(request.url);
    response.writeHead(status, headers);
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return Object.assign(state, { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() });
}

/**
 * Serves dist/ the way a real static host does, for the benchmark: the
 * build's brotli or gzip copy of each file, sent with Content-Length; hashed assets cached
 * for a year, pages revalidated; /route answered with route/index.html.
 * `/__anchor/<route>` is that route's page with every script removed: the
 * same HTML without JavaScript, the benchmark's anchor.
 */
export async function serveStatic({ dist = DIST } = {}) {
  const cache = new Map();
  // The anchor pages are made here, so compressed here too; every other file
  // is sent as the build compressed it.
  const load = async (file, accept, anchor) => {
    if (!anchor) return encoded(file, accept);
    if (!cache.has(file)) {
      const body = Buffer.from(
        (await readFile(file))
          .toString()
          .replace(/<script\b[\s\S]*?<\/script>/g, "")
          .replace(/<link[^>]*rel="modulepreload"[^>]*>/g, "")
          .replace(/<link[^>]*as="fetch"[^>]*>/g, "")
          .replace(/<link[^>]*\.wasm"[^>]*>/g, ""),
      );
      cache.set(file, { body, br: brotliCompressSync(body), gzip: gzipSync(body, { level: 9 }) });
    }
    const made = cache.get(file);
    if (accept.includes("br")) return { body: made.br, encoding: "br" };
    if (accept.includes("gzip")) return { body: made.gzip, encoding: "gzip" };
    return { body: made.body };
  };
  const server = createServer(async (request, response) => {
    let path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    const anchor = path.startsWith("/__anchor");
    if (anchor) path = path.slice("/__anchor".length) || "/";
    let file = normalize(join(dist, path.endsWith("/") ? path + "index.html" : path));
    if (!extname(file) && (await stat(join(file, "index.html")).catch(() => null))?.isFile()) file = join(file, "index.html");
    let status = 200;
    if (!file.startsWith(dist) || !(await stat(file).catch(() => null))?.isFile()) {
      file = join(dist, "404.html");
      status = 404;
    }
    const { body, encoding } = await load(file, request.headers["accept-encoding"] ?? "", anchor && extname(file) === ".html");
    const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css|svg)$/.test(file);
    const headers = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": String(body.length),
      "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
      vary: "accept-encoding",
    };
    if (encoding) headers["content-encoding"] = encoding;
    response.writeHead(status, headers);
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

/**
 * The server and Chromium for one test file. Contexts opened through
 * `env.openApp` or `env.newContext` are closed after each test, passed or
 * failed, so a failed assertion never leaks a browser; and every page they
 * opened must have stayed free of uncaught errors, console errors and failed
 * requests (`openPage`), unless the test allowed a problem by name
 * (`env.allowProblems`).
 */
export function useBrowser(serveOptions) {
  const open = new Set();
  const pages = new Set();
  let allowed = [];
  const env = {
    /** A browser context that is closed after the test; its pages are watched. */
    async newContext(options = {}) {
      const context = await env.browser.newContext(options);
      context.on("page", (page) => pages.add(watch(page)));
      open.add(context);
      return context;
    },
    /**
     * A page on `profile` ("phone", "desktop" or null for `options` alone),
     * with `state` (records, stored as this version of the app stores them),
     * `stored` (raw text for the main key) or `keys` (raw text by key) in
     * localStorage before any script runs, opened at `path` and started.
     */
    async openApp({ profile = "phone", path, state, stored, keys, options = {} } = {}) {
      const context = await env.newContext({ ...(profile ? PROFILES[profile] : {}), ...options });
      const entries = { ...(state != null ? storedKeys(state) : {}), ...(stored != null ? { [STATE_KEY]: stored } : {}), ...keys };
      if (Object.keys(entries).length) await seedStore(context, entries);
      const page = await openPage(context);
      if (path !== undefined) await env.visit(page, path);
      return { context, page };
    },
    /** Another tab of `context`, opened at `path` and started. */
    async openTab(context, path) {
      return env.visit(await openPage(context), path);
    },
    /** Goes to `path` in `page` and waits for the app to start there. */
    async visit(page, path) {
      await page.goto(env.server.url + path);
      await appReady(page);
      return page;
    },
    /**
     * Lets this test's pages show problems that match one of `patterns`,
     * for a test that provokes them on purpose (a storage fault); any other
     * problem still fails it.
     */
    allowProblems(...patterns) {
      allowed = patterns;
    },
  };
  before(async () => {
    env.server = await serveDist(serveOptions);
    env.browser = await launch();
  });
  afterEach(async () => {
    try {
      const problems = [...pages].flatMap((page) => page.problems).filter((problem) => !allowed.some((pattern) => pattern.test(problem)));
      assert.deepEqual(problems, [], "no page of the test had an uncaught error, a console error or a failed request");
    } finally {
      await Promise.all([...open].map((context) => context.close()));
      open.clear();
      pages.clear();
      allowed = [];
    }
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

export const PROFILES = {
  phone: {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    userAgent:
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
  },
  desktop: { viewport: { width: 1280, height: 800 } },
};

/** What each route shows: its page's heading and its tab's label. */
const SHOWN = {
  "/": { heading: /hamstring/i, tab: "Guide" },
  "/check": { heading: /self-check/i, tab: "Self-check" },
  "/routine": { heading: /routine/i, tab: "Routine" },
  "/progress": { heading: /progress/i, tab: "Progress" },
};

/**
 * Every route of the app, as the build lists them (`dist/routes.json`, from
 * `Route::ALL` in src/app.rs), each with what it shows; the not-found page
 * (`/404`) is not a route one navigates to.
 */
export const ROUTES = JSON.parse(readFileSync(join(DIST, "routes.json"), "utf8"))
  .filter((route) => route.path !== "/404")
  .map((route) => {
    if (!SHOWN[route.path]) throw new Error(`the build has a route ${route.path}: say what it shows in SHOWN (tests/e2e/support.mjs)`);
    return { ...route, ...SHOWN[route.path] };
  });

/**
 * Records on `page.problems` each uncaught error, console error and failed
 * request of `page` (once per page); `useBrowser` fails the test on any.
 */
function watch(page) {
  if (page.problems) return page;
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // A static host answers deep links with 404.html and a 404 status; that
  // document is expected. Any other failed request is a problem.
  page.on("response", (response) => {
    const isDocument = response.request().resourceType() === "document";
    if (response.status() >= 400 && !isDocument) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" && !text.startsWith("Failed to load resource")) {
      problems.push(`console error: ${text}`);
    }
  });
  page.problems = problems;
  return page;
}

/** A new page of `context`, its problems recorded (`watch`). */
export async function openPage(context) {
  return watch(await context.newPage());
}

/** Waits until the wasm app has started (not only its pre-rendered page). */
export async function appReady(page) {
  await page.locator('body[data-app="started"]').waitFor({ state: "attached" });
}

/** Reloads `page` and waits for the app to start again. */
export async function reload(page) {
  await page.reload();
  await appReady(page);
}

/**
 * Waits until what the app set off has run: it does its work in
 * microtasks, then in an animation frame (scrolling to the address's
 * section) and a zero timeout after it (the older months): a frame, a task
 * and a frame later all of that has run. For asserting that something did
 * not happen, when nothing the app does would show that it is done.
 */
export async function settled(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => done())))));
}

/**
 * Runs axe with WCAG 2 A and AA rules; returns the violations, summarised.
 * In the page itself (legacy mode): the app has no frames, and the default
 * mode opens a blank page to finish every scan (1.4 s a scan of /progress
 * here, against 0.65 s), with only the violations asked for.
 */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .options({ resultTypes: ["violations"] })
    .setLegacyMode()
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}

/** Taps on phones, clicks on desktop. */
export async function press(locator, profile) {
  if (profile === "phone") await locator.tap();
  else await locator.click();
}

export const STATE_KEY = "hamstring-rehab:state";
export const MONTH_PREFIX = "hamstring-rehab:month:";
export const QUARANTINE_PREFIX = "hamstring-rehab:quarantine:";

/** A local calendar day as YYYY-MM-DD, `offset` days from today. */
export function isoDay(offset = 0) {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The data version this build writes (`SCHEMA_VERSION` in the domain crate).
 * Seeds are stored at it, so only a test that names an older version goes
 * through a migration.
 */
export const SCHEMA_VERSION = Number(
  /pub const SCHEMA_VERSION: u32 = (\d+);/.exec(readFileSync(new URL("../../crates/domain/src/state/codec.rs", import.meta.url), "utf8"))[1],
);

/** The kinds kept one month to a key (`by_day` in `record_kinds!`, crates/domain/src/state/mod.rs). */
const BY_DAY = ["days", "symptom_scores", "strength_checks", "runs"];

/** The stored envelope around a state object (or a backup file's), at `schema`. */
export function envelope(state, schema = SCHEMA_VERSION) {
  return JSON.stringify({ app: "hamstring-rehab", schema, state });
}

/** The storage key of the month `day` (YYYY-MM-DD) is in. */
export const monthKey = (day) => MONTH_PREFIX + day.slice(0, 7);

/**
 * `state` as this version of the app stores it: the by-day kinds one month
 * to a key, the rest under the main key with the index of those months.
 */
export function storedKeys(state) {
  const main = {};
  const months = {};
  for (const [kind, records] of Object.entries(state)) {
    if (!BY_DAY.includes(kind)) {
      main[kind] = records;
      continue;
    }
    for (const [day, record] of Object.entries(records)) ((months[monthKey(day)] ??= {})[kind] ??= {})[day] = record;
  }
  const keys = Object.keys(months).sort();
  if (keys.length) main.month_index = keys.map((key) => key.slice(MONTH_PREFIX.length));
  return { ...Object.fromEntries(keys.map((key) => [key, envelope(months[key])])), [STATE_KEY]: envelope(main) };
}

/**
 * Progress's calendar button for `day` (this month or the one before), its
 * month brought up first.
 */
export async function calendarDay(page, day) {
  if (isoDay(0).slice(0, 7) !== day.slice(0, 7)) await page.getByRole("button", { name: "Previous month" }).tap();
  const [y, m, d] = day.split("-").map(Number);
  const month = new Date(y, m - 1, d).toLocaleString("en-GB", { month: "long" });
  return page.getByRole("button", { name: new RegExp(`^\\w{3} ${d} ${month} ${y}(:|$)`) });
}

/** Waits until set `set` (e.g. "glute-bridge:1") of `day` is stored as `value` (ticked). */
export function setStored(page, day, set, value = true) {
  return page.waitForFunction(
    ([key, day, set, value]) => JSON.parse(localStorage.getItem(key) ?? "{}").state?.days?.[day]?.sets?.[set]?.value === value,
    [monthKey(day), day, set, value],
  );
}

/** A programme record: in `phase` since `since`. */
export function programme(phase, since = isoDay(0)) {
  return { at: 1, value: { phase, since } };
}

/** A day log with the given set keys ticked. */
export function dayLog(...keys) {
  return { sets: Object.fromEntries(keys.map((key) => [key, { at: 1, value: true }])) };
}

/**
 * Puts `entries` ({ key: text }) in storage before any page script runs,
 * once per context: a reload or a second tab finds what the first left (a
 * cookie, shared by the context's tabs, remembers it was done).
 */
export async function seedStore(context, entries) {
  await context.addInitScript((entries) => {
    try {
      if (document.cookie.includes("seeded=1")) return;
      for (const [key, text] of Object.entries(entries)) localStorage.setItem(key, text);
      document.cookie = "seeded=1; path=/";
    } catch {
      // A document without storage (about:blank) has nothing to seed.
    }
  }, entries);
}

/**
 * The stored state as one object: the main key's records with every month
 * key's by-day records (days, scores, strength checks, runs) put together.
 */
export async function storedState(page) {
  const parts = await page.evaluate(([main, prefix]) => {
    const keys = Object.keys(localStorage).filter((key) => key === main || key.startsWith(prefix)).sort();
    return keys.map((key) => localStorage.getItem(key));
  }, [STATE_KEY, MONTH_PREFIX]);
  if (!parts.length) return null;
  const state = {};
  for (const text of parts) {
    for (const [kind, records] of Object.entries(JSON.parse(text).state)) {
      state[kind] = typeof records === "object" && records && !("at" in records) ? { ...state[kind], ...records } : records;
    }
  }
  state.days ??= {};
  return state;
}

/** The damaged copies kept aside, oldest first. */
export async function quarantined(page) {
  return page.evaluate((prefix) => {
    const keys = Object.keys(localStorage).filter((key) => key.startsWith(prefix));
    keys.sort((a, b) => Number(a.slice(prefix.length).replace(/\+/g, "")) - Number(b.slice(prefix.length).replace(/\+/g, "")));
    return keys.map((key) => localStorage.getItem(key));
  }, QUARANTINE_PREFIX);
}
