// Hamstring Rehab's service worker: every route works offline after the first
// visit. The build (pwa/postbuild.mjs) fills in the file list and version.
//
// Pages: network first, so a new release is picked up on the next visit; the
// cached shell when offline. Everything else has a content hash in its name,
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
    // Offline: the route's own page, or the guide's (the app then draws the route).
    const scope = new URL(self.registration.scope).pathname;
    const path = new URL(request.url).pathname.slice(scope.length - 1).replace(/\/$/, "") || "/";
    event.respondWith(
      fetch(request)
        .then((response) => (response.ok || response.status === 404 ? response : Promise.reject(response)))
        .catch(() => caches.match(ROUTES[path] ?? "./index.html", { cacheName: CACHE })),
    );
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((cached) => cached ?? fetch(request)));
});
