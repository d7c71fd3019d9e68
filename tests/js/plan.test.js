// The study planner's pure functions (docs/assets/javascripts/plan.js) under Node's runner.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const P = require("../../docs/assets/javascripts/plan.js");
const { expandPageData } = require("../../docs/assets/javascripts/progress-core.js");

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

/**
 * A roadmap from [id, track, prerequisites, hours, priority] rows, in the roadmap's own order;
 * every skill is one goal, "all", listing its skills in the order given by `goalOrder`.
 */
function roadmapOf(rows, goalOrder = rows.map(([id]) => id)) {
  const skills = rows.map(([id, track, prerequisites, hours, priority = "core"]) => ({
    id, title: id.toUpperCase(), track, url: `${track}/${id}/`, prerequisites, priority,
    effort_hours: Array.isArray(hours) ? hours : [hours, hours], checklist: [{ id: `${id}/a` }, { id: `${id}/b` }],
  }));
  const tracks = [...new Set(skills.map((s) => s.track))].map((id) => ({ id, skills: skills.filter((s) => s.track === id).map((s) => s.id) }));
  return P.indexRoadmap({ tracks, skills, goals: [{ id: "all", skills: goalOrder }] });
}

const sessionsOf = (result) => result.weeks.map((w) => w.sessions.map((s) => [s.id, s.hours]));

test("the estimate chosen sets each skill's hours: the low end, the middle or the high end", () => {
  const index = roadmapOf([["s", "t", [], [3, 8]]]);
  const total = (effort, done = {}) => P.plan(index, { ...BASE, effort, done }).totalHours;
  assert.deepEqual([total("min"), total("mean"), total("max")], [3, 5.5, 8]);
  // Half the checklist ticked: 5.5 / 2 = 2.75 hours, shown to the tenth.
  assert.equal(total("mean", { s: 1 }), 2.8);
  assert.equal(P.plan(index, { ...BASE, effort: "max" }).weeks.length, 2);
});

test("hours left are shown to the tenth of an hour", () => {
  const skill = { effort_hours: [5, 5], checklist: [{}, {}, {}] };
  assert.equal(P.hoursLeft(skill, "mean", 1), 3.3); // 5 * 2/3 = 3.333...
  assert.equal(P.hoursLeft(skill, "mean", 5), 0, "more ticks than items count as all done");
});

test("two skills are in progress at once below 10 hours a week, three from 10", () => {
  assert.deepEqual([P.placesAt(1), P.placesAt(9.5), P.placesAt(10), P.placesAt(40)], [2, 2, 3, 3]);
});

test("a skill from a track not already in progress comes before one from a busy track", () => {
  // 10 h a week, so three places. a2 comes before b1 and c1 in the roadmap, but a1 of its
  // track is in progress: b1 and c1 take the other places, 3 h each; a2 gets the last hour.
  const index = roadmapOf([["a1", "A", [], 3], ["a2", "A", [], 3], ["b1", "B", [], 3], ["c1", "C", [], 3]]);
  assert.deepEqual(sessionsOf(P.plan(index, { ...BASE, hoursPerWeek: 10 })), [
    [["a1", 3], ["b1", 3], ["c1", 3], ["a2", 1]],
    [["a2", 2]],
  ]);
});

test("of skills ready in free tracks, core comes before recommended, recommended before elective", () => {
  const index = roadmapOf([["e", "E", [], 2, "elective"], ["r", "R", [], 2, "recommended"], ["k", "K", [], 2, "core"]]);
  assert.deepEqual(sessionsOf(P.plan(index, BASE)), [[["k", 2], ["r", 2]], [["e", 2]]]);
});

test("at equal priority, the skill of the track least far along, as a share of its hours, comes next", () => {
  // 4 h a week, two places; b1 (20 h) is in progress throughout. Week 1: b1 and a1 share
  // 2 h; then c1 (track C has done none of its hours, A half of its 2) shares the last 2 h
  // with b1. Week 2: a2 comes first in the roadmap, but A has done 1 h of 2 (0.5) and C 1 h
  // of 9.5 (about 0.1), so c2 takes the free place.
  const index = roadmapOf([
    ["b1", "B", [], 20],
    ["a1", "A", [], 1],
    ["c1", "C", [], 1],
    ["a2", "A", ["a1"], 1],
    ["c2", "C", ["c1"], 8],
    ["c3", "C", ["c2"], 0.5],
  ]);
  const weeks = sessionsOf(P.plan(index, BASE));
  assert.deepEqual(weeks.slice(0, 2), [
    [["b1", 2], ["a1", 1], ["c1", 1]],
    [["b1", 2], ["c2", 2]],
  ]);
});

