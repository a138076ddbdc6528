// Trunk post-build hook. In the staging folder it:
//  - puts the guide, rendered natively from the same content, into the body,
//    so it paints before the wasm loads (the app replaces it when it starts);
//  - adds the service-worker registration to index.html;
//  - in release builds, adds a Content-Security-Policy whose script-src lists
//    the SHA-256 of each inline script (trunk's loader and ours) and nothing else;
//  - writes sw.js with the list of files to precache and a version hash;
//  - copies index.html to 404.html, so static hosts open deep links.
import { createHash } from "node:crypto";
import { readFile, writeFile, readdir } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? "/";
const release = process.env.TRUNK_PROFILE === "release";
const here = new URL(".", import.meta.url).pathname;

let html = await readFile(join(staging, "index.html"), "utf8");

// Absolute, so deep links such as /no/such/page still find them.
for (const file of ["manifest.webmanifest", "apple-touch-icon.png"]) {
  html = html.replace(`href="${file}"`, `href="${publicUrl}${file}"`);
}

// The guide page, then a small synchronous script: apply a saved theme before
// the first paint, and on other routes keep only the app's frame.
// Its links are app paths ("/check"): put them under the public URL.
const guide = execFileSync("cargo", ["run", "--quiet", "--offline", "--bin", "prerender"], { encoding: "utf8" })
  .replaceAll('href="/', `href="${publicUrl}`);
const boot = `(function () {
  var root = document.documentElement, shell = document.getElementById("prerender");
  try {
    var theme = JSON.parse(localStorage.getItem("hamstring-rehab:state")).state.settings.value.theme;
    if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
  } catch (e) {}
  if (location.pathname !== ${JSON.stringify(publicUrl)}) {
    shell.querySelector("main").replaceChildren();
    shell.querySelectorAll("[aria-current]").forEach(function (link) { link.removeAttribute("aria-current"); });
  }
})();`;
html = html.replace("<body>", `<body>\n    <div id="prerender">${guide}</div>\n    <script>${boot}</script>`);

// The app reads its base path from here (src/app/mod.rs, `base`).
html = html.replace("<head>", `<head>\n    <meta name="app-base" content="${publicUrl.replace(/\/$/, "")}" />`);

const register = `<script type="module">if ("serviceWorker" in navigator) navigator.serviceWorker.register(${JSON.stringify(publicUrl + "sw.js")});</script>`;
html = html.replace("</head>", `  ${register}\n  </head>`);

if (release) {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
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
  html = html.replace("<head>", `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
}

await writeFile(join(staging, "index.html"), html);
await writeFile(join(staging, "404.html"), html);

const files = (await readdir(staging)).filter((name) => !["sw.js", "404.html"].includes(name) && !name.startsWith("."));
const version = createHash("sha256");
for (const name of files.sort()) version.update(name).update(await readFile(join(staging, name)));
const precache = ["./", ...files.map((name) => `./${name}`)];
const worker = (await readFile(join(here, "sw.js"), "utf8"))
  .replace("__VERSION__", version.digest("hex").slice(0, 16))
  .replace("__PRECACHE__", JSON.stringify(precache));
await writeFile(join(staging, "sw.js"), worker);
