"""Exercises run on the page, in Chromium: the repository's own tests, run by pytest in Python
(Pyodide) in a Web Worker, against what the reader typed; nothing fetched from anywhere but the
site; the reader's code and passes kept with their progress; and, for exercises that need
NumPy or scikit-learn, or a browser without WebAssembly, a note saying to use `make exercise`."""

import importlib.util
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from browser_support import RECORD_VIOLATIONS, editor_of, open_page, run, saved, solution
from playwright.sync_api import expect

from roadmap import devtools, pyodide, render
from roadmap.devtools import ROOT

EXERCISE = re.compile(r'data-exercise="([^"]+)"')
LOCAL = re.compile(r'<p class="roadmap-exercise-local" data-exercise-local="([^"]+)">(.*?)</p>')
WRONG_BINARY_SEARCH = """def binary_search(nums, target):
    return nums.index(target) if target in nums else 0
"""


def pages_showing(site: Path, pattern: re.Pattern) -> dict[str, tuple[str, str]]:
    """{exercise id: (page path, the match's text)} over the built site's pages."""
    found = {}
    for html in site.rglob("index.html"):
        for match in pattern.finditer(html.read_text(encoding="utf-8")):
            path = html.parent.relative_to(site).as_posix() + "/"
            found[match.group(1)] = (path, match.group(0))
    return found


@pytest.fixture(scope="module")
def exercise_pages(site) -> dict[str, str]:
    return {exercise: path for exercise, (path, _) in pages_showing(site, EXERCISE).items()}


@pytest.fixture
def offline(context, site_url):
    """Every request that does not go to the site is aborted, and recorded."""
    attempted = []

    def route(route):
        if route.request.url.startswith(site_url):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    context.add_init_script(RECORD_VIOLATIONS)
    yield attempted
    assert attempted == [], "requests left the site"


def test_every_exercise_is_offered_on_its_page_or_says_why_not(site):
    shown = pages_showing(site, EXERCISE)
    local = pages_showing(site, LOCAL)
    exercises = devtools.exercises()
    assert len(exercises) == len(list((ROOT / "exercises").glob("*/test_*.py")))
    for exercise in exercises:
        if exercise.in_browser:
            assert exercise.id in shown and exercise.id not in local, exercise.id
            for path in (exercise.files["stub"], exercise.files["tests"]):
                assert (site / path).read_bytes() == (ROOT / path).read_bytes(), path
        else:
            assert exercise.id in local and exercise.id not in shown, exercise.id
            note = local[exercise.id][1]
            assert f"<code>make exercise NAME={exercise.name}</code> only" in note
            for module in exercise.needs:
                assert render.LIBRARY_NAMES[module] in note, (exercise.id, module)
            tests = site / exercise.files["tests"]
            assert tests.exists() is not bool(exercise.needs), exercise.id
    assert (site / "exercises/conftest.py").read_bytes() == (
        ROOT / "exercises/conftest.py"
    ).read_bytes()
    # The runtime and the wheels: only what the worker loads.
    runtime = sorted(p.name for p in (site / pyodide.SITE_RUNTIME).iterdir() if p.is_file())
    assert runtime == sorted([*pyodide.RUNTIME_FILES, "wheels.json"])
    wheels = sorted(
        p.name.split("-")[0] for p in (site / pyodide.SITE_RUNTIME / "wheels").iterdir()
    )
    assert wheels == sorted(pyodide.WHEELS)


def outcomes(box) -> dict[str, tuple[str, str]]:
    """{test name: (outcome, message)} as the page lists them."""
    found = {}
    for item in box.locator("[data-exercise-results] > li").all():
        message = item.locator("pre")
        found[item.locator("code").inner_text()] = (
            item.get_attribute("data-outcome"),
            message.inner_text() if message.count() else "",
        )
    return found


