"""Command line: `python -m roadmap check` validates all data, listing every problem.

`python -m roadmap check [--root DIR]` exits 0 when the data is valid and 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from roadmap.problems import RoadmapError
from roadmap.validate import load_and_check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m roadmap", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every data file and skill page")
    check.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project root (default: current folder)"
    )
    args = parser.parse_args(argv)

    try:
        roadmap = load_and_check(args.root)
    except RoadmapError as exc:
        print(exc, file=sys.stderr)
        return 1
    counts = {
        "track": len(roadmap.tracks),
        "skill": len(roadmap.skills),
        "checklist item": sum(len(page.skill.checklist) for page in roadmap.skills),
        "resource": len(roadmap.resources),
        "snippet": len(roadmap.snippets),
    }
    summary = ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for noun, n in counts.items())
    print(f"The roadmap data is valid: {summary}.")
    return 0
