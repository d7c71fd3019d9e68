// The study planner's pure functions (docs/assets/javascripts/plan.js) under Node's runner.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const P = require("../../docs/assets/javascripts/plan.js");

/** A small roadmap: two tracks, a chain in each, one elective, one habit to start early. */
function small() {
  const skill = (id, track, prerequisites, hours, priority = "core", extra = {}) => ({
    id, title: id.toUpperCase(), track, url: `${track}/${id}/`, prerequisites, priority,
    effort_hours: [hours, hours], checklist: [{ id: `${id}/a` }, { id: `${id}/b` }], ...extra,
  });
  const roadmap = {
    tracks: [{ id: "maths", skills: ["m1", "m2"] }, { id: "code", skills: ["c1", "c2", "c3"] }],
    skills: [
      skill("m1", "maths", [], 4),
      skill("m2", "maths", ["m1"], 4),
      skill("c1", "code", [], 2, "core", { start_early: true }),
      skill("c2", "code", ["c1"], 6, "recommended"),
      skill("c3", "code", ["c2", "m2"], 4, "elective"),
    ],
    goals: [{ id: "all", skills: ["m1", "m2", "c1", "c2", "c3"] }],
  };
  return P.indexRoadmap(roadmap);
}

const BASE = { hoursPerWeek: 4, start: "2027-01-04", finishBy: "", goal: "all", effort: "mean", done: {} };

test("two tracks are studied side by side, the week's hours shared equally (worked by hand)", () => {
  const result = P.plan(small(), BASE);
  // Week 1: c1 (a habit, so picked first) and m1 at 2 h each; c1 is done, and c2 starts in
  // week 2 beside m1; m2 follows m1 in week 3; c3 needs both chains, so it comes alone last.
  assert.deepEqual(result.weeks.map((w) => w.sessions.map((s) => [s.id, s.hours])), [
    [["c1", 2], ["m1", 2]],
    [["m1", 2], ["c2", 2]],
    [["c2", 2], ["m2", 2]],
    [["c2", 2], ["m2", 2]],
    [["c3", 4]],
  ]);
  assert.equal(result.totalHours, 20);
  assert.equal(result.finish, "2027-02-07");
  assert.deepEqual(result.core, { skills: 3, hours: 10, weeks: 3, finish: "2027-01-24" });
  assert.equal(result.fit, null);
});

test("a habit to start early comes before a skill of the same track that is ready too", () => {
  const index = small();
  index.skills.get("c2").prerequisites = [];
  const first = P.plan(index, BASE).weeks[0].sessions.map((s) => s.id);
  assert.ok(first.includes("c1"), first.join(","));
  assert.ok(!first.includes("c2"), first.join(","));
});

test("ticked items shorten a skill and a known skill drops out", () => {
  const result = P.plan(small(), { ...BASE, done: { m1: 1, c1: 2 } });
  const hours = Object.fromEntries(result.skills.map((s) => [s.id, s.hours]));
  assert.deepEqual(hours, { m1: 2, m2: 4, c2: 6, c3: 4 });
});

test("a date that does not fit gives the hours needed and leaves electives, then recommended, for later", () => {
  // 20 hours in 3 weeks: 6.67 a week, so 7 (to the half hour above).
  const short = P.plan(small(), { ...BASE, finishBy: "2027-01-24" });
  assert.equal(short.fit.fits, false);
  assert.equal(short.fit.weeksAvailable, 3);
  assert.equal(short.fit.neededPerWeek, 7);
  // 12 hours of room: c3 (elective, 4 h) goes first, then c2 (recommended, 6 h).
  assert.deepEqual(short.fit.leftForLater.map((s) => s.id), ["c3", "c2"]);
  assert.equal(short.fit.fitsAfterLeaving, true);
  assert.ok(short.weeks.length <= 3);
  const roomy = P.plan(small(), { ...BASE, finishBy: "2027-02-07" });
  assert.equal(roomy.fit.fits, true);
  assert.deepEqual(roomy.fit.leftForLater, []);
});

test("a prerequisite of a kept skill, a core skill and the skill asked for are never left for later", () => {
  const index = small();
  // Asking for c3 alone: c2 is its prerequisite and c3 is the target, so neither can go.
  const result = P.plan(index, { ...BASE, goal: "", target: "c3", finishBy: "2027-01-10" });
  assert.deepEqual(result.fit.leftForLater, []);
  assert.equal(result.fit.fitsAfterLeaving, false);
  assert.equal(result.fit.keptNeededPerWeek, 20);
  const hours = new Map([["c1", 2], ["c2", 6], ["c3", 4]]);
  assert.deepEqual(P.leaveForLater(index, hours, 0), ["c3", "c2"]);
  assert.deepEqual(P.leaveForLater(index, hours, 0, new Set(["c3"])), []);
});

test("every problem with the settings is reported at once", () => {
  assert.throws(
    () => P.plan(small(), { ...BASE, start: "2027-02-30", hoursPerWeek: 0, effort: "huge" }),
    /start date "2027-02-30" is not a date; hours per week must be a number from 1 to 100; the estimate must be one of min, mean, max/,
  );
  assert.throws(() => P.plan(small(), { ...BASE, hoursPerWeek: NaN }), /hours per week/);
  assert.throws(() => P.plan(small(), { ...BASE, finishBy: "2027-01-06" }), /at least a week after/);
  assert.throws(() => P.plan(small(), { ...BASE, goal: "nope" }), /no goal "nope"/);
});

