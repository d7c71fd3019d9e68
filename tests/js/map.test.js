// The map's pure functions (zoom, chains of prerequisites, the saved view): run with
// `node --test tests/js/map.test.js`.
const test = require("node:test");
const assert = require("node:assert/strict");
const map = require("../../docs/assets/javascripts/map.js");

// a <- b <- d, a <- c <- d, e alone; x needs a skill the graph does not hold.
const GRAPH = { a: [], b: ["a"], c: ["a"], d: ["b", "c"], e: [], x: ["elsewhere", "b"] };

test("requiring the file in Node exports the pure functions and touches no DOM", () => {
  assert.equal(typeof map.prerequisiteChain, "function");
  assert.equal(typeof map.fitZoom, "function");
  assert.equal(typeof globalThis.document, "undefined");
  assert.equal(map.VIEW_KEY, "ml-engineer-roadmap/map-view");
});

test("a skill's chain holds the skill and everything it builds on, each once, nearest first", () => {
  assert.deepEqual(map.prerequisiteChain(GRAPH, "d"), ["d", "b", "c", "a"]);
  assert.deepEqual(map.prerequisiteChain(GRAPH, "b"), ["b", "a"]);
  assert.deepEqual(map.prerequisiteChain(GRAPH, "a"), ["a"]);
});

test("a chain leaves out unrelated skills and skills that build on it", () => {
  const chain = map.prerequisiteChain(GRAPH, "c");
  assert.ok(!chain.includes("b") && !chain.includes("d") && !chain.includes("e"));
});

test("a prerequisite outside the graph is kept but not followed; an unknown id has no chain", () => {
  assert.deepEqual(map.prerequisiteChain(GRAPH, "x"), ["x", "elsewhere", "b", "a"]);
  assert.deepEqual(map.prerequisiteChain(GRAPH, "nowhere"), []);
  assert.deepEqual(map.prerequisiteChain(GRAPH, "constructor"), []);
});

test("a cycle ends where it closes", () => {
  assert.deepEqual(map.prerequisiteChain({ p: ["q"], q: ["p"] }, "p"), ["p", "q"]);
});

test("zoom is clamped to its range, and nonsense counts as 100%", () => {
  assert.equal(map.clampZoom(0.01), map.MIN_ZOOM);
  assert.equal(map.clampZoom(50), map.MAX_ZOOM);
  assert.equal(map.clampZoom(0.8), 0.8);
  assert.equal(map.clampZoom(Number.NaN), 1);
  assert.equal(map.clampZoom(undefined), 1);
  assert.equal(map.clampZoom("2"), 1);
  assert.equal(map.clampZoom(5, 0.5, 2), 2);
});

test("steps multiply the zoom and stop at the ends of the range", () => {
  assert.equal(map.stepZoom(1, 1), 1.25);
  assert.equal(map.stepZoom(1, -1), 0.8);
  assert.equal(map.stepZoom(map.MAX_ZOOM, 1), map.MAX_ZOOM);
  assert.equal(map.stepZoom(map.MIN_ZOOM, -1), map.MIN_ZOOM);
});

test("fit makes the content no wider and no taller than the viewport, and never enlarges it", () => {
  const zoom = map.fitZoom(1816, 1300, 946, 820);
  assert.ok(1816 * zoom <= 1300 && 946 * zoom <= 820, String(zoom));
  assert.ok(1816 * (zoom + 0.002) > 1300, "the largest such zoom, to a thousandth");
  assert.equal(map.fitZoom(1000, 800, 2000, 500), 0.25, "the height can be what limits");
  assert.equal(map.fitZoom(1000, 800, 2000, 0), 0.8, "no viewport height: only the width counts");
  assert.equal(map.fitZoom(500, 1300), 1);
  assert.equal(map.fitZoom(10000, 300), map.MIN_ZOOM);
  assert.equal(map.fitZoom(0, 300), 1);
});

test("a map opens fitted, unless fitting would make its text too small to read", () => {
  assert.equal(map.startZoom(0.72), 0.72);
  assert.equal(map.startZoom(0.2), map.READABLE_ZOOM);
  assert.equal(map.startZoom(1), 1);
});

test("pinching scales the zoom at the start of the pinch by how far the fingers moved", () => {
  assert.equal(map.pinchZoom(0.5, 100, 200), 1);
  assert.equal(map.pinchZoom(1, 200, 100), 0.5);
  assert.equal(map.pinchZoom(1, 10, 10000), map.MAX_ZOOM);
  assert.equal(map.pinchZoom(0.7, 0, 50), 0.7);
});

