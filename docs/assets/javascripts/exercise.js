/*
 * Exercises run on the page: an editor holding the exercise's stub (or the reader's saved
 * code), and "Run tests", which runs the repository's own test file for it with pytest inside
 * Python in the browser (Pyodide, in assets/exercise/worker.js), then lists each test with its
 * outcome and hint. The runtime loads on the first run only, and the worker is kept for later
 * runs. The reader's code and passing runs are kept with their progress (progress-core.js).
 * The build places an empty <div data-exercise="track/name"> after an exercise's solution;
 * a browser without WebAssembly or Web Workers gets a note saying to use `make exercise`.
 */
(function () {
  "use strict";

  const SAVE_AFTER_MS = 400; // save the code this long after the reader stops typing

  /** "5 passed, 1 failed": the counts of a run's outcomes, in that order, zero counts left out. */
  function summary(result) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const test of result.tests) counts[test.outcome] += 1;
    const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([outcome, n]) => `${n} ${outcome}`);
    if (result.errors.length) parts.push(`${result.errors.length} error${result.errors.length > 1 ? "s" : ""}`);
    return { ...counts, text: parts.join(", ") || "no tests ran", allPassed: counts.passed > 0 && parts.length === 1 };
  }

  /** "Passed in this browser on 2027-05-06": the day of a pass saved as an ISO time. */
  function passedNote(passed) {
    return passed ? `Passed in this browser on ${passed.slice(0, 10)}.` : "";
  }

  const api = { summary, passedNote };
  // Stryker disable next-line all: the browser/Node switch (Node only takes the first branch)
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }

  // Stryker disable all: browser glue, exercised by the browser tests in tests/site
  const { siteRoot } = window.RoadmapPages;
  const progress = window.RoadmapProgress.ready;
  let worker = null;
  let nextRun = 0;
  const waiting = new Map(); // run id -> {resolve, reject, onStatus}

  function stopWorker(reason) {
    if (worker) worker.terminate();
    worker = null;
    for (const run of waiting.values()) run.reject(new Error(reason));
    waiting.clear();
  }

  function theWorker() {
    if (worker) return worker;
    worker = new Worker(new URL("assets/exercise/worker.js", siteRoot), { type: "module" });
    worker.onmessage = ({ data }) => {
      const run = waiting.get(data.id);
      if (!run) return;
      if (data.status) return run.onStatus(data.status);
      waiting.delete(data.id);
      if (!data.error) return run.resolve(data.result);
      run.reject(new Error(`The tests could not run: ${data.error}. The next run starts Python again.`));
      stopWorker("Stopped."); // Python may not survive what went wrong (a stack overflow, say)
    };
    worker.onerror = (event) => {
      event.preventDefault();
      // Offline, the runtime loads only if an earlier run kept it (the service worker, sw.js).
      const why = navigator.onLine === false
        ? "its first run downloads it, and this browser is offline"
        : event.message || "the worker failed to load";
      stopWorker(`Python could not start on this page (${why}).`);
    };
    return worker;
  }

  function runTests(exercise, code, onStatus) {
    return new Promise((resolve, reject) => {
      const id = ++nextRun;
      waiting.set(id, { resolve, reject, onStatus });
      theWorker().postMessage({ id, exercise, code });
    });
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(text, action) {
    const node = element("button", "md-button", text);
    node.type = "button";
    node.dataset.exerciseAction = action;
    return node;
  }

  function fetchText(path) {
    return fetch(new URL(path, siteRoot)).then((response) => {
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return response.text();
    });
  }

  function unsupported(box, name) {
    const note = element("p", "roadmap-exercise-local");
    note.append(
      "This exercise runs with ",
      element("code", "", `make exercise NAME=${name}`),
      " only in this browser: running Python on the page needs WebAssembly and Web Workers, which it does not offer.",
    );
    box.replaceChildren(note);
  }

  function renderResult(box, result) {
    const list = box.querySelector("[data-exercise-results]");
    list.replaceChildren();
    for (const text of result.errors) {
      const item = element("li", "roadmap-exercise__test roadmap-exercise__test--failed");
      item.append(element("strong", "", "The tests could not be collected"), element("pre", "", text));
      list.append(item);
    }
    for (const test of result.tests) {
      const item = element("li", `roadmap-exercise__test roadmap-exercise__test--${test.outcome}`);
      item.dataset.outcome = test.outcome;
      item.append(element("strong", "", test.outcome), " ", element("code", "", test.name));
      if (test.message) item.append(element("pre", "", test.message));
      list.append(item);
    }
    list.hidden = false;
  }

  function setUp(box, context) {
    const id = box.dataset.exercise;
    const file = box.dataset.file;
    const name = id.split("/")[1];
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") return unsupported(box, name);
    // The page's own reference solution (built before this box) stays folded away until a first run.
    const solution = box.previousElementSibling?.matches("details") ? box.previousElementSibling : null;
    if (solution) solution.hidden = true;

    const editorId = `exercise-${id.replace(/\W/g, "-")}`;
    const intro = element("p", "", "Run it here: edit the code below, then run the same tests as ");
    intro.append(element("code", "", `make exercise NAME=${name}`), ", with Python running in your browser. Nothing leaves it.");
    const label = element("label", "roadmap-exercise__label", `Your code: ${file}`);
    label.htmlFor = editorId;
    const help = element("p", "roadmap-exercise__help", "Tab inserts four spaces; press Escape, then Tab, to move on from the editor.");
    help.id = `${editorId}-help`;
    const editor = element("textarea", "roadmap-exercise__editor");
    Object.assign(editor, { id: editorId, spellcheck: false, rows: 18, disabled: true });
    editor.setAttribute("autocapitalize", "off");
    editor.setAttribute("autocomplete", "off");
    editor.setAttribute("aria-describedby", help.id);
    const actions = element("div", "roadmap-exercise__actions");
    const run = button("Run tests", "run");
    const stop = button("Stop", "stop");
    const restart = button("Start again from the stub", "restart");
    const show = button("Show the solution", "solution");
    stop.hidden = true;
    show.hidden = true;
    actions.append(run, stop, restart, show);
    const status = element("p", "roadmap-exercise__status");
    status.setAttribute("role", "status");
    status.dataset.exerciseStatus = "";
    const passed = element("p", "roadmap-exercise__passed");
    passed.dataset.exercisePassed = "";
    const results = element("ul", "roadmap-exercise__results");
    results.dataset.exerciseResults = "";
    results.hidden = true;
    box.replaceChildren(intro, label, help, editor, actions, status, passed, results);

    const saved = () => (context.state().exercises || {})[id] || {};
    const showPassed = () => {
      passed.textContent = passedNote(saved().passed);
      passed.hidden = !saved().passed;
    };
    let stub = null;
    const loadStub = () => (stub = stub || fetchText(file));
    const start = typeof saved().code === "string" ? Promise.resolve(saved().code) : loadStub();
    start
      .then((code) => {
        editor.value = code;
        editor.disabled = false;
      })
      .catch((error) => { status.textContent = `The exercise could not be loaded: ${error.message}`; });
    showPassed();

    let timer = null;
    const save = () => {
      clearTimeout(timer);
      timer = null;
      context.update((state) => window.RoadmapProgress.saveExerciseCode(state, id, editor.value));
    };
    editor.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_AFTER_MS);
    });
    let escaped = false; // Escape, then Tab, leaves the editor: no keyboard trap
    editor.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        escaped = true;
        return;
      }
      const plainTab = event.key === "Tab" && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey;
      if (plainTab && !escaped) {
        event.preventDefault();
        editor.setRangeText("    ", editor.selectionStart, editor.selectionEnd, "end");
        editor.dispatchEvent(new Event("input"));
      }
      escaped = false;
    });

    actions.addEventListener("click", (event) => {
      const action = event.target.closest("button")?.dataset.exerciseAction;
      if (action === "run") {
        if (timer) save();
        const code = editor.value;
        run.disabled = true;
        stop.hidden = false;
        status.textContent = "Starting...";
        runTests(id, code, (text) => { status.textContent = text; })
          .then((result) => {
            const counts = summary(result);
            status.textContent = `${counts.text}.`;
            renderResult(box, result);
            if (counts.allPassed) context.update((state) => window.RoadmapProgress.passExercise(state, id, code, new Date()));
            showPassed();
          })
          .catch((error) => { status.textContent = error.message; })
          .finally(() => {
            box.dataset.runs = String(Number(box.dataset.runs || 0) + 1); // for the browser tests
            run.disabled = false;
            stop.hidden = true;
            show.hidden = !solution;
          });
      } else if (action === "stop") {
        stopWorker("Stopped. The next run starts Python again.");
      } else if (action === "restart") {
        loadStub().then((code) => {
          editor.value = code;
          save();
          editor.focus();
        });
      } else if (action === "solution" && solution) {
        solution.hidden = false;
        solution.open = true;
        solution.querySelector("summary")?.focus();
      }
    });
  }

  function addStylesheet() {
    const href = new URL("assets/stylesheets/exercise.css", siteRoot).href;
    if ([...document.querySelectorAll("link[rel=stylesheet]")].some((link) => link.href === href)) return;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.append(link);
  }

  function enhance() {
    if (document.querySelector("[data-exercise]")) addStylesheet();
    progress.then((context) => {
      for (const box of document.querySelectorAll("[data-exercise]")) {
        if (box.dataset.exerciseReady) continue;
        box.dataset.exerciseReady = "";
        setUp(box, context);
      }
    });
  }

  if (window.document$) window.document$.subscribe(enhance);
  else enhance();
})();
