"""Lighthouse scores of the key pages, mobile (Lighthouse's default), in Debian's Chromium.

    .venv/bin/python -m scripts.bench_lighthouse       (part of `make bench`; needs `npm ci`)

Builds the site, serves it on localhost with gzip (as GitHub Pages serves it: without
compression Lighthouse would time the local server, not the site) and runs the Lighthouse CLI
pinned in package.json on each page. Performance is Lighthouse's simulated slow-4G mobile
load, so it does not depend on the loopback's speed. Target: 100 in all four categories.
Figures, not a test.

Then the same pages again from a copy of the site whose pages do not load the theme's script
(Material's bundle.*.min.js; `speed.without_theme_script`): performance and total blocking time
with and without it say what the theme's JavaScript costs, apart from the site's own.

Nothing reaches the internet: Chromium gets the same flags as the browser tests, a fresh
profile, and a host-resolver rule that fails every name lookup (the pages are fetched by IP),
and Lighthouse's error reporting stays off. The script also lists any request a page made
off localhost.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from roadmap import speed
from roadmap.devtools import CHROMIUM, FLAGS, KEY_PAGES, ROOT, build, serve

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = {
    "performance": "performance",
    "accessibility": "accessibility",
    "best-practices": "best practices",
    "seo": "SEO",
}
# Chromium's own traffic: the browser tests' flags (roadmap.devtools) plus QUIC off and no DNS
# at all.
EXTRA_FLAGS = ["--disable-quic", '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"']


def lighthouse(url: str, work: Path) -> dict:
    profile = Path(tempfile.mkdtemp(prefix="profile-", dir=work))
    report = work / "report.json"
    chrome_flags = " ".join([*FLAGS, *EXTRA_FLAGS, f"--user-data-dir={profile}"])
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={chrome_flags}",
        "--no-enable-error-reporting",
        "--quiet",
    ]
    env = os.environ | {"CHROME_PATH": CHROMIUM}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr}")
    return json.loads(report.read_text(encoding="utf-8"))


def losses(result: dict) -> list[str]:
    """What costs points: each weighted audit below a full score, with its measured value."""
    found = []
    for category in result["categories"].values():
        for ref in category["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                value = audit.get("displayValue") or ""
                found.append(f"{ref['id']} {value} (score {audit['score']:.2f})".replace("  ", " "))
    return found


def blocking(result: dict, url: str) -> list[str]:
    """Who blocks the main thread: Lighthouse's long tasks (over 50 ms, with its simulated
    timings), grouped by the script it attributes each to, with the time beyond 50 ms that
    total blocking time counts (before first contentful paint too, so the sum can exceed it)."""
    found: dict[str, list[float]] = {}
    for task in result["audits"]["long-tasks"]["details"].get("items", []):
        found.setdefault(task["url"].removeprefix(url) or "the page", []).append(task["duration"])
    return [
        f"{script}: {len(tasks)} long task(s), {sum(tasks):.0f} ms, "
        f"{sum(max(0.0, t - 50) for t in tasks):.0f} ms beyond 50 ms each"
        for script, tasks in sorted(found.items(), key=lambda item: -sum(item[1]))
    ]


def off_site(result: dict, url: str) -> list[str]:
    requests = result["audits"]["network-requests"]["details"]["items"]
    return [r["url"] for r in requests if not r["url"].startswith((url, "data:", "blob:"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page (default 3, median)")
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `npm ci --ignore-scripts` (make bench does)")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Chromium not found at {CHROMIUM}: install it or set ROADMAP_CHROMIUM")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = args.site or work / "site"
        if not args.site:
            built = build(ROOT, site)
            if built.returncode:
                raise SystemExit(built.stderr)
        version = json.loads((LIGHTHOUSE.parent.parent / "lighthouse" / "package.json").read_text())
        print(
            f"Lighthouse {version['version']}, mobile, median of {args.runs} runs per page, "
            "site served on localhost with gzip"
        )
        with serve(site, compress=True) as url:
            for name, page in KEY_PAGES.items():
                report_page(
                    name, page, [lighthouse(url + page, work) for _ in range(args.runs)], url
                )
        bare = without_theme_script(site, work / "without-theme-script")
        print("The same pages without the theme's script (what its JavaScript costs):")
        with serve(bare, compress=True) as url:
            for name, page in KEY_PAGES.items():
                runs = [lighthouse(url + page, work) for _ in range(args.runs)]
                performance = round(100 * median_of(runs, "performance"))
                print(
                    f"{name}: performance {performance}, "
                    f"total blocking time {blocking_time(runs):.0f} ms"
                )
                for line in blocking(median_run(runs), url):
                    print(f"        {line}")


def median_of(runs: list[dict], category: str) -> float:
    return statistics.median(r["categories"][category]["score"] for r in runs)


def blocking_time(runs: list[dict]) -> float:
    """The median total blocking time of `runs`, in milliseconds."""
    return statistics.median(r["audits"]["total-blocking-time"]["numericValue"] for r in runs)


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score: it explains what the scores lose."""
    return sorted(runs, key=lambda r: r["categories"]["performance"]["score"])[len(runs) // 2]


def report_page(name: str, page: str, runs: list[dict], url: str) -> None:
    """The median scores of a page's runs, and what the median run lost points on."""
    scores = {key: round(100 * median_of(runs, key)) for key in CATEGORIES}
    figures = ", ".join(f"{CATEGORIES[key]} {scores[key]}" for key in CATEGORIES)
    print(f"{name} (/{page}): {figures}; total blocking time {blocking_time(runs):.0f} ms")
    median = median_run(runs)
    for loss in losses(median):
        print(f"    below 100: {loss}")
        if loss.startswith("total-blocking-time"):
            for line in blocking(median, url):
                print(f"        {line}")
    for request in sorted({u for r in runs for u in off_site(r, url)}):
        print(f"    request off localhost: {request}")


def without_theme_script(site: Path, copy: Path) -> Path:
    """A copy of the built `site` whose pages do not load the theme's script."""
    shutil.copytree(site, copy)
    for page in copy.rglob("*.html"):
        page.write_text(speed.without_theme_script(page.read_text("utf-8")), "utf-8")
    return copy


if __name__ == "__main__":
    main()