test("when everything else is equal, the roadmap's own order decides, not the goal's", () => {
  const index = roadmapOf([["x", "X", [], 2], ["y", "Y", [], 2], ["z", "Z", [], 2]], ["z", "y", "x"]);
  assert.deepEqual(sessionsOf(P.plan(index, BASE)), [[["x", 2], ["y", 2]], [["z", 2]]]);
});

test("hours freed by a skill finished mid-week go to the skills still in progress that week", () => {
  // 6 h a week: x (1 h) and y share 2 h (1 h each); x is done, so y has the other 4 h too.
  const index = roadmapOf([["x", "X", [], 1], ["y", "Y", [], 10]]);
  assert.deepEqual(sessionsOf(P.plan(index, { ...BASE, hoursPerWeek: 6 })), [[["x", 1], ["y", 5]], [["y", 5]]]);
});

test("a session that rounds to 0 hours is not listed", () => {
  // 10 h a week: a, b and c get 3.3 h each; d and e then share the last 0.1 h with c, a
  // thirtieth of an hour each, which rounds to 0.
  const index = roadmapOf([["a", "A", [], 3.3], ["b", "B", [], 3.3], ["c", "C", [], 10], ["d", "D", [], 5], ["e", "E", [], 5]]);
  const result = P.plan(index, { ...BASE, hoursPerWeek: 10 });
  assert.deepEqual(sessionsOf(result)[0], [["a", 3.3], ["b", 3.3], ["c", 3.3]]);
  for (const week of result.weeks) for (const session of week.sessions) assert.ok(session.hours > 0, `week ${week.number}: ${session.id}`);
});

test("skills are listed by the week they start in, then by the week they end in", () => {
  // 4 h a week: a (6 h) and b share week 1; c follows b in week 2 beside a; a ends in week 3.
  const index = roadmapOf([["a", "A", [], 6], ["b", "B", [], 2], ["c", "B", ["b"], 2]]);
  const skills = P.plan(index, BASE).skills.map((s) => [s.id, s.firstWeek, s.lastWeek]);
  assert.deepEqual(skills, [["b", 1, 1], ["a", 1, 3], ["c", 2, 2]]);
});

test("a cycle of prerequisites ends the schedule instead of looping for ever", () => {
  const index = roadmapOf([["p", "A", ["q"], 2], ["q", "A", ["p"], 2]]);
  assert.deepEqual(P.schedule(index, new Map([["p", 2], ["q", 2]]), 4).weeks, []);
});

test("electives are left for later before recommended skills, the one studied last first, until the hours fit", () => {
  const index = roadmapOf([["e1", "A", [], 1, "elective"], ["r1", "A", [], 2, "recommended"], ["r2", "B", [], 3, "recommended"], ["e2", "B", [], 4, "elective"], ["k", "C", [], 5]]);
  const hours = new Map([["e1", 1], ["r1", 2], ["r2", 3], ["e2", 4], ["k", 5]]); // 15 h
  assert.deepEqual(P.leaveForLater(index, hours, 10), ["e2", "e1"]);
  assert.deepEqual(P.leaveForLater(index, hours, 4), ["e2", "e1", "r2", "r1"], "core skills always stay");
  assert.deepEqual(P.leaveForLater(index, hours, 15), [], "hours that fit exactly leave nothing out");
});

test("a plan that fits its date exactly fits, and so does one that fits exactly once electives are left", () => {
  // small() holds 20 hours; 2027-01-04 to 2027-01-17 is two weeks.
  const exact = P.plan(small(), { ...BASE, hoursPerWeek: 10, finishBy: "2027-01-17" });
  assert.deepEqual([exact.fit.weeksAvailable, exact.fit.fits, exact.fit.neededPerWeek, exact.fit.leftForLater], [2, true, 10, []]);
  // At 8 h a week the room is 16 hours: c3 (elective, 4 h) goes, and the other 16 hours fit.
  const after = P.plan(small(), { ...BASE, hoursPerWeek: 8, finishBy: "2027-01-17" }).fit;
  assert.deepEqual(after, {
    weeksAvailable: 2,
    fits: false,
    fitsAfterLeaving: true,
    neededPerWeek: 10,
    keptNeededPerWeek: 8,
    leftForLater: [{ id: "c3", title: "C3", priority: "elective", hours: 4 }],
    leftHours: 4,
  });
});

