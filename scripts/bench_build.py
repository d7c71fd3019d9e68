"""Benchmark the site build: the full build against the same build without the project's hooks.

    make bench            # or: .venv/bin/python scripts/bench_build.py --runs 5

"Bare" is the same mkdocs.yml, pages, theme and plugins with the `hooks:` entry removed, so
the difference is what the roadmap's own code costs: loading and validating the data,
rendering the generated sections and writing roadmap.json. Figures, not a test: nothing here
passes or fails on time.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bare_config(directory: Path) -> Path:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n(hooks|watch):\n(  - .*\n)+", "\n", config)  # watch: only for `serve`
    config = config.replace("strict: true", "strict: false")  # markers stay as unrendered comments
    config += f"\ndocs_dir: {ROOT / 'docs'}\n"
    path = directory / "mkdocs-bare.yml"
    path.write_text(config, encoding="utf-8")
    return path


def time_build(config: Path, site_dir: Path) -> float:
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-q",
        "-f",
        str(config),
        "-d",
        str(site_dir),
    ]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return time.perf_counter() - start


KEY_PAGES = {
    "home": "",
    "skill page": "dsa/binary-search/",
    "planner": "planner/",
    "reading list": "reading-list/",
}
_ASSET = re.compile(r'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="([^"]+)"')


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def page_weight(site: Path, page: str) -> int:
    """Bytes a first visit transfers with gzip: the HTML and the CSS and JS it links to."""
    html = site / page / "index.html"
    assets = {
        (html.parent / href).resolve() for href in _ASSET.findall(html.read_text(encoding="utf-8"))
    }
    return gzipped(html) + sum(gzipped(asset) for asset in assets)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        bare = bare_config(tmp_path)
        full_times, bare_times = [], []
        time_build(ROOT / "mkdocs.yml", tmp_path / "warm")  # warm the disk cache once
        for _ in range(args.runs):  # interleaved, so both kinds see the same machine load
            full_times.append(time_build(ROOT / "mkdocs.yml", tmp_path / "full"))
            bare_times.append(time_build(bare, tmp_path / "bare"))
        site = tmp_path / "full"
        pages = sum(1 for _ in site.rglob("index.html"))
        weights = {name: page_weight(site, page) for name, page in KEY_PAGES.items()}
        search_index = site / "search" / "search_index.json"
        data = {"search index": search_index, "roadmap.json": site / "roadmap.json"}
        data_sizes = {name: (path.stat().st_size, gzipped(path)) for name, path in data.items()}
    full, plain = statistics.median(full_times), statistics.median(bare_times)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"pages built: {pages}; runs of each build: {args.runs} (median shown)")
    print(f"full build (with the roadmap hooks): {full:.2f} s")
    print(f"bare build (MkDocs + Material, no hooks): {plain:.2f} s")
    print(f"overhead ratio: {full / plain:.2f}")
    for name, size in weights.items():
        print(f"{name}: {size / 1024:.1f} KiB transferred (HTML + CSS + JS, gzip)")
    for name, (raw, packed) in data_sizes.items():
        print(f"{name}: {raw / 1024:.1f} KiB, {packed / 1024:.1f} KiB gzip (fetched by every page)")


if __name__ == "__main__":
    main()
