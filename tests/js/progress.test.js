// Progress kept in the browser (docs/assets/javascripts/progress-core.js, and progress-transfer.js
// for import, reset and export) under Node's runner.
const test = require("node:test");
const assert = require("node:assert/strict");
const C = require("../../docs/assets/javascripts/progress-core.js");
const T = require("../../docs/assets/javascripts/progress-transfer.js");

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
  const read = C.readEnvelope(old, "2027-05-05");
  assert.deepEqual(read.state, { items: { "a/1": true }, skipped: {}, quiz: {}, profile: null, planner: null, review: {}, notes: {}, exercises: {} });
});

test("starting point and planner settings round-trip through the envelope", () => {
  const state = { ...C.applyProfile(C.emptyState(), SE).state, planner: { hoursPerWeek: 8, start: "2027-01-04", goal: "g", tracks: [] } };
  const envelope = C.makeEnvelope(state, new Date("2027-01-01T00:00:00Z"));
  assert.deepEqual(C.parseEnvelope(JSON.stringify(envelope)).state, state);
});

test("a malformed envelope is refused with the field that is wrong", () => {
  const good = C.makeEnvelope(C.emptyState(), new Date());
  assert.match(C.readEnvelope({ ...good, version: 3 }).error, /"version" is 3; this site reads versions 1 to 2/);
  assert.match(C.readEnvelope({ ...good, profile: { id: "x" } }).error, /"profile" must be null or/);
  assert.match(C.readEnvelope({ ...good, planner: { hoursPerWeek: "8" } }).error, /"planner.hoursPerWeek"/);
  assert.match(C.readEnvelope({ ...good, planner: { script: "x" } }).error, /"planner.script"/);
  assert.match(C.readEnvelope({ ...good, skipped: { a: 1 } }).error, /"skipped.a" must be true/);
  assert.match(C.parseEnvelope("{").error, /not valid JSON/);
});

test("reset clears progress and the starting point but keeps the planner's settings", () => {
  const state = { items: { "a/1": true }, skipped: { b: true }, quiz: { "a/q": true }, profile: { id: "se", marked: ["b"] }, planner: { hoursPerWeek: 6 } };
  assert.deepEqual(T.countProgress(state), { items: 1, skipped: 1, answers: 1, exercises: 0 });
  assert.deepEqual(T.resetState({ ...state, review: { "a/q": { box: 1, due: "2027-01-04" } }, notes: { a: "mine" } }),
    { items: {}, skipped: {}, quiz: {}, profile: null, planner: { hoursPerWeek: 6 }, review: {}, notes: { a: "mine" }, exercises: {} });
});

test("each skill's state: known, done, in progress with counts, or new, with its quiz score", () => {
  const state = { ...C.emptyState(), items: { "a/1": true, "a/2": true, "b/1": true }, skipped: { c: true }, quiz: { "b/q1": true, "b/q2": false } };
  assert.equal(T.skillState(state, index, "a").kind, "done");
  const b = T.skillState(state, index, "b", ["b/q1", "b/q2", "b/q3"]);
  assert.deepEqual([b.kind, b.done, b.total, b.quiz], ["started", 1, 2, { answered: 2, right: 1, total: 3 }]);
  assert.equal(T.skillState(state, index, "c").kind, "known");
  assert.equal(T.skillState(C.emptyState(), index, "a").kind, "new");
});

