/*
 * Progress kept in the reader's own browser: the glue between the pure functions of
 * progress-core.js, localStorage and the page (checklists, progress bars, known skills, verified
 * marks, notes, the due-review count, alerts when storage fails). Other scripts render more of
 * a page through `ready` (quiz.js, profiles.js, progress-tools.js, review.js and others). No
 * account, no server.
 */
(function () {
  "use strict";

  const core = window.RoadmapProgress;
  const { KEY, emptyState, parseEnvelope, makeEnvelope, expandPageData, indexRoadmap, migrate, isDone, progress,
    scopeSkills, localDay, reviewCounts, setNote, verification, verificationText, verifiedCount, verifiedSummary,
    reportExercise, percentText, dueText } = core;

  /* ------------------------------------------------------------------ browser glue */

  // Resolved by page-scripts.js on the first page opened (instant navigation changes the URL).
  const { siteRoot } = window.RoadmapPages;
  let roadmapIndex = null;
  let state = emptyState();
  let undo = null; // {state}: the state before the last starting point or reset
  const renderers = []; // more of the page to render with each change (quiz.js, profiles.js, ...)
  const problems = new Set();

  function fetchJSON(name) {
    return fetch(new URL(name, siteRoot)).then((response) => {
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return response.json();
    });
  }

  // Every page loads page-data.json, the part of roadmap.json the scripts need (ids, titles,
  // effort); the whole roadmap.json only when the reader exports the checklists' wording
  // (progress-tools.js).
  const loaded = fetchJSON("page-data.json").then((data) => {
    roadmapIndex = indexRoadmap(expandPageData(data));
    state = load();
  });

  function report(message) {
    problems.add(message);
    renderAlerts();
  }

  /** Read saved progress. An unreadable value is set aside, never overwritten. */
  function load() {
    let text;
    try {
      text = localStorage.getItem(KEY);
    } catch (error) {
      report(`Your browser does not let this site use its storage (${error.name}), so progress lasts only until you leave the page. Export it before you go.`);
      return emptyState();
    }
    if (text === null) return emptyState();
    const parsed = parseEnvelope(text, localDay(new Date()));
    if (parsed.error) {
      const backup = `${KEY}/unreadable-${Date.now()}`;
      try {
        localStorage.setItem(backup, text);
        localStorage.removeItem(KEY);
      } catch (error) {
        // Leave the unreadable value where it is rather than risk losing it.
      }
      report(`Saved progress could not be read (${parsed.error}). It was kept under the storage key "${backup}" and you are starting afresh.`);
      return emptyState();
    }
    const migrated = migrate(parsed.state, roadmapIndex);
    if (migrated.renamed.length || parsed.upgraded) save(migrated.state);
    return migrated.state;
  }

  /** Save; on failure keep the state in memory and tell the reader. Returns true on success. */
  function save(next) {
    try {
      localStorage.setItem(KEY, JSON.stringify(makeEnvelope(next, new Date())));
      return true;
    } catch (error) {
      const why = error.name === "QuotaExceededError" ? "the browser's storage for this site is full" : `${error.name}: ${error.message}`;
      report(`Your last change could not be saved (${why}). It stays on this page until you leave; export your progress to keep it.`);
      return false;
    }
  }

  function setState(next) {
    state = next;
    save(next);
    render();
  }

  function renderAlerts() {
    for (const box of document.querySelectorAll("[data-roadmap-alerts]")) box.remove();
    if (!problems.size) return;
    const box = document.createElement("div");
    box.className = "admonition failure roadmap-alert";
    box.setAttribute("role", "alert");
    box.dataset.roadmapAlerts = "";
    box.innerHTML = '<p class="admonition-title">Progress problem</p>';
    for (const message of problems) {
      const p = document.createElement("p");
      p.textContent = message;
      box.append(p);
    }
    document.querySelector("article.md-content__inner")?.prepend(box);
  }

  function renderBar(element) {
    const skills = scopeSkills(roadmapIndex, element.dataset.progress);
    const { done, total } = progress(state, roadmapIndex, skills);
    const label = element.dataset.label || "Progress";
    element.replaceChildren();
    const bar = document.createElement("progress");
    bar.max = total || 1;
    bar.value = done;
    bar.setAttribute("aria-label", `${label}: ${done} of ${total} checklist items`);
    const text = document.createElement("span");
    // Ticked (the reader's own judgement) apart from verified (quiz and exercises passed).
    const verified = "verified" in element.dataset ? ` · ${verifiedSummary(verifiedCount(state, roadmapIndex, skills))}` : "";
    text.textContent = `${label}: ${done} of ${total} items (${percentText(done, total)})${verified}`;
    element.append(bar, text);
    element.hidden = false;
  }

  function render() {
    if (!roadmapIndex) return;
    for (const li of document.querySelectorAll(".roadmap-checklist [data-item]")) {
      const skillId = li.closest(".roadmap-checklist").dataset.skill;
      const input = li.querySelector("input[type=checkbox]");
      // A known skill counts as done: its boxes show ticked and cannot be changed one by one.
      input.disabled = state.skipped[skillId] === true;
      input.checked = isDone(state, li.dataset.item, skillId);
      li.classList.toggle("roadmap-skipped", state.skipped[skillId] === true);
    }
    for (const list of document.querySelectorAll(".roadmap-checklist[data-skill]")) renderKnownNote(list);
    for (const button of document.querySelectorAll("button[data-skip]")) {
      const skipped = state.skipped[button.dataset.skip] === true;
      button.setAttribute("aria-pressed", String(skipped));
      button.textContent = skipped ? "Marked as already known: undo" : "I already know this skill";
      button.hidden = false;
    }
    for (const element of document.querySelectorAll("[data-progress]")) renderBar(element);
    for (const node of document.querySelectorAll("a.roadmap-node[data-skill]")) {
      const { done, total } = progress(state, roadmapIndex, [node.dataset.skill]);
      node.classList.toggle("roadmap-done", total > 0 && done === total);
      const known = state.skipped[node.dataset.skill] === true;
      node.classList.toggle("roadmap-known", known);
      node.classList.toggle("roadmap-done", !known && total > 0 && done === total);
      node.classList.toggle("roadmap-started", !known && done > 0 && done < total);
      renderVerifiedNode(node);
    }
    for (const line of document.querySelectorAll("[data-verification]")) renderVerification(line);
    for (const button of document.querySelectorAll("button[data-self-report]")) renderSelfReport(button);
    for (const tools of document.querySelectorAll("[data-roadmap-tools]")) tools.hidden = false;
    renderReview();
    for (const renderer of renderers) renderer(state);
    renderAlerts();
  }

  /* Verified skills: quiz passed and exercises passed (progress-core.js, verification). */

  /** A map node: the verified mark (map.css draws it), and its name says so too. */
  function renderVerifiedNode(node) {
    const skill = roadmapIndex.skills.get(node.dataset.skill);
    const verified = Boolean(skill && verification(state, skill)?.verified);
    node.classList.toggle("roadmap-verified", verified);
    const name = (node.getAttribute("aria-label") || "").replace(/ Verified\.$/, "");
    node.setAttribute("aria-label", verified ? `${name} Verified.` : name);
  }

  /** The skill header's line: verified, or what is missing. */
  function renderVerification(line) {
    const skill = roadmapIndex.skills.get(line.dataset.verification);
    const found = skill ? verification(state, skill) : null;
    line.textContent = verificationText(found);
    line.classList.toggle("roadmap-verification--verified", Boolean(found?.verified));
    line.hidden = !found;
  }

  /** The reader's own report that exercise `id` passed with `make exercise`: its time, or null. */
  function selfReported(id) {
    const entry = state.exercises[id] || {};
    return entry.self && entry.passed ? entry.passed : null;
  }

  /** Under an exercise that runs with `make exercise` only: the reader's report that it passed
   * there, pressed while reported, described by the day it was reported. */
  function renderSelfReport(button) {
    const reported = selfReported(button.dataset.selfReport);
    button.setAttribute("aria-pressed", String(Boolean(reported)));
    button.hidden = false;
    let note = button.nextElementSibling;
    if (!note) {
      note = document.createElement("span");
      note.className = "roadmap-self-report__note";
      note.dataset.selfReportNote = "";
      note.id = `self-report-${button.dataset.selfReport.replace(/\W/g, "-")}`;
      button.setAttribute("aria-describedby", note.id);
      button.after(note);
    }
    note.textContent = reported
      ? `Self-reported as passed on ${reported.slice(0, 10)}; press again to take it back.`
      : "Press it once the tests pass on your machine: it counts towards this skill's verified mark as self-reported.";
  }

  /* Spaced review and notes (the review page itself is review.js). */

  function renderReview() {
    const questions = roadmapIndex.roadmap.skills.flatMap((skill) => skill.quiz);
    const counts = reviewCounts(state.review, questions, localDay(new Date()));
    for (const line of document.querySelectorAll("[data-review-due] a")) line.textContent = dueText(counts);
    for (const box of document.querySelectorAll("textarea[data-notes]")) {
      if (box !== document.activeElement) box.value = state.notes[box.dataset.notes] || "";
    }
  }

  let noteTimer = null;
  function saveNote(box) {
    clearTimeout(noteTimer);
    noteTimer = null;
    if ((state.notes[box.dataset.notes] || "") !== box.value) setState(setNote(state, box.dataset.notes, box.value));
  }

  /** Turn a question's options into buttons (once), each with its option's number under
   * `data-<key>` (the review page uses its own key). */
  function makeChoices(question, key) {
    for (const option of question.querySelectorAll("li[data-option]")) {
      if (option.querySelector("button")) continue;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "roadmap-quiz__choice";
      button.dataset[key] = option.dataset.option;
      button.append(...option.childNodes);
      option.append(button);
    }
  }

  /** Above a known skill's checklist: why its boxes are ticked and cannot be changed. */
  function renderKnownNote(list) {
    const skillId = list.dataset.skill;
    let note = list.previousElementSibling;
    if (!note || !note.matches("[data-known-note]")) {
      note = document.createElement("p");
      note.className = "roadmap-known-note";
      note.dataset.knownNote = "";
      list.before(note);
    }
    const known = state.skipped[skillId] === true;
    note.hidden = !known;
    if (!known) return;
    const byProfile = state.profile && state.profile.marked.includes(skillId)
      ? roadmapIndex.roadmap.profiles.find((p) => p.id === state.profile.id) : null;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.dataset.unmark = skillId;
    button.textContent = "Unmark it";
    note.replaceChildren(
      byProfile
        ? `Marked as already known by your starting point, “${byProfile.title}”, so every box counts as done and cannot be ticked one by one. `
        : "You marked this skill as already known, so every box counts as done and cannot be ticked one by one. ",
      button,
    );
  }

  /** Say what happened in the status line next to `near` (every one, without it), with an
   * Undo button when the change can be undone. */
  function status(message, near = null, undoable = false) {
    const scope = near?.closest("[data-roadmap-tools]");
    const elements = scope ? scope.querySelectorAll("[data-roadmap-status]") : document.querySelectorAll("[data-roadmap-status]");
    for (const element of elements) {
      element.replaceChildren(message);
      if (undoable) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.dataset.action = "undo";
        button.textContent = "Undo";
        element.append(" ", button);
      }
    }
  }

  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function onClick(event) {
    const target = event.target.closest("button");
    if (!target || !roadmapIndex) return;
    if (target.dataset.skip) {
      const skipped = { ...state.skipped };
      if (skipped[target.dataset.skip]) delete skipped[target.dataset.skip];
      else skipped[target.dataset.skip] = true;
      setState({ ...state, skipped });
    } else if (target.dataset.selfReport) {
      const id = target.dataset.selfReport;
      setState(reportExercise(state, id, selfReported(id) ? null : new Date()));
    } else if (target.dataset.action === "undo" && undo) {
      setState(undo.state);
      undo = null;
      status("Undone: your progress is as it was before.", target);
    } else if (target.dataset.unmark) {
      const skipped = { ...state.skipped };
      delete skipped[target.dataset.unmark];
      setState({ ...state, skipped });
      document.querySelector(`.roadmap-checklist[data-skill="${target.dataset.unmark}"] input`)?.focus();
    }
  }

  function onChange(event) {
    const input = event.target;
    if (!roadmapIndex) return;
    if (input.matches(".roadmap-checklist input[type=checkbox]")) {
      const id = input.closest("[data-item]").dataset.item;
      const items = { ...state.items };
      if (input.checked) items[id] = true;
      else delete items[id];
      setState({ ...state, items });
    }
  }

  // Listeners are attached once to the document, which survives instant navigation.
  document.addEventListener("click", onClick);
  document.addEventListener("change", onChange);
  document.addEventListener("input", (event) => {
    const box = event.target;
    if (!box.matches("textarea[data-notes]") || !roadmapIndex) return;
    clearTimeout(noteTimer);
    noteTimer = setTimeout(() => saveNote(box), 500);
  });
  document.addEventListener("focusout", (event) => {
    if (event.target.matches("textarea[data-notes]") && roadmapIndex) saveNote(event.target);
  });
  window.addEventListener("pagehide", () => {
    const box = document.querySelector("textarea[data-notes]");
    if (box && noteTimer) saveNote(box);
  });
  window.addEventListener("storage", (event) => {
    if (event.key === KEY && roadmapIndex) {
      state = load();
      render();
    }
  });

  // Shared with the site's other scripts: one download helper and one site root for all.
  window.RoadmapProgress.download = download;
  window.RoadmapProgress.siteRoot = siteRoot;
  window.RoadmapProgress.makeChoices = makeChoices;

  /** For other scripts of this site (the planner): resolves once progress is loaded. */
  window.RoadmapProgress.ready = loaded.then(() => ({
    index: roadmapIndex,
    state: () => state,
    update: (change) => setState(change(state)),
    // for progress-tools.js and review.js
    fetchJSON,
    status,
    keepUndo: (before) => { undo = { state: before }; },
    onRender: (renderer) => { renderers.push(renderer); renderer(state); },
  }));

  loaded
    .then(() => {
      // Material's document$ emits on the first load and after every instant navigation.
      if (window.document$) window.document$.subscribe(() => render());
      else render();
    })
    .catch((error) => report(`Progress tracking could not start: ${error.message}`));
})();
