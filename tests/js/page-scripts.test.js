"use strict";
// Which page scripts a page loads: docs/assets/javascripts/page-scripts.js.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { SCRIPTS, scriptsFor, siteRootOf } = require("../../docs/assets/javascripts/page-scripts.js");

const has = (...present) => (selector) => selector.split(", ").some((part) => present.includes(part));

test("a page with nothing to work on loads no script", () => {
  assert.deepEqual(scriptsFor(SCRIPTS, has()), []);
});

test("a checklist loads progress, its pure functions first", () => {
  assert.deepEqual(scriptsFor(SCRIPTS, has(".roadmap-checklist")), ["progress-core.js", "progress.js"]);
});

test("the planner loads what it needs first, each script once", () => {
  assert.deepEqual(scriptsFor(SCRIPTS, has("[data-roadmap-planner]", "[data-progress]")), [
    "progress-core.js", "progress.js", "plan.js", "planner.js",
  ]);
});

test("the map loads progress for its boxes and its own script", () => {
  assert.deepEqual(scriptsFor(SCRIPTS, has("[data-roadmap-map]", "a.roadmap-node[data-skill]")), [
    "progress-core.js", "progress.js", "map.js",
  ]);
});

test("the rubric needs progress.js for its download, the reading list only its filters", () => {
  assert.deepEqual(scriptsFor(SCRIPTS, has("[data-rubric]")), ["progress-core.js", "progress.js", "rubric.js"]);
  assert.deepEqual(scriptsFor(SCRIPTS, has("[data-roadmap-filters]")), ["filters.js"]);
});

test("an exercise loads progress first, and its own script only once it is scrolled near", () => {
  assert.deepEqual(scriptsFor(SCRIPTS, has("[data-exercise]")), ["progress-core.js", "progress.js", "exercise.js"]);
  assert.equal(SCRIPTS["exercise.js"].near, true);
  assert.deepEqual(Object.keys(SCRIPTS).filter((file) => SCRIPTS[file].near), ["exercise.js"]);
});

test("every script in the folder is in the table, and every script the table names exists", () => {
  const folder = path.join(__dirname, "../../docs/assets/javascripts");
  const files = fs.readdirSync(folder).filter((name) => name.endsWith(".js") && name !== "page-scripts.js");
  assert.deepEqual(Object.keys(SCRIPTS).sort(), files.sort());
  for (const { needs } of Object.values(SCRIPTS)) {
    for (const file of needs) assert.ok(file in SCRIPTS, file);
  }
});

test("the progress page loads its tools after progress, the review page its own script", () => {
  assert.deepEqual(scriptsFor(SCRIPTS, has("[data-skill-state]", "[data-roadmap-tools]")), [
    "progress-core.js", "progress.js", "progress-transfer.js", "progress-tools.js",
  ]);
  assert.deepEqual(scriptsFor(SCRIPTS, has("[data-review]", "[data-roadmap-tools]")), [
    "progress-core.js", "progress.js", "review.js",
  ]);
  // A skill page, with its notes box among its tools, does not load the progress page's tools;
  // its quiz loads the quiz's script.
  assert.deepEqual(scriptsFor(SCRIPTS, has(".roadmap-checklist", "[data-roadmap-tools]", "[data-quiz]")), [
    "progress-core.js", "progress.js", "quiz.js",
  ]);
  // The home page's starting points load theirs; the map needs only progress for its colours.
  assert.deepEqual(scriptsFor(SCRIPTS, has("[data-progress]", "[data-roadmap-profiles]", "[data-profile-current]")), [
    "progress-core.js", "progress.js", "profiles.js",
  ]);
});

test("the site's root comes from the theme's base on pages and on error pages alike", () => {
  const page = "https://example.org/name/dsa/binary-search/";
  assert.equal(siteRootOf("../..", page).href, "https://example.org/name/");
  assert.equal(siteRootOf(".", "https://example.org/name/").href, "https://example.org/name/");
  assert.equal(siteRootOf("", page).href, page);
  // 404.html, served at any missing address, names the root absolutely, with its slash.
  assert.equal(siteRootOf("/", "https://example.org/no/such/page/").href, "https://example.org/");
  assert.equal(siteRootOf("/name/", "https://example.org/name/x/").href, "https://example.org/name/");
});