test("zooming keeps the content under the anchor in place", () => {
  // A point 300px into the viewport with 100px scrolled sits at 400px of content at 100%;
  // at 200% it is at 800px, so 500px must be scrolled to keep it 300px into the viewport.
  assert.equal(map.anchoredScroll(100, 300, 1, 2), 500);
  assert.equal(map.anchoredScroll(500, 300, 2, 1), 100);
  assert.equal(map.anchoredScroll(0, 300, 1, 0.5), 0, "never a negative scroll");
  assert.equal(map.anchoredScroll(40, 0, 0, 1), 40);
});

test("keys: plus or equals zoom in, minus out, zero fits; modified keys stay the browser's", () => {
  assert.equal(map.keyAction({ key: "+" }), "in");
  assert.equal(map.keyAction({ key: "=" }), "in");
  assert.equal(map.keyAction({ key: "-" }), "out");
  assert.equal(map.keyAction({ key: "0" }), "fit");
  assert.equal(map.keyAction({ key: "ArrowRight" }), null);
  assert.equal(map.keyAction({ key: "+", ctrlKey: true }), null);
  assert.equal(map.keyAction({ key: "0", metaKey: true }), null);
});

test("the saved view round-trips per page and survives broken storage", () => {
  const view = { zoom: 1.25, left: 300, top: 40, mode: "manual" };
  const text = map.storeView(null, "/map/", view);
  assert.deepEqual(map.viewFor(map.parseViews(text), "/map/"), view);
  const both = map.storeView(text, "/dsa/", { zoom: 0.7, left: 0, top: 0, mode: "start" });
  assert.deepEqual(map.viewFor(map.parseViews(both), "/map/"), view, "other pages' views kept");
  assert.equal(map.viewFor(map.parseViews(both), "/other/"), null);
  assert.deepEqual(map.parseViews("{not json"), {});
  assert.deepEqual(map.parseViews(JSON.stringify({ version: 99, views: { "/map/": view } })), {});
  assert.deepEqual(map.parseViews(null), {});
});

test("a tampered saved view is brought back into range", () => {
  const views = { "/map/": { zoom: 80, left: -5, top: "x", mode: "weird" } };
  assert.deepEqual(map.viewFor(views, "/map/"), {
    zoom: map.MAX_ZOOM,
    left: 0,
    top: 0,
    mode: "manual",
  });
  assert.equal(map.viewFor({ "/map/": "text" }, "/map/"), null);
});

test("a region with no width, or a map with a negative size, keeps the map at 100%", () => {
  // A hidden region measures 0 wide: fitting to it would shrink the map to nothing.
  assert.equal(map.fitZoom(1000, 0), 1);
  assert.equal(map.fitZoom(1000, -20), 1);
  assert.equal(map.fitZoom(-1000, 500), 1);
  assert.equal(map.fitZoom(1000, 800, 2000, -10), 0.8, "a negative viewport height counts as none");
  assert.equal(map.fitZoom(1000, 800, -100, 500), 0.8, "so does a negative map height");
});

test("a pinch whose fingers meet, or a zoom to nothing, changes nothing", () => {
  assert.equal(map.pinchZoom(0.7, 100, 0), 0.7);
  assert.equal(map.anchoredScroll(300, 100, 1, 0), 300);
  assert.equal(map.anchoredScroll(300, 100, 1, -2), 300);
});

test("the minus key on either side of the keyboard zooms out (underscore is its shifted form)", () => {
  assert.equal(map.keyAction({ key: "_" }), "out");
  assert.equal(map.keyAction({ key: "-", altKey: true }), null);
});

test("each saved mode is kept as it was", () => {
  for (const mode of ["start", "fit", "manual"]) {
    const views = { "/map/": { zoom: 0.5, left: 10, top: 20, mode } };
    assert.equal(map.viewFor(views, "/map/").mode, mode);
  }
});

test("stored views that are not an object are replaced, not written into", () => {
  const text = JSON.stringify({ version: 1, views: "broken" });
  assert.deepEqual(map.parseViews(text), {});
  const view = { zoom: 1, left: 0, top: 0, mode: "fit" };
  assert.deepEqual(JSON.parse(map.storeView(text, "/map/", view)), { version: 1, views: { "/map/": view } });
});