@pytest.mark.pyodide
def test_solutions_pass_and_a_wrong_answer_shows_its_failing_cases_and_hints(
    context, site_url, exercise_pages, offline
):
    wasm = []
    context.on("request", lambda r: r.url.endswith(".wasm") and wasm.append(r.url))
    page = open_page(context, site_url + exercise_pages["dsa/binary_search"])
    box = editor_of(page)
    show = box.get_by_role("button", name="Show the solution")
    reference = page.locator("details:has(code)", has_text="solutions/binary_search.py")
    expect(show).to_be_hidden()
    expect(reference).to_be_hidden()  # the page's own copy, folded away until a first run

    status = run(box, WRONG_BINARY_SEARCH)
    found = outcomes(box)
    failed = {name: message for name, (outcome, message) in found.items() if outcome == "failed"}
    passed = len(found) - len(failed)
    assert status == f"{passed} passed, {len(failed)} failed."
    assert found["test_examples[found-first]"] == ("passed", "")
    assert failed["test_examples[absent-between-items]"].startswith(
        "AssertionError: binary_search([1, 3, 5], 4) should be -1: the target is absent"
    )
    assert "halving the range needs about 11 reads" in failed["test_reads_only_log_n_items[1001]"]
    assert "nums=[]" in failed["test_agrees_with_a_linear_scan"]  # Hypothesis's smallest case
    expect(box.locator("[data-exercise-passed]")).to_be_hidden()
    assert saved(page)["exercises"]["dsa/binary_search"]["passed"] is None
    show.click()
    expect(reference).to_be_visible()

    status = run(box, solution("dsa/binary_search"))
    found = outcomes(box)
    assert status == f"{len(found)} passed." and len(found) >= 10
    assert {outcome for outcome, _ in found.values()} == {"passed"}
    assert len(wasm) == 1, "the runtime loads once a page; its worker serves every later run"
    today = datetime.now(UTC).date().isoformat()
    expect(box.locator("[data-exercise-passed]")).to_have_text(
        f"Passed in this browser on {today}."
    )
    entry = saved(page)["exercises"]["dsa/binary_search"]
    assert entry["passed"].startswith(today) and entry["code"] == solution("dsa/binary_search")

    assert page.evaluate("() => window.__violations") == []
    for exercise in ("dsa/evaluate_rpn", "dsa/count_islands"):
        page = open_page(context, site_url + exercise_pages[exercise])
        box = editor_of(page)
        status = run(box, solution(exercise))
        found = outcomes(box)
        assert status == f"{len(found)} passed.", (exercise, found)
        assert saved(page)["exercises"][exercise]["passed"].startswith(today)
        assert page.evaluate("() => window.__violations") == []


RUN_ALL = """async ([exercises, worker]) => {
    const python = new Worker(worker, { type: "module" });
    const results = {};
    for (const [id, [exercise, code]] of exercises.entries()) {
        results[exercise] = await new Promise((resolve) => {
            python.onmessage = ({ data }) => {
                if (data.id === id && !data.status) resolve(data.error || data.result);
            };
            python.postMessage({ id, exercise, code });
        });
    }
    python.terminate();
    return results;
}"""


@pytest.mark.pyodide
def test_every_exercise_that_runs_in_the_browser_passes_with_its_reference_solution(
    context, site_url, offline
):
    """Every DSA exercise, and every other that runs in the browser, through the same worker
    the pages use: the runtime loads once, and each exercise's tests run on its solution."""
    in_browser = [exercise.id for exercise in devtools.exercises() if exercise.in_browser]
    assert {e for e in in_browser if e.startswith("dsa/")} == {
        f"dsa/{p.stem}" for p in (ROOT / "exercises/dsa").glob("[!t]*.py")
    }
    page = open_page(context, site_url)
    exercises = [[exercise, solution(exercise)] for exercise in in_browser]
    worker = site_url + "assets/exercise/worker.js"
    results = page.evaluate(RUN_ALL, [exercises, worker])
    assert sorted(results) == sorted(in_browser)
    for exercise, result in results.items():
        assert isinstance(result, dict), (exercise, result)  # not an error message
        failed = [test for test in result["tests"] if test["outcome"] != "passed"]
        assert result["exit_code"] == 0 and result["errors"] == [] and not failed, (
            exercise,
            failed,
        )
        assert len(result["tests"]) >= 5, exercise


# Solutions by recursion, the approach the long-chain tests are there to turn away.
RECURSIVE = {
    "dsa/is_valid_bst": """from dataclasses import dataclass


@dataclass(eq=False)
class TreeNode:
    value: int
    left: "TreeNode | None" = None
    right: "TreeNode | None" = None


def is_valid_bst(root, low=None, high=None):
    if root is None:
        return True
    if (low is not None and root.value <= low) or (high is not None and root.value >= high):
        return False
    return is_valid_bst(root.left, low, root.value) and is_valid_bst(root.right, root.value, high)
""",
    "dsa/merge_sorted_lists": """from dataclasses import dataclass


@dataclass(eq=False)
class ListNode:
    value: int
    next: "ListNode | None" = None


def merge_sorted_lists(a, b):
    if a is None or b is None:
        return a or b
    if a.value <= b.value:
        a.next = merge_sorted_lists(a.next, b)
        return a
    b.next = merge_sorted_lists(a, b.next)
    return b
""",
}


@pytest.mark.pyodide
def test_a_recursive_solution_meets_the_tests_hint_not_a_dead_worker(context, site_url, offline):
    """Chains of 5000 nodes, built by the tests and freed after them, and a solution that
    recurses past Python's limit: the worker lives, the small cases pass and the long ones fail
    with the hint that says to use a loop or a stack."""
    page = open_page(context, site_url)
    worker = site_url + "assets/exercise/worker.js"
    results = page.evaluate(RUN_ALL, [list(RECURSIVE.items()), worker])
    for exercise, result in results.items():
        assert isinstance(result, dict), (exercise, result)  # not the worker's error
        failed = {t["name"]: t["message"] for t in result["tests"] if t["outcome"] == "failed"}
        assert failed and all("RecursionError on" in m for m in failed.values()), failed
        assert len(result["tests"]) - len(failed) >= 5, exercise


