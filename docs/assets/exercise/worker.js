/*
 * The exercise worker: Python (Pyodide) off the page's thread, so the page stays responsive
 * while the tests run. exercise.js starts it as a module worker the first time a reader runs
 * an exercise's tests, and keeps it for later runs, on this page and the next.
 *
 * Everything comes from the site: the runtime in assets/pyodide/ (copied by the build from the
 * npm package), the pure-Python wheels of pytest and Hypothesis listed in wheels.json (installed
 * by unpacking them: no micropip, no package index), runner.py beside this file, and the
 * exercise's own conftest.py and test file from exercises/.
 *
 * Messages in: {id, exercise: "dsa/binary_search", code}. Messages out: {id, status} while
 * loading, then {id, result: {tests, errors, exit_code}} or {id, error}.
 */
import { loadPyodide } from "../pyodide/pyodide.mjs";

const here = new URL(".", import.meta.url);
const runtime = new URL("../pyodide/", here);
const site = new URL("../../", here);
const ROOT = "/exercise";

async function bytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

async function text(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.text();
}

let ready = null;

async function start(say) {
  say("Loading Python into this page (about 6 MB, once)...");
  const python = await loadPyodide({ indexURL: runtime.href, stdout: () => {}, stderr: () => {} });
  say("Installing pytest and Hypothesis...");
  const names = JSON.parse(await text(new URL("wheels.json", runtime)));
  const extractDir = python.runPython("import sysconfig; sysconfig.get_path('purelib')");
  const wheels = await Promise.all(names.map((name) => bytes(new URL(`wheels/${name}`, runtime))));
  for (const wheel of wheels) python.unpackArchive(wheel, "wheel", { extractDir });
  python.FS.mkdirTree(ROOT);
  python.FS.writeFile(`${ROOT}/runner.py`, await text(new URL("runner.py", here)));
  python.FS.mkdirTree(`${ROOT}/exercises`);
  python.FS.writeFile(`${ROOT}/exercises/conftest.py`, await text(new URL("exercises/conftest.py", site)));
  python.FS.chdir(ROOT);
  python.runPython("import sys; sys.path.insert(0, '/exercise'); import runner");
  return python;
}

const tests = new Map(); // exercise id -> its test file's text, fetched once

async function run({ id, exercise, code }) {
  const say = (status) => postMessage({ id, status });
  if (!ready) {
    ready = start(say);
    ready.catch(() => { ready = null; }); // a failed start is tried again on the next run
  }
  const python = await ready;
  const [folder, name] = exercise.split("/");
  if (!tests.has(exercise)) {
    tests.set(exercise, await text(new URL(`exercises/${folder}/test_${name}.py`, site)));
  }
  say("Running the tests...");
  python.FS.mkdirTree(`${ROOT}/exercises/${folder}`);
  python.FS.writeFile(`${ROOT}/exercises/${folder}/test_${name}.py`, tests.get(exercise));
  python.FS.writeFile(`${ROOT}/exercises/${folder}/${name}.py`, code);
  const runJson = python.globals.get("runner").run_json;
  try {
    return JSON.parse(runJson(`exercises/${folder}/test_${name}.py`));
  } finally {
    runJson.destroy();
  }
}

let queue = Promise.resolve();
self.onmessage = (event) => {
  const { id } = event.data;
  queue = queue
    .then(() => run(event.data))
    .then((result) => postMessage({ id, result }))
    .catch((error) => postMessage({ id, error: String((error && error.message) || error) }));
};
