// Service worker: offline once loaded. Plain JS, no framework.
//
// The build (tools/sw-precache.sh, a trunk post_build hook) prepends a line
//   self.IUC_BUILD = { version: "<hash of every file in the build>", files: [...] };
// so the cache name changes exactly when a file changes (never hand-bumped), and a changed
// build is a byte-different sw.js, which is how the browser notices an update.
//
// Strategy: precache the whole build under `iuc-<version>` (taking what the page already
// downloaded from the hand-over cache, below), but for the other languages' strings: each is
// kept once it is used (a visit in French has French offline, and never downloads the four
// languages it does not show). The app shell and hashed files are served cache-first (the page
// always runs the version of its worker: files of two versions are never mixed), data files and
// strings stale-while-revalidate. A new worker waits until the page asks it to
// take over ("A new version is available — Reload"), then old caches are deleted on activate.
/* global self, caches, fetch, Response, URL */
const BUILD = self.IUC_BUILD || null;
const PREFIX = 'iuc-';
const CACHE = BUILD ? PREFIX + BUILD.version : null;
const SCOPE = new URL(self.registration ? self.registration.scope : './', self.location).href;

// On a first visit the page has already downloaded the WASM and the data before this worker
// installs (it registers when the page is idle). The page hands those responses over in a cache
// of this name (boot.js for the WASM, src/data.rs for the data files), and the install takes them
// from there instead of downloading them a second time. It takes the files of this build's list,
// and the language the page was shown in (`i18n/`, not in the list); the hand-over cache is
// deleted once the install has read it.
const HANDOFF = 'iuc-handoff';

async function precache() {
  const cache = await caches.open(CACHE);
  const handoff = await caches.open(HANDOFF);
  await Promise.all(BUILD.files.map(async (f) => {
    const url = new URL(f, SCOPE).href;
    const handed = await handoff.match(url);
    if (handed && handed.ok) return cache.put(url, handed);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
    return cache.put(url, response);
  }));
  for (const request of await handoff.keys()) {
    if (new URL(request.url).pathname.startsWith(new URL('i18n/', SCOPE).pathname)) {
      const handed = await handoff.match(request);
      if (handed && handed.ok) await cache.put(request, handed);
    }
  }
  await caches.delete(HANDOFF);
}

self.addEventListener('install', (event) => {
  if (!CACHE) return; // development build: no caching
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// The pre-rendered page of a navigation's address (`about` → about/index.html), as a URL to
// cache it under, if the build has one.
function pageFor(url) {
  const rel = decodeURIComponent(url.href.slice(SCOPE.length).split(/[?#]/)[0]).replace(/(^|\/)index\.html$/, '').replace(/\/$/, '');
  const file = rel === '' ? 'index.html' : rel + '/index.html';
  return ((BUILD && BUILD.pages) || []).includes(file) ? new URL(file, SCOPE).href : null;
}

const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

async function cacheFirst(request, key) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key || request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) cache.put(key || request, response.clone());
  return response;
}

async function staleWhileRevalidate(event) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(event.request);
  const refresh = fetch(event.request)
    .then((response) => {
      if (response.ok) return cache.put(event.request, response.clone()).then(() => response);
      return response;
    })
    .catch(() => hit || Response.error());
  if (hit) {
    event.waitUntil(refresh.then(() => undefined, () => undefined));
    return hit;
  }
  return refresh;
}

self.addEventListener('fetch', (event) => {
  if (!CACHE) return;
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    // A route's own pre-rendered page when the build has one (`about` → about/index.html, cached
    // once fetched: the pairing pages are not precached), else index.html, which the app turns into
    // any route (the SPA fallback, offline too; public/pre.js hides its content meanwhile).
    const shell = new URL('index.html', SCOPE).href;
    const page = pageFor(url);
    const answer = page
      ? cacheFirst(request, page).catch(() => cacheFirst(request, shell))
      : cacheFirst(request, shell);
    event.respondWith(answer.catch(() => fetch(request)));
  } else if (url.pathname.includes('/data/') || url.pathname.includes('/i18n/')) {
    event.respondWith(staleWhileRevalidate(event));
  } else if (HASHED.test(url.pathname) || BUILD.files.some((f) => new URL(f, SCOPE).pathname === url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});
