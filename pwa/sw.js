// Hamstring Rehab's service worker: every route works offline after the first
// visit. The build (pwa/postbuild.mjs) fills in the file list and version.
//
// Pages: from the cache at once, refreshed from the network behind it, so a
// visit never waits for the network and a new release shows on the next
// visit; offline, the cached page. Everything else has a content hash in its name,
// so cache first is safe: new HTML always asks for its own wasm by name.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
// Each route's own pre-rendered page, by path below the worker's scope.
const ROUTES = __ROUTES__;
const CACHE = `hamstring-rehab-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("hamstring-rehab-") && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    const scope = new URL(self.registration.scope).pathname;
    const path = new URL(request.url).pathname.slice(scope.length - 1).replace(/\/(index\.html)?$/, "") || "/";
    const file = ROUTES[path];
    if (!file) {
      // Not a page of the app: the host's answer, or offline the not-found page.
      event.respondWith(fetch(request).catch(() => caches.match("./404.html", { cacheName: CACHE })));
      return;
    }
    const refresh = fetch(request).then(async (response) => {
      if (response.ok && !response.redirected) await (await caches.open(CACHE)).put(file, response.clone());
      return response;
    });
    event.respondWith(caches.match(file, { cacheName: CACHE }).then((cached) => cached ?? refresh));
    event.waitUntil(refresh.catch(() => {}));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((cached) => cached ?? fetch(request)));
});
