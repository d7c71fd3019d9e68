/*
 * The site's service worker: a copy of the site in the reader's browser, so that every page
 * reads offline after one visit. The build writes it to the site's root as sw.js, with BUILD
 * filled in (roadmap/offline.py); page-scripts.js registers it seconds after a page has loaded.
 *
 * - install: download every file in BUILD.files into a cache named for BUILD.version,
 *   revalidating the browser's HTTP cache (a fresh copy there may come from an older build);
 * - activate: delete this site's caches of other versions, never those of other sites on the
 *   same origin (GitHub Pages serves every project site of a user from one), and serve the
 *   pages already open;
 * - fetch: network first, so that online a reader always gets the site as published, and the
 *   copy when the network fails. A file outside the list (the exercises' Python runtime, a
 *   notebook's download) is kept once fetched, for the next time offline.
 */
(function () {
  "use strict";

  const BUILD = { version: "dev", files: [] }; // filled in by roadmap/offline.py
  const PREFIX = "roadmap-offline ";

  /** The cache of one version of the site at `scope` (the site root's URL). */
  function cacheName(scope, version) {
    return `${PREFIX}${scope} ${version}`;
  }

  /**
   * Of the origin's cache names, those of the site at `scope` with another version. A scope
   * holds no space, so another site's names (a longer or shorter scope) never match.
   */
  function staleCaches(names, scope, version) {
    const own = cacheName(scope, "");
    return names.filter((name) => name.startsWith(own) && name !== cacheName(scope, version));
  }

  /**
   * What a request for `url` is kept under: the URL without its query and fragment, a
   * folder's index.html as the folder (as links write it); null outside `scope`.
   */
  function keyOf(url, scope) {
    const key = new URL(url);
    key.search = "";
    key.hash = "";
    if (!key.href.startsWith(scope)) return null;
    if (key.pathname.endsWith("/index.html")) key.pathname = key.pathname.slice(0, -"index.html".length);
    return key.href;
  }

  const api = { BUILD, cacheName, staleCaches, keyOf };
  // Stryker disable next-line all: the worker/Node switch (Node only takes the first branch)
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }

  // Stryker disable all: worker glue, exercised by the browser tests in tests/site
  const scope = self.registration.scope;
  const current = cacheName(scope, BUILD.version);
  const listed = new Set(BUILD.files.map((file) => keyOf(new URL(file, scope).href, scope)));

  self.addEventListener("install", (event) => {
    const requests = [...listed].map((url) => new Request(url, { cache: "no-cache" }));
    event.waitUntil(
      caches.open(current)
        .then((cache) => cache.addAll(requests))
        .then(() => self.skipWaiting()),
    );
  });

  self.addEventListener("activate", (event) => {
    event.waitUntil(
      caches.keys()
        .then((names) => Promise.all(staleCaches(names, scope, BUILD.version).map((name) => caches.delete(name))))
        .then(() => self.clients.claim()),
    );
  });

  async function networkFirst(request, key) {
    const cache = await caches.open(current);
    let response;
    try {
      response = await fetch(request);
    } catch (error) {
      const copy = await cache.match(key, { ignoreVary: true });
      if (copy) return copy;
      throw error;
    }
    if (!listed.has(key) && response.status === 200 && response.type === "basic") {
      cache.put(key, response.clone()).catch(() => {}); // a full disk only costs the copy
    }
    return response;
  }

  self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") return;
    if (request.cache === "only-if-cached" && request.mode !== "same-origin") return;
    const key = keyOf(request.url, scope);
    if (key) event.respondWith(networkFirst(request, key));
  });
})();
