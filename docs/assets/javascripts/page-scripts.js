/*
 * Loads each page script only on the pages that have what it works on, so a first visit to a
 * page without a checklist, a map or a form does not download the scripts for them. This is
 * the one script every page loads (mkdocs.yml); SCRIPTS is the one place that says which script
 * serves which part of a page, and which scripts it needs first.
 *
 * It runs on every page the reader opens, including pages reached through the theme's instant
 * navigation, and adds each script to the document once; the scripts themselves then attach to
 * every later page through the theme's document$ (progress.js, map.js and the others).
 */
(function () {
  "use strict";

  const PROGRESS = [
    ".roadmap-checklist", "[data-progress]", "button[data-skip]", "a.roadmap-node[data-skill]", "[data-quiz]",
    "[data-roadmap-tools]", "[data-roadmap-profiles]", "[data-skill-state]", "[data-profile-current]",
    "[data-verification]", "button[data-self-report]",
  ].join(", ");
  const PROGRESS_PAGE = "[data-skill-state], [data-notes-list]";

  /**
   * file -> {serves: a CSS selector for what it works on, needs: files that must run first,
   * near: true to load it only once what it serves is scrolled near (not on the first visit
   * to a page where it sits far down)}
   */
  const SCRIPTS = {
    "progress-core.js": { serves: PROGRESS, needs: [] },
    "progress.js": { serves: PROGRESS, needs: ["progress-core.js"] },
    "quiz.js": { serves: "[data-quiz]", needs: ["progress.js"] },
    "profiles.js": { serves: "[data-roadmap-profiles], [data-profile-current]", needs: ["progress.js"] },
    "progress-transfer.js": { serves: PROGRESS_PAGE, needs: ["progress-core.js"] },
    "progress-tools.js": { serves: PROGRESS_PAGE, needs: ["progress.js", "progress-transfer.js"] },
    "plan.js": { serves: "[data-roadmap-planner]", needs: ["progress-core.js"] },
    "planner.js": { serves: "[data-roadmap-planner]", needs: ["progress.js", "plan.js"] },
    "map.js": { serves: "[data-roadmap-map]", needs: [] },
    "filters.js": { serves: "[data-roadmap-filters]", needs: [] },
    "rubric.js": { serves: "[data-rubric]", needs: ["progress.js"] },
    "exercise.js": { serves: "[data-exercise]", needs: ["progress.js"], near: true },
    "review.js": { serves: "[data-review]", needs: ["progress.js"] },
  };

  /**
   * The scripts a page needs, each after the scripts it needs, each once, in SCRIPTS order
   * otherwise. `has(selector)` says whether the page has a match.
   */
  function scriptsFor(scripts, has) {
    const order = [];
    function add(file) {
      if (order.includes(file)) return;
      for (const first of scripts[file].needs) add(first);
      order.push(file);
    }
    for (const [file, { serves }] of Object.entries(scripts)) {
      if (has(serves)) add(file);
    }
    return order;
  }

  /**
   * The site's root folder as a URL, from the theme's `base` (relative on pages, such as "../..",
   * and absolute on error pages such as 404.html, "/" or "/name/") and the page's address.
   */
  function siteRootOf(base, pageHref) {
    const folder = base || ".";
    return new URL(folder.endsWith("/") ? folder : `${folder}/`, pageHref);
  }

  const api = { SCRIPTS, scriptsFor, siteRootOf };
  // Stryker disable next-line all: the browser/Node switch (Node only takes the first branch)
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }

  // Stryker disable all: browser glue, exercised by the browser tests in tests/site
  const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
  // Resolved on the first page, where this script runs first: a script added later, after
  // instant navigation, would resolve the theme's relative base against the wrong page.
  const siteRoot = siteRootOf(config.base, location.href);
  // `ready` resolves once the scripts this page needs have run (for the browser tests).
  window.RoadmapPages = { siteRoot, ready: Promise.resolve() };
  const folder = new URL("assets/javascripts/", siteRoot);
  const added = new Set();

  let watching = null; // the observer waiting for a `near` script's part of the page

  function add(file) {
    added.add(file);
    const script = document.createElement("script");
    script.src = new URL(file, folder).href;
    script.async = false; // run in the order added: a script after those it needs
    const running = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${file} could not be loaded`));
    });
    document.head.append(script);
    return running;
  }

  function addWhenNear(file) {
    const target = document.querySelector(SCRIPTS[file].serves);
    if (!("IntersectionObserver" in window)) return add(file);
    watching = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      watching.disconnect();
      watching = null;
      add(file);
    }, { rootMargin: "600px 0px" });
    watching.observe(target);
  }

  function load() {
    const running = [];
    if (watching) watching.disconnect(); // a page left before its part was reached
    watching = null;
    for (const file of scriptsFor(SCRIPTS, (selector) => document.querySelector(selector) !== null)) {
      if (added.has(file)) continue;
      if (SCRIPTS[file].near) {
        addWhenNear(file);
        continue;
      }
      running.push(add(file));
    }
    window.RoadmapPages.ready = Promise.all(running);
  }

  if (window.document$) window.document$.subscribe(load);
  else load();

  // The copy of the site kept for reading offline (roadmap/offline.py): a built site's pages
  // link its manifest, naming the service worker beside it, which is registered for the site's
  // root OFFLINE_AFTER_MS after the page has loaded: its downloads and its writes to the cache
  // then never compete with the page's own start-up, and a reader who leaves at once downloads
  // nothing. A reader who asked their browser to save data gets no copy (about 2 MiB).
  const OFFLINE_AFTER_MS = 5000;

  function keepOffline() {
    const manifest = document.querySelector("link[rel=manifest][data-worker]");
    if (!manifest || !("serviceWorker" in navigator) || navigator.connection?.saveData) return;
    const worker = new URL(manifest.dataset.worker, manifest.href);
    navigator.serviceWorker.register(worker, { scope: new URL(".", worker).href })
      .catch((error) => console.warn(`The site cannot be kept for reading offline: ${error.message}`));
  }
  const keepOfflineLater = () => setTimeout(keepOffline, OFFLINE_AFTER_MS);
  if (document.readyState === "complete") keepOfflineLater();
  else window.addEventListener("load", keepOfflineLater, { once: true });

  // The theme's keys for search (f, s and /) on the pages that link to the search page instead
  // of carrying the theme's search (roadmap/search.py): to the header's box where it shows (from
  // 60em), else to the search page.
  document.addEventListener("keydown", (event) => {
    const box = document.querySelector(".roadmap-search input[name=q]");
    const editing = event.target.closest?.("input, textarea, select, [contenteditable]");
    if (!box || editing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!["f", "s", "/"].includes(event.key)) return;
    event.preventDefault();
    const button = document.querySelector("a.roadmap-search__button");
    if (button && getComputedStyle(button).display !== "none") button.click();
    else box.focus();
  });
})();