test("hours per week run from 1 to 100, and a finish-by date must be a real date", () => {
  for (const hoursPerWeek of [1, 100]) assert.equal(P.plan(small(), { ...BASE, hoursPerWeek }).totalHours, 20);
  for (const hoursPerWeek of [0.5, 100.5, 101]) {
    assert.throws(() => P.plan(small(), { ...BASE, hoursPerWeek }), /^Error: hours per week must be a number from 1 to 100$/);
  }
  assert.throws(() => P.plan(small(), { ...BASE, finishBy: "2027-13-01" }), /^Error: the finish-by date "2027-13-01" is not a date$/);
  assert.throws(() => P.plan(small(), { ...BASE, start: undefined }), /^Error: the start date "" is not a date$/);
});

test("a plan can be asked for by tracks, with the prerequisites they need from other tracks", () => {
  const index = small();
  const options = { hoursPerWeek: 4, start: "2027-01-04", effort: "mean", tracks: ["maths"] };
  assert.deepEqual([...P.selectSkills(index, options)].sort(), ["m1", "m2"]);
  assert.deepEqual(P.plan(index, options).skills.map((s) => s.id), ["m1", "m2"]);
  assert.deepEqual([...P.selectSkills(index, { target: "c3" })].sort(), ["c1", "c2", "c3", "m1", "m2"]);
  assert.deepEqual([...P.withPrerequisites(index, ["gone", "c2"])].sort(), ["c1", "c2"], "an unknown id is skipped");
});

test("a plan with everything done has no weeks, no current week, and finishes where it starts", () => {
  const result = P.plan(small(), { ...BASE, done: { m1: 2, m2: 2, c1: 2, c2: 2, c3: 2 } });
  assert.deepEqual([result.weeks, result.skills, result.totalHours, result.finish], [[], [], 0, "2027-01-04"]);
  assert.deepEqual(result.core, { skills: 0, hours: 0, weeks: 0, finish: "2027-01-04" });
  assert.equal(P.currentWeek(result, "2027-01-05"), null);
});

test("the shareable query string holds exactly the settings given, done counts sorted", () => {
  const target = { hoursPerWeek: 6, start: "2027-01-04", finishBy: "", effort: "max", goal: "", target: "c3", tracks: [], done: { m1: 1, c2: 2, c1: 0 } };
  assert.equal(P.toQuery(target), "hours=6&start=2027-01-04&effort=max&target=c3&done=c2%7E2%2Cm1%7E1");
  assert.deepEqual(P.fromQuery(P.toQuery(target)), { ...target, done: { c2: 2, m1: 1 } });
  const goal = { ...target, finishBy: "2027-06-30", effort: "mean", goal: "all", done: {} };
  assert.equal(P.toQuery(goal), "hours=6&start=2027-01-04&by=2027-06-30&effort=mean&goal=all");
  const tracks = { ...target, goal: "", target: "", tracks: ["maths", "code"], done: { m1: 0 } };
  assert.equal(P.toQuery(tracks), "hours=6&start=2027-01-04&effort=max&tracks=maths%2Ccode");
});

test("a link without an estimate or a scope plans at the middle estimate, with nothing done", () => {
  assert.deepEqual(P.fromQuery("hours=5&start=2027-01-04"), {
    hoursPerWeek: 5, start: "2027-01-04", finishBy: "", effort: "mean", goal: "", target: "", tracks: [], done: {},
  });
  assert.deepEqual(P.fromQuery("hours=5&start=2027-01-04&done=m1~x,c1~2").done, { m1: 0, c1: 2 });
});

