// The reading list's pure filter functions: run with `node --test tests/js/filters.test.js`.
const test = require("node:test");
const assert = require("node:assert/strict");
const f = require("../../docs/assets/javascripts/filters.js");

const ALLOWED = {
  type: ["book", "paper", "course"],
  cost: ["free", "paid", "free-to-audit"],
  tracks: ["dsa", "data-science"],
};

test("requiring the file in Node exports the pure functions and touches no DOM", () => {
  assert.deepEqual(Object.keys(f).sort(), ["filtersFromQuery", "filtersToQuery", "matches"]);
  assert.equal(typeof globalThis.window, "undefined");
});

test("a query string becomes the chosen filters, with or without its question mark", () => {
  const expected = { type: "book", cost: "free" };
  assert.deepEqual(f.filtersFromQuery("?type=book&cost=free", ALLOWED), expected);
  assert.deepEqual(f.filtersFromQuery("type=book&cost=free", ALLOWED), expected);
  assert.deepEqual(f.filtersFromQuery("?cost=free-to-audit", ALLOWED), { cost: "free-to-audit" });
  assert.deepEqual(f.filtersFromQuery("", ALLOWED), {});
  assert.deepEqual(f.filtersFromQuery(undefined, ALLOWED), {});
});

test("unknown fields, unknown values and empty values are dropped", () => {
  assert.deepEqual(f.filtersFromQuery("?type=novel&cost=free", ALLOWED), { cost: "free" });
  assert.deepEqual(f.filtersFromQuery("?colour=red&level=core", ALLOWED), {});
  assert.deepEqual(f.filtersFromQuery("?type=&cost=FREE", ALLOWED), {}, "values are exact");
  // A value allowed for one field is not taken for another.
  assert.deepEqual(f.filtersFromQuery("?type=free", ALLOWED), {});
  // The first known value wins when a field is repeated.
  assert.deepEqual(f.filtersFromQuery("?cost=gratis&cost=paid&cost=free", ALLOWED), { cost: "paid" });
});

test("encoded characters are decoded before they are checked", () => {
  const allowed = { tracks: ["cloud-mlops", "a b"] };
  assert.deepEqual(f.filtersFromQuery("?tracks=a%20b", allowed), { tracks: "a b" });
  assert.deepEqual(f.filtersFromQuery("?tracks=a+b", allowed), { tracks: "a b" });
  assert.deepEqual(f.filtersToQuery({ tracks: "a b" }), "?tracks=a+b");
});

test("the chosen filters become a query string; nothing chosen is no query at all", () => {
  assert.equal(f.filtersToQuery({ type: "book", cost: "free", tracks: "" }), "?type=book&cost=free");
  assert.equal(f.filtersToQuery({ type: "", cost: "", tracks: "" }), "");
  assert.equal(f.filtersToQuery({}), "");
});

test("other parameters of the address are kept, and a cleared filter leaves it", () => {
  assert.equal(f.filtersToQuery({ type: "paper", cost: "" }, "?cost=free&q=bayes"), "?type=paper&q=bayes");
  assert.equal(f.filtersToQuery({ type: "", cost: "" }, "?type=book"), "");
});

test("a round trip through the query string gives back the same filters", () => {
  const cases = [
    { type: "book" },
    { cost: "free-to-audit", tracks: "data-science" },
    { type: "course", cost: "paid", tracks: "dsa" },
    {},
  ];
  for (const chosen of cases) {
    assert.deepEqual(f.filtersFromQuery(f.filtersToQuery(chosen), ALLOWED), chosen);
  }
});

test("an entry matches when every chosen filter is empty or among its values", () => {
  const entry = { type: "book", cost: "free", tracks: "dsa data-science" };
  assert.equal(f.matches(entry, {}), true);
  assert.equal(f.matches(entry, { type: "", cost: "", tracks: "" }), true);
  assert.equal(f.matches(entry, { type: "book", cost: "free" }), true);
  assert.equal(f.matches(entry, { tracks: "data-science" }), true, "one of several tracks");
  assert.equal(f.matches(entry, { tracks: "data" }), false, "whole values only, not prefixes");
  assert.equal(f.matches(entry, { type: "book", cost: "paid" }), false, "every filter must hold");
  assert.equal(f.matches({ type: "book" }, { tracks: "dsa" }), false, "a missing field matches no value");
});
