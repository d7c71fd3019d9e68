/* The prerequisite map: zoom (buttons, keys, pinch, Ctrl + wheel), the highlighted chain of
 * prerequisites of the skill under the pointer or focus, and the view kept for the visit.
 *
 * The SVG is drawn at build time (roadmap/svg.py); without this script it is a plain
 * scrollable picture. Zoom scales the SVG's width and height (its viewBox stays), so the
 * scrolling region always knows the map's true size. Pure functions first, exported for
 * `node --test` (tests/js/map.test.js); the page glue below them runs in the browser only.
 */
(function () {
  "use strict";

  const MIN_ZOOM = 0.15;
  const MAX_ZOOM = 3;
  const ZOOM_STEP = 1.25;
  // Never open a map smaller than this: node text is 14px at 100%, so about 9px here. A map
  // that only fits the screen at a smaller zoom opens at this one, and the reader scrolls.
  const READABLE_ZOOM = 0.65;
  // Fitting never enlarges the map beyond its drawn size.
  const MAX_FIT = 1;
  const VIEW_KEY = "ml-engineer-roadmap/map-view";
  const VIEW_VERSION = 1;

  /** `zoom` kept within [min, max]; anything that is not a finite number counts as 1. */
  function clampZoom(zoom, min = MIN_ZOOM, max = MAX_ZOOM) {
    const value = Number.isFinite(zoom) ? zoom : 1;
    return Math.min(max, Math.max(min, value));
  }

  /**
   * The largest zoom at which content of this size fits the viewport, rounded down to a
   * thousandth so the scaled content never overflows by rounding. A missing or non-positive
   * viewport height leaves the height free (only the width is fitted).
   */
  function fitZoom(contentWidth, viewportWidth, contentHeight, viewportHeight) {
    if (!(contentWidth > 0) || !(viewportWidth > 0)) return 1;
    let zoom = viewportWidth / contentWidth;
    if (contentHeight > 0 && viewportHeight > 0) zoom = Math.min(zoom, viewportHeight / contentHeight);
    return clampZoom(Math.floor(Math.min(zoom, MAX_FIT) * 1000) / 1000);
  }

  /** The zoom a map opens at: fitted to the screen, unless that would be too small to read. */
  function startZoom(fit, readable = READABLE_ZOOM) {
    return clampZoom(Math.max(fit, Math.min(readable, MAX_FIT)));
  }

  /** One step in (`direction` 1) or out (-1) from `zoom`, within the allowed range. */
  function stepZoom(zoom, direction) {
    return clampZoom(clampZoom(zoom) * ZOOM_STEP ** Math.sign(direction));
  }

  /** The zoom while pinching: the zoom at the start, scaled as the fingers moved apart. */
  function pinchZoom(zoomAtStart, distanceAtStart, distance) {
    if (!(distanceAtStart > 0) || !(distance > 0)) return clampZoom(zoomAtStart);
    return clampZoom(zoomAtStart * (distance / distanceAtStart));
  }

  /**
   * The scroll offset (one axis) that keeps the content under `anchor` (a position in the
   * viewport, from its left or top edge) in place when the zoom changes from `from` to `to`.
   */
  function anchoredScroll(scroll, anchor, from, to) {
    if (!(from > 0) || !(to > 0)) return scroll;
    return Math.max(0, ((scroll + anchor) / from) * to - anchor);
  }

  /** "in", "out" or "fit" for a key pressed in the map, else null. Keys with Ctrl, Alt or
   * Meta belong to the browser (Ctrl + plus zooms the page). */
  function keyAction(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return null;
    if (event.key === "+" || event.key === "=") return "in";
    if (event.key === "-" || event.key === "_") return "out";
    if (event.key === "0") return "fit";
    return null;
  }

  /**
   * The skill `id` and every skill it builds on, directly or through others: `graph` maps each
   * skill id to its prerequisites' ids. Each id once, nearest first; ids missing from the graph
   * are kept but not followed, and a cycle ends where it closes.
   */
  function prerequisiteChain(graph, id) {
    if (!Object.prototype.hasOwnProperty.call(graph, id)) return [];
    const seen = new Set([id]);
    const queue = [id];
    for (let i = 0; i < queue.length; i += 1) {
      const prerequisites = Object.prototype.hasOwnProperty.call(graph, queue[i]) ? graph[queue[i]] : [];
      for (const prerequisite of prerequisites) {
        if (!seen.has(prerequisite)) {
          seen.add(prerequisite);
          queue.push(prerequisite);
        }
      }
    }
    return queue;
  }

  /** The saved views (by page path) from the stored text; anything unreadable counts as none. */
  function parseViews(text) {
    try {
      const data = JSON.parse(text);
      if (data && data.version === VIEW_VERSION && data.views && typeof data.views === "object") {
        return data.views;
      }
    } catch (error) {
      // unreadable: start afresh
    }
    return {};
  }

  /**
   * One page's saved view, checked: {zoom, left, top, mode} or null. `mode` is "start" while
   * the reader has not zoomed (the zoom is then recomputed for the screen), "fit" after Fit,
   * "manual" after any other zoom.
   */
  function viewFor(views, path) {
    const view = Object.prototype.hasOwnProperty.call(views, path) ? views[path] : null;
    if (!view || typeof view !== "object") return null;
    const mode = ["start", "fit", "manual"].includes(view.mode) ? view.mode : "manual";
    const number = (value) => (Number.isFinite(value) && value >= 0 ? value : 0);
    return { zoom: clampZoom(view.zoom), left: number(view.left), top: number(view.top), mode };
  }

  /** The stored text with `path`'s view replaced. */
  function storeView(text, path, view) {
    const views = parseViews(text);
    views[path] = view;
    return JSON.stringify({ version: VIEW_VERSION, views });
  }

  const api = {
    MIN_ZOOM,
    MAX_ZOOM,
    READABLE_ZOOM,
    VIEW_KEY,
    clampZoom,
    fitZoom,
    startZoom,
    stepZoom,
    pinchZoom,
    anchoredScroll,
    keyAction,
    prerequisiteChain,
    parseViews,
    viewFor,
    storeView,
  };

  // Stryker disable all: the page glue below runs in the browser only (the browser tests in
  // tests/site cover it); mutation testing covers the pure functions above.
  if (typeof document !== "undefined") {
    const maps = new Set();

    function readStored() {
      try {
        return window.sessionStorage.getItem(VIEW_KEY);
      } catch (error) {
        return null; // storage blocked: the view is simply not kept
      }
    }

    function writeStored(text) {
      try {
        window.sessionStorage.setItem(VIEW_KEY, text);
      } catch (error) {
        // storage blocked or full: the view is simply not kept
      }
    }

    function pixels(value) {
      const number = parseFloat(value);
      return Number.isFinite(number) ? number : 0;
    }

    function setUp(block) {
      const wrap = block.querySelector(".roadmap-graph-wrap");
      const svg = wrap && wrap.querySelector("svg.roadmap-graph");
      if (!svg || !svg.viewBox || !svg.viewBox.baseVal) return null;
      block.dataset.mapAttached = "true";
      const width = svg.viewBox.baseVal.width;
      const height = svg.viewBox.baseVal.height;
      const controls = block.querySelector(".roadmap-map-controls");
      const level = block.querySelector("[data-map-level]");
      const nodes = [...svg.querySelectorAll("a.roadmap-node[data-skill]")];
      const edges = [...svg.querySelectorAll(".roadmap-edge[data-from][data-to]")];
      const graph = {};
      for (const node of nodes) {
        graph[node.dataset.skill] = (node.dataset.prerequisites || "").split(/\s+/).filter(Boolean);
      }
      const path = window.location.pathname;
      const state = { zoom: 1, mode: "start" };

      /** The room the map has inside its scrolling region, without borders and padding. */
      function room() {
        const style = window.getComputedStyle(wrap);
        const box = wrap.getBoundingClientRect();
        const across = pixels(style.borderLeftWidth) + pixels(style.borderRightWidth);
        const padX = pixels(style.paddingLeft) + pixels(style.paddingRight);
        const down = pixels(style.borderTopWidth) + pixels(style.borderBottomWidth);
        const padY = pixels(style.paddingTop) + pixels(style.paddingBottom);
        const maxHeight = pixels(style.maxHeight); // 0 for "none": only the width is fitted
        return {
          width: box.width - across - padX,
          height: maxHeight ? maxHeight - (style.boxSizing === "border-box" ? down + padY : 0) : 0,
        };
      }

      function fitted() {
        const space = room();
        return fitZoom(width, space.width, height, space.height);
      }

      function save() {
        // A detached region reads as scrolled to 0: after instant navigation, keep what was saved.
        if (!wrap.isConnected) return;
        writeStored(
          storeView(readStored(), path, {
            zoom: state.zoom,
            mode: state.mode,
            left: Math.round(wrap.scrollLeft),
            top: Math.round(wrap.scrollTop),
          }),
        );
      }

      let pending = 0;
      function saveSoon() {
        if (!pending) {
          pending = window.setTimeout(() => {
            pending = 0;
            save();
          }, 120);
        }
      }

      /** Zoom to `zoom`, keeping the content under (x, y) in the region where it is. */
      function zoomTo(zoom, mode, x, y) {
        const next = clampZoom(zoom);
        const anchorX = x === undefined ? wrap.clientWidth / 2 : x;
        const anchorY = y === undefined ? wrap.clientHeight / 2 : y;
        const left = anchoredScroll(wrap.scrollLeft, anchorX, state.zoom, next);
        const top = anchoredScroll(wrap.scrollTop, anchorY, state.zoom, next);
        state.zoom = next;
        state.mode = mode;
        svg.setAttribute("width", String(Math.floor(width * next)));
        svg.setAttribute("height", String(Math.floor(height * next)));
        wrap.scrollLeft = left;
        wrap.scrollTop = top;
        wrap.dataset.zoom = String(next);
        if (level) level.textContent = `${Math.round(next * 100)}%`;
        saveSoon();
      }

      /** Where the keyboard focus is in the region, or undefined: the anchor of key zooms. */
      function focusAnchor() {
        const active = document.activeElement;
        if (!active || active === wrap || !wrap.contains(active)) return [undefined, undefined];
        const box = active.getBoundingClientRect();
        const frame = wrap.getBoundingClientRect();
        return [
          box.left + box.width / 2 - frame.left - wrap.clientLeft,
          box.top + box.height / 2 - frame.top - wrap.clientTop,
        ];
      }

      function act(action, anchor = [undefined, undefined]) {
        if (action === "fit") zoomTo(fitted(), "fit", 0, 0);
        else zoomTo(stepZoom(state.zoom, action === "in" ? 1 : -1), "manual", ...anchor);
      }

      // The chain of prerequisites of the skill under the pointer, else of the focused one.
      let hovered = null;
      let focused = null;
      function trace() {
        const id = hovered || focused;
        const chain = new Set(id ? prerequisiteChain(graph, id) : []);
        svg.classList.toggle("roadmap-tracing", chain.size > 0);
        for (const node of nodes) node.classList.toggle("roadmap-chain", chain.has(node.dataset.skill));
        for (const edge of edges) {
          edge.classList.toggle("roadmap-chain", chain.has(edge.dataset.to) && chain.has(edge.dataset.from));
        }
      }
      const nodeOf = (target) => (target && target.closest ? target.closest("a.roadmap-node[data-skill]") : null);
      svg.addEventListener("mouseover", (event) => {
        const node = nodeOf(event.target);
        hovered = node ? node.dataset.skill : null;
        trace();
      });
      svg.addEventListener("mouseleave", () => {
        hovered = null;
        trace();
      });
      wrap.addEventListener("focusin", (event) => {
        const node = nodeOf(event.target);
        focused = node ? node.dataset.skill : null;
        trace();
      });
      wrap.addEventListener("focusout", (event) => {
        if (!nodeOf(event.relatedTarget) || !wrap.contains(event.relatedTarget)) {
          focused = null;
          trace();
        }
      });

      // Zoom: buttons, keys in the region, Ctrl + wheel (and a touchpad's pinch), two fingers.
      if (controls) {
        for (const button of controls.querySelectorAll("button[data-map-zoom]")) {
          button.addEventListener("click", () => act(button.dataset.mapZoom));
        }
        controls.hidden = false;
      }
      wrap.addEventListener("keydown", (event) => {
        const action = keyAction(event);
        if (!action) return;
        event.preventDefault();
        act(action, focusAnchor());
      });
      wrap.addEventListener(
        "wheel",
        (event) => {
          if (!event.ctrlKey) return;
          event.preventDefault();
          const frame = wrap.getBoundingClientRect();
          const factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002));
          zoomTo(state.zoom * factor, "manual", event.clientX - frame.left, event.clientY - frame.top);
        },
        { passive: false },
      );
      let pinch = null;
      const spread = (touches) =>
        Math.hypot(touches[0].clientX - touches[1].clientX, touches[0].clientY - touches[1].clientY);
      wrap.addEventListener(
        "touchstart",
        (event) => {
          pinch = event.touches.length === 2 ? { distance: spread(event.touches), zoom: state.zoom } : null;
        },
        { passive: true },
      );
      wrap.addEventListener(
        "touchmove",
        (event) => {
          if (!pinch || event.touches.length !== 2) return;
          event.preventDefault();
          const frame = wrap.getBoundingClientRect();
          const x = (event.touches[0].clientX + event.touches[1].clientX) / 2 - frame.left;
          const y = (event.touches[0].clientY + event.touches[1].clientY) / 2 - frame.top;
          zoomTo(pinchZoom(pinch.zoom, pinch.distance, spread(event.touches)), "manual", x, y);
        },
        { passive: false },
      );
      const endPinch = (event) => {
        if (event.touches.length < 2) pinch = null;
      };
      wrap.addEventListener("touchend", endPinch, { passive: true });
      wrap.addEventListener("touchcancel", endPinch, { passive: true });

      // The view is kept for the visit: leaving for a skill page and coming back finds it.
      wrap.addEventListener("scroll", saveSoon, { passive: true });
      wrap.addEventListener("click", save, { capture: true });

      const saved = viewFor(parseViews(readStored()), path);
      const mode = saved ? saved.mode : "start";
      const zoom = mode === "manual" ? saved.zoom : mode === "fit" ? fitted() : startZoom(fitted());
      state.zoom = zoom; // nothing to anchor yet: the region is at its top-left corner
      zoomTo(zoom, mode, 0, 0);
      if (saved) {
        wrap.scrollLeft = saved.left;
        wrap.scrollTop = saved.top;
      }

      return {
        block,
        save,
        refit() {
          if (state.mode === "fit") zoomTo(fitted(), "fit", 0, 0);
          else if (state.mode === "start") zoomTo(startZoom(fitted()), "start", 0, 0);
        },
      };
    }

    function live() {
      for (const map of maps) if (!map.block.isConnected) maps.delete(map);
      return maps;
    }

    function attach() {
      for (const block of document.querySelectorAll("[data-roadmap-map]:not([data-map-attached])")) {
        const map = setUp(block);
        if (map) maps.add(map);
      }
      live();
    }

    let resizing = 0;
    window.addEventListener("resize", () => {
      window.cancelAnimationFrame(resizing);
      resizing = window.requestAnimationFrame(() => {
        for (const map of live()) map.refit();
      });
    });
    // Leaving the page (a full navigation, or the tab closing): keep the latest view.
    window.addEventListener("pagehide", () => {
      for (const map of live()) map.save();
    });

    if (window.document$) window.document$.subscribe(attach);
    else attach();
  }

  if (typeof module === "object" && module.exports) module.exports = api; else window.RoadmapMap = api;
})();
