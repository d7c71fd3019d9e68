/*
 * The portfolio rubric: a self-scoring form. Pure functions (window.RoadmapRubric) total the
 * points and write the Markdown export; the glue keeps the reader's answers in this browser.
 * Loaded after progress.js, whose download helper it uses.
 */
(function () {
  "use strict";

  const KEY = "ml-engineer-roadmap/rubric";
  const FORMAT = "ml-engineer-roadmap-rubric";
  const VERSION = 1;

  /* ------------------------------------------------------------------ pure functions */

  /** {points, max, scored}: points of the chosen levels, the most possible, criteria scored. */
  function total(criteria, scores) {
    let points = 0;
    let scored = 0;
    let max = 0;
    for (const criterion of criteria) {
      max += criterion.levels[criterion.levels.length - 1].points;
      if (Object.hasOwn(scores, criterion.id)) {
        points += scores[criterion.id];
        scored += 1;
      }
    }
    return { points, max, scored };
  }

  /** Check a saved value. Returns {saved} or {error}. */
  function readSaved(data, criteria) {
    if (data === null || typeof data !== "object" || data.format !== FORMAT || data.version !== VERSION) {
      return { error: "not a saved rubric of this site" };
    }
    if (typeof data.project !== "string" || data.scores === null || typeof data.scores !== "object") {
      return { error: '"project" must be text and "scores" an object' };
    }
    const scores = {};
    for (const [id, points] of Object.entries(data.scores)) {
      const criterion = criteria.find((c) => c.id === id);
      // A criterion or level the rubric no longer has is dropped from the form, not an error.
      if (criterion && criterion.levels.some((level) => level.points === points)) scores[id] = points;
    }
    return { saved: { project: data.project, scores } };
  }

  function cell(text) {
    return text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
  }

  /** The scored rubric as Markdown: a heading, the total and a table. */
  function toMarkdown(criteria, project, scores, now) {
    const { points, max, scored } = total(criteria, scores);
    const name = project.trim() || "my project";
    const lines = [
      `# Portfolio rubric: ${cell(name)}`,
      "",
      `Scored on ${now.toISOString().slice(0, 10)}: ${points} of ${max} points` +
        (scored < criteria.length ? ` (${criteria.length - scored} criteria not scored yet).` : "."),
      "",
      "| Criterion | Points | Level reached |",
      "|---|---|---|",
    ];
    for (const criterion of criteria) {
      const best = criterion.levels[criterion.levels.length - 1].points;
      if (Object.hasOwn(scores, criterion.id)) {
        const level = criterion.levels.find((l) => l.points === scores[criterion.id]);
        lines.push(`| ${cell(criterion.title)} | ${level.points} of ${best} | ${cell(level.text)} |`);
      } else {
        lines.push(`| ${cell(criterion.title)} | not scored | |`);
      }
    }
    return lines.join("\n") + "\n";
  }

  window.RoadmapRubric = { KEY, FORMAT, VERSION, total, readSaved, toMarkdown };

  /* ------------------------------------------------------------------ browser glue */

  function criteriaOf(form) {
    return [...form.querySelectorAll("[data-criterion]")].map((fieldset) => ({
      id: fieldset.dataset.criterion,
      title: fieldset.dataset.title,
      levels: [...fieldset.querySelectorAll("input[type=radio]")].map((input) => ({
        points: Number(input.value),
        text: input.dataset.text,
      })),
    }));
  }

  function scoresOf(form) {
    const scores = {};
    for (const input of form.querySelectorAll("[data-criterion] input[type=radio]:checked")) {
      scores[input.closest("[data-criterion]").dataset.criterion] = Number(input.value);
    }
    return scores;
  }

  function status(form, message) {
    form.querySelector("[data-rubric-status]").textContent = message;
  }

  function showTotal(form) {
    const { points, max, scored } = total(criteriaOf(form), scoresOf(form));
    const criteria = form.querySelectorAll("[data-criterion]").length;
    form.querySelector("[data-rubric-total]").textContent =
      `Total: ${points} of ${max} points (${scored} of ${criteria} criteria scored).`;
  }

  function save(form) {
    const value = { format: FORMAT, version: VERSION, project: form.querySelector("[data-rubric-project]").value, scores: scoresOf(form) };
    try {
      localStorage.setItem(KEY, JSON.stringify(value));
    } catch (error) {
      status(form, `Your answers could not be saved in this browser (${error.name}); export them before you leave.`);
    }
  }

  function restore(form) {
    let text = null;
    try {
      text = localStorage.getItem(KEY);
    } catch (error) {
      status(form, `This browser does not let the site keep your answers (${error.name}); export them before you leave.`);
      return;
    }
    if (text === null) return;
    let result;
    try {
      result = readSaved(JSON.parse(text), criteriaOf(form));
    } catch (error) {
      result = { error: `not valid JSON (${error.message})` };
    }
    if (result.error) {
      const backup = `${KEY}/unreadable-${Date.now()}`;
      try {
        localStorage.setItem(backup, text);
        localStorage.removeItem(KEY);
      } catch (error) {
        // Leave the unreadable value where it is rather than risk losing it.
      }
      status(form, `Your saved answers could not be read (${result.error}); they were kept under the storage key "${backup}".`);
      return;
    }
    form.querySelector("[data-rubric-project]").value = result.saved.project;
    for (const [id, points] of Object.entries(result.saved.scores)) {
      const input = form.querySelector(`[data-criterion="${id}"] input[value="${points}"]`);
      if (input) input.checked = true;
    }
  }

  function setUp() {
    const form = document.querySelector("[data-rubric]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "true";
    restore(form);
    showTotal(form);
    form.querySelector("[data-rubric-tools]").hidden = false;
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("input", () => {
      showTotal(form);
      save(form);
    });
    form.addEventListener("click", (event) => {
      const action = event.target.closest("[data-rubric-action]")?.dataset.rubricAction;
      if (action === "export") {
        const today = new Date().toISOString().slice(0, 10);
        const project = form.querySelector("[data-rubric-project]").value;
        const text = toMarkdown(criteriaOf(form), project, scoresOf(form), new Date());
        window.RoadmapProgress.download(`portfolio-rubric-${today}.md`, text, "text/markdown");
        status(form, "Rubric exported as Markdown.");
      } else if (action === "clear") {
        form.reset();
        showTotal(form);
        save(form);
        status(form, "Form cleared.");
      }
    });
  }

  if (window.document$) window.document$.subscribe(setUp);
  else setUp();
})();
