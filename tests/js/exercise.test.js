"use strict";
// The exercise editor's pure parts (docs/assets/javascripts/exercise.js) under Node's runner.
const test = require("node:test");
const assert = require("node:assert/strict");
const { summary, passedNote } = require("../../docs/assets/javascripts/exercise.js");

const tests = (...outcomes) => outcomes.map((outcome, n) => ({ name: `t${n}`, outcome, message: "" }));

test("a run is summarised as its counts, passed first, zero counts left out", () => {
  assert.equal(summary({ tests: tests("failed", "passed", "passed"), errors: [] }).text, "2 passed, 1 failed");
  assert.equal(summary({ tests: tests("skipped", "failed"), errors: [] }).text, "1 failed, 1 skipped");
  assert.equal(summary({ tests: [], errors: ["x", "y"] }).text, "2 errors");
  assert.equal(summary({ tests: [], errors: ["x"] }).text, "1 error");
  assert.equal(summary({ tests: [], errors: [] }).text, "no tests ran");
});

test("only a run in which tests ran and every one passed counts as a pass", () => {
  assert.equal(summary({ tests: tests("passed", "passed"), errors: [] }).allPassed, true);
  assert.equal(summary({ tests: tests("passed", "failed"), errors: [] }).allPassed, false);
  assert.equal(summary({ tests: tests("passed", "skipped"), errors: [] }).allPassed, false);
  assert.equal(summary({ tests: tests("passed"), errors: ["collection failed"] }).allPassed, false);
  assert.equal(summary({ tests: [], errors: [] }).allPassed, false);
});

test("a pass is shown with its day", () => {
  assert.equal(passedNote("2027-05-06T07:08:09.000Z"), "Passed in this browser on 2027-05-06.");
  assert.equal(passedNote(null), "");
});
