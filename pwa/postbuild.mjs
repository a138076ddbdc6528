// Trunk post-build hook. In the staging folder it:
//  - renders every route with the app's own components (the native
//    `prerender` binary, Leptos's ssr feature) and writes one file per route
//    (index.html, check/index.html, routine/index.html, progress/index.html,
//    404.html; the list is `Route::ALL` in src/app.rs, also written to
//    routes.json for the tests). The app's HTML is <body>'s very first
//    child, so the browser hydrates it instead of drawing it again;
//  - gives each page the loader of its own entry (src/bin/app-*.rs): trunk
//    builds the guide's as its main module and the others as extra modules,
//    which this step names by content hash;
//  - adds the base path, the boot script (pwa/boot.js: theme before the
//    first paint, taps held until the app runs, the routine's snapshot of
//    the person's own screen) and the service-worker registration to each;
//  - in release builds, adds a Content-Security-Policy whose script-src lists
//    the SHA-256 of each inline script of that page and nothing else;
//  - writes sw.js with the files to precache and a version hash, and a
//    brotli and a gzip copy beside every text file and wasm, for hosts that
//    serve precompressed files.
// With HR_ALSO_PUBLIC_URL and HR_ALSO_DIST set (the tests: `/rehab/` into
// dist-subpath), it also writes the site for that base path: trunk's build
// for another base differs only in the pages and the worker (its wasm, glue
// and stylesheet are the same bytes), so one build makes both.
import { createHash } from "node:crypto";
import { readFile, writeFile, readdir, mkdir, rename, rm, cp } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { join, dirname, extname, resolve } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { transform } from "esbuild";

const staging = process.env.TRUNK_STAGING_DIR;
const trunkUrl = process.env.TRUNK_PUBLIC_URL ?? "/";
const release = process.env.TRUNK_PROFILE === "release";
const here = new URL(".", import.meta.url).pathname;
const hash16 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

let template = await readFile(join(staging, "index.html"), "utf8");

// Each entry's glue and wasm. The main one trunk names and loads itself (its
// loader is replaced below); the others it writes as <entry>.js and
// <entry>_bg.wasm, named here by content hash so they can be cached for good.
template = template
  .replace(/\s*<link rel="modulepreload"[^>]*>/g, "")
  .replace(/\s*<link rel="preload"[^>]*as="fetch"[^>]*>/g, "");
const trunkLoader = /<script type="module">\s*import init, \* as bindings from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+)' \}\);[\s\S]*?<\/script>/;
const main = template.match(trunkLoader);
if (!main) throw new Error("trunk's loader script has changed: update pwa/postbuild.mjs");
const entries = { "app-guide": { glue: main[1].slice(trunkUrl.length), wasm: main[2].slice(trunkUrl.length) } };
for (const name of await readdir(staging)) {
  const extra = name.match(/^(app-[a-z]+)\.js$/);
  if (!extra) continue;
  const entry = extra[1];
  const glueBytes = await readFile(join(staging, name));
  const wasmBytes = await readFile(join(staging, `${entry}_bg.wasm`));
  const glue = `${entry}-${hash16(glueBytes)}.js`;
  const wasm = `${entry}-${hash16(wasmBytes)}_bg.wasm`;
  await rename(join(staging, name), join(staging, glue));
  await rename(join(staging, `${entry}_bg.wasm`), join(staging, wasm));
  entries[entry] = { glue, wasm };
}
template = template.replace(trunkLoader, "__LOADER__");

