"""How long an exercise takes to run on its page: the first run, which downloads and starts
Python (Pyodide) in the browser, and the runs after it.

    .venv/bin/python scripts/bench_exercise.py [--site DIR] [--exercise dsa/binary_search]
    (part of `make bench`)

Serves the built site as GitHub Pages serves it (gzip, cacheable; site_tools.serve), opens the
exercise's page in Chromium with an empty cache, types the reference solution and presses
"Run tests": the first run is timed from the click until the results show, and the bytes the
server sends meanwhile are counted (the runtime, the wheels, the test files). The site's service
worker (roadmap/offline.py) is in control by then, as on a reader's page once it has loaded, and
its offline copy is downloaded before the count starts. Then five more
runs, whose median is the figure for a reader trying again. Figures, not a test: the target
for a later run is printed beside it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_weight import PHONE
from playwright.sync_api import sync_playwright
from site_tools import ROOT, build, serve

sys.path.insert(0, str(ROOT / "tests"))
from browser_support import CHROMIUM, FLAGS  # noqa: E402

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


def measure(site: Path, exercise: str) -> dict:
    package, name = exercise.split("/")
    solution = (ROOT / "exercises" / package / "solutions" / f"{name}.py").read_text()
    sent: dict[str, int] = {}
    with serve(site, compress=True, sent=sent) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.goto(base + page_of(site, exercise))
        box = page.locator("[data-exercise]")
        box.scroll_into_view_if_needed()
        box.locator("textarea:enabled").fill(solution)
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        page.wait_for_load_state("networkidle")
        sent.clear()
        first = timed_run(page)
        first_bytes = sum(sent.values())
        largest = sorted(sent.items(), key=lambda item: -item[1])[:6]
        later = [timed_run(page) for _ in range(LATER_RUNS)]
        browser.close()
    return {"first": first, "bytes": first_bytes, "largest": largest, "later": later}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--exercise", default="dsa/binary_search")
    args = parser.parse_args()
    if args.site:
        figures = measure(args.site, args.exercise)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            build(ROOT, site).check_returncode()
            figures = measure(site, args.exercise)
    later = statistics.median(figures["later"])
    print(
        f"exercise {args.exercise}: first run {figures['first']:.2f} s, "
        f"{figures['bytes'] / 1024 / 1024:.2f} MiB sent (Python downloaded and started)"
    )
    for path, size in figures["largest"]:
        print(f"    {size / 1024:8.1f} KiB  {path}")
    print(
        f"  later runs: median of {LATER_RUNS} {later:.2f} s "
        f"(target at most {LATER_RUN_TARGET:.0f} s; each: "
        + ", ".join(f"{t:.2f}" for t in figures["later"])
        + ")"
    )


if __name__ == "__main__":
    main()