def test_the_editor_keeps_the_code_as_typed_and_never_traps_the_keyboard(
    context, site_url, exercise_pages, offline
):
    page = open_page(context, site_url + exercise_pages["dsa/kth_largest"])
    box = editor_of(page)
    editor = box.locator("textarea")
    expect(page.get_by_label("Your code: exercises/dsa/kth_largest.py")).to_have_count(1)
    stub = (ROOT / "exercises/dsa/kth_largest.py").read_text()
    expect(editor).to_have_value(stub)
    assert editor.evaluate("e => getComputedStyle(e).fontFamily").lower().find("mono") >= 0
    editor.fill("def kth_largest(nums, k):")
    editor.press("End")
    editor.press("Enter")
    editor.press("Tab")
    editor.type("return 0")
    expect(editor).to_have_value("def kth_largest(nums, k):\n    return 0")
    expect(editor).to_be_focused()  # Tab indented instead of leaving
    editor.press("Escape")
    editor.press("Tab")
    expect(box.get_by_role("button", name="Run tests")).to_be_focused()
    page.wait_for_function(
        """() => (JSON.parse(localStorage.getItem("ml-engineer-roadmap/progress") || "{}")
                  .exercises || {})["dsa/kth_largest"]"""
    )
    assert saved(page)["exercises"]["dsa/kth_largest"] == {
        "code": "def kth_largest(nums, k):\n    return 0",
        "passed": None,
    }
    page.reload()
    expect(editor_of(page).locator("textarea")).to_have_value(
        "def kth_largest(nums, k):\n    return 0"
    )
    box.get_by_role("button", name="Start again from the stub").click()
    expect(editor).to_have_value(stub)


def test_without_webassembly_the_exercise_says_to_run_it_locally(
    context, site_url, exercise_pages, offline
):
    context.add_init_script("delete window.WebAssembly")
    page = open_page(context, site_url + exercise_pages["dsa/binary_search"])
    box = page.locator("[data-exercise]")
    box.scroll_into_view_if_needed()
    expect(box).to_contain_text("This exercise runs with make exercise NAME=binary_search only")
    expect(box.locator("textarea")).to_have_count(0)
    expect(page.locator("details", has_text="solutions/binary_search.py")).to_be_visible()


def test_a_page_far_from_its_exercise_does_not_load_the_exercise_script(context, site_url):
    requested = []
    context.on("request", lambda r: requested.append(r.url))
    page = open_page(context, site_url + "dsa/binary-search/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "exercise" in url or "pyodide" in url]
    page.locator("[data-exercise]").scroll_into_view_if_needed()
    expect(page.locator("[data-exercise] textarea")).to_be_enabled()
    assert [url for url in requested if "pyodide" in url] == []  # Python waits for Run


@pytest.mark.pyodide
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_editor_and_its_results_pass_axe_on_a_phone(browser, site_url, exercise_pages, scheme):
    """At a phone's width, after a run of the untouched stub (every test failed, with its
    hint): no serious accessibility violation, targets of 24 by 24 pixels included."""
    spec = importlib.util.spec_from_file_location(
        "accessibility", Path(__file__).with_name("test_accessibility_browser.py")
    )
    axe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(axe)  # its axe runner and phone viewport
    AXE, PHONE, run_axe, serious = axe.AXE, axe.PHONE, axe.run_axe, axe.serious
    context = browser.new_context(**PHONE, color_scheme=scheme)
    page = open_page(context, site_url + exercise_pages["dsa/binary_search"])
    box = editor_of(page)
    status = run(box, (ROOT / "exercises/dsa/binary_search.py").read_text())
    assert re.fullmatch(r"\d+ failed\.", status), status
    expect(box.get_by_role("button", name="Show the solution")).to_be_visible()
    violations = run_axe(page, AXE.read_text(encoding="utf-8"), rules={"target-size": True})
    context.close()
    assert serious(violations) == [], violations


@pytest.mark.pyodide
def test_an_exercise_run_once_online_runs_again_offline(browser, site_url, exercise_pages):
    """The offline copy leaves out the runtime (roadmap/offline.py), but the service worker
    keeps what a first run downloads: the next run works without the network."""
    context = browser.new_context(service_workers="allow")
    page = open_page(context, site_url + exercise_pages["dsa/binary_search"])
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    assert run(editor_of(page), solution("dsa/binary_search")).endswith(" passed.")

    context.set_offline(True)
    page = open_page(context, site_url + exercise_pages["dsa/binary_search"])
    status = run(editor_of(page), solution("dsa/binary_search"))
    assert status == f"{len(outcomes(editor_of(page)))} passed."
    context.close()


def test_offline_before_a_first_run_the_exercise_says_it_needs_the_network(
    browser, site_url, exercise_pages
):
    context = browser.new_context()  # the failed downloads are logged as errors: expected here
    page = open_page(context, site_url + exercise_pages["dsa/binary_search"])
    box = editor_of(page)
    context.set_offline(True)
    assert run(box, solution("dsa/binary_search")) == (
        "Python could not start on this page "
        "(its first run downloads it, and this browser is offline)."
    )
    context.close()
