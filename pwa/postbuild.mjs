// Trunk post-build hook. In the staging folder it:
//  - renders every route with the app's own components (the native
//    `prerender` binary, Leptos's ssr feature) and writes one file per route:
//    index.html, check/index.html, routine/index.html, progress/index.html and
//    404.html. The app's HTML is <body>'s very first child, so the browser
//    hydrates it (src/main.rs) instead of drawing it again;
//  - adds the base path, the theme applied before the first paint, and the
//    service-worker registration to each;
//  - in release builds, adds a Content-Security-Policy whose script-src lists
//    the SHA-256 of each inline script (trunk's loader and ours) and nothing else;
//  - writes sw.js with the files to precache and a version hash.
import { createHash } from "node:crypto";
import { readFile, writeFile, readdir, mkdir } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { join, dirname } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? "/";
const base = publicUrl.replace(/\/$/, "");
const release = process.env.TRUNK_PROFILE === "release";
const here = new URL(".", import.meta.url).pathname;

let template = await readFile(join(staging, "index.html"), "utf8");

// Absolute, so pages in sub-folders and deep links still find them.
for (const file of ["manifest.webmanifest", "apple-touch-icon.png"]) {
  template = template.replace(`href="${file}"`, `href="${publicUrl}${file}"`);
}

// The app starts after the page has painted: it is already on screen
// (rendered at build time), so nothing fetched for the app may hold up the
// first paint. No preloads, and trunk's loader waits for a frame, then
// imports the glue and the wasm. A hidden page (a tab opened in the
// background) draws no frames, so it starts after a short wait instead.
template = template
  .replace(/\s*<link rel="modulepreload"[^>]*>/g, "")
  .replace(/\s*<link rel="preload"[^>]*as="fetch"[^>]*>/g, "");
const loader = /import init, \* as bindings from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+)' \}\);/;
if (!loader.test(template)) throw new Error("trunk's loader script has changed: update pwa/postbuild.mjs");
template = template.replace(
  loader,
  (_, glue, wasm) => `await new Promise((resolve) => { requestAnimationFrame(() => setTimeout(resolve)); setTimeout(resolve, 200); });
const bindings = await import('${glue}');
const wasm = await bindings.default({ module_or_path: '${wasm}' });`,
);

// The app reads its base path from here (src/browser.rs, `base`).
template = template.replace("<head>", `<head>\n    <meta name="app-base" content="${base}" />`);

// Before the first paint: the saved theme (the app sets it again once it
// runs), and whether this is a returning person, whose routine page hides
// the first visit's phase choice until the app shows their own session.
const boot = `(function () {
  var root = document.documentElement;
  try {
    var state = JSON.parse(localStorage.getItem("hamstring-rehab:state")).state;
    if (state.programme || (state.check_results && Object.keys(state.check_results).length)) root.setAttribute("data-returning", "");
    var theme = state.settings.value.theme;
    if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
  } catch (e) {}
})();`;
const register = `<script type="module">if ("serviceWorker" in navigator) addEventListener("load", () => navigator.serviceWorker.register(${JSON.stringify(publicUrl + "sw.js")}));</script>`;
template = template.replace("</head>", `  <script>${boot}</script>\n    ${register}\n  </head>`);

if (release) {
  const hashes = [...template.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`,
  );
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
  template = template.replace("<head>", `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
}

// Every route, rendered by the app's own components.
const pages = JSON.parse(
  execFileSync("cargo", ["run", "--quiet", "--offline", "--bin", "prerender"], {
    encoding: "utf8",
    env: { ...process.env, APP_BASE: base },
    maxBuffer: 16 * 1024 * 1024,
  }),
);
const escapeHtml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const FILES = { "/": "index.html", "/check": "check/index.html", "/routine": "routine/index.html", "/progress": "progress/index.html", "/404": "404.html" };
for (const [route, file] of Object.entries(FILES)) {
  const page = pages[route];
  if (!page) throw new Error(`the build-time render has no ${route}`);
  const html = template
    .replace(/<title>[\s\S]*?<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
    // No whitespace before the app: hydration starts at <body>'s first child.
    .replace(/<body>\s*/, `<body data-prerendered="${route}">${page.html}\n    `);
  await mkdir(dirname(join(staging, file)), { recursive: true });
  await writeFile(join(staging, file), html);
}

const files = (await readdir(staging)).filter((name) => !["sw.js", "_headers", "404.html", "check", "routine", "progress", "exercises"].includes(name) && !name.startsWith("."));
// The exercise pictures: small, and needed offline in the middle of a session.
const pictures = (await readdir(join(staging, "exercises"))).map((name) => `exercises/${name}`);
const routeFiles = Object.entries(FILES).filter(([route]) => route !== "/404");
const version = createHash("sha256");
for (const name of [...files.sort(), ...pictures, ...routeFiles.map(([, file]) => file)]) version.update(name).update(await readFile(join(staging, name)));
const precache = ["./", ...files.map((name) => `./${name}`), ...pictures.map((name) => `./${name}`), ...routeFiles.map(([, file]) => `./${file}`)];
const worker = (await readFile(join(here, "sw.js"), "utf8"))
  .replace("__VERSION__", version.digest("hex").slice(0, 16))
  .replace("__PRECACHE__", JSON.stringify([...new Set(precache)]))
  .replace("__ROUTES__", JSON.stringify(Object.fromEntries(routeFiles.map(([route, file]) => [route, `./${file}`]))));
await writeFile(join(staging, "sw.js"), worker);
