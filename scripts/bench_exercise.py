"""How long an exercise takes to run on its page: the first run, which downloads and starts
Python (Pyodide) in the browser, and the runs after it.

    .venv/bin/python -m scripts.bench_exercise [--site DIR] [--exercise dsa/binary_search ...]
    (part of `make bench`)

Serves the built site as GitHub Pages serves it (gzip, cacheable; roadmap.devtools.serve), opens the
exercise's page in Chromium with an empty cache, types the reference solution and presses
"Run tests": the first run is timed from the click until the results show, and the bytes the
server sends meanwhile are counted (the runtime, the wheels, the test files). The site's service
worker (roadmap/offline.py) is in control by then, as on a reader's page seconds after it has
loaded, and its offline copy is downloaded before the count starts. Then five more runs, whose
median is the figure for a reader trying again; and the same five runs for every other exercise
offered on a page. Figures, not a test: the target
for a later run is printed beside it.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from roadmap import devtools
from roadmap.devtools import CHROMIUM, FLAGS, ROOT, build, serve
from scripts.bench_weight import PHONE

LATER_RUN_TARGET = 2.0  # seconds
LATER_RUNS = 5


def page_of(site: Path, exercise: str) -> str:
    marker = f'data-exercise="{exercise}"'
    for html in sorted(site.rglob("index.html")):
        if marker in html.read_text(encoding="utf-8"):
            return html.parent.relative_to(site).as_posix() + "/"
    raise SystemExit(f"no page of {site} offers the exercise {exercise} in the browser")


def timed_run(page) -> float:
    box = page.locator("[data-exercise]")
    runs = int(box.get_attribute("data-runs") or 0)
    start = time.perf_counter()
    box.get_by_role("button", name="Run tests").click()
    page.wait_for_function(
        "(runs) => Number(document.querySelector('[data-exercise]').dataset.runs) > runs",
        arg=runs,
        timeout=300_000,
    )
    elapsed = time.perf_counter() - start
    status = box.locator("[data-exercise-status]").inner_text()
    if "failed" in status or "could not" in status:
        raise SystemExit(f"the reference solution did not pass: {status}")
    return elapsed


def open_exercise(context, base: str, site: Path, exercise: str):
    page = context.new_page()
    page.goto(base + page_of(site, exercise))
    box = page.locator("[data-exercise]")
    box.scroll_into_view_if_needed()
    box.locator("textarea:enabled").fill(devtools.solution(exercise))
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_load_state("networkidle")
    return page


def measure(site: Path, exercises: list[str]) -> dict:
    """The first exercise's first run with an empty cache (timed, and its bytes counted); then,
    for each exercise, LATER_RUNS runs after one that starts Python on its page."""
    sent: dict[str, int] = {}
    later = {}
    with serve(site, compress=True, sent=sent) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        for exercise in exercises:
            page = open_exercise(context, base, site, exercise)
            if not later:
                sent.clear()
                first = timed_run(page)
                first_bytes = sum(sent.values())
                largest = sorted(sent.items(), key=lambda item: -item[1])[:6]
            else:
                timed_run(page)
            later[exercise] = [timed_run(page) for _ in range(LATER_RUNS)]
            page.close()
        browser.close()
    return {"first": first, "bytes": first_bytes, "largest": largest, "later": later}


def in_browser() -> list[str]:
    """Every exercise offered on its page, binary search first (the figure kept over time)."""
    found = [e.id for e in devtools.exercises() if e.in_browser]
    return sorted(found, key=lambda exercise: (exercise != "dsa/binary_search", exercise))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument(
        "--exercise", action="append", help="an exercise id (repeatable; default: all on pages)"
    )
    args = parser.parse_args()
    exercises = args.exercise or in_browser()
    if args.site:
        figures = measure(args.site, exercises)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            build(ROOT, site).check_returncode()
            figures = measure(site, exercises)
    print(
        f"exercise {exercises[0]}: first run {figures['first']:.2f} s, "
        f"{figures['bytes'] / 1024 / 1024:.2f} MiB sent (Python downloaded and started)"
    )
    for path, size in figures["largest"]:
        print(f"    {size / 1024:8.1f} KiB  {path}")
    print(f"later runs, median of {LATER_RUNS} (target at most {LATER_RUN_TARGET:.0f} s each):")
    for exercise, times in figures["later"].items():
        over = [t for t in times if t > LATER_RUN_TARGET]
        print(
            f"  {exercise:34} {statistics.median(times):5.2f} s  (slowest {max(times):.2f} s"
            + (f"; {len(over)} over the target" if over else "")
            + ")"
        )


if __name__ == "__main__":
    main()
