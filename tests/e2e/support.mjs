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
 * For a test file: serves dist/ and starts Chromium once before its tests,
 * and stops both after them. Use `env.server.url` and `env.browser`.
 */
/**
 * The server and Chromium for one test file. Contexts opened through
 * `env.openApp` or `env.newContext` are closed after each test, passed or
 * failed, so a failed assertion never leaks a browser.
 */
export function useBrowser(serveOptions) {
  const open = new Set();
  const env = {
    /** A browser context that is closed after the test. */
    async newContext(options = {}) {
      const context = await env.browser.newContext(options);
      open.add(context);
      return context;
    },
    /**
     * A page on `profile` ("phone", "desktop" or null for `options` alone),
     * with `state` (an object, stored in an envelope) or `stored` (raw text)
     * in localStorage before any script runs, opened at `path` and started.
     */
    async openApp({ profile = "phone", path, state, stored, options = {} } = {}) {
      const context = await env.newContext({ ...(profile ? PROFILES[profile] : {}), ...options });
      if (state != null || stored != null) await seedStore(context, stored ?? envelope(state));
      const page = await openPage(context);
      if (path !== undefined) {
        await page.goto(env.server.url + path);
        await appReady(page);
      }
      return { context, page };
    },
  };
  before(async () => {
    env.server = await serveDist(serveOptions);
    env.browser = await launch();
  });
  afterEach(async () => {
    await Promise.all([...open].map((context) => context.close()));
    open.clear();
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

export const ROUTES = [
  { path: "/", heading: /hamstring/i, tab: "Guide" },
  { path: "/check", heading: /self-check/i, tab: "Self-check" },
  { path: "/routine", heading: /routine/i, tab: "Routine" },
  { path: "/progress", heading: /progress/i, tab: "Progress" },
];

/** Opens a page that fails the test on any uncaught error or console error. */
export async function openPage(context) {
  const page = await context.newPage();
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

/** Waits until the wasm app has started (not only its pre-rendered page). */
export async function appReady(page) {
  await page.locator('body[data-app="started"]').waitFor({ state: "attached" });
}

/** Runs axe with WCAG 2 A and AA rules; returns the violations, summarised. */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
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

/** The stored envelope around a state object, as the app writes it. */
export function envelope(state) {
  return JSON.stringify({ app: "hamstring-rehab", schema: 1, state });
}

/** A programme record: in `phase` since `since`. */
export function programme(phase, since = isoDay(0)) {
  return { at: 1, value: { phase, since } };
}

/** A day log with the given set keys ticked. */
export function dayLog(...keys) {
  return { sets: Object.fromEntries(keys.map((key) => [key, { at: 1, value: true }])) };
}

/** Puts `text` in the store before any page script runs, once per context. */
export async function seedStore(context, text) {
  await context.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem(key, value);
        sessionStorage.setItem("seeded", "1");
      }
    },
    [STATE_KEY, text],
  );
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
