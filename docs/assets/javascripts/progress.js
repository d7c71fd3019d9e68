/*
 * Progress kept in the reader's own browser: checklists, skipped skills, progress bars,
 * entry profiles, export and import. No account, no server.
 *
 * The first half is pure functions over plain data (exposed as window.RoadmapProgress for the
 * browser tests); the second half is the thin glue to localStorage and the page.
 */
(function () {
  "use strict";

  // One key for the whole site, namespaced: every project site on a user.github.io origin
  // shares the same localStorage.
  const KEY = "ml-engineer-roadmap/progress";
  const FORMAT = "ml-engineer-roadmap-progress";
  const VERSION = 1;

  /* ------------------------------------------------------------------ pure functions */

  function emptyState() {
    return { items: {}, skipped: {}, quiz: {} };
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /** Check an envelope (stored value or exported file). Returns {state} or {error}. */
  function readEnvelope(data) {
    if (!isPlainObject(data)) {
      return { error: "expected a JSON object" };
    }
    if (data.format !== FORMAT) {
      return { error: `"format" is ${JSON.stringify(data.format)}, expected "${FORMAT}": this is not a progress file of this site` };
    }
    if (data.version !== VERSION) {
      return { error: `"version" is ${JSON.stringify(data.version)}; this site reads version ${VERSION}` };
    }
    for (const field of ["items", "skipped"]) {
      if (!isPlainObject(data[field])) {
        return { error: `"${field}" must be an object of id: true` };
      }
      const bad = Object.entries(data[field]).find(([, value]) => value !== true);
      if (bad) {
        return { error: `"${field}.${bad[0]}" must be true, not ${JSON.stringify(bad[1])}` };
      }
    }
    // Quiz answers came after version 1 was published: optional, so older files still read.
    const quiz = data.quiz === undefined ? {} : data.quiz;
    if (!isPlainObject(quiz)) {
      return { error: `"quiz" must be an object of question id: true or false` };
    }
    const badAnswer = Object.entries(quiz).find(([, value]) => typeof value !== "boolean");
    if (badAnswer) {
      return { error: `"quiz.${badAnswer[0]}" must be true or false, not ${JSON.stringify(badAnswer[1])}` };
    }
    return { state: { items: { ...data.items }, skipped: { ...data.skipped }, quiz: { ...quiz } } };
  }

  /** Parse text (a stored value or an uploaded file). Returns {state} or {error}. */
  function parseEnvelope(text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { error: `not valid JSON (${error.message})` };
    }
    return readEnvelope(data);
  }

  function sortedTrue(map) {
    return Object.fromEntries(Object.keys(map).sort().map((key) => [key, true]));
  }

  function makeEnvelope(state, now) {
    return {
      format: FORMAT,
      version: VERSION,
      updated: now.toISOString(),
      items: sortedTrue(state.items),
      skipped: sortedTrue(state.skipped),
      quiz: Object.fromEntries(Object.keys(state.quiz).sort().map((key) => [key, state.quiz[key]])),
    };
  }

  /** Lookup tables over roadmap.json. */
  function indexRoadmap(roadmap) {
    const skills = new Map();
    const items = new Map();
    const aliases = new Map();
    for (const skill of roadmap.skills) {
      skills.set(skill.id, skill);
      for (const item of skill.checklist) {
        items.set(item.id, { skill, item });
        for (const alias of item.aliases) aliases.set(alias, item.id);
      }
    }
    return { roadmap, skills, items, aliases };
  }

  /**
   * Carry progress saved under former item ids over to the current ids. Ids the roadmap no
   * longer knows are kept (never silently dropped) and reported.
   */
  function migrate(state, index) {
    const items = {};
    const renamed = [];
    const unknown = [];
    for (const id of Object.keys(state.items)) {
      if (index.items.has(id)) {
        items[id] = true;
      } else if (index.aliases.has(id)) {
        items[index.aliases.get(id)] = true;
        renamed.push(id);
      } else {
        items[id] = true;
        unknown.push(id);
      }
    }
    for (const id of Object.keys(state.skipped)) {
      if (!index.skills.has(id)) unknown.push(id);
    }
    return { state: { items, skipped: { ...state.skipped }, quiz: { ...state.quiz } }, renamed, unknown };
  }

  function isDone(state, itemId, skillId) {
    return state.items[itemId] === true || state.skipped[skillId] === true;
  }

  /** {done, total} checklist items over the given skills; a skipped skill counts as done. */
  function progress(state, index, skillIds) {
    let done = 0;
    let total = 0;
    for (const skillId of skillIds) {
      const skill = index.skills.get(skillId);
      if (!skill) continue;
      for (const item of skill.checklist) {
        total += 1;
        if (isDone(state, item.id, skill.id)) done += 1;
      }
    }
    return { done, total };
  }

  /** {answered, right, total} over a skill's quiz questions (site-wide ids "skill/question"). */
  function quizScore(state, questionIds) {
    let answered = 0;
    let right = 0;
    for (const id of questionIds) {
      if (id in state.quiz) answered += 1;
      if (state.quiz[id] === true) right += 1;
    }
    return { answered, right, total: questionIds.length };
  }

  /** The state after answering (a boolean) or, with `null`, forgetting the given questions. */
  function recordAnswers(state, questionIds, answer) {
    const quiz = { ...state.quiz };
    for (const id of questionIds) {
      if (answer === null) delete quiz[id];
      else quiz[id] = answer;
    }
    return { ...state, quiz };
  }

  function scopeSkills(index, scope) {
    if (scope === "all") return index.roadmap.skills.map((skill) => skill.id);
    const [kind, id] = scope.split(":");
    if (kind === "skill") return [id];
    const track = index.roadmap.tracks.find((t) => t.id === id);
    return track ? track.skills : [];
  }

  /** What importing `incoming` would change: lists of ids, and the resulting state. */
  function planImport(current, incoming, mode) {
    const result = mode === "replace"
      ? { items: { ...incoming.items }, skipped: { ...incoming.skipped }, quiz: { ...incoming.quiz } }
      : {
        items: { ...current.items, ...incoming.items },
        skipped: { ...current.skipped, ...incoming.skipped },
        quiz: { ...current.quiz, ...incoming.quiz },
      };
    const added = (field) => Object.keys(result[field]).filter((id) => !current[field][id]).sort();
    const removed = (field) => Object.keys(current[field]).filter((id) => !result[field][id]).sort();
    return {
      result,
      ticked: added("items"),
      unticked: removed("items"),
      skipped: added("skipped"),
      unskipped: removed("skipped"),
      answers: [...new Set([...Object.keys(current.quiz), ...Object.keys(result.quiz)])]
        .filter((id) => current.quiz[id] !== result.quiz[id]).sort(),
    };
  }

  /** Mark the skills a background usually covers as already known. */
  function applyProfile(state, profile) {
    const skipped = { ...state.skipped };
    const added = profile.covers.filter((id) => !skipped[id]);
    for (const id of added) skipped[id] = true;
    return { state: { ...state, skipped }, added };
  }

  /** The whole roadmap as a Markdown task list with the reader's ticks. */
  function toMarkdown(state, index, now) {
    const lines = [`# ML Engineer Roadmap: my progress`, "", `Exported ${now.toISOString().slice(0, 10)}.`];
    for (const track of index.roadmap.tracks) {
      const { done, total } = progress(state, index, track.skills);
      lines.push("", `## ${track.title} (${done}/${total})`);
      for (const skillId of track.skills) {
        const skill = index.skills.get(skillId);
        const note = state.skipped[skill.id] ? " (already known)" : "";
        lines.push("", `### ${skill.title}${note}`, "");
        for (const item of skill.checklist) {
          lines.push(`- [${isDone(state, item.id, skill.id) ? "x" : " "}] ${item.text}`);
        }
      }
    }
    return lines.join("\n") + "\n";
  }

  window.RoadmapProgress = {
    KEY, FORMAT, VERSION, emptyState, readEnvelope, parseEnvelope, makeEnvelope, indexRoadmap,
    migrate, progress, quizScore, recordAnswers, scopeSkills, planImport, applyProfile, toMarkdown,
  };

  /* ------------------------------------------------------------------ browser glue */

  const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
  // Resolved once: with instant navigation the page URL changes but this stays right.
  const siteRoot = new URL((config.base || ".") + "/", location.href);
  let roadmapIndex = null;
  let state = emptyState();
  let pendingImport = null;
  // Which option the reader picked, per question, for this page view only: the saved state
  // keeps whether the answer was right, which is what the score needs.
  const choices = new Map();
  const problems = new Set();

  const loaded = fetch(new URL("roadmap.json", siteRoot))
    .then((response) => {
      if (!response.ok) throw new Error(`roadmap.json: HTTP ${response.status}`);
      return response.json();
    })
    .then((roadmap) => {
      roadmapIndex = indexRoadmap(roadmap);
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
    const parsed = parseEnvelope(text);
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
    if (migrated.renamed.length) save(migrated.state);
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
    const { done, total } = progress(state, roadmapIndex, scopeSkills(roadmapIndex, element.dataset.progress));
    const percent = total ? Math.round((100 * done) / total) : 0;
    const label = element.dataset.label || "Progress";
    element.replaceChildren();
    const bar = document.createElement("progress");
    bar.max = total || 1;
    bar.value = done;
    bar.setAttribute("aria-label", `${label}: ${done} of ${total} checklist items`);
    const text = document.createElement("span");
    text.textContent = `${label}: ${done} of ${total} items (${percent}%)`;
    element.append(bar, text);
    element.hidden = false;
  }

  function render() {
    if (!roadmapIndex) return;
    for (const li of document.querySelectorAll(".roadmap-checklist [data-item]")) {
      const skillId = li.closest(".roadmap-checklist").dataset.skill;
      const input = li.querySelector("input[type=checkbox]");
      input.disabled = false;
      input.checked = isDone(state, li.dataset.item, skillId);
      li.classList.toggle("roadmap-skipped", state.skipped[skillId] === true);
    }
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
      node.classList.toggle("roadmap-started", done > 0 && done < total);
    }
    for (const tools of document.querySelectorAll("[data-roadmap-tools]")) tools.hidden = false;
    for (const quiz of document.querySelectorAll("[data-quiz]")) renderQuiz(quiz);
    renderProfiles();
    renderAlerts();
  }

  function questionIds(quiz) {
    return [...quiz.querySelectorAll("[data-question]")].map((q) => q.dataset.question);
  }

  /**
   * Turn a quiz's options into buttons (once), then show each question as unanswered or
   * answered. Explanations stay hidden until the reader has picked an answer.
   */
  function renderQuiz(quiz) {
    for (const question of quiz.querySelectorAll("[data-question]")) {
      const id = question.dataset.question;
      for (const option of question.querySelectorAll("li[data-option]")) {
        if (!option.querySelector("button")) {
          const button = document.createElement("button");
          button.type = "button";
          button.className = "roadmap-quiz__choice";
          button.dataset.choice = option.dataset.option;
          button.append(...option.childNodes);
          option.append(button);
        }
        const button = option.querySelector("button");
        const answered = id in state.quiz;
        button.disabled = answered;
        option.classList.toggle("roadmap-quiz__right", answered && option.hasAttribute("data-correct"));
        option.classList.toggle("roadmap-quiz__chosen", answered && choices.get(id) === option.dataset.option);
      }
      const answered = id in state.quiz;
      const answer = question.querySelector("details");
      answer.hidden = !answered;
      answer.open = answered;
      let verdict = question.querySelector("[data-verdict]");
      if (!verdict) {
        verdict = document.createElement("p");
        verdict.className = "roadmap-quiz__verdict";
        verdict.dataset.verdict = "";
        answer.before(verdict);
      }
      verdict.textContent = !answered ? "" : state.quiz[id] ? "Right." : "Not quite: see why below.";
      verdict.hidden = !answered;
      question.classList.toggle("roadmap-quiz__question--right", state.quiz[id] === true);
      question.classList.toggle("roadmap-quiz__question--wrong", state.quiz[id] === false);
    }
    const { answered, right, total } = quizScore(state, questionIds(quiz));
    quiz.querySelector("[data-quiz-score]").textContent = answered
      ? `Score: ${right} of ${total} right (${answered} of ${total} answered).`
      : `${total} questions; pick an answer to check it.`;
    quiz.querySelector("[data-quiz-retry]").hidden = answered === 0;
  }

  function renderProfiles() {
    for (const list of document.querySelectorAll("[data-roadmap-profiles]")) {
      if (list.childElementCount) continue;
      for (const profile of roadmapIndex.roadmap.profiles) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.dataset.profile = profile.id;
        button.textContent = profile.title;
        const summary = document.createElement("p");
        summary.textContent = profile.summary;
        const item = document.createElement("li");
        item.append(button, summary);
        list.append(item);
      }
    }
  }

  function status(message) {
    for (const element of document.querySelectorAll("[data-roadmap-status]")) element.textContent = message;
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

  function describe(plan, unknown) {
    const parts = [
      `${plan.ticked.length} item(s) will be ticked`,
      `${plan.unticked.length} unticked`,
      `${plan.skipped.length} skill(s) marked as known`,
      `${plan.unskipped.length} unmarked`,
      `${plan.answers.length} quiz answer(s) changed`,
    ];
    let text = `${parts.join(", ")}.`;
    if (unknown.length) {
      text += ` ${unknown.length} saved id(s) are not in the roadmap any more and will be kept as they are: ${unknown.join(", ")}.`;
    }
    return text;
  }

  function importFile(file, tools) {
    const preview = tools.querySelector("[data-import-preview]");
    file.text().then((text) => {
      const parsed = parseEnvelope(text);
      if (parsed.error) {
        pendingImport = null;
        preview.hidden = true;
        status(`Import refused: ${file.name} is not a progress file this site can read (${parsed.error}). Nothing was changed.`);
        return;
      }
      const migrated = migrate(parsed.state, roadmapIndex);
      const mode = tools.querySelector("input[name=import-mode]:checked")?.value || "merge";
      pendingImport = planImport(state, migrated.state, mode);
      tools.querySelector("[data-import-summary]").textContent = describe(pendingImport, migrated.unknown);
      preview.hidden = false;
      status("Check what will change, then apply or cancel.");
    });
  }

  function onClick(event) {
    const target = event.target.closest("button");
    if (!target || !roadmapIndex) return;
    const tools = target.closest("[data-roadmap-tools]");
    if (target.dataset.skip) {
      const skipped = { ...state.skipped };
      if (skipped[target.dataset.skip]) delete skipped[target.dataset.skip];
      else skipped[target.dataset.skip] = true;
      setState({ ...state, skipped });
    } else if (target.dataset.quizRetry !== undefined) {
      const quiz = target.closest("[data-quiz]");
      setState(recordAnswers(state, questionIds(quiz), null));
      choices.clear();
      quiz.querySelector("button[data-choice]")?.focus();
    } else if (target.dataset.choice !== undefined) {
      const question = target.closest("[data-question]");
      const right = target.closest("li").hasAttribute("data-correct");
      choices.set(question.dataset.question, target.dataset.choice);
      setState(recordAnswers(state, [question.dataset.question], right));
    } else if (target.dataset.profile) {
      const profile = roadmapIndex.roadmap.profiles.find((p) => p.id === target.dataset.profile);
      const applied = applyProfile(state, profile);
      setState(applied.state);
      status(`"${profile.title}": marked ${applied.added.length} skill(s) as already known. Undo any of them on its page.`);
    } else if (target.dataset.action === "export-json") {
      const today = new Date().toISOString().slice(0, 10);
      download(`ml-engineer-roadmap-progress-${today}.json`, JSON.stringify(makeEnvelope(state, new Date()), null, 1), "application/json");
      status("Progress exported as JSON.");
    } else if (target.dataset.action === "export-markdown") {
      const today = new Date().toISOString().slice(0, 10);
      download(`ml-engineer-roadmap-progress-${today}.md`, toMarkdown(state, roadmapIndex, new Date()), "text/markdown");
      status("Progress exported as a Markdown task list.");
    } else if (target.dataset.action === "apply-import" && pendingImport) {
      setState(pendingImport.result);
      pendingImport = null;
      tools.querySelector("[data-import-preview]").hidden = true;
      status("Import applied.");
    } else if (target.dataset.action === "cancel-import") {
      pendingImport = null;
      tools.querySelector("[data-import-preview]").hidden = true;
      status("Import cancelled. Nothing was changed.");
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
    } else if (input.matches("input[type=file][data-action=import]")) {
      if (input.files.length) importFile(input.files[0], input.closest("[data-roadmap-tools]"));
      input.value = "";
    }
  }

  // Listeners are attached once to the document, which survives instant navigation.
  document.addEventListener("click", onClick);
  document.addEventListener("change", onChange);
  window.addEventListener("storage", (event) => {
    if (event.key === KEY && roadmapIndex) {
      state = load();
      render();
    }
  });

  // Shared with the site's other scripts (the rubric's export).
  window.RoadmapProgress.download = download;

  /** For other scripts of this site (the planner): resolves once progress is loaded. */
  window.RoadmapProgress.ready = loaded.then(() => ({
    index: roadmapIndex,
    state: () => state,
  }));

  loaded
    .then(() => {
      // Material's document$ emits on the first load and after every instant navigation.
      if (window.document$) window.document$.subscribe(() => render());
      else render();
    })
    .catch((error) => report(`Progress tracking could not start: ${error.message}`));
})();
