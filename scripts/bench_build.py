"""Benchmark the site build: the full build against the same build without the project's hooks.

    make bench            # or: .venv/bin/python -m scripts.bench_build --runs 5 [--suite ARGS]

The full build is `python -m roadmap build`, as make build runs it: the pages generated while
MkDocs starts, then MkDocs builds what was written, strictly. "Bare" is the same mkdocs.yml,
theme and plugins with the `hooks:` entry removed, built from docs/ as written (the
markers stay comments, skill pages have no generated parts), so the difference is what the
roadmap's own code costs: loading and validating the data, rendering the generated sections,
writing roadmap.json, and the hooks.

The warm rebuild is what a writer waits for in `make serve` (`python -m roadmap serve`): the
script runs the real server on a copy of the project, appends a sentence to one skill page of
the copy, and times from saving it until the server sends the page with the sentence. That
includes the server noticing the change (it looks every 0.1 s, then waits 0.1 s for more),
generating the pages again and rendering the saved page (roadmap/serve.py); the server's own
figure for the rendering alone is printed beside it. Timing the rendering in-process would
leave out the watcher and the generating, which the writer waits for too.

--suite "ARGS" also runs the whole test suite once, as `pytest ARGS` (make bench passes the
arguments `make test` uses), and reports pytest's own duration and the ten test files that take
the most work (from `--durations`). Figures, not a test: nothing here passes or fails on time.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import re
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from roadmap.devtools import ROOT, copy_project


def bare_config(directory: Path) -> Path:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    config = config.replace("strict: true", "strict: false")  # markers stay as unrendered comments
    # The pages as written, not generated: the markers stay comments, the skill pages bare.
    config = re.sub(r"^docs_dir: .*$", f"docs_dir: {ROOT / 'docs'}", config, flags=re.MULTILINE)
    path = directory / "mkdocs-bare.yml"
    path.write_text(config, encoding="utf-8")
    return path


def _build_env() -> dict[str, str]:
    # As on a contributor's machine: Python keeps the compiled modules it imports (a
    # PYTHONDONTWRITEBYTECODE set around the bench would make every build compile them again).
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def time_full_build(site_dir: Path) -> float:
    """Seconds for `python -m roadmap build` (what make build runs) into `site_dir`: the pages
    generated while MkDocs starts, then the strict build, swapped in."""
    command = [sys.executable, "-m", "roadmap", "build", "--site-dir", str(site_dir)]
    start = time.perf_counter()
    built = subprocess.run(command, cwd=ROOT, env=_build_env(), capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if built.returncode:
        raise SystemExit(f"the build failed:\n{built.stderr}")
    return seconds


def time_bare_build(config: Path, site_dir: Path) -> float:
    """Seconds for MkDocs alone to build `config` into `site_dir`."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
    command += ["-d", str(site_dir)]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=_build_env(), check=True)
    return time.perf_counter() - start


EDITED_PAGE = ("docs/dsa/binary-search.md", "dsa/binary-search/")  # the skill page below
# The server's log line for a full build, and for pages rendered again alone.
_BUILT_IN = re.compile(r"(?:Documentation built|again) in ([\d.]+) seconds")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def time_warm_rebuilds(directory: Path, runs: int) -> tuple[list[float], list[float]]:
    """Edit one page under `python -m roadmap serve` `runs` times: seconds from saving the file
    until the server sends the new page, and the server's own time for every rebuild it
    logged meanwhile."""
    project = copy_project(directory / "project")
    port = _free_port()
    command = [sys.executable, "-m", "roadmap", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        command,
        cwd=project,
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        encoding="utf-8",
        errors="replace",
    )
    serving = threading.Event()
    builds: list[float] = []

    def read_log() -> None:
        for line in server.stderr:
            if "Serving on" in line:
                serving.set()
            elif match := _BUILT_IN.search(line):
                builds.append(float(match.group(1)))

    threading.Thread(target=read_log, daemon=True).start()
    url = f"http://127.0.0.1:{port}/{EDITED_PAGE[1]}"
    page = project / EDITED_PAGE[0]
    waits = []
    try:
        if not serving.wait(timeout=300):
            raise SystemExit("the server did not start serving in 300 s")
        initial = len(builds)
        for run in range(runs):
            marker = f"Warm rebuild {run} {time.time_ns()}."
            start = time.perf_counter()
            with page.open("a", encoding="utf-8") as file:
                file.write(f"\n{marker}\n")
            # The server holds each request until a rebuild in progress has finished.
            while marker not in urllib.request.urlopen(url, timeout=300).read().decode():
                time.sleep(0.02)
            waits.append(time.perf_counter() - start)
        time.sleep(1)  # the last rebuild's log line
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: MkDocs removes its temporary site
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    return waits, builds[initial:]