test("the calendar file has one all-day event per skill over its weeks, text escaped (worked by hand)", () => {
  const result = {
    skills: [
      { id: "m1", title: "Sets; maps, and\\more", url: "maths/m1/", hours: 2.5, firstWeek: 1, lastWeek: 2 },
      { id: "c1", title: "Two\nlines", url: "code/c1/", hours: 4, firstWeek: 3, lastWeek: 3 },
    ],
  };
  const text = P.toICS(result, { start: "2027-01-04" }, "https://example.org/site/", new Date("2027-01-01T09:08:07.123Z"));
  // Week 1 starts on 2027-01-04; DTEND is the day after the last day, so week 2 ends on the
  // 18th, and week 3 runs from the 18th to the 25th.
  assert.equal(text, [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//ML Engineer Roadmap//Study planner//EN",
    "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT",
    "UID:m1-2027-01-04@ml-engineer-roadmap",
    "DTSTAMP:20270101T090807Z",
    "DTSTART;VALUE=DATE:20270104",
    "DTEND;VALUE=DATE:20270118",
    "SUMMARY:Study: Sets\\; maps\\, and\\\\more (2.5 h)",
    "URL:https://example.org/site/maths/m1/",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:c1-2027-01-04@ml-engineer-roadmap",
    "DTSTAMP:20270101T090807Z",
    "DTSTART;VALUE=DATE:20270118",
    "DTEND;VALUE=DATE:20270125",
    "SUMMARY:Study: Two\\nlines (4 h)",
    "URL:https://example.org/site/code/c1/",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n"));
});

test("a plan of one skill in one week says so in the singular", () => {
  const index = roadmapOf([["a", "A", [], 3]]);
  const options = { ...BASE, finishBy: "2027-01-31" };
  const text = P.toMarkdown(P.plan(index, options), options, "All", "https://example.org/");
  assert.match(text, /^4 hours a week from 2027-01-04: 1 skill, 3 hours, 1 week, to 2027-01-10\.$/m);
  assert.equal(P.counted(0, "week"), "0 weeks");
  assert.equal(P.counted(2, "skill"), "2 skills");
});

test("the Markdown plan, line by line: summary, then each week's sessions linked (worked by hand)", () => {
  // 4 h a week: a (2 h) and b (6 h) share week 1; b has the 4 h of week 2.
  const index = roadmapOf([["a", "A", [], 2], ["b", "B", [], 6]]);
  const options = { ...BASE, finishBy: "2027-01-31" };
  const text = P.toMarkdown(P.plan(index, options), options, "All", "https://example.org/");
  assert.equal(text, [
    "# Study plan: All",
    "",
    "4 hours a week from 2027-01-04: 2 skills, 8 hours, 2 weeks, to 2027-01-17.",
    "",
    "## Week 1 (from 2027-01-04)",
    "",
    "- [ ] [A](https://example.org/A/a/): 2 h",
    "- [ ] [B](https://example.org/B/b/): 2 h",
    "",
    "## Week 2 (from 2027-01-11)",
    "",
    "- [ ] [B](https://example.org/B/b/): 4 h",
    "",
  ].join("\n"));
  // Two weeks to 2027-01-17 hold 8 of the 12 hours: b (recommended, 6 h) is left for later,
  // and a and c (6 h) take week 1 (2 h each) and week 2 (c's last 2 h).
  const shortIndex = roadmapOf([["a", "A", [], 2], ["b", "B", [], 6, "recommended"], ["c", "C", [], 4]]);
  const short = { ...BASE, finishBy: "2027-01-17" };
  assert.equal(P.toMarkdown(P.plan(shortIndex, short), short, "All", "https://example.org/"), [
    "# Study plan: All",
    "",
    "4 hours a week from 2027-01-04: 2 skills, 6 hours, 2 weeks, to 2027-01-17.",
    "",
    "## Left for later",
    "",
    "- B (recommended, 6 h)",
    "",
    "## Week 1 (from 2027-01-04)",
    "",
    "- [ ] [A](https://example.org/A/a/): 2 h",
    "- [ ] [C](https://example.org/C/c/): 2 h",
    "",
    "## Week 2 (from 2027-01-11)",
    "",
    "- [ ] [C](https://example.org/C/c/): 2 h",
    "",
  ].join("\n"));
});

/* ------------------------------------------------------------ the real roadmap, every goal */

function realRoadmap() {
  const file = process.env.PAGE_DATA_JSON;
  assert.ok(file, "set PAGE_DATA_JSON to a built site's page-data.json (make test does)");
  return P.indexRoadmap(expandPageData(JSON.parse(fs.readFileSync(file, "utf8"))));
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

test("the whole roadmap, every track at 5 h a week, plans every skill (make bench times it)", () => {
  const index = realRoadmap();
  const tracks = index.roadmap.tracks.map((t) => t.id);
  const options = { ...BASE, goal: "", hoursPerWeek: 5, finishBy: "2027-12-31", tracks };
  const result = P.plan(index, options);
  assert.equal(result.wanted.skills, index.roadmap.skills.length);
  // A year at 5 h a week does not hold it all: what is not planned is left for later.
  const planned = [...result.skills, ...result.fit.leftForLater].map((s) => s.id);
  assert.deepEqual(planned.sort(), index.roadmap.skills.map((s) => s.id).sort());
});
