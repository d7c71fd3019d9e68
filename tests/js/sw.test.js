"use strict";
// The service worker's pure functions: roadmap/templates/sw.js (the build fills in its BUILD).
const test = require("node:test");
const assert = require("node:assert/strict");
const { BUILD, cacheName, staleCaches, keyOf } = require("../../roadmap/templates/sw.js");

const SITE = "https://someone.github.io/roadmap/";

test("the worker holds a version and the list of files to keep (empty until a build fills it in)", () => {
  assert.deepEqual(Object.keys(BUILD), ["version", "files"]);
  assert.match(BUILD.version, /^(dev|[0-9a-f]{16})$/);
  assert.ok(Array.isArray(BUILD.files));
  assert.ok(BUILD.files.every((file) => typeof file === "string" && !file.startsWith("/")));
});

test("a cache is named for the site's root and the build's version", () => {
  assert.equal(cacheName(SITE, "0123abcd"), "roadmap-offline https://someone.github.io/roadmap/ 0123abcd");
  assert.notEqual(cacheName(SITE, "a"), cacheName("https://someone.github.io/other/", "a"));
});

test("activating deletes this site's other versions, and no other site's caches", () => {
  const names = [
    cacheName(SITE, "old"),
    cacheName(SITE, "new"),
    cacheName(SITE, "older"),
    cacheName("https://someone.github.io/roadmap-fork/", "old"), // a site whose root starts alike
    cacheName("https://someone.github.io/roadmap/sub/", "old"), // a site inside this one's folder
    cacheName("https://someone.github.io/", "old"), // the user's own site, at the origin's root
    "another-library-cache",
  ];
  assert.deepEqual(staleCaches(names, SITE, "new"), [cacheName(SITE, "old"), cacheName(SITE, "older")]);
  assert.deepEqual(staleCaches([cacheName(SITE, "new")], SITE, "new"), []);
});

test("a request is kept under its URL without query or fragment, a folder's index.html as the folder", () => {
  assert.equal(keyOf(`${SITE}planner/?plan=abc#week-2`, SITE), `${SITE}planner/`);
  assert.equal(keyOf(`${SITE}dsa/binary-search/index.html`, SITE), `${SITE}dsa/binary-search/`);
  assert.equal(keyOf(`${SITE}index.html`, SITE), SITE);
  assert.equal(keyOf(SITE, SITE), SITE);
  assert.equal(keyOf(`${SITE}assets/javascripts/map.js?v=2`, SITE), `${SITE}assets/javascripts/map.js`);
  assert.equal(keyOf(`${SITE}notes/index.html.bak`, SITE), `${SITE}notes/index.html.bak`);
});

test("requests outside the site's root are not the worker's", () => {
  assert.equal(keyOf("https://someone.github.io/other/page/", SITE), null);
  assert.equal(keyOf("https://someone.github.io/roadmap", SITE), null);
  assert.equal(keyOf("https://cdn.example.org/roadmap/x.js", SITE), null);
});