// Entries with lazily loaded parts (Leptos's #[lazy]; index.html marks them
// `rel="split-entry"`): their code asks for a link module only wasm-split
// writes, so trunk cannot bind them. As cargo-leptos does it: the linked
// wasm (its relocations kept, build.rs) is split, the main part bound with
// its linker exports kept (the parts share its memory and table), then every
// part optimised as trunk optimises the other entries (their links'
// wasm-opt settings in index.html). The link module and the parts are named
// after the whole entry's bytes, as the glue and wasm are.
const rustLink = (await readFile(resolve(here, "..", "index.html"), "utf8")).match(/<link data-trunk rel="rust"[^>]*data-wasm-opt="([^"]+)" data-wasm-opt-params="([^"]+)"/);
if (!rustLink) throw new Error("index.html's first rust link has no wasm-opt settings: update pwa/postbuild.mjs");
const wasmOpt = [`-O${rustLink[1]}`, ...rustLink[2].split(/\s+/)];
// Rewrites every `from` in the tools' output, which must hold it.
const rewrite = (text, from, to) => {
  if (!text.includes(from)) throw new Error(`wasm-split's or wasm-bindgen's output has changed (no ${from}): update pwa/postbuild.mjs`);
  return text.replaceAll(from, to);
};
const targetDir = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : resolve(here, "..", "target");
const splitEntries = [...template.matchAll(/\s*<link rel="split-entry" data-bin="([a-z-]+)"( data-parts="early")?\s*\/?>/g)];
for (const [link, entry, early] of splitEntries) {
  template = template.replace(link, "");
  const work = join(staging, `.${entry}-split`);
  const linked = join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug", `${entry}.wasm`);
  execFileSync("wasm-split-cli", ["--target", "web", "--out-name", entry, linked, join(work, "split")], { stdio: "inherit" });
  execFileSync("wasm-bindgen", ["--target", "web", "--keep-lld-exports", "--no-typescript", "--out-dir", join(work, "bound"), "--out-name", entry, join(work, "split", `${entry}.wasm`)], { stdio: "inherit" });
  const parts = (await readdir(join(work, "split"))).filter((name) => name.endsWith(".wasm") && name !== `${entry}.wasm`);
  const wasmFiles = [join(work, "bound", `${entry}_bg.wasm`), ...parts.map((name) => join(work, "split", name))];
  if (release) for (const file of wasmFiles) execFileSync("wasm-opt", [...wasmOpt, "-o", file, file], { stdio: "inherit" });
  let glueText = await readFile(join(work, "bound", `${entry}.js`), "utf8");
  let linkText = await readFile(join(work, "split", "__wasm_split.js"), "utf8");
  // As the page's loader does: a host that serves wasm with another type
  // gets it compiled from its bytes.
  if (parts.length) linkText = rewrite(linkText, "WebAssembly.instantiateStreaming(src, imports)", `src.then((response) => response.headers.get("content-type")?.startsWith("application/wasm") ? WebAssembly.instantiateStreaming(response, imports) : response.arrayBuffer().then((bytes) => WebAssembly.instantiate(bytes, imports)))`);
  // A part the page asked for early (`data-parts="early"`: pwa/boot.js,
  // `hrFetchParts`) is taken from `hrParts` once, already compiled.
  if (parts.length) {
    linkText = rewrite(linkText, "fetch(new URL(", "((url) => { const early = globalThis.hrParts?.[url.href]; if (early) delete globalThis.hrParts[url.href]; return early ?? fetch(url); })(new URL(");
    linkText = rewrite(linkText, "src.then((response) => response.headers", "src.then((response) => response instanceof WebAssembly.Module ? WebAssembly.instantiate(response, imports) : response.headers");
  }
  // Named after what they hold before their names of each other go in.
  const whole = createHash("sha256").update(glueText).update(linkText);
  for (const file of wasmFiles) whole.update(await readFile(file));
  const hash = whole.digest("hex").slice(0, 16);
  const names = { glue: `${entry}-${hash}.js`, wasm: `${entry}-${hash}_bg.wasm`, link: `${entry}-parts-${hash}.js`, early: [] };
  glueText = rewrite(glueText, `from "./__wasm_split.js"`, `from "./${names.link}"`);
  linkText = rewrite(linkText, `from "./${entry}.js"`, `from "./${names.glue}"`);
  for (const part of parts) {
    const name = `${entry}-${part.replace(/\.wasm$/, "").replace(/_\d{6,}$/, "").replace(/^split_/, "")}-${hash}.wasm`;
    linkText = rewrite(linkText, `"./${part}"`, `"./${name}"`);
    await rename(join(work, "split", part), join(staging, name));
    if (early) names.early.push(name);
  }
  await rename(join(work, "bound", `${entry}_bg.wasm`), join(staging, names.wasm));
  await writeFile(join(staging, names.glue), glueText);
  await writeFile(join(staging, names.link), linkText);
  await rm(work, { recursive: true, force: true });
  entries[entry] = names;
}

// A release's stylesheet and glue go out minified: the stylesheet's comments
// were 45% of what every page downloaded of it (8.3 KB of brotli -> 4.5 KB),
// the glue's names and layout 1.7 KB. Trunk's own minifier cannot parse the
// glue, and it would rewrite the loader this step replaces. The stylesheet's
// integrity attribute follows its new bytes.
if (release) {
  const minify = async (file, options) => {
    const { code } = await transform(await readFile(file, "utf8"), { ...options, minify: true });
    await writeFile(file, code);
    return code;
  };
  for (const { glue, link } of Object.values(entries)) {
    for (const file of [glue, link].filter(Boolean)) await minify(join(staging, file), { loader: "js", format: "esm" });
  }
  const [link, href] = template.match(/<link rel="stylesheet" href="([^"]+\.css)" integrity="[^"]+"\/?>/) ?? [];
  if (!link) throw new Error("trunk's stylesheet link has changed: update pwa/postbuild.mjs");
  const css = await minify(join(staging, href.slice(trunkUrl.length)), { loader: "css" });
  const integrity = `sha384-${createHash("sha384").update(css).digest("base64")}`;
  template = template.replace(link, link.replace(/integrity="[^"]+"/, `integrity="${integrity}"`));
}

// Over the network, the app's code is asked for once the page has painted:
// the page is already on screen (rendered at build time), and code that
// arrives before the first paint competes with it. Lighthouse showed it:
// with the fetch started as soon as the page was parsed and styled, the wasm
// sometimes arrived before the first paint and was counted in it (LCP on
// /check 1.95 and 2.11 s in two of five runs, 0.90 s in the others and for
// the no-script page); a preload in the head did so every time
// (docs/performance.md, session 7). A page the service worker answers gets
// the code from its cache, which takes nothing from the paint: there it is
// asked for at once (waiting for the paint there made tab to tab 426 ->
// 658 ms). So does a returning person's page (pwa/boot.js starts the fetch
// in the head, before the stylesheet, \`hrCode\`): what they wait for is the app, not the
// build-time page. The browser compiles the stream off the main thread; the app runs
// once the first contents are on screen, or at once in a tab that draws
// nothing. A host that serves the wasm with another type gets it compiled
// from its bytes.
// An entry's parts marked `data-parts="early"` are needed for a returning
// person's first screen: fetched beside the code (the boot script asks for
// them with it; a page the worker answers, at once), and on a first visit
// once the code has come, while it starts.
const loader = ({ glue, wasm, link, early: earlyParts = [] }, publicUrl) => `<script type="module">
const painted = new Promise((resolve) => {
  const after = () => setTimeout(resolve);
  if (document.hidden) return resolve();
  addEventListener("visibilitychange", resolve, { once: true });
  if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) return requestAnimationFrame(after);
  new PerformanceObserver((list, observer) => {
    if (list.getEntries().some((entry) => entry.name === "first-contentful-paint")) { observer.disconnect(); after(); }
  }).observe({ type: "paint", buffered: true });
});
const early = window.hrCode;
if (!early && !navigator.serviceWorker?.controller) await painted;${earlyParts.length ? `
if (navigator.serviceWorker?.controller) hrFetchParts();` : ""}
const code = (early ?? fetch('${publicUrl}${wasm}')).then((response) =>
  response.headers.get("content-type")?.startsWith("application/wasm")
    ? WebAssembly.compileStreaming(response)
    : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)));${earlyParts.length ? "\ncode.then(hrFetchParts, () => {});" : ""}
const bindings = import('${publicUrl}${glue}');${link ? `\nimport('${publicUrl}${link}').catch(() => {});` : ""}
await painted;
await (await bindings).default({ module_or_path: await code });
</script>`;

// Precompressed copies, for hosts that serve them (nginx gzip_static and
// brotli_static, Netlify, Cloudflare) and for the tests' static server.
const compressible = new Set([".html", ".js", ".wasm", ".css", ".svg", ".json", ".webmanifest", ".txt"]);
async function compress(file) {
  if (!compressible.has(extname(file))) return;
  const bytes = await readFile(file);
  await writeFile(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  await writeFile(`${file}.gz`, gzipSync(bytes, { level: 9 }));
}

/** Writes the pages, routes.json and sw.js of the site served at `publicUrl` into `dir`; returns their names. */
async function writeSite(dir, publicUrl) {
  const base = publicUrl.replace(/\/$/, "");
  let layout = template;
  // Trunk's own links (stylesheet, icon) name the base it built for.
  if (publicUrl !== trunkUrl) layout = layout.replaceAll(`href="${trunkUrl}`, `href="${publicUrl}`);
  // Absolute, so pages in sub-folders and deep links still find them.
  for (const file of ["manifest.webmanifest", "apple-touch-icon.png"]) {
    layout = layout.replace(`href="${file}"`, `href="${publicUrl}${file}"`);
  }
  // The app reads its base path from here (src/browser.rs, `base`).
  layout = layout.replace("<head>", `<head>\n    <meta name="app-base" content="${base}" />`);

  // Every route, rendered by the app's own components.
  const pages = JSON.parse(
    execFileSync("cargo", ["run", "--quiet", "--offline", "--bin", "prerender"], {
      encoding: "utf8",
      env: { ...process.env, APP_BASE: base },
      maxBuffer: 16 * 1024 * 1024,
    }),
  );
  const files = Object.fromEntries(pages.map((page) => [page.path, page.file]));

  // Before the first paint, on each page: its boot script (pwa/boot.js),
  // which also keeps the person's own screen on the routes listed here.
  // Its comments stay in the file, not in every page.
  const bootScript = (await readFile(join(here, "boot.js"), "utf8")).replace(/^\s*\/\/.*\n/gm, "");
  const SNAPSHOT_ROUTES = ["/routine"];
  const boot = (page) =>
    bootScript
      .replace("__BASE__", () => JSON.stringify(base))
      .replace("__FILES__", () => JSON.stringify(files))
      .replace("__ROUTE__", () => JSON.stringify(page.path))
      .replace("__BUILD__", () => JSON.stringify(entries[page.entry].wasm))
      .replace("__PARTS__", () => JSON.stringify(entries[page.entry].early ?? []))
      .replace("__SNAPSHOT__", () => JSON.stringify(SNAPSHOT_ROUTES));
  // Right after the page's content: its snapshot, if the boot script kept one.
  const afterPage = (page) => (SNAPSHOT_ROUTES.includes(page.path) ? "<script>window.hrShowSnapshot && hrShowSnapshot()</script>" : "");
  // The worker is registered once this page's app has started: installing
  // it downloads every page's code for offline use (about 790 KB of brotli),
  // and begun at the page's load event, soon after its first paint, that
  // download shared a phone's network with this page's own code. (It also
  // made the benchmark's cold visits partly warm: docs/performance.md,
  // session 13.)
  const register = `<script type="module">if ("serviceWorker" in navigator) {
  const register = () => navigator.serviceWorker.register(${JSON.stringify(publicUrl + "sw.js")});
  const started = () => document.body?.getAttribute("data-app") === "started";
  if (started()) register();
  else new MutationObserver((_, observer) => { if (started()) { observer.disconnect(); register(); } })
    .observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ["data-app"] });
}</script>`;

  const policy = (html) => {
    const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
      ([, body]) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`,
    );
    return [
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
  };

  if (!layout.includes('<link rel="stylesheet"')) throw new Error("no stylesheet link in trunk's page: update pwa/postbuild.mjs");
  const escapeHtml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  for (const page of pages) {
    const entry = entries[page.entry];
    if (!entry) throw new Error(`no build of the entry ${page.entry} (index.html lists each one)`);
    let html = layout
      .replace("__LOADER__", loader(entry, publicUrl))
      // Before the stylesheet: a script after it waits until it has loaded,
      // and a returning person's code is asked for from here.
      .replace(/<link rel="stylesheet"/, (link) => `<script>${boot(page)}</script>\n    ${link}`)
      .replace("</head>", `  ${register}\n  </head>`)
      .replace(/<title>[\s\S]*?<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
      // No whitespace before the app: hydration starts at <body>'s first child.
      .replace(/<body>\s*/, `<body data-prerendered="${page.path}">${page.html}${afterPage(page)}\n    `);
    if (release) html = html.replace("<head>", `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy(html)}" />`);
    await mkdir(dirname(join(dir, page.file)), { recursive: true });
    await writeFile(join(dir, page.file), html);
  }
  // For the tests: the same list of routes, not a copy of it.
  await writeFile(join(dir, "routes.json"), JSON.stringify(pages.map(({ path, file, entry, title }) => ({ path, file, entry, title }))));

  const routeDirs = new Set(pages.map((page) => page.file.split("/")[0]).filter((dir) => !dir.endsWith(".html")));
  // Not precached: the worker itself, the host's _headers (pwa/_headers, never
  // served), the route folders (their pages are listed below) and the
  // compressed copies (the browser asks for the file; the host picks the copy).
  const skip = (name) => ["sw.js", "_headers", "404.html", "exercises", "routes.json"].includes(name) || routeDirs.has(name) || name.startsWith(".") || /\.(br|gz)$/.test(name);
  const assets = (await readdir(dir)).filter((name) => !skip(name)).sort();
  // The exercise pictures: small, and needed offline in the middle of a session.
  const pictures = (await readdir(join(dir, "exercises"))).map((name) => `exercises/${name}`);
  const routePages = pages.filter((page) => page.path !== "/404");
  const version = createHash("sha256");
  for (const name of [...assets, ...pictures, ...routePages.map((page) => page.file)]) version.update(name).update(await readFile(join(dir, name)));
  const precache = ["./", "./404.html", ...assets.map((name) => `./${name}`), ...pictures.map((name) => `./${name}`), ...routePages.map((page) => `./${page.file}`)];
  const worker = (await readFile(join(here, "sw.js"), "utf8"))
    .replace("__VERSION__", version.digest("hex").slice(0, 16))
    .replace("__PRECACHE__", () => JSON.stringify([...new Set(precache)]))
    .replace("__ROUTES__", () => JSON.stringify(Object.fromEntries(routePages.map((page) => [page.path, `./${page.file}`]))));
  await writeFile(join(dir, "sw.js"), worker);
  return [...pages.map((page) => page.file), "routes.json", "sw.js"];
}

// The wasm, glue, stylesheet and pictures are the same for every base:
// compressed once, before a second site is copied from them.
for (const name of await readdir(staging, { recursive: true })) {
  if (extname(name) !== ".html") await compress(join(staging, name));
}
const sites = [[staging, trunkUrl]];
if (process.env.HR_ALSO_DIST) {
  const also = resolve(here, "..", process.env.HR_ALSO_DIST);
  await rm(also, { recursive: true, force: true });
  await cp(staging, also, { recursive: true });
  sites.push([also, process.env.HR_ALSO_PUBLIC_URL]);
}
for (const [dir, publicUrl] of sites) {
  for (const file of await writeSite(dir, publicUrl)) await compress(join(dir, file));
}