def seconds_by_file(report: str) -> dict[str, float]:
    """Seconds of work per test file (setup, call and teardown summed over every worker), from
    pytest's `--durations` lines such as `5.72s call     tests/x/test_y.py::test_z[case]`."""
    totals: dict[str, float] = {}
    for match in re.finditer(r"^([\d.]+)s (?:setup|call|teardown) +([^:\s]+)::", report, re.M):
        totals[match.group(2)] = totals.get(match.group(2), 0.0) + float(match.group(1))
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def time_test_suite(arguments: str) -> tuple[float, str, dict[str, float]]:
    """Run the whole test suite once: pytest's own duration, its summary line and the seconds
    of work per test file (where the time goes)."""
    command = [
        sys.executable,
        "-m",
        "pytest",
        *shlex.split(arguments),
        "-q",
        "-p",
        "no:cacheprovider",
        "--durations=0",
        "--durations-min=0.05",
    ]
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    match = re.fullmatch(r"(.*) in ([\d.]+)s(?: \(.*\))?", summary)
    if not match:
        raise SystemExit(f"no pytest summary line in its output:\n{result.stdout}{result.stderr}")
    return float(match.group(2)), match.group(1), seconds_by_file(result.stdout)


def memory_gib() -> float | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):  # not on every platform
        return None


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=5, help="builds of each kind, and warm rebuilds (default 5)"
    )
    parser.add_argument(
        "--suite",
        metavar="ARGS",
        help="also run the whole test suite once, as `pytest ARGS` (4-5 min): its time and "
        "where that time goes",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        bare = bare_config(tmp_path)
        full_times, bare_times = [], []
        time_full_build(tmp_path / "warm")  # the disk cache, and the compiled modules
        for _ in range(args.runs):  # interleaved, so both kinds see the same machine load
            full_times.append(time_full_build(tmp_path / "full"))
            bare_times.append(time_bare_build(bare, tmp_path / "bare"))
        site = tmp_path / "full"
        pages = sum(1 for _ in site.rglob("index.html"))
        search_index = site / "search" / "search_index.json"
        data = {"search index": search_index, "page-data.json": site / "page-data.json"}
        data_sizes = {name: (path.stat().st_size, gzipped(path)) for name, path in data.items()}
        waits, builds = time_warm_rebuilds(tmp_path, args.runs)
    full, plain = statistics.median(full_times), statistics.median(bare_times)
    memory = memory_gib()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores"
        + (f", {memory:.0f} GiB" if memory else "")
        + f", Python {platform.python_version()}"
    )
    print(f"pages built: {pages}; runs of each build: {args.runs} (median shown)")
    print(f"full build (python -m roadmap build: generate, MkDocs with the hooks): {full:.2f} s")
    print(f"bare build (MkDocs + Material, no hooks): {plain:.2f} s")
    print(f"overhead ratio: {full / plain:.2f}")
    own = (
        f"; the server's own time for the {len(builds)} rebuilds it logged: "
        f"{statistics.median(builds):.2f} s"
        if builds
        else ""
    )
    print(
        f"warm rebuild in `python -m roadmap serve` after editing {EDITED_PAGE[0]}: "
        f"{statistics.median(waits):.2f} s from saving to the new page served "
        f"(median of {len(waits)}{own})"
    )
    for name, (raw, packed) in data_sizes.items():
        print(f"{name}: {raw / 1024:.1f} KiB, {packed / 1024:.1f} KiB gzip")
    if args.suite is not None:
        seconds, outcome, by_file = time_test_suite(args.suite)
        print(
            f"whole test suite (pytest {args.suite}, its own duration): {seconds:.1f} s; {outcome}"
        )
        print(f"  where it goes: {sum(by_file.values()):.0f} s of work over all workers; the most:")
        for file, work in list(by_file.items())[:10]:
            print(f"  {work:7.1f} s  {file}")


if __name__ == "__main__":
    main()
