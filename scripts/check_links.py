"""Check the built site's links with LinkChecker, including external ones.

    make links-external          # or: .venv/bin/python -m scripts.check_links --report report.md

Builds the site, serves it on localhost, crawls it from the root and checks every external link
too. A redirect that lands on the same resource (http to https, an added or dropped "www." or
trailing slash) is fine; a redirect elsewhere is reported, since a moved page often lands on a
home page. Writes a Markdown report and exits 1 if anything is broken or moved. The weekly
workflow in .github/workflows/links.yml runs this and files the report as an issue.

The test suite checks internal links and anchors on every run; this check needs the network.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from roadmap.devtools import ROOT, build, serve

CONFIG = ROOT / "scripts" / "linkcheckerrc-external"


def same_resource(original: str, final: str) -> bool:
    """True when a redirect only normalises the URL rather than moving to another page."""

    def key(url: str) -> tuple[str, str, str]:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().removeprefix("www.")
        return host, parts.path.rstrip("/") or "/", parts.query

    return key(original) == key(final)


def classify(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """Split LinkChecker's CSV rows into (broken, moved)."""
    broken = [row for row in rows if row["valid"] != "True"]
    moved = [
        row
        for row in rows
        if row["valid"] == "True"
        and "Redirected" in (row["warningstring"] or "")
        and not same_resource(row["urlname"], row["url"])
    ]
    return broken, moved


def cell(text: str) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def report(broken: list[dict], moved: list[dict]) -> str:
    lines = ["# Link check", ""]
    if not broken and not moved:
        return "# Link check\n\nEvery link resolves.\n"
    for title, rows, what in (("Broken links", broken, "result"), ("Moved links", moved, "url")):
        if rows:
            lines += [f"## {title}", "", "| Link | Found on | Result |", "|---|---|---|"]
            lines += [
                "| " + " | ".join(cell(row[key]) for key in ("urlname", "parentname", what)) + " |"
                for row in rows
            ]
            lines.append("")
    return "\n".join(lines)


def run_linkchecker(site_url: str) -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-m", "linkcheck", "--config", str(CONFIG), "--output", "csv", site_url],
        capture_output=True,
        text=True,
        check=False,
    )
    text = "\n".join(line for line in result.stdout.splitlines() if not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, help="also write the Markdown report to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        built = build(ROOT, site)
        if built.returncode:
            print(built.stderr, file=sys.stderr)
            return 2
        with serve(site) as url:
            broken, moved = classify(run_linkchecker(url))
    text = report(broken, moved)
    print(text)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    return 1 if broken or moved else 0


if __name__ == "__main__":
    raise SystemExit(main())