test("a shared link carries every setting", () => {
  const options = { ...BASE, finishBy: "2027-06-30", done: { m1: 1 }, tracks: [] };
  assert.deepEqual(P.fromQuery(`?${P.toQuery(options)}`), { ...options, target: "" });
  const tracks = { ...BASE, goal: "", target: "", tracks: ["maths", "code"], done: {} };
  assert.deepEqual(P.fromQuery(P.toQuery(tracks)), tracks);
  assert.equal(P.fromQuery("?hours=4"), null);
});

test("this week is the week of the plan that holds today", () => {
  const result = P.plan(small(), BASE);
  assert.equal(P.currentWeek(result, "2026-12-01").number, 1);
  assert.equal(P.currentWeek(result, "2027-01-12").number, 2);
  assert.equal(P.currentWeek(result, "2027-02-07").number, 5);
  assert.equal(P.currentWeek(result, "2027-02-08"), null);
});

test("the Markdown export lists every week's sessions as tasks", () => {
  const result = P.plan(small(), { ...BASE, finishBy: "2027-01-24" });
  const text = P.toMarkdown(result, { ...BASE, finishBy: "2027-01-24" }, "All", "https://example.org/");
  assert.match(text, /^# Study plan: All\n/);
  assert.match(text, /## Left for later\n\n- C3 \(elective, 4 h\)\n- C2 \(recommended, 6 h\)/);
  assert.match(text, /## Week 1 \(from 2027-01-04\)\n\n- \[ \] \[C1\]\(https:\/\/example.org\/code\/c1\/\): 2 h\n- \[ \] \[M1\]/);
  assert.equal((text.match(/^## Week /gm) || []).length, result.weeks.length);
});

/* ------------------------------------------------------------ the real roadmap, every goal */

function realRoadmap() {
  const file = process.env.ROADMAP_JSON;
  assert.ok(file, "set ROADMAP_JSON to a built site's roadmap.json (make test does)");
  return P.indexRoadmap(JSON.parse(fs.readFileSync(file, "utf8")));
}

/** Weeks in which one track had all the hours while another track had a skill ready. */
function singleTrackRuns(index, result) {
  const spans = new Map(result.skills.map((s) => [s.id, s]));
  const planned = new Set(spans.keys());
  let run = 0;
  let longest = 0;
  for (const week of result.weeks) {
    const tracks = new Set(week.sessions.map((s) => index.skills.get(s.id).track));
    const [only] = tracks;
    const otherReady = tracks.size === 1 && [...planned].some((id) => {
      const skill = index.skills.get(id);
      return skill.track !== only && spans.get(id).lastWeek >= week.number &&
        skill.prerequisites.every((dep) => !planned.has(dep) || spans.get(dep).lastWeek < week.number);
    });
    run = otherReady ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

for (const perWeek of [5, 8, 20]) {
  test(`every goal at ${perWeek} h a week: prerequisites first, tracks interleaved, habits within four weeks`, () => {
    const index = realRoadmap();
    assert.ok(index.roadmap.goals.length >= 3);
    for (const goal of index.roadmap.goals) {
      const result = P.plan(index, { ...BASE, hoursPerWeek: perWeek, goal: goal.id });
      const spans = new Map(result.skills.map((s) => [s.id, s]));
      assert.deepEqual([...spans.keys()].sort(), [...goal.skills].sort(), goal.id);
      for (const [id, span] of spans) {
        for (const dep of index.skills.get(id).prerequisites) {
          if (spans.has(dep)) assert.ok(spans.get(dep).lastWeek <= span.firstWeek, `${goal.id}: ${dep} before ${id}`);
        }
      }
      assert.ok(singleTrackRuns(index, result) <= 4, `${goal.id}: one track alone for more than four weeks`);
      const habits = goal.skills.filter((id) => index.skills.get(id).start_early && index.skills.get(id).track === "practice");
      assert.ok(habits.length >= 2, `${goal.id} has the practice habits`);
      for (const id of habits) assert.ok(spans.get(id).firstWeek <= 4, `${goal.id}: ${id} starts in week ${spans.get(id).firstWeek}`);
      // Weeks are filled before the next begins, as the home page's durations assume.
      assert.equal(result.weeks.length, Math.ceil(result.totalHours / perWeek - 1e-9), goal.id);
    }
  });
}

test("the whole roadmap plans in well under 50 ms", () => {
  const index = realRoadmap();
  const tracks = index.roadmap.tracks.map((t) => t.id);
  const options = { ...BASE, goal: "", hoursPerWeek: 5, finishBy: "2027-12-31", tracks };
  P.plan(index, options);
  const started = process.hrtime.bigint();
  const result = P.plan(index, options);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.equal(result.wanted.skills, index.roadmap.skills.length);
  assert.ok(ms < 500, `${ms} ms`); // a loose bound against a runaway loop; make bench measures p95
});
