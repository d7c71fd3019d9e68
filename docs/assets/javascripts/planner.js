/*
 * Study planner: turns the roadmap, the reader's progress and their hours per week into a
 * week-by-week plan that respects prerequisites. Pure functions first (window.RoadmapPlanner,
 * used by the tests and the benchmark), then the glue for the planner page.
 */
(function () {
  "use strict";

  const EFFORTS = ["min", "mean", "max"];
  const DAY = 24 * 60 * 60 * 1000;

  /* ------------------------------------------------------------------ pure functions */

  function parseDate(text) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text || "")) return null;
    const date = new Date(`${text}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? null : date;
  }

  function isoDate(date) {
    return date.toISOString().slice(0, 10);
  }

  function addDays(date, days) {
    return new Date(date.getTime() + days * DAY);
  }

  /** The chosen skills and every prerequisite they need, wherever it lives. */
  function selectSkills(index, { tracks = [], target = "" }) {
    const chosen = new Set();
    const seeds = target
      ? [target]
      : index.roadmap.tracks.filter((t) => tracks.includes(t.id)).flatMap((t) => t.skills);
    const stack = seeds.filter((id) => index.skills.has(id));
    while (stack.length) {
      const id = stack.pop();
      if (chosen.has(id)) continue;
      chosen.add(id);
      stack.push(...index.skills.get(id).prerequisites);
    }
    return chosen;
  }

  /** Prerequisites first; among skills that are ready, the roadmap's own order. */
  function studyOrder(index, chosen) {
    const rank = new Map(index.roadmap.skills.map((skill, n) => [skill.id, n]));
    const waiting = new Map();
    const unlocks = new Map();
    for (const id of chosen) {
      const deps = index.skills.get(id).prerequisites.filter((dep) => chosen.has(dep));
      waiting.set(id, deps.length);
      for (const dep of deps) unlocks.set(dep, [...(unlocks.get(dep) || []), id]);
    }
    const ready = [...chosen].filter((id) => waiting.get(id) === 0);
    const order = [];
    while (ready.length) {
      ready.sort((a, b) => rank.get(b) - rank.get(a)); // smallest rank last, popped first
      const id = ready.pop();
      order.push(id);
      for (const next of unlocks.get(id) || []) {
        waiting.set(next, waiting.get(next) - 1);
        if (waiting.get(next) === 0) ready.push(next);
      }
    }
    return order;
  }

  function effortHours([low, high], effort) {
    if (effort === "min") return low;
    if (effort === "max") return high;
    return (low + high) / 2;
  }

  /**
   * options: {hoursPerWeek, start ("YYYY-MM-DD"), tracks, target, effort, done}
   * `done` maps a skill id to how many of its checklist items are done (a skipped skill counts
   * as all done). A skill's remaining hours shrink in proportion to its unticked items.
   */
  function plan(index, options) {
    const start = parseDate(options.start);
    if (!start) throw new Error(`start date "${options.start}" is not a date (YYYY-MM-DD)`);
    const perWeek = Number(options.hoursPerWeek);
    if (!(perWeek > 0 && perWeek <= 100)) throw new Error("hours per week must be between 0 and 100");
    if (!EFFORTS.includes(options.effort)) throw new Error(`effort must be one of ${EFFORTS.join(", ")}`);

    const order = studyOrder(index, selectSkills(index, options));
    const weeks = [];
    const skills = [];
    let week = 0;
    let free = perWeek;
    let total = 0;
    for (const id of order) {
      const skill = index.skills.get(id);
      const count = skill.checklist.length;
      const done = Math.min(options.done[id] || 0, count);
      let left = effortHours(skill.effort_hours, options.effort) * (1 - done / count);
      left = Math.round(left * 10) / 10;
      if (left <= 0) continue;
      total += left;
      const entry = { id, title: skill.title, url: skill.url, hours: left, firstWeek: null, lastWeek: null };
      while (left > 1e-9) {
        if (free <= 1e-9) {
          week += 1;
          free = perWeek;
        }
        const hours = Math.min(free, left);
        entry.firstWeek = entry.firstWeek || week + 1;
        weeks[week] = weeks[week] || { number: week + 1, start: isoDate(addDays(start, 7 * week)), sessions: [] };
        weeks[week].sessions.push({ id, title: skill.title, hours: Math.round(hours * 10) / 10 });
        free -= hours;
        left -= hours;
        entry.lastWeek = week + 1;
      }
      skills.push(entry);
    }
    const finish = weeks.length ? isoDate(addDays(start, 7 * weeks.length - 1)) : options.start;
    return { weeks: weeks.filter(Boolean), skills, totalHours: Math.round(total * 10) / 10, finish };
  }

  /** Plan options <-> the query string of a shareable URL. */
  function toQuery(options) {
    const params = new URLSearchParams();
    params.set("hours", String(options.hoursPerWeek));
    params.set("start", options.start);
    params.set("effort", options.effort);
    if (options.target) params.set("target", options.target);
    else params.set("tracks", options.tracks.join(","));
    const done = Object.entries(options.done).filter(([, n]) => n > 0).sort();
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
      effort: params.get("effort") || "mean",
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
        `SUMMARY:${icsText(`Study: ${skill.title} (${skill.hours} h)`)}`,
        `URL:${new URL(skill.url, siteUrl).href}`,
        "END:VEVENT",
      );
    }
    lines.push("END:VCALENDAR");
    return lines.join("\r\n") + "\r\n";
  }

  window.RoadmapPlanner = { EFFORTS, selectSkills, studyOrder, effortHours, plan, toQuery, fromQuery, toICS };

  /* ------------------------------------------------------------------ page glue */

  let shared = null; // options from a shared link, used until the reader changes the form

  function doneCounts(context) {
    const state = context.state();
    const done = {};
    for (const skill of context.index.roadmap.skills) {
      const count = state.skipped[skill.id]
        ? skill.checklist.length
        : skill.checklist.filter((item) => state.items[item.id]).length;
      if (count) done[skill.id] = count;
    }
    return done;
  }

  function readForm(form, context) {
    const data = new FormData(form);
    return {
      hoursPerWeek: Number(data.get("hours")),
      start: data.get("start"),
      effort: data.get("effort"),
      target: data.get("scope") === "target" ? data.get("target") : "",
      tracks: data.getAll("tracks"),
      done: doneCounts(context),
    };
  }

  function fillForm(form, options, context) {
    form.elements.hours.value = options.hoursPerWeek;
    form.elements.start.value = options.start;
    for (const radio of form.querySelectorAll("input[name=effort]")) radio.checked = radio.value === options.effort;
    for (const radio of form.querySelectorAll("input[name=scope]")) {
      radio.checked = radio.value === (options.target ? "target" : "tracks");
    }
    if (options.target) form.elements.target.value = options.target;
    for (const box of form.querySelectorAll("input[name=tracks]")) box.checked = options.tracks.includes(box.value);
  }

  function setupForm(form, context) {
    const select = form.elements.target;
    if (!select.options.length) {
      for (const skill of context.index.roadmap.skills) select.add(new Option(skill.title, skill.id));
    }
    const tracks = form.querySelector("[data-planner-tracks]");
    if (!tracks.childElementCount) {
      for (const track of context.index.roadmap.tracks) {
        const label = document.createElement("label");
        const box = document.createElement("input");
        box.type = "checkbox";
        box.name = "tracks";
        box.value = track.id;
        box.checked = true;
        label.append(box, ` ${track.title}`);
        tracks.append(label, document.createElement("br"));
      }
    }
    if (!form.elements.start.value) form.elements.start.value = isoDate(new Date());
  }

  function show(root, options, result) {
    const output = root.querySelector("[data-planner-output]");
    output.replaceChildren();
    const summary = document.createElement("p");
    summary.dataset.plannerSummary = "";
    summary.textContent = result.skills.length
      ? `${result.skills.length} skills, ${result.totalHours} hours at ${options.hoursPerWeek} hours a week: ` +
        `${result.weeks.length} weeks, from ${options.start} to ${result.finish}.`
      : "Nothing left to plan: every chosen skill is already done.";
    output.append(summary);
    const list = document.createElement("ol");
    list.className = "roadmap-plan";
    for (const week of result.weeks) {
      const item = document.createElement("li");
      item.dataset.week = String(week.number);
      const heading = document.createElement("strong");
      heading.textContent = `Week ${week.number} (from ${week.start}): `;
      item.append(heading);
      week.sessions.forEach((session, n) => {
        const link = document.createElement("a");
        link.href = new URL(result.skills.find((s) => s.id === session.id).url, siteRoot()).href;
        link.textContent = session.title;
        item.append(n ? ", " : "", link, ` ${session.hours} h`);
      });
      list.append(item);
    }
    output.append(list);
    root.querySelector("[data-planner-actions]").hidden = !result.skills.length;
    const url = new URL(location.href);
    url.search = toQuery(options);
    url.hash = "";
    root.querySelector("[data-planner-link]").value = url.href;
  }

  function siteRoot() {
    const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
    return new URL((config.base || ".") + "/", location.href);
  }

  function run(root, context) {
    const form = root.querySelector("form");
    const error = root.querySelector("[data-planner-error]");
    const options = shared || readForm(form, context);
    try {
      const result = plan(context.index, options);
      error.textContent = "";
      show(root, options, result);
      return { options, result };
    } catch (problem) {
      error.textContent = `Cannot plan: ${problem.message}.`;
      return null;
    }
  }

  function attach(context) {
    const root = document.querySelector("[data-roadmap-planner]");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "true";
    const form = root.querySelector("form");
    setupForm(form, context);
    shared = fromQuery(location.search);
    if (shared) {
      fillForm(form, shared, context);
      root.querySelector("[data-planner-shared]").hidden = false;
    }
    let last = run(root, context);
    form.addEventListener("input", () => {
      shared = null;
      root.querySelector("[data-planner-shared]").hidden = true;
      last = run(root, context);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      last = run(root, context);
    });
    root.querySelector("[data-action=download-ics]").addEventListener("click", () => {
      if (!last) return;
      const text = toICS(last.result, last.options, siteRoot(), new Date());
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "text/calendar" }));
      link.download = `study-plan-${last.options.start}.ics`;
      document.body.append(link);
      link.click();
      link.remove();
    });
    root.hidden = false;
  }

  window.RoadmapProgress.ready.then((context) => {
    if (window.document$) window.document$.subscribe(() => attach(context));
    else attach(context);
  });
})();
