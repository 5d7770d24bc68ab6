// @ts-nocheck -- a template: write-sw.ts fills in __PRECACHE__ (service worker globals, not DOM).
/*
 * The site's service worker (Service Workers spec, https://www.w3.org/TR/service-workers/):
 * after the first visit every page and the terminal's code work offline.
 * Generated into dist/sw.js by src/site/sw/write-sw.ts, which replaces
 * __VERSION__ and __PRECACHE__ (the pages and /_astro/ files of this build).
 *   install   caches every page and script of this build (one cache per version);
 *   activate  deletes the caches of older builds;
 *   fetch     same-origin GETs only: pages network-first (fresh when online, cached when
 *             not), hashed files and the search index cache-first, the rest
 *             stale-while-revalidate. Other origins are never touched.
 */
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const PREFIX = 'cvv-';
const CACHE = PREFIX + VERSION;
// Servers may answer with "Vary: Origin" (Vite's preview does); module scripts are
// requested with an Origin header and precache requests without, so match by URL.
const MATCH = { ignoreVary: true };

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => Promise.all(PRECACHE.map((url) => cache.add(new Request(url, { cache: 'reload' })).catch(() => undefined))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function put(request, response) {
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

async function networkFirst(request) {
  try {
    return put(request, await fetch(request));
  } catch (err) {
    const cached = (await caches.match(request, { ...MATCH, ignoreSearch: true })) ?? (await caches.match(new URL(request.url).pathname.replace(/\/?$/, '/'), { ...MATCH, ignoreSearch: true }));
    if (cached) return cached;
    const notFound = await caches.match('/404.html', MATCH);
    if (notFound) return notFound;
    throw err;
  }
}

async function cacheFirst(request) {
  return (await caches.match(request, MATCH)) ?? put(request, await fetch(request));
}

// Pagefind asks for its entry file with a cache-busting "?ts=<now>": fresh when
// online, the cached copy (whatever its query) when not.
async function searchIndex(request) {
  const url = new URL(request.url);
  if (url.searchParams.has('ts')) {
    try {
      return await fetch(request);
    } catch (err) {
      const cached = await caches.match(url.pathname, { ...MATCH, ignoreSearch: true });
      if (cached) return cached;
      throw err;
    }
  }
  return cacheFirst(request);
}

async function staleWhileRevalidate(request) {
  const cached = await caches.match(request, MATCH);
  const fresh = fetch(request).then((r) => put(request, r)).catch(() => cached);
  return cached ?? fresh;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(networkFirst(request));
  else if (url.pathname.startsWith('/pagefind/')) event.respondWith(searchIndex(request));
  else if (url.pathname.startsWith('/_astro/')) event.respondWith(cacheFirst(request));
  else event.respondWith(staleWhileRevalidate(request));
});
