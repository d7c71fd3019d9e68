"""Where the theme's script spends the main thread on the key pages, by the theme's own source.

    .venv/bin/python -m scripts.bench_theme_script [--site DIR]     (part of `make bench`)

Lighthouse says how long the main thread is blocked and which script file it blames
(scripts/bench_lighthouse.py); for the theme that file is one minified bundle. This opens each
key page in Chromium at a phone's viewport with the processor slowed four times, as Lighthouse's
mobile run slows it, records a CPU profile from navigation until a second after the network is
idle, and sums the time of every sample taken in the bundle by the source line it comes from,
found through the source map Material ships beside the bundle. The work a script makes the
browser do at once (a style recalculation forced by reading a computed style, a layout forced
by reading an offset) counts to the line that asked for it. Figures, not a test.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from roadmap.devtools import KEY_PAGES, ROOT, build, launch, serve

THROTTLING = 4  # Lighthouse's mobile run slows the processor four times
PHONE = {"width": 412, "height": 823}
_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
_BASE64 = {
    c: n for n, c in enumerate(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
}


def vlq_values(segment: str) -> list[int]:
    """The numbers of one source map segment (Base64 VLQ: five bits a digit, least significant
    first, a continuation bit, the sign in the lowest bit of the whole)."""
    values, value, shift = [], 0, 0
    for char in segment.encode("ascii"):
        digit = _BASE64[char]
        value += (digit & 31) << shift
        if digit & 32:
            shift += 5
            continue
        values.append(-(value >> 1) if value & 1 else value >> 1)
        value, shift = 0, 0
    return values


@dataclass(frozen=True)
class Position:
    source: str
    line: int  # from 1, as editors count
    name: str


class SourceMap:
    """Original positions of a generated file's lines and columns (source map version 3)."""

    def __init__(self, data: dict):
        self.sources, self.names = data["sources"], data["names"]
        self.contents = data.get("sourcesContent") or []
        self.lines: list[tuple[list[int], list[tuple[int, int, int | None]]]] = []
        source = line = name = 0
        for text in data["mappings"].split(";"):
            columns, origins, column = [], [], 0
            for segment in filter(None, text.split(",")):
                values = vlq_values(segment)
                column += values[0]
                if len(values) < 4:
                    continue  # a column that maps to no source
                source, line = source + values[1], line + values[2]
                named = None
                if len(values) > 4:
                    name += values[4]
                    named = name
                columns.append(column)
                origins.append((source, line, named))
            self.lines.append((columns, origins))

    def find(self, line: int, column: int) -> Position | None:
        """The original position of generated `line` and `column` (both from 0): that of the
        last mapped column at or before it, on this line or an earlier one."""
        if line >= len(self.lines):  # past the last mapped line: its last mapped column
            line, column = len(self.lines) - 1, float("inf")
        columns, origins = self.lines[line]
        at = bisect.bisect_right(columns, column) - 1
        while at < 0 and line > 0:
            line -= 1
            columns, origins = self.lines[line]
            at = len(origins) - 1
        if at < 0:
            return None
        source, original_line, name = origins[at]
        return Position(
            self.sources[source], original_line + 1, self.names[name] if name is not None else ""
        )

    def text(self, source: str, line: int) -> str:
        """The text of `line` (from 1) of `source`, when the map carries the sources."""
        at = self.sources.index(source)
        lines = self.contents[at].splitlines() if at < len(self.contents) else []
        return lines[line - 1].strip() if 0 < line <= len(lines) else ""


def self_times(profile: dict) -> Counter:
    """Milliseconds of samples by the frame they were taken in: (url, line, column)."""
    frames = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    times: Counter = Counter()
    for sample, delta in zip(profile["samples"], profile["timeDeltas"][1:] + [0], strict=True):
        frame = frames[sample]
        times[(frame["url"], frame["lineNumber"], frame["columnNumber"])] += delta / 1000
    return times


def short(source: str) -> str:
    """A theme source's path from the theme's own script folder, or the library's."""
    source = re.sub(r"^.*?src/templates/assets/javascripts/", "", source)
    return re.sub(r"^.*?node_modules/", "", source)


def by_source_line(times: Counter, sources: SourceMap) -> Counter:
    """The bundle's samples summed by original file and line (None: a position the map does
    not cover)."""
    lines: Counter = Counter()
    for (url, line, column), ms in times.items():
        if _BUNDLE.search(url):
            position = sources.find(line, column)
            lines[(position.source, position.line) if position else None] += ms
    return lines


def described(place: tuple[str, int] | None, sources: SourceMap) -> str:
    """A source line as `components/palette/index.ts:181  map(() => {`."""
    if place is None:
        return "(not in the source map)"
    text = sources.text(*place)
    return f"{short(place[0])}:{place[1]}" + (f"  {text[:70]}" if text else "")


def profile_page(browser, url: str) -> dict:
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLING})
    session.send("Profiler.enable")
    session.send("Profiler.setSamplingInterval", {"interval": 100})  # microseconds
    session.send("Profiler.start")
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1000)
    profile = session.send("Profiler.stop")["profile"]
    context.close()
    return profile


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--lines", type=int, default=5, help="source lines shown per page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if not args.site:
            built = build(ROOT, site)
            if built.returncode:
                raise SystemExit(built.stderr)
        bundle = next(
            p for p in (site / "assets/javascripts").iterdir() if _BUNDLE.search(p.as_posix())
        )
        sources = SourceMap(json.loads(Path(f"{bundle}.map").read_text(encoding="utf-8")))
        print(
            f"The theme's script ({bundle.name}) on the key pages, Chromium at {PHONE['width']}x"
            f"{PHONE['height']}, processor slowed {THROTTLING}x: main-thread milliseconds by the "
            "theme source line they were spent on"
        )
        with serve(site) as url, sync_playwright() as playwright:
            browser = launch(playwright)
            for name, page in KEY_PAGES.items():
                times = self_times(profile_page(browser, url + page))
                lines = by_source_line(times, sources)
                print(f"{name} (/{page}): the theme's script {sum(lines.values()):.0f} ms")
                for place, ms in lines.most_common(args.lines):
                    print(f"    {ms:6.0f} ms  {described(place, sources)}")
            browser.close()


if __name__ == "__main__":
    main()