test("the Markdown export ticks a known skill's items and says it is known", () => {
  const state = { ...C.emptyState(), skipped: { c: true }, items: { "a/1": true } };
  const text = T.toMarkdown(state, index, new Date("2027-01-01T00:00:00Z"));
  assert.match(text, /## Track \(3\/6\)/);
  assert.match(text, /### A\n\n- \[x\] I can 1\n- \[ \] I can 2/);
  assert.match(text, /### C \(already known\)\n\n- \[x\] I can 1\n- \[x\] I can 2/);
});

test("importing shows what changes; replace takes the file's starting point", () => {
  const current = C.applyProfile(C.emptyState(), SE).state;
  const incoming = { ...C.emptyState(), items: { "c/1": true } };
  const merged = T.planImport(current, incoming, "merge");
  assert.deepEqual(merged.ticked, ["c/1"]);
  assert.deepEqual(merged.result.profile, current.profile);
  const replaced = T.planImport(current, incoming, "replace");
  assert.deepEqual(replaced.unskipped, ["a", "b"]);
  assert.equal(replaced.result.profile, null);
});

/* ------------------------------------------------------- the stored envelope, checked */

// A progress file as another copy of the site writes it, spelled out by hand.
const FILE = {
  format: "ml-engineer-roadmap-progress",
  version: 1,
  updated: "2027-01-01T00:00:00.000Z",
  items: { "a/1": true },
  skipped: { b: true },
  quiz: { "a/q1": true, "a/q2": false },
  profile: { id: "se", marked: ["b"] },
  planner: { hoursPerWeek: 6, start: "2027-01-04", finishBy: null, effort: "mean", goal: "", target: "a", tracks: ["t"] },
};

test("progress is stored under the site's own key, and a progress file of this site reads in full", () => {
  // Changing the key or the format name would lose every reader's saved progress.
  assert.equal(C.KEY, "ml-engineer-roadmap/progress");
  const read = C.readEnvelope(FILE, "2027-06-01");
  // Version 1 had no review schedule: its answers are scheduled as if given on the day the
  // file was saved (a right one in box 1, due 3 days later; a wrong one in box 0, the next day).
  assert.deepEqual(read, {
    state: {
      items: { "a/1": true },
      skipped: { b: true },
      quiz: { "a/q1": true, "a/q2": false },
      profile: { id: "se", marked: ["b"] },
      planner: FILE.planner,
      exercises: {},
      review: { "a/q1": { box: 1, due: "2027-01-04" }, "a/q2": { box: 0, due: "2027-01-02" } },
      notes: {},
    },
    upgraded: true,
  });
});

test("a version 1 file without a date is scheduled from today, and writes back as version 2", () => {
  const { updated, ...undated } = FILE;
  assert.equal(updated.slice(0, 10), "2027-01-01");
  const read = C.readEnvelope(undated, "2027-06-01");
  assert.deepEqual(read.state.review, { "a/q1": { box: 1, due: "2027-06-04" }, "a/q2": { box: 0, due: "2027-06-02" } });
  const envelope = C.makeEnvelope(read.state, new Date("2027-06-01T08:00:00Z"));
  assert.equal(envelope.version, 2);
  assert.deepEqual(C.readEnvelope(envelope, "2030-01-01"), { state: read.state, upgraded: false });
});

test("only versions 1 and 2 of the progress format are read; any other version is refused by name", () => {
  for (const version of [0, 3, "1", "2", null, undefined]) {
    const read = C.readEnvelope({ ...FILE, version });
    assert.equal(read.state, undefined, `version ${version}`);
    assert.match(read.error, /^"version" is .*; this site reads versions 1 to 2$/);
  }
  assert.equal(C.readEnvelope({ ...FILE, version: 3 }).error, '"version" is 3; this site reads versions 1 to 2');
});

test("a file that is not a progress file of this site is refused before anything else is read", () => {
  for (const data of [null, [], "text", 3, [FILE]]) {
    assert.deepEqual(C.readEnvelope(data), { error: "expected a JSON object" }, JSON.stringify(data));
  }
  assert.deepEqual(C.readEnvelope({ ...FILE, format: "rubric", version: 9 }), {
    error: '"format" is "rubric", expected "ml-engineer-roadmap-progress": this is not a progress file of this site',
  });
  assert.match(C.parseEnvelope("[]").error, /expected a JSON object/);
});

test("ticks and known skills must be objects of id: true", () => {
  assert.deepEqual(C.readEnvelope({ ...FILE, items: ["a/1"] }), { error: '"items" must be an object of id: true' });
  assert.deepEqual(C.readEnvelope({ ...FILE, items: null }), { error: '"items" must be an object of id: true' });
  assert.deepEqual(C.readEnvelope({ ...FILE, skipped: undefined }), { error: '"skipped" must be an object of id: true' });
  assert.deepEqual(C.readEnvelope({ ...FILE, items: { "a/1": "yes" } }), { error: '"items.a/1" must be true, not "yes"' });
});

test("quiz answers must be an object of true or false", () => {
  assert.deepEqual(C.readEnvelope({ ...FILE, quiz: [true] }), { error: '"quiz" must be an object of question id: true or false' });
  assert.deepEqual(C.readEnvelope({ ...FILE, quiz: null }), { error: '"quiz" must be an object of question id: true or false' });
  assert.deepEqual(C.readEnvelope({ ...FILE, quiz: { "a/q1": 1 } }), { error: '"quiz.a/q1" must be true or false, not 1' });
});

test("a starting point must name itself and list skill ids", () => {
  const refused = { error: '"profile" must be null or {"id": "...", "marked": ["skill-id", ...]}' };
  for (const profile of [[], "se", { id: 7, marked: [] }, { id: "se", marked: "b" }, { id: "se", marked: ["b", 2] }]) {
    assert.deepEqual(C.readEnvelope({ ...FILE, profile }), refused, JSON.stringify(profile));
  }
  assert.equal(C.readEnvelope({ ...FILE, profile: null }).state.profile, null);
  assert.deepEqual(C.readEnvelope({ ...FILE, profile: { id: "new", marked: [] } }).state.profile, { id: "new", marked: [] });
});

test("planner settings must be an object of known settings, each of its type or null", () => {
  for (const planner of [[], "weekly", 5]) {
    assert.deepEqual(C.readEnvelope({ ...FILE, planner }), { error: '"planner" must be null or an object of settings' });
  }
  assert.deepEqual(C.readEnvelope({ ...FILE, planner: { start: 20270104 } }), {
    error: '"planner.start" is not a planner setting of the right type',
  });
  const cleared = { hoursPerWeek: null, start: null, finishBy: null, effort: null, goal: null, target: null, tracks: null };
  assert.deepEqual(C.readEnvelope({ ...FILE, planner: cleared }).state.planner, cleared);
  const typed = { hoursPerWeek: 6, start: "s", finishBy: "f", effort: "e", goal: "g", target: "t", tracks: [] };
  assert.deepEqual(C.readEnvelope({ ...FILE, planner: typed }).state.planner, typed);
});

test("the saved file lists ids in sorted order, keeps quiz answers as given and stamps the time", () => {
  const state = {
    items: { "b/1": true, "a/2": true },
    skipped: { c: true, a: true },
    quiz: { "b/q": false, "a/q": true },
    profile: null,
    planner: null,
    exercises: { "dsa/b": { code: "def b(): ...", passed: null }, "dsa/a": { code: "x = 1", passed: "2027-03-01T00:00:00.000Z" } },
    review: { "b/q": { box: 0, due: "2027-03-05" }, "a/q": { box: 2, due: "2027-03-11" } },
    notes: { b: "line one\nline <two>", a: "" },
  };
  const envelope = C.makeEnvelope(state, new Date("2027-03-04T05:06:07.000Z"));
  assert.equal(JSON.stringify(envelope), JSON.stringify({
    format: "ml-engineer-roadmap-progress",
    version: 2,
    updated: "2027-03-04T05:06:07.000Z",
    items: { "a/2": true, "b/1": true },
    skipped: { a: true, c: true },
    quiz: { "a/q": true, "b/q": false },
    profile: null,
    planner: null,
    review: { "a/q": { box: 2, due: "2027-03-11" }, "b/q": { box: 0, due: "2027-03-05" } },
    notes: { a: "", b: "line one\nline <two>" },
    exercises: { "dsa/a": { code: "x = 1", passed: "2027-03-01T00:00:00.000Z" }, "dsa/b": { code: "def b(): ...", passed: null } },
  }));
  assert.deepEqual(C.parseEnvelope(JSON.stringify(envelope)).state, state);
});

/* ---------------------------------------------------- renamed items, scopes, answers */

// Item "b/2" was called "b/old" before; skill "gone" and item "x/1" no longer exist.
const renamedIndex = C.indexRoadmap({
  tracks: [{ id: "t", title: "Track", skills: ["a", "b"] }],
  skills: [
    { id: "a", title: "A", checklist: [{ id: "a/1", text: "I can 1", aliases: [] }] },
    { id: "b", title: "B", checklist: [{ id: "b/1", text: "I can 1", aliases: [] }, { id: "b/2", text: "I can 2", aliases: ["b/old"] }] },
  ],
});

test("progress saved under an item's former id carries over to its current id", () => {
  const state = { ...C.emptyState(), items: { "a/1": true, "b/old": true, "x/1": true }, skipped: { a: true, gone: true }, quiz: { "a/q": true } };
  const migrated = C.migrate(state, renamedIndex);
  assert.deepEqual(migrated.state.items, { "a/1": true, "b/2": true, "x/1": true });
  assert.deepEqual(migrated.renamed, ["b/old"]);
  // Ids the roadmap no longer knows are kept, never silently dropped, and reported.
  assert.deepEqual(migrated.unknown, ["x/1", "gone"]);
  assert.deepEqual(migrated.state.skipped, { a: true, gone: true });
  assert.deepEqual(migrated.state.quiz, { "a/q": true });
  assert.deepEqual(C.progress(migrated.state, renamedIndex, ["b"]), { done: 1, total: 2 });
  assert.deepEqual(state.items, { "a/1": true, "b/old": true, "x/1": true }, "the state given is left as it was");
});

test("progress already under current ids migrates to itself with nothing to report", () => {
  const state = { ...C.emptyState(), items: { "a/1": true, "b/2": true }, skipped: { b: true } };
  assert.deepEqual(C.migrate(state, renamedIndex), { state, renamed: [], unknown: [] });
});

test("a progress bar counts the skills of its scope: all, one skill or one track", () => {
  assert.deepEqual(C.scopeSkills(index, "all"), ["a", "b", "c"]);
  assert.deepEqual(C.scopeSkills(index, "skill:b"), ["b"]);
  assert.deepEqual(C.scopeSkills(index, "track:t"), ["a", "b", "c"]);
  assert.deepEqual(C.scopeSkills(index, "track:nope"), []);
  // A skill the roadmap no longer has counts for nothing instead of breaking the bar.
  const state = { ...C.emptyState(), items: { "a/1": true } };
  assert.deepEqual(C.progress(state, index, C.scopeSkills(index, "skill:gone")), { done: 0, total: 0 });
  assert.deepEqual(C.progress(state, index, ["gone", "a"]), { done: 1, total: 2 });
});

test("a quiz score counts the right answers, not the wrong ones", () => {
  const state = { ...C.emptyState(), quiz: { q1: true, q2: true, q3: false } };
  assert.deepEqual(C.quizScore(state, ["q1", "q2", "q3", "q4"]), { answered: 3, right: 2, total: 4 });
  assert.deepEqual(T.skillState(state, index, "a").quiz, { answered: 0, right: 0, total: 0 }, "a skill with no quiz");
});

test("answers are recorded right or wrong, and forgotten with null, one quiz at a time", () => {
  const start = { ...C.emptyState(), quiz: { "a/q1": true, "b/q1": false } };
  const answered = C.recordAnswers(start, ["a/q1", "a/q2"], false);
  assert.deepEqual(answered.quiz, { "a/q1": false, "a/q2": false, "b/q1": false });
  assert.deepEqual(C.recordAnswers(answered, ["a/q2"], true).quiz, { "a/q1": false, "a/q2": true, "b/q1": false });
  assert.deepEqual(C.recordAnswers(answered, ["a/q1", "a/q2"], null).quiz, { "b/q1": false });
  assert.deepEqual(start.quiz, { "a/q1": true, "b/q1": false }, "the state given is left as it was");
});

/* ------------------------------------------------------------------------- import */

test("replacing takes the file's ticks, known skills and answers, and lists what changes", () => {
  const current = { items: { "c/1": true, "a/1": true, "b/1": true }, skipped: { c: true, a: true }, quiz: { q2: false, q1: true, q4: true }, profile: null, planner: { hoursPerWeek: 6 } };
  const incoming = { items: { "b/1": true, "c/2": true, "a/2": true }, skipped: { b: true }, quiz: { q4: true, q3: false, q2: true }, profile: null, planner: null };
  const plan = T.planImport(current, incoming, "replace");
  assert.deepEqual(plan.result, incoming);
  // Each list is sorted, whatever order the ids were saved in.
  assert.deepEqual(plan.ticked, ["a/2", "c/2"]);
  assert.deepEqual(plan.unticked, ["a/1", "c/1"]);
  assert.deepEqual(plan.skipped, ["b"]);
  assert.deepEqual(plan.unskipped, ["a", "c"]);
  // q1 is forgotten, q2 changes, q3 is new; q4 has the same answer in both.
  assert.deepEqual(plan.answers, ["q1", "q2", "q3"]);
});

test("merging adds the file's ticks, known skills and answers to the reader's own", () => {
  const current = { items: { "b/1": true }, skipped: { b: true }, quiz: { q2: true }, profile: { id: "se", marked: ["b"] }, planner: { hoursPerWeek: 6 } };
  const incoming = { items: { "c/1": true, "b/1": true, "a/1": true }, skipped: { c: true, a: true }, quiz: { q1: false }, profile: null, planner: null };
  const plan = T.planImport(current, incoming, "merge");
  assert.deepEqual(plan.result, {
    items: { "b/1": true, "c/1": true, "a/1": true },
    skipped: { b: true, c: true, a: true },
    quiz: { q2: true, q1: false },
    profile: { id: "se", marked: ["b"] },
    planner: { hoursPerWeek: 6 },
    exercises: {},
    review: {},
    notes: {},
  });
  assert.deepEqual([plan.ticked, plan.unticked, plan.skipped, plan.unskipped, plan.answers], [["a/1", "c/1"], [], ["a", "c"], [], ["q1"]]);
  // The file's own planner settings and starting point win over the reader's.
  const withSettings = T.planImport(current, { ...incoming, profile: { id: "ds", marked: [] }, planner: { hoursPerWeek: 9 } }, "merge");
  assert.deepEqual([withSettings.result.profile, withSettings.result.planner], [{ id: "ds", marked: [] }, { hoursPerWeek: 9 }]);
  const neither = T.planImport(C.emptyState(), incoming, "merge");
  assert.deepEqual([neither.result.profile, neither.result.planner], [null, null]);
});

/* ------------------------------------------------------------------------- export */

test("the Markdown export, line by line (worked by hand)", () => {
  const state = { ...C.emptyState(), items: { "a/1": true, "b/2": true }, skipped: { c: true } };
  const text = T.toMarkdown(state, index, new Date("2027-01-02T23:59:00Z"));
  assert.equal(text, [
    "# ML Engineer Roadmap: my progress",
    "",
    "Exported 2027-01-02.",
    "",
    "## Track (4/6)",
    "",
    "### A",
    "",
    "- [x] I can 1",
    "- [ ] I can 2",
    "",
    "### B",
    "",
    "- [ ] I can 1",
    "- [x] I can 2",
    "",
    "### C (already known)",
    "",
    "- [x] I can 1",
    "- [x] I can 2",
    "",
  ].join("\n"));
});

test("page-data.json's short ids become the site-wide ids roadmap.json has", () => {
  const data = {
    format_version: 1,
    skills: [
      { id: "s", title: "S", track: "k", quiz: ["q1", "q2"], checklist: ["one", { id: "two", aliases: ["old-two"] }] },
      { id: "t", title: "T", track: "m", quiz: [], checklist: [], start_early: true },
    ],
  };
  assert.deepEqual(C.expandPageData(data), {
    format_version: 1,
    skills: [
      {
        id: "s", title: "S", track: "k", url: "k/s/", start_early: false, quiz: ["s/q1", "s/q2"], exercises: [],
        checklist: [{ id: "s/one", aliases: [] }, { id: "s/two", aliases: ["s/old-two"] }],
      },
      { id: "t", title: "T", track: "m", url: "m/t/", start_early: true, quiz: [], exercises: [], checklist: [] },
    ],
  });
  const expanded = C.indexRoadmap(C.expandPageData(data));
  assert.equal(expanded.aliases.get("s/old-two"), "s/two");
  assert.ok(expanded.items.has("s/one"));
});

/* ---------------------------------------------------------------------- exercises */

test("an exercise keeps the reader's code as they type, and a passing run stamps the time", () => {
  const typed = C.saveExerciseCode(C.emptyState(), "dsa/a", "def a():\n    return 1\n");
  assert.deepEqual(typed.exercises, { "dsa/a": { code: "def a():\n    return 1\n", passed: null } });
  const passed = C.passExercise(typed, "dsa/a", "def a(): return 2", new Date("2027-05-06T07:08:09.000Z"));
  assert.deepEqual(passed.exercises["dsa/a"], { code: "def a(): return 2", passed: "2027-05-06T07:08:09.000Z" });
  // Typing after a pass keeps the pass; the state before is left as it was.
  assert.equal(C.saveExerciseCode(passed, "dsa/a", "").exercises["dsa/a"].passed, "2027-05-06T07:08:09.000Z");
  assert.deepEqual(typed.exercises["dsa/a"].passed, null);
  assert.deepEqual(T.countProgress(passed).exercises, 1);
  assert.deepEqual(T.resetState(passed).exercises, {});
});

test("exercises travel in the envelope; a file without them still imports", () => {
  const state = C.passExercise(C.emptyState(), "dsa/a", "code", new Date("2027-01-01T00:00:00.000Z"));
  const envelope = C.makeEnvelope(state, new Date("2027-01-02T00:00:00.000Z"));
  assert.deepEqual(envelope.exercises, { "dsa/a": { code: "code", passed: "2027-01-01T00:00:00.000Z" } });
  assert.deepEqual(C.parseEnvelope(JSON.stringify(envelope)).state.exercises, state.exercises);
  const older = { ...FILE };
  assert.equal("exercises" in older, false);
  assert.deepEqual(C.readEnvelope(older).state.exercises, {});
  // An entry may leave out its code or its pass.
  assert.deepEqual(C.readEnvelope({ ...FILE, exercises: { "dsa/a": {} } }).state.exercises, { "dsa/a": { code: null, passed: null } });
});

test("malformed exercises are refused with the exercise that is wrong", () => {
  assert.equal(C.readEnvelope({ ...FILE, exercises: [] }).error, '"exercises" must be an object of exercise id: {code, passed}');
  const times = [{ passed: "on 2027-01-01T00:00:00Z" }, { passed: ["2027-01-01T00:00:00Z"] }, { code: "c", passed: "2027-01-01" }];
  for (const entry of [true, { code: 1 }, { passed: 5 }, { code: null, passed: "x" }, ...times]) {
    assert.equal(C.readEnvelope({ ...FILE, exercises: { "dsa/a": entry } }).error,
      '"exercises.dsa/a" must be {"code": "..." or null, "passed": a time (YYYY-MM-DDThh:mm:ssZ) or null}', JSON.stringify(entry));
  }
});

test("an exercise saved without code (a pass only) reads back after it is saved", () => {
  // makeEnvelope writes `code: null` for such an entry: the reader must take it back.
  const read = C.readEnvelope({ ...FILE, exercises: { "dsa/a": { passed: "2027-01-01T00:00:00.000Z" } } });
  assert.deepEqual(read.state.exercises, { "dsa/a": { code: null, passed: "2027-01-01T00:00:00.000Z" } });
  const again = C.parseEnvelope(JSON.stringify(C.makeEnvelope(read.state, new Date("2027-01-02T00:00:00Z"))));
  assert.deepEqual(again.state.exercises, read.state.exercises);
});

test("importing merges exercises (the file's code, the later pass) or replaces them, and lists the changes", () => {
  const current = {
    ...C.emptyState(),
    exercises: { "dsa/a": { code: "mine", passed: "2027-02-01T00:00:00.000Z" }, "dsa/b": { code: "b", passed: null } },
  };
  const incoming = {
    ...C.emptyState(),
    exercises: { "dsa/a": { code: null, passed: "2027-01-01T00:00:00.000Z" }, "dsa/c": { code: "c", passed: "2027-03-01T00:00:00.000Z" } },
  };
  const merged = T.planImport(current, incoming, "merge");
  assert.deepEqual(merged.result.exercises, {
    "dsa/a": { code: "mine", passed: "2027-02-01T00:00:00.000Z" },
    "dsa/b": { code: "b", passed: null },
    "dsa/c": { code: "c", passed: "2027-03-01T00:00:00.000Z" },
  });
  assert.deepEqual(merged.exercises, ["dsa/c"]);
  const replaced = T.planImport(current, incoming, "replace");
  assert.deepEqual(replaced.result.exercises, incoming.exercises);
  assert.deepEqual(replaced.exercises, ["dsa/a", "dsa/b", "dsa/c"]);
});

/* ------------------------------------------------------------------- spaced review */

test("the review intervals are the Leitner boxes' days, growing", () => {
  assert.deepEqual(C.REVIEW_INTERVALS_DAYS, [1, 3, 7, 16, 35]);
});

test("a right answer moves a question up one box, due after that box's interval; a wrong one goes back to box 0, due the next day", () => {
  let review = C.scheduleAnswer({}, "a/q", true, "2027-01-30");
  assert.deepEqual(review, { "a/q": { box: 1, due: "2027-02-02" } }, "first answer right: box 1, 3 days");
  const dues = [];
  for (const day of ["2027-02-02", "2027-02-09", "2027-02-25", "2027-04-01", "2027-05-06"]) {
    review = C.scheduleAnswer(review, "a/q", true, day);
    dues.push([review["a/q"].box, review["a/q"].due]);
  }
  assert.deepEqual(dues, [[2, "2027-02-09"], [3, "2027-02-25"], [4, "2027-04-01"], [4, "2027-05-06"], [4, "2027-06-10"]]);
  const wrong = C.scheduleAnswer(review, "a/q", false, "2027-12-31");
  assert.deepEqual(wrong["a/q"], { box: 0, due: "2028-01-01" });
  assert.deepEqual(C.scheduleAnswer({}, "b/q", false, "2028-02-28")["b/q"], { box: 0, due: "2028-02-29" });
  assert.deepEqual(C.scheduleAnswer(wrong, "a/q", true, "2028-01-01")["a/q"], { box: 1, due: "2028-01-04" });
  assert.equal(review["a/q"].box, 4, "the schedule given is left as it was");
});

test("the questions due on a day: those due that day or before, the longest overdue first; counts and the next due day", () => {
  const review = {
    "a/q2": { box: 1, due: "2027-01-05" }, "a/q1": { box: 0, due: "2027-01-03" },
    "b/q1": { box: 2, due: "2027-01-05" }, "c/q1": { box: 3, due: "2027-01-09" }, "gone/q": { box: 0, due: "2027-01-01" },
  };
  const ids = ["a/q1", "a/q2", "b/q1", "c/q1", "d/q1"];
  assert.deepEqual(C.dueQuestions(review, ids, "2027-01-04"), ["a/q1"]);
  assert.deepEqual(C.dueQuestions(review, ids, "2027-01-05"), ["a/q1", "a/q2", "b/q1"]);
  assert.deepEqual(C.dueQuestions(review, ids, "2027-01-02"), []);
  assert.deepEqual(C.reviewCounts(review, ids, "2027-01-05"), { due: 3, scheduled: 4, next: "2027-01-09" });
  assert.deepEqual(C.reviewCounts(review, ids, "2027-01-09"), { due: 4, scheduled: 4, next: null });
  assert.deepEqual(C.reviewCounts({}, ids, "2027-01-09"), { due: 0, scheduled: 0, next: null });
});

test("the local calendar day of a date, and days added across months and leap years", () => {
  assert.equal(C.localDay(new Date(2027, 0, 31, 23, 59)), "2027-01-31");
  assert.equal(C.localDay(new Date(2027, 0, 1, 0, 1)), "2027-01-01");
  assert.equal(C.addDays("2027-01-31", 1), "2027-02-01");
  assert.equal(C.addDays("2024-02-28", 1), "2024-02-29");
  assert.equal(C.addDays("2027-12-20", 35), "2028-01-24");
});

test("a schedule or notes of the wrong shape are refused with the field that is wrong", () => {
  const good = C.makeEnvelope(C.emptyState(), new Date());
  for (const entry of [{ box: 5, due: "2027-01-01" }, { box: -1, due: "2027-01-01" }, { box: 1.5, due: "2027-01-01" },
    { box: 1, due: "2027-1-1" }, { box: 1 }, "2027-01-01"]) {
    assert.match(C.readEnvelope({ ...good, review: { "a/q": entry } }).error, /^"review.a\/q" must be \{"box": 0 to 4/, JSON.stringify(entry));
  }
  assert.match(C.readEnvelope({ ...good, review: [] }).error, /^"review" must be an object/);
  assert.match(C.readEnvelope({ ...good, notes: { a: 3 } }).error, /^"notes.a" must be text, not 3/);
  assert.match(C.readEnvelope({ ...good, notes: "x" }).error, /^"notes" must be an object/);
  assert.deepEqual(C.readEnvelope({ ...good, review: { "a/q": { box: 4, due: "2027-01-01", extra: 1 } } }).state.review,
    { "a/q": { box: 4, due: "2027-01-01" } });
});

test("notes: written per skill, empty ones dropped, merged by an import and listed when they change", () => {
  const state = C.setNote(C.setNote(C.emptyState(), "a", "first"), "b", "second");
  assert.deepEqual(state.notes, { a: "first", b: "second" });
  assert.deepEqual(C.setNote(state, "a", "  \n").notes, { b: "second" });
  const incoming = { ...C.emptyState(), notes: { b: "from file", c: "new" }, review: { "a/q": { box: 1, due: "2027-01-04" } } };
  const merged = T.planImport(state, incoming, "merge");
  assert.deepEqual(merged.result.notes, { a: "first", b: "from file", c: "new" });
  assert.deepEqual(merged.result.review, incoming.review);
  assert.deepEqual(merged.notes, ["b", "c"]);
  assert.deepEqual(T.planImport(state, incoming, "replace").notes, ["a", "b", "c"]);
});

test("the Markdown export lists the questions due and each skill's notes as a quote", () => {
  const quizIndex = C.indexRoadmap({ ...roadmap, skills: roadmap.skills.map((skill) => ({ ...skill, quiz: [`${skill.id}/q`] })) });
  const state = { ...C.emptyState(), notes: { b: "one\ntwo" },
    review: { "a/q": { box: 0, due: "2027-01-02" }, "b/q": { box: 1, due: "2027-01-05" } } };
  const text = T.toMarkdown(state, quizIndex, new Date("2027-01-02T10:00:00Z"));
  assert.match(text, /Exported 2027-01-02\.\n\nQuiz questions due for review: 1; the next on 2027-01-05\.\n/);
  assert.match(text, /- \[ \] I can 2\n\nMy notes:\n\n> one\n> two\n/);
  assert.doesNotMatch(T.toMarkdown(C.emptyState(), quizIndex, new Date()), /due for review/);
});

/* ------------------------------------------------------------------- verified skills */

const Q = ["v/q1", "v/q2", "v/q3", "v/q4", "v/q5"];
const BROWSER = { id: "dsa/v", in_browser: true };
const LOCAL = { id: "data_science/w", in_browser: false };
const answers = (right, wrong = 0) => Object.fromEntries([
  ...Q.slice(0, right).map((id) => [id, true]), ...Q.slice(right, right + wrong).map((id) => [id, false])]);
const PASS = "2027-04-01T09:00:00.000Z";

test("a quiz passes with every question answered and at least QUIZ_PASS_PERCENT right", () => {
  assert.equal(C.QUIZ_PASS_PERCENT, 80);
  const passes = (right, answered, total) => C.quizPassed({ right, answered, total });
  assert.equal(passes(4, 5, 5), true);  // exactly 80%
  assert.equal(passes(3, 5, 5), false); // 60%
  assert.equal(passes(5, 5, 5), true);
  assert.equal(passes(3, 4, 4), false); // 75%: with 2 to 4 questions, every one must be right
  assert.equal(passes(4, 4, 4), true);
  assert.equal(passes(2, 3, 3), false);
  assert.equal(passes(2, 2, 2), true);
  assert.equal(passes(1, 2, 2), false);
  assert.equal(passes(4, 4, 5), false); // all right so far, but one question not answered
  assert.equal(passes(0, 0, 0), false); // no quiz: nothing to pass
});

test("a skill is verified when its quiz passed and its exercise passed; a wrong last answer takes it away", () => {
  const skill = { id: "v", quiz: Q, exercises: [BROWSER] };
  const none = C.verification(C.emptyState(), skill);
  assert.deepEqual(none, {
    quiz: { answered: 0, right: 0, total: 5, passed: false },
    exercises: [{ id: "dsa/v", in_browser: true, passed: null, self: false }],
    verified: false,
  });
  assert.equal(C.verificationText(none), "Not verified yet: quiz not taken, exercise not passed.");
  const quizOnly = { ...C.emptyState(), quiz: answers(4, 1) };
  assert.equal(C.verification(quizOnly, skill).verified, false);
  assert.equal(C.verificationText(C.verification(quizOnly, skill)), "Not verified yet: quiz passed (4 of 5 right), exercise not passed.");
  const both = C.passExercise(quizOnly, "dsa/v", "code", new Date(PASS));
  assert.equal(C.verification(both, skill).verified, true);
  assert.equal(C.verificationText(C.verification(both, skill)), "Verified: quiz passed (4 of 5 right), exercise passed.");
  const wrongAgain = C.recordAnswers(both, ["v/q1"], false);
  assert.equal(C.verification(wrongAgain, skill).verified, false);
  assert.equal(C.verificationText(C.verification(wrongAgain, skill)),
    "Not verified yet: quiz not passed (3 of 5 right; it needs all answered, 80% right), exercise passed.");
  // Forgetting the answers (trying the quiz again) takes the mark away too.
  assert.equal(C.verification(C.recordAnswers(both, Q, null), skill).verified, false);
});

test("without an exercise the quiz alone verifies; without a quiz the exercises alone; with neither, nothing", () => {
  const quizOnly = { id: "v", quiz: Q, exercises: [] };
  const state = { ...C.emptyState(), quiz: answers(5) };
  assert.equal(C.verificationText(C.verification(state, quizOnly)), "Verified: quiz passed (5 of 5 right).");
  const noQuiz = { id: "w", quiz: [], exercises: [BROWSER, LOCAL] };
  const one = C.passExercise(C.emptyState(), "dsa/v", "c", new Date(PASS));
  assert.equal(C.verification(one, noQuiz).quiz, null);
  assert.equal(C.verificationText(C.verification(one, noQuiz)), "Not verified yet: 1 of 2 exercises passed, this skill has no quiz.");
  const two = C.reportExercise(one, "data_science/w", new Date(PASS));
  assert.equal(C.verificationText(C.verification(two, noQuiz)),
    "Verified: 2 of 2 exercises passed (1 self-reported), this skill has no quiz.");
  assert.equal(C.verification(two, { id: "x", quiz: [], exercises: [] }), null);
  assert.equal(C.verification(two, { id: "x" }), null); // roadmap.json of an older build
  assert.equal(C.verificationText(null), "");
  assert.equal(C.verificationShort(null), "–");
});

test("the reader reports a pass of `make exercise`, shown as self-reported, and can take it back", () => {
  const skill = { id: "w", quiz: Q, exercises: [LOCAL] };
  const reported = C.reportExercise({ ...C.emptyState(), quiz: answers(5) }, "data_science/w", new Date(PASS));
  assert.deepEqual(reported.exercises, { "data_science/w": { code: null, passed: PASS, self: true } });
  const found = C.verification(reported, skill);
  assert.deepEqual(found.exercises, [{ id: "data_science/w", in_browser: false, passed: PASS, self: true }]);
  assert.equal(C.verificationText(found), "Verified: quiz passed (5 of 5 right), exercise passed (self-reported).");
  assert.equal(C.verificationShort(found), "yes (exercise self-reported)");
  const undone = C.reportExercise(reported, "data_science/w", null);
  assert.deepEqual(undone.exercises, {});
  assert.equal(C.verificationShort(C.verification(undone, skill)), "not yet: exercise");
  // Code kept with the exercise stays when the report is taken back.
  const withCode = { ...C.emptyState(), exercises: { "data_science/w": { code: "mine", passed: PASS, self: true } } };
  assert.deepEqual(C.reportExercise(withCode, "data_science/w", null).exercises, { "data_science/w": { code: "mine", passed: null } });
  // A pass from a run in the browser is never taken back as a report.
  const run = C.passExercise(C.emptyState(), "dsa/v", "code", new Date(PASS));
  assert.deepEqual(C.reportExercise(run, "dsa/v", null), run);
  assert.equal(C.verificationShort(C.verification(C.emptyState(), skill)), "not yet: quiz, exercise");
  assert.equal(C.verificationShort(C.verification(C.emptyState(), { id: "x", quiz: [], exercises: [BROWSER, LOCAL] })), "not yet: 2 exercises");
  assert.equal(C.verificationShort(C.verification(run, { id: "x", quiz: [], exercises: [BROWSER] })), "yes");
  // One of two exercises self-reported is enough to say so; a passed exercise is not missing.
  const both = C.reportExercise(run, "data_science/w", new Date(PASS));
  assert.equal(C.verificationShort(C.verification(both, { id: "x", quiz: [], exercises: [BROWSER, LOCAL] })),
    "yes (exercise self-reported)");
  assert.equal(C.verificationShort(C.verification(both, { id: "x", quiz: Q, exercises: [BROWSER, LOCAL] })), "not yet: quiz");
});

test("a self-reported pass travels in the envelope (version 2, an optional field); a malformed one is refused", () => {
  const state = C.reportExercise(C.emptyState(), "data_science/w", new Date(PASS));
  const envelope = C.makeEnvelope(state, new Date("2027-04-02T00:00:00Z"));
  assert.equal(envelope.version, 2);
  assert.deepEqual(envelope.exercises, { "data_science/w": { code: null, passed: PASS, self: true } });
  assert.deepEqual(C.parseEnvelope(JSON.stringify(envelope)).state.exercises, state.exercises);
  // Files without the field, as written before it, read as before: no pass is self-reported.
  const before = { ...FILE, version: 2, exercises: { "dsa/a": { code: "c", passed: PASS } } };
  assert.deepEqual(C.readEnvelope(before).state.exercises, { "dsa/a": { code: "c", passed: PASS } });
  assert.deepEqual(C.readEnvelope({ ...before, exercises: { "dsa/a": { code: "c", passed: PASS, self: false } } }).state.exercises,
    { "dsa/a": { code: "c", passed: PASS } });
  for (const entry of [{ passed: PASS, self: "yes" }, { passed: null, self: true }, { self: true }, { passed: PASS, self: 1 }]) {
    assert.equal(C.readEnvelope({ ...before, exercises: { "dsa/a": entry } }).error,
      '"exercises.dsa/a.self" must be true (with a "passed" time: a pass the reader reported) or left out', JSON.stringify(entry));
  }
});

test("importing keeps the later pass with whether it was self-reported", () => {
  const mine = C.reportExercise(C.emptyState(), "data_science/w", new Date("2027-04-01T00:00:00Z"));
  const later = C.reportExercise(C.emptyState(), "data_science/w", new Date("2027-05-01T00:00:00Z"));
  const merged = T.planImport(mine, later, "merge");
  assert.deepEqual(merged.result.exercises, { "data_science/w": { code: null, passed: "2027-05-01T00:00:00.000Z", self: true } });
  assert.deepEqual(merged.exercises, ["data_science/w"]);
  // An exercise only the file has keeps its missing code as null, not as nothing.
  assert.deepEqual(T.planImport(C.emptyState(), mine, "merge").result.exercises, mine.exercises);
  const run = C.passExercise(C.emptyState(), "data_science/w", "code", new Date("2027-06-01T00:00:00Z"));
  assert.deepEqual(T.planImport(mine, run, "merge").result.exercises, { "data_science/w": { code: "code", passed: "2027-06-01T00:00:00.000Z" } });
  assert.deepEqual(T.planImport(run, mine, "merge").result.exercises, { "data_science/w": { code: "code", passed: "2027-06-01T00:00:00.000Z" } });
  assert.deepEqual(T.planImport(mine, later, "replace").result.exercises, later.exercises);
  assert.deepEqual(T.countProgress(mine).exercises, 1);
  assert.deepEqual(T.resetState(mine).exercises, {});
});

test("verified skills are counted over a scope, apart from ticked items", () => {
  const vRoadmap = {
    tracks: [{ id: "t", title: "Track", skills: ["a", "b", "c"] }],
    skills: [
      { id: "a", title: "A", quiz: ["a/q1", "a/q2"], exercises: [], checklist: [{ id: "a/1", text: "I can 1", aliases: [] }] },
      { id: "b", title: "B", quiz: ["b/q1", "b/q2"], exercises: [LOCAL], checklist: [{ id: "b/1", text: "I can 1", aliases: [] }] },
      { id: "c", title: "C", quiz: [], exercises: [], checklist: [{ id: "c/1", text: "I can 1", aliases: [] }] },
    ],
  };
  const vIndex = C.indexRoadmap(vRoadmap);
  const empty = C.verifiedCount(C.emptyState(), vIndex, ["a", "b", "c"]);
  assert.deepEqual(empty, { verified: 0, verifiable: 2, self: 0 });
  assert.equal(C.verifiedSummary(empty), "0 of 2 skills verified");
  let state = { ...C.emptyState(), items: { "c/1": true }, quiz: { "a/q1": true, "a/q2": true, "b/q1": true, "b/q2": true } };
  assert.deepEqual(C.verifiedCount(state, vIndex, ["a", "b", "c"]), { verified: 1, verifiable: 2, self: 0 });
  state = C.reportExercise(state, "data_science/w", new Date(PASS));
  const all = C.verifiedCount(state, vIndex, ["a", "b", "c", "gone"]);
  assert.deepEqual(all, { verified: 2, verifiable: 2, self: 1 });
  assert.equal(C.verifiedSummary(all), "2 of 2 skills verified (1 with a self-reported exercise)");
  assert.equal(C.verifiedSummary(C.verifiedCount(state, vIndex, ["a"])), "1 of 1 skill verified");
  assert.deepEqual(C.progress(state, vIndex, ["a", "b", "c"]), { done: 1, total: 3 }); // ticks stay apart

  const text = T.toMarkdown(state, vIndex, new Date("2027-04-02T00:00:00Z"));
  assert.match(text, /Exported 2027-04-02\.\n\n2 of 2 skills verified \(1 with a self-reported exercise\)\.\n/);
  assert.match(text, /### B\n\n- \[ \] I can 1\n\nVerified: quiz passed \(2 of 2 right\), exercise passed \(self-reported\)\.\n/);
  assert.match(text, /### C\n\n- \[x\] I can 1\n$/); // no quiz, no exercise: no line
  const started = { ...C.emptyState(), quiz: { "a/q1": false } };
  const partly = T.toMarkdown(started, vIndex, new Date("2027-04-02T00:00:00Z"));
  assert.match(partly, /### A\n\n- \[ \] I can 1\n\nNot verified yet: quiz not passed \(0 of 2 right; it needs all answered, 80% right\)\.\n/);
  assert.doesNotMatch(partly, /### B\n\n- \[ \] I can 1\n\n(Not )?[Vv]erified/); // nothing tried there yet
  assert.doesNotMatch(partly, /skills verified/);
  // An exercise passed is something tried too, without a quiz answer.
  const ran = C.reportExercise(C.emptyState(), "data_science/w", new Date(PASS));
  assert.match(T.toMarkdown(ran, vIndex, new Date(PASS)),
    /### B\n\n- \[ \] I can 1\n\nNot verified yet: quiz not taken, exercise passed \(self-reported\)\.\n/);
});

test("page-data.json's exercises become {id, in_browser}, those listed in local_exercises running only locally", () => {
  const data = {
    local_exercises: ["data_science/w"],
    skills: [{ id: "s", title: "S", track: "k", quiz: [], checklist: [], exercises: ["dsa/v", "data_science/w"] }],
  };
  assert.deepEqual(C.expandPageData(data).skills[0].exercises, [BROWSER, LOCAL]);
});

test("counts read as English: one item, two items, no items", () => {
  assert.equal(C.counted(1, "quiz answer"), "1 quiz answer");
  assert.equal(C.counted(0, "skill"), "0 skills");
  assert.equal(C.counted(12, "skill"), "12 skills");
});

test("a start never shows as 0% and an unfinished whole never as 100%", () => {
  assert.equal(C.percentText(0, 421), "0%");
  assert.equal(C.percentText(1, 421), "<1%");
  assert.equal(C.percentText(3, 421), "1%");
  assert.equal(C.percentText(2, 4), "50%");
  assert.equal(C.percentText(420, 421), ">99%");
  assert.equal(C.percentText(421, 421), "100%");
  assert.equal(C.percentText(0, 0), "0%");
});

test("the review line counts the questions due today, or says when the next one is", () => {
  assert.equal(C.dueText({ due: 1, next: null }), "1 quiz question due for review today");
  assert.equal(C.dueText({ due: 3, next: "2027-03-02" }), "3 quiz questions due for review today");
  assert.equal(C.dueText({ due: 0, next: "2027-03-02" }), "No quiz questions due for review today; next on 2027-03-02");
  assert.equal(C.dueText({ due: 0, next: null }), "No quiz questions due for review today");
});

test("an import's summary names only what changes, and the ids it keeps", () => {
  const none = { ticked: [], unticked: [], skipped: [], unskipped: [], answers: [], notes: [], exercises: [] };
  assert.equal(T.describeImport(none), "Importing it changes nothing.");
  const some = { ...none, ticked: ["a/1"], answers: ["q1", "q2", "q3"], notes: ["a"] };
  assert.equal(T.describeImport(some), "Importing it: 1 item ticked, 3 quiz answers changed, 1 skill note changed.");
  const all = { ticked: [1, 2], unticked: [1], skipped: [1, 2], unskipped: [1], answers: [1], notes: [1, 2], exercises: [1, 2] };
  assert.equal(T.describeImport(all), "Importing it: 2 items ticked, 1 item unticked, 2 skills marked as known, 1 skill unmarked, " +
    "1 quiz answer changed, 2 skill notes changed, 2 exercises changed.");
  assert.equal(T.describeImport(none, ["old/1"]),
    "Importing it changes nothing. 1 saved id is not in the roadmap any more and will be kept as it is: old/1.");
  assert.equal(T.describeImport(some, ["x", "y"]).split(". ")[1],
    "2 saved ids are not in the roadmap any more and will be kept as they are: x, y.");
});

test("a reset says what it clears, counted", () => {
  assert.equal(T.describeReset({ items: 1, skipped: 0, answers: 2, exercises: 1 }),
    "This clears 1 ticked item, 0 skills marked as known, 2 quiz answers with their review, your code and passes of " +
    "1 exercise and your starting point. Reset?");
});

test("a quiz's score counts as it goes and gives the score once every question is answered", () => {
  assert.equal(C.scoreText({ answered: 0, right: 0, total: 3 }), "3 questions; pick an answer to check it.");
  assert.equal(C.scoreText({ answered: 1, right: 0, total: 3 }), "1 of 3 answered, 0 right so far.");
  assert.equal(C.scoreText({ answered: 3, right: 2, total: 3 }), "Score: 2 of 3 right.");
});
