/*
 * The study planner page: reads the form, asks plan.js for the plan, shows it, remembers the
 * settings with the reader's progress, and exports the plan (.ics, Markdown, a link).
 */
(function () {
  "use strict";

  const P = window.RoadmapPlanner;
  let shared = null; // options from a shared link, used until the reader changes the form
  // Bumped by every plan shown: a week list built in a later task belongs to the latest only.
  let shown = 0;
  // The first plan is drawn in tasks of its own (after progress.js has drawn the page, and the
  // long week list after the rest), so that no single task keeps a slow phone from responding.
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

  const these = (n) => (n === 1 ? "this skill" : `these ${n} skills`);

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

  /** The settings as the form holds them (what is remembered with progress). */
  function readSettings(form) {
    const data = new FormData(form);
    const scope = data.get("scope");
    return {
      hoursPerWeek: data.get("hours") === "" ? NaN : Number(data.get("hours")),
      start: data.get("start") || "",
      finishBy: data.get("by") || "",
      effort: data.get("effort"),
      goal: scope === "goal" ? data.get("goal") : "",
      target: scope === "target" ? data.get("target") : "",
      // Read from the boxes, not the form data, which leaves them out while they are disabled.
      tracks: [...form.querySelectorAll("input[name=tracks]:checked")].map((box) => box.value),
    };
  }

  /** Only the controls of the chosen way to plan can be used; the others keep their values. */
  function enableScope(form) {
    const scope = new FormData(form).get("scope");
    form.elements.goal.disabled = scope !== "goal";
    form.elements.target.disabled = scope !== "target";
    for (const box of form.querySelectorAll("input[name=tracks]")) box.disabled = scope !== "tracks";
  }

  function fillForm(form, settings) {
    if (Number.isFinite(settings.hoursPerWeek)) form.elements.hours.value = settings.hoursPerWeek;
    if (settings.start) form.elements.start.value = settings.start;
    form.elements.by.value = settings.finishBy || "";
    for (const radio of form.querySelectorAll("input[name=effort]")) radio.checked = radio.value === settings.effort;
    const scope = settings.goal ? "goal" : settings.target ? "target" : "tracks";
    for (const radio of form.querySelectorAll("input[name=scope]")) radio.checked = radio.value === scope;
    if (settings.goal) form.elements.goal.value = settings.goal;
    if (settings.target) form.elements.target.value = settings.target;
    if (Array.isArray(settings.tracks)) {
      for (const box of form.querySelectorAll("input[name=tracks]")) box.checked = settings.tracks.includes(box.value);
    }
  }

  function scopeTitle(index, options) {
    if (options.goal) return index.roadmap.goals.find((g) => g.id === options.goal)?.title || options.goal;
    if (options.target) return index.skills.get(options.target)?.title || options.target;
    const titles = index.roadmap.tracks.filter((t) => options.tracks.includes(t.id)).map((t) => t.title);
    return titles.length === index.roadmap.tracks.length ? "the whole roadmap" : titles.join(", ") || "no track";
  }

  function element(tag, text, attributes = {}) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  function skillLink(index, id, root) {
    const link = element("a", index.skills.get(id).title);
    link.href = new URL(index.skills.get(id).url, root).href;
    return link;
  }

  function fitBlock(index, options, result, root) {
    const fit = result.fit;
    const box = element("div", undefined, { "data-planner-fit": fit.fits ? "fits" : "short", class: "roadmap-planner-fit" });
    if (fit.fits) {
      box.append(element("p", `It fits: ${result.wanted.hours} hours in the ${P.counted(fit.weeksAvailable, "week")} to ${options.finishBy} need ${fit.neededPerWeek} hours a week, and you have ${options.hoursPerWeek}.`));
      return box;
    }
    box.append(element("p", `It does not fit: everything chosen is ${result.wanted.hours} hours, which in the ${P.counted(fit.weeksAvailable, "week")} to ${options.finishBy} needs ${fit.neededPerWeek} hours a week (you have ${options.hoursPerWeek}).`, { "data-planner-needed": String(fit.neededPerWeek) }));
    if (fit.leftForLater.length) {
      const verdict = fit.fitsAfterLeaving
        ? `At ${options.hoursPerWeek} hours a week it fits if you leave ${these(fit.leftForLater.length)} (${fit.leftHours} hours) for later; none of them is needed by a skill in the plan below:`
        : `Leaving ${these(fit.leftForLater.length)} (${fit.leftHours} hours) for later is not enough: what must stay needs ${fit.keptNeededPerWeek} hours a week. The plan below keeps it and runs past your date:`;
      box.append(element("p", verdict));
      const list = element("ul", undefined, { "data-planner-later": "" });
      for (const skill of fit.leftForLater) {
        const item = element("li", undefined, { "data-skill": skill.id });
        item.append(skillLink(index, skill.id, root), ` (${skill.priority}, ${skill.hours} h)`);
        list.append(item);
      }
      box.append(list);
    } else {
      box.append(element("p", `Everything in it is core or needed by the skill you chose, so nothing can be left for later: give it ${fit.neededPerWeek} hours a week, or a later date.`));
    }
    return box;
  }

  function finishes(options, result) {
    const box = element("p", undefined, { "data-planner-finishes": "" });
    if (result.core.skills && result.core.skills < result.skills.length) {
      box.textContent = `The core path alone (${P.counted(result.core.skills, "skill")}, ${result.core.hours} hours) is done by ${result.core.finish}; ` +
        `everything chosen (${P.counted(result.skills.length, "skill")}) by ${result.finish}.`;
    } else {
      box.textContent = `Everything chosen is core: done by ${result.finish}.`;
    }
    return box;
  }

  function thisWeek(index, result, root, today) {
    const week = P.currentWeek(result, today);
    const box = element("div", undefined, { class: "roadmap-planner-now", "data-planner-this-week": "" });
    if (!week) return box;
    box.append(element("h2", week.number === 1 && today < week.start ? `First week (from ${week.start})` : `This week: week ${week.number} (from ${week.start})`));
    const list = element("ul");
    for (const session of week.sessions) {
      const item = element("li");
      item.append(skillLink(index, session.id, root), `: ${session.hours} h`);
      list.append(item);
    }
    box.append(list);
    return box;
  }

  function actions() {
    const box = element("div", undefined, { class: "roadmap-planner-actions", "data-planner-actions": "" });
    const ics = element("button", "Download as a calendar (.ics)", { type: "button", class: "md-button", "data-action": "download-ics" });
    const markdown = element("button", "Download as Markdown", { type: "button", class: "md-button", "data-action": "download-plan-markdown" });
    const label = element("label", "Link to this plan ");
    const input = element("input", undefined, { type: "text", readonly: "", class: "roadmap-planner-link", "data-planner-link": "" });
    label.append(input);
    const copy = element("button", "Copy link", { type: "button", class: "md-button", "data-action": "copy-plan-link" });
    const copied = element("span", "", { role: "status", "data-planner-copied": "" });
    const row = element("p");
    row.append(ics, " ", markdown);
    const linkRow = element("p", undefined, { class: "roadmap-planner-share" });
    linkRow.append(label, " ", copy, " ", copied);
    box.append(row, linkRow);
    return box;
  }

  function weekList(index, result, root) {
    const list = element("ol", undefined, { class: "roadmap-plan" });
    for (const week of result.weeks) {
      const item = element("li", undefined, { "data-week": String(week.number) });
      item.append(element("strong", `Week ${week.number} (from ${week.start}): `));
      week.sessions.forEach((session, n) => item.append(n ? ", " : "", skillLink(index, session.id, root), ` ${session.hours} h`));
      list.append(item);
    }
    return list;
  }

  function show(plannerRoot, context, options, result, weeksLater) {
    const root = siteRoot();
    const showing = ++shown;
    const index = context.index;
    const output = plannerRoot.querySelector("[data-planner-output]");
    const summary = element("p", undefined, { "data-planner-summary": "" });
    summary.textContent = result.skills.length
      ? `${P.counted(result.skills.length, "skill")}, ${result.totalHours} hours at ${options.hoursPerWeek} hours a week: ` +
        `${P.counted(result.weeks.length, "week")}, from ${options.start} to ${result.finish}.`
      : options.goal || options.target || options.tracks.length
        ? "Nothing left to plan: every chosen skill is already done."
        : "Choose at least one track to plan.";
    const parts = [summary];
    if (result.fit) parts.push(fitBlock(index, options, result, root));
    else if (result.skills.length) parts.push(finishes(options, result));
    if (result.skills.length) {
      const weeks = weekList(index, weeksLater ? { weeks: [] } : result, root);
      parts.push(thisWeek(index, result, root, P.isoDate(new Date())), actions(), element("h2", "Week by week"), weeks);
      if (weeksLater) {
        nextTask().then(() => {
          if (showing === shown) weeks.replaceWith(weekList(index, result, root));
        });
      }
    }
    output.replaceChildren(...parts);
    const link = output.querySelector("[data-planner-link]");
    if (link) {
      const url = new URL(location.href);
      url.search = P.toQuery(options);
      url.hash = "";
      link.value = url.href;
    }
  }

  /** The site's root URL, resolved once by progress.js (right after instant navigation too). */
  function siteRoot() {
    return window.RoadmapProgress.siteRoot;
  }

  function showProfileHint(plannerRoot, context, options) {
    const hint = plannerRoot.querySelector("[data-planner-profile]");
    const goal = options.goal && context.index.roadmap.goals.find((g) => g.id === options.goal);
    const profile = goal && goal.profile && context.index.roadmap.profiles.find((p) => p.id === goal.profile);
    const chosen = context.state().profile;
    hint.hidden = !profile || (chosen && chosen.id === profile.id);
    if (!hint.hidden) {
      hint.replaceChildren();
      const link = element("a", "choose that starting point");
      link.href = new URL("progress/#where-you-start", siteRoot()).href;
      hint.append(`This goal assumes you start from “${profile.title}”. To leave out what that background usually covers, `, link, " first; until then the plan includes it.");
    }
  }

  function run(plannerRoot, context, weeksLater = false) {
    const form = plannerRoot.querySelector("form");
    const error = plannerRoot.querySelector("[data-planner-error]");
    const options = shared || { ...readSettings(form), done: doneCounts(context) };
    showProfileHint(plannerRoot, context, options);
    try {
      const result = P.plan(context.index, options);
      error.replaceChildren();
      show(plannerRoot, context, options, result, weeksLater);
      return { options, result };
    } catch (problem) {
      // The error replaces the plan: an old plan under a refused setting would mislead.
      error.replaceChildren(element("p", `Cannot plan: ${problem.message}.`));
      plannerRoot.querySelector("[data-planner-output]").replaceChildren();
      return null;
    }
  }

  function download(name, text, type) {
    window.RoadmapProgress.download(name, text, type);
  }

  async function attach(context) {
    const plannerRoot = document.querySelector("[data-roadmap-planner]");
    if (!plannerRoot || plannerRoot.dataset.ready) return;
    plannerRoot.dataset.ready = "true";
    await nextTask();
    const form = plannerRoot.querySelector("form");
    form.elements.start.value = P.isoDate(new Date());
    const saved = context.state().planner;
    if (saved) fillForm(form, saved);
    shared = P.fromQuery(location.search);
    if (shared) {
      fillForm(form, shared);
      plannerRoot.querySelector("[data-planner-shared]").hidden = false;
    }
    enableScope(form);
    let last = run(plannerRoot, context, true);
    form.addEventListener("input", () => {
      enableScope(form);
      shared = null;
      plannerRoot.querySelector("[data-planner-shared]").hidden = true;
      last = run(plannerRoot, context);
      context.update((state) => ({ ...state, planner: readSettings(form) }));
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    plannerRoot.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (!button || !last) return;
      const { options, result } = last;
      if (button.dataset.action === "download-ics") {
        download(`study-plan-${options.start}.ics`, P.toICS(result, options, siteRoot(), new Date()), "text/calendar");
      } else if (button.dataset.action === "download-plan-markdown") {
        download(`study-plan-${options.start}.md`, P.toMarkdown(result, options, scopeTitle(context.index, options), siteRoot()), "text/markdown");
      } else if (button.dataset.action === "copy-plan-link") {
        const input = plannerRoot.querySelector("[data-planner-link]");
        const status = plannerRoot.querySelector("[data-planner-copied]");
        const copied = navigator.clipboard ? navigator.clipboard.writeText(input.value) : Promise.reject(new Error("no clipboard"));
        copied.then(
          () => { status.textContent = "Link copied."; },
          () => { input.select(); status.textContent = "Select the link and copy it (Ctrl+C or ⌘C)."; },
        );
      }
    });
    plannerRoot.hidden = false;
  }

  window.RoadmapProgress.ready.then((context) => {
    if (window.document$) window.document$.subscribe(() => attach(context));
    else attach(context);
  });
})();
