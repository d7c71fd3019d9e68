// Progress kept in the browser (docs/assets/javascripts/progress-core.js) under Node's runner.
const test = require("node:test");
const assert = require("node:assert/strict");
const C = require("../../docs/assets/javascripts/progress-core.js");

const roadmap = {
  tracks: [{ id: "t", title: "Track", skills: ["a", "b", "c"] }],
  skills: ["a", "b", "c"].map((id) => ({
    id, title: id.toUpperCase(), checklist: [{ id: `${id}/1`, text: "I can 1", aliases: [] }, { id: `${id}/2`, text: "I can 2", aliases: [] }],
  })),
};
const index = C.indexRoadmap(roadmap);
const SE = { id: "se", title: "From SE", covers: ["a", "b"] };
const DS = { id: "ds", title: "From DS", covers: ["b", "c"] };
const NEW = { id: "new", title: "New", covers: [] };

test("a second starting point replaces the first one's marks instead of adding to them", () => {
  const first = C.applyProfile(C.emptyState(), SE);
  assert.deepEqual(Object.keys(first.state.skipped).sort(), ["a", "b"]);
  assert.deepEqual(first.added, ["a", "b"]);
  const second = C.applyProfile(first.state, DS);
  assert.deepEqual(Object.keys(second.state.skipped).sort(), ["b", "c"]);
  assert.deepEqual(second.added, ["c"]);
  assert.deepEqual(second.removed, ["a"]);
  assert.deepEqual(second.state.profile, { id: "ds", marked: ["b", "c"] });
  const none = C.applyProfile(second.state, NEW);
  assert.deepEqual(none.state.skipped, {});
  assert.deepEqual(none.removed, ["b", "c"]);
});

test("a skill the reader marked by hand stays marked when the starting point changes", () => {
  const byHand = { ...C.emptyState(), skipped: { b: true } };
  const se = C.applyProfile(byHand, SE);
  assert.deepEqual(se.state.profile.marked, ["a"]);
  const ds = C.applyProfile(se.state, DS);
  assert.deepEqual(Object.keys(ds.state.skipped).sort(), ["b", "c"]);
  assert.deepEqual(C.applyProfile(ds.state, NEW).state.skipped, { b: true });
});

test("an envelope from before starting points and planner settings still reads", () => {
  const old = { format: C.FORMAT, version: 1, updated: "2026-01-01T00:00:00Z", items: { "a/1": true }, skipped: {} };
  const read = C.readEnvelope(old);
  assert.deepEqual(read.state, { items: { "a/1": true }, skipped: {}, quiz: {}, profile: null, planner: null });
});

test("starting point and planner settings round-trip through the envelope", () => {
  const state = { ...C.applyProfile(C.emptyState(), SE).state, planner: { hoursPerWeek: 8, start: "2027-01-04", goal: "g", tracks: [] } };
  const envelope = C.makeEnvelope(state, new Date("2027-01-01T00:00:00Z"));
  assert.deepEqual(C.parseEnvelope(JSON.stringify(envelope)).state, state);
});

test("a malformed envelope is refused with the field that is wrong", () => {
  const good = C.makeEnvelope(C.emptyState(), new Date());
  assert.match(C.readEnvelope({ ...good, version: 2 }).error, /"version" is 2; this site reads version 1/);
  assert.match(C.readEnvelope({ ...good, profile: { id: "x" } }).error, /"profile" must be null or/);
  assert.match(C.readEnvelope({ ...good, planner: { hoursPerWeek: "8" } }).error, /"planner.hoursPerWeek"/);
  assert.match(C.readEnvelope({ ...good, planner: { script: "x" } }).error, /"planner.script"/);
  assert.match(C.readEnvelope({ ...good, skipped: { a: 1 } }).error, /"skipped.a" must be true/);
  assert.match(C.parseEnvelope("{").error, /not valid JSON/);
});

test("reset clears progress and the starting point but keeps the planner's settings", () => {
  const state = { items: { "a/1": true }, skipped: { b: true }, quiz: { "a/q": true }, profile: { id: "se", marked: ["b"] }, planner: { hoursPerWeek: 6 } };
  assert.deepEqual(C.countProgress(state), { items: 1, skipped: 1, answers: 1 });
  assert.deepEqual(C.resetState(state), { items: {}, skipped: {}, quiz: {}, profile: null, planner: { hoursPerWeek: 6 } });
});

test("each skill's state: known, done, in progress with counts, or new, with its quiz score", () => {
  const state = { ...C.emptyState(), items: { "a/1": true, "a/2": true, "b/1": true }, skipped: { c: true }, quiz: { "b/q1": true, "b/q2": false } };
  assert.equal(C.skillState(state, index, "a").kind, "done");
  const b = C.skillState(state, index, "b", ["b/q1", "b/q2", "b/q3"]);
  assert.deepEqual([b.kind, b.done, b.total, b.quiz], ["started", 1, 2, { answered: 2, right: 1, total: 3 }]);
  assert.equal(C.skillState(state, index, "c").kind, "known");
  assert.equal(C.skillState(C.emptyState(), index, "a").kind, "new");
});

test("the Markdown export ticks a known skill's items and says it is known", () => {
  const state = { ...C.emptyState(), skipped: { c: true }, items: { "a/1": true } };
  const text = C.toMarkdown(state, index, new Date("2027-01-01T00:00:00Z"));
  assert.match(text, /## Track \(3\/6\)/);
  assert.match(text, /### A\n\n- \[x\] I can 1\n- \[ \] I can 2/);
  assert.match(text, /### C \(already known\)\n\n- \[x\] I can 1\n- \[x\] I can 2/);
});

test("importing shows what changes; replace takes the file's starting point", () => {
  const current = C.applyProfile(C.emptyState(), SE).state;
  const incoming = { ...C.emptyState(), items: { "c/1": true } };
  const merged = C.planImport(current, incoming, "merge");
  assert.deepEqual(merged.ticked, ["c/1"]);
  assert.deepEqual(merged.result.profile, current.profile);
  const replaced = C.planImport(current, incoming, "replace");
  assert.deepEqual(replaced.unskipped, ["a", "b"]);
  assert.equal(replaced.result.profile, null);
});
