/*
 * The study planner's logic, as pure functions over roadmap.json: which skills to study, in
 * what order, week by week, and what to leave for later to meet a date. No DOM here: the page
 * glue is planner.js, and tests/js/plan.test.js runs these functions under Node.
 *
 * The order interleaves tracks the way a syllabus does. A few skills are in progress at once
 * (two below 10 hours a week, three from 10), each from a different track while another track
 * has a skill ready, and the week's hours are shared equally between them. When a place frees
 * up, the next skill is, in turn: from a track not already in progress; a habit to start early;
 * of the highest priority; from the track least far along (as a share of its hours); first in
 * the roadmap's own order.
 */
(function () {
  "use strict";

  // Stryker disable next-line all: the browser/Node switch; Node only ever takes the first branch
  const core = typeof module === "object" && module.exports ? require("./progress-core.js") : window.RoadmapProgress;
  const { counted } = core;

  const EFFORTS = ["min", "mean", "max"];
  const PRIORITIES = ["core", "recommended", "elective"];
  const DAY = 24 * 60 * 60 * 1000;
  const EPSILON = 1e-6;
  const MAX_HOURS_PER_WEEK = 100;

  function parseDate(text) {
    // Stryker disable next-line StringLiteral: an empty text and any other text without a date both fail
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text || "")) return null;
    const date = new Date(`${text}T00:00:00Z`);
    return Number.isNaN(date.getTime()) || isoDate(date) !== text ? null : date;
  }

  function isoDate(date) {
    return date.toISOString().slice(0, 10);
  }

  function addDays(date, days) {
    return new Date(date.getTime() + days * DAY);
  }

  function tenth(hours) {
    return Math.round(hours * 10) / 10;
  }

  /** Lookup tables the planner needs over roadmap.json. */
  function indexRoadmap(roadmap) {
    return { roadmap, skills: new Map(roadmap.skills.map((skill) => [skill.id, skill])) };
  }

  /** Every prerequisite these skills need, wherever it lives, with the skills themselves. */
  function withPrerequisites(index, seeds) {
    const chosen = new Set();
    const stack = seeds.filter((id) => index.skills.has(id));
    while (stack.length) {
      const id = stack.pop();
      if (chosen.has(id)) continue;
      chosen.add(id);
      stack.push(...index.skills.get(id).prerequisites);
    }
    return chosen;
  }

  /** What the options ask to plan: a goal, one skill, or whole tracks (with prerequisites). */
  // Stryker disable next-line ArrayDeclaration: without tracks, a default of ["x"] selects no track either
  function selectSkills(index, { goal = "", target = "", tracks = [] }) {
    if (goal) {
      const found = index.roadmap.goals.find((g) => g.id === goal);
      if (!found) throw new Error(`there is no goal "${goal}"`);
      return new Set(found.skills);
    }
    if (target) return withPrerequisites(index, [target]);
    const seeds = index.roadmap.tracks.filter((t) => tracks.includes(t.id)).flatMap((t) => t.skills);
    return withPrerequisites(index, seeds);
  }

  function effortHours([low, high], effort) {
    if (effort === "min") return low;
    if (effort === "max") return high;
    return (low + high) / 2;
  }

  /** Hours left for a skill: its estimate, less the share of its checklist already ticked. */
  function hoursLeft(skill, effort, doneCount) {
    const count = skill.checklist.length;
    const done = Math.min(doneCount || 0, count);
    return tenth(effortHours(skill.effort_hours, effort) * (1 - done / count));
  }

  /** How many skills are in progress at once at this pace. */
  function placesAt(hoursPerWeek) {
    return hoursPerWeek < 10 ? 2 : 3;
  }

  /**
   * Lay out `hours` (skill id -> hours left, every prerequisite that is not a key counts as
   * done) over weeks of `perWeek` hours. Returns weeks of sessions and each skill's span.
   */
  function schedule(index, hours, perWeek) {
    const rank = new Map(index.roadmap.skills.map((skill, n) => [skill.id, n]));
    // Stryker disable next-line MethodExpression,ArrowFunction,ArithmeticOperator: the order of `ids` never
    // decides: candidates are sorted by a key that ends with the roadmap rank, which is unique
    const ids = [...hours.keys()].sort((a, b) => rank.get(a) - rank.get(b));
    const left = new Map(hours);
    const trackTotal = new Map();
    const trackDone = new Map();
    for (const id of ids) {
      const track = index.skills.get(id).track;
      trackTotal.set(track, (trackTotal.get(track) || 0) + hours.get(id));
      trackDone.set(track, 0);
    }
    const finished = new Set();
    const started = new Set();
    const active = [];
    const places = placesAt(perWeek);
    const ready = (id) => index.skills.get(id).prerequisites.every((dep) => !hours.has(dep) || finished.has(dep));

    function key(id) {
      const skill = index.skills.get(id);
      const busy = active.some((other) => index.skills.get(other).track === skill.track);
      return [
        busy ? 1 : 0,
        skill.start_early ? 0 : 1,
        PRIORITIES.indexOf(skill.priority),
        trackDone.get(skill.track) / trackTotal.get(skill.track),
        rank.get(id),
      ];
    }

    function fill() {
      while (active.length < places) {
        const candidates = ids.filter((id) => !started.has(id) && ready(id));
        if (!candidates.length) return;
        const keys = new Map(candidates.map((id) => [id, key(id)]));
        const compare = (a, b) => {
          const [x, y] = [keys.get(a), keys.get(b)];
          for (let n = 0; n < x.length; n += 1) if (x[n] !== y[n]) return x[n] - y[n];
          return 0;
        };
        const next = candidates.sort(compare)[0];
        started.add(next);
        active.push(next);
      }
    }

    const weeks = [];
    const spans = new Map();
    while (finished.size < ids.length) {
      const number = weeks.length + 1;
      const sessions = new Map();
      let free = perWeek;
      while (free > EPSILON) {
        fill();
        if (!active.length) break;
        const shortest = Math.min(...active.map((id) => left.get(id)));
        const sharing = active.length;
        const each = Math.min(shortest, free / sharing);
        for (const id of [...active]) {
          sessions.set(id, (sessions.get(id) || 0) + each);
          left.set(id, left.get(id) - each);
          const track = index.skills.get(id).track;
          trackDone.set(track, trackDone.get(track) + each);
          const span = spans.get(id) || { firstWeek: number, lastWeek: number };
          span.lastWeek = number;
          spans.set(id, span);
          if (left.get(id) <= EPSILON) {
            finished.add(id);
            active.splice(active.indexOf(id), 1);
          }
        }
        free -= each * sharing;
      }
      if (!sessions.size) break; // cannot happen with a valid (acyclic) roadmap
      weeks.push({
        number,
        sessions: [...sessions].map(([id, h]) => ({ id, hours: tenth(h) })).filter((s) => s.hours > 0),
      });
    }
    return { weeks, spans };
  }

  /**
   * Which skills to leave for later so that `hours` fit in `capacity` hours: electives first,
   * then recommended skills, each time the one studied last, and never a prerequisite of a skill
   * that stays or the one skill asked for. Returns the ids left out, in the order they were.
   */
  function leaveForLater(index, hours, capacity, keep = new Set()) {
    const kept = new Set(hours.keys());
    const rank = new Map(index.roadmap.skills.map((skill, n) => [skill.id, n]));
    let total = [...hours.values()].reduce((a, b) => a + b, 0);
    const left = [];
    const needed = (id) => [...kept].some((other) => index.skills.get(other).prerequisites.includes(id));
    while (total > capacity + EPSILON) {
      const candidates = [...kept].filter(
        (id) => index.skills.get(id).priority !== "core" && !keep.has(id) && !needed(id),
      );
      if (!candidates.length) break;
      candidates.sort(
        (a, b) =>
          PRIORITIES.indexOf(index.skills.get(b).priority) - PRIORITIES.indexOf(index.skills.get(a).priority) ||
          rank.get(b) - rank.get(a),
      );
      const out = candidates[0];
      kept.delete(out);
      total -= hours.get(out);
      left.push(out);
    }
    return left;
  }

  function checkOptions(options) {
    const problems = [];
    const start = parseDate(options.start);
    if (!start) problems.push(`the start date "${options.start || ""}" is not a date`);
    const perWeek = Number(options.hoursPerWeek);
    if (!(perWeek >= 1 && perWeek <= MAX_HOURS_PER_WEEK)) {
      problems.push(`hours per week must be a number from 1 to ${MAX_HOURS_PER_WEEK}`);
    }
    if (!EFFORTS.includes(options.effort)) problems.push(`the estimate must be one of ${EFFORTS.join(", ")}`);
    let finishBy = null;
    if (options.finishBy) {
      finishBy = parseDate(options.finishBy);
      if (!finishBy) problems.push(`the finish-by date "${options.finishBy}" is not a date`);
      else if (start && (finishBy - start) / DAY + 1 < 7) {
        problems.push("the finish-by date must be at least a week after the start date");
      }
    }
    if (problems.length) throw new Error(problems.join("; "));
    return { start, perWeek, finishBy };
  }

  function weeksBetween(start, finishBy) {
    return Math.floor(((finishBy - start) / DAY + 1) / 7);
  }

  function perWeekFor(totalHours, weeks) {
    return Math.ceil((totalHours / weeks) * 2 - EPSILON) / 2; // to the half hour above
  }

  function finishDate(start, weeks) {
    return isoDate(addDays(start, 7 * weeks - 1));
  }

  /**
   * options: {hoursPerWeek, start, finishBy ("" for none), goal | target | tracks, effort, done}
   * `done` maps a skill id to how many of its checklist items are done (a skipped skill counts
   * as all done). Returns the plan, its core path and, with a finish-by date, whether it fits.
   */
  function plan(index, options) {
    const { start, perWeek, finishBy } = checkOptions(options);
    const chosen = selectSkills(index, options);
    const hours = new Map();
    for (const id of chosen) {
      const left = hoursLeft(index.skills.get(id), options.effort, (options.done || {})[id]);
      if (left > 0) hours.set(id, left);
    }
    const sum = (ids) => tenth(ids.reduce((total, id) => total + hours.get(id), 0));
    const wanted = [...hours.keys()];
    const totalHours = sum(wanted);
    const coreIds = wanted.filter((id) => index.skills.get(id).priority === "core");
    const coreHours = sum(coreIds);

    let fit = null;
    let planned = hours;
    if (finishBy) {
      const weeksAvailable = weeksBetween(start, finishBy);
      const capacity = perWeek * weeksAvailable;
      const keep = new Set(options.target ? [options.target] : []);
      // Stryker disable next-line ArithmeticOperator: leaveForLater leaves nothing out when the hours fit,
      // so calling it also when they fit within EPSILON changes nothing
      const later = totalHours > capacity + EPSILON ? leaveForLater(index, hours, capacity, keep) : [];
      planned = new Map([...hours].filter(([id]) => !later.includes(id)));
      const keptHours = sum([...planned.keys()]);
      fit = {
        weeksAvailable,
        fits: totalHours <= capacity + EPSILON,
        fitsAfterLeaving: keptHours <= capacity + EPSILON,
        neededPerWeek: perWeekFor(totalHours, weeksAvailable),
        keptNeededPerWeek: perWeekFor(keptHours, weeksAvailable),
        leftForLater: later.map((id) => ({ id, title: index.skills.get(id).title, priority: index.skills.get(id).priority, hours: hours.get(id) })),
        leftHours: tenth(totalHours - keptHours),
      };
    }

    const { weeks, spans } = schedule(index, planned, perWeek);
    const skills = [...spans]
      .map(([id, span]) => {
        const skill = index.skills.get(id);
        return { id, title: skill.title, url: skill.url, track: skill.track, priority: skill.priority, hours: hours.get(id), ...span };
      })
      .sort((a, b) => a.firstWeek - b.firstWeek || a.lastWeek - b.lastWeek);
    const titles = new Map(skills.map((s) => [s.id, s.title]));
    for (const week of weeks) {
      week.start = isoDate(addDays(start, 7 * (week.number - 1)));
      for (const session of week.sessions) session.title = titles.get(session.id);
    }
    const plannedHours = sum([...planned.keys()]);
    const coreWeeks = coreHours > 0 ? schedule(index, new Map(coreIds.map((id) => [id, hours.get(id)])), perWeek).weeks.length : 0;
    return {
      weeks,
      skills,
      totalHours: plannedHours,
      finish: weeks.length ? finishDate(start, weeks.length) : options.start,
      wanted: { skills: wanted.length, hours: totalHours },
      core: { skills: coreIds.length, hours: coreHours, weeks: coreWeeks, finish: coreWeeks ? finishDate(start, coreWeeks) : options.start },
      fit,
    };
  }

  /** The week of the plan that contains `today` (or the first, before the plan starts). */
  function currentWeek(result, today) {
    if (!result.weeks.length) return null;
    const first = parseDate(result.weeks[0].start);
    const offset = Math.floor((parseDate(today) - first) / (7 * DAY));
    if (offset < 0) return result.weeks[0];
    return result.weeks[offset] || null;
  }

  /** Plan options <-> the query string of a shareable URL. */
  function toQuery(options) {
    const params = new URLSearchParams();
    params.set("hours", String(options.hoursPerWeek));
    params.set("start", options.start);
    if (options.finishBy) params.set("by", options.finishBy);
    params.set("effort", options.effort);
    if (options.goal) params.set("goal", options.goal);
    else if (options.target) params.set("target", options.target);
    else params.set("tracks", options.tracks.join(","));
    const done = Object.entries(options.done || {}).filter(([, n]) => n > 0).sort();
    if (done.length) params.set("done", done.map(([id, n]) => `${id}~${n}`).join(","));
    return params.toString();
  }

  function fromQuery(search) {
    const params = new URLSearchParams(search);
    if (!params.has("hours") || !params.has("start")) return null;
    const done = {};
    for (const pair of (params.get("done") || "").split(",").filter(Boolean)) {
      const [id, n] = pair.split("~");
      done[id] = Number(n) || 0;
    }
    return {
      hoursPerWeek: Number(params.get("hours")),
      start: params.get("start"),
      finishBy: params.get("by") || "",
      effort: params.get("effort") || "mean",
      goal: params.get("goal") || "",
      target: params.get("target") || "",
      tracks: (params.get("tracks") || "").split(",").filter(Boolean),
      done,
    };
  }

  function icsText(text) {
    return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, "\\n");
  }

  /** An iCalendar file with one all-day event per skill, over the weeks it is planned in. */
  function toICS(result, options, siteUrl, now) {
    const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    const start = parseDate(options.start);
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ML Engineer Roadmap//Study planner//EN", "CALSCALE:GREGORIAN"];
    for (const skill of result.skills) {
      const first = addDays(start, 7 * (skill.firstWeek - 1));
      const end = addDays(start, 7 * skill.lastWeek); // DTEND is exclusive
      lines.push(
        "BEGIN:VEVENT",
        `UID:${skill.id}-${options.start}@ml-engineer-roadmap`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${isoDate(first).replace(/-/g, "")}`,
        `DTEND;VALUE=DATE:${isoDate(end).replace(/-/g, "")}`,
        // No template literal inside another: the build's minifier (rjsmin) cannot read them.
        "SUMMARY:" + icsText(`Study: ${skill.title} (${skill.hours} h)`),
        `URL:${new URL(skill.url, siteUrl).href}`,
        "END:VEVENT",
      );
    }
    lines.push("END:VCALENDAR");
    return lines.join("\r\n") + "\r\n";
  }

  /** The plan as Markdown: a heading per week, a task per session. */
  function toMarkdown(result, options, scopeTitle, siteUrl) {
    const lines = [
      `# Study plan: ${scopeTitle}`,
      "",
      `${options.hoursPerWeek} hours a week from ${options.start}: ${counted(result.skills.length, "skill")}, ` +
        `${result.totalHours} hours, ${counted(result.weeks.length, "week")}, to ${result.finish}.`,
    ];
    if (result.fit && result.fit.leftForLater.length) {
      lines.push("", "## Left for later", "");
      for (const skill of result.fit.leftForLater) lines.push(`- ${skill.title} (${skill.priority}, ${skill.hours} h)`);
    }
    for (const week of result.weeks) {
      lines.push("", `## Week ${week.number} (from ${week.start})`, "");
      for (const session of week.sessions) {
        const url = new URL(result.skills.find((s) => s.id === session.id).url, siteUrl).href;
        lines.push(`- [ ] [${session.title}](${url}): ${session.hours} h`);
      }
    }
    return lines.join("\n") + "\n";
  }

  const api = {
    EFFORTS, PRIORITIES, MAX_HOURS_PER_WEEK, parseDate, isoDate, indexRoadmap, withPrerequisites, selectSkills,
    effortHours, hoursLeft, placesAt, schedule, leaveForLater, plan, currentWeek, toQuery, fromQuery, toICS, toMarkdown,
    counted,
  };
  // Stryker disable next-line all: the browser/Node switch; Node only ever takes the first branch
  // (the browser tests in tests/site load the scripts the other way)
  if (typeof module === "object" && module.exports) module.exports = api;
  else window.RoadmapPlanner = api;
})();
