"""Build a small roadmap project in a temporary folder from tests/fixtures.

A broken case is a folder under tests/fixtures/broken/ whose files are laid over the valid
project in tests/fixtures/base/; an optional delete.txt lists base files to remove, and
expected.txt lists every problem the case must produce, one per line, exactly.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from roadmap.devtools import ROOT

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base"
BROKEN = FIXTURES / "broken"
CASE_FILES = {"expected.txt", "delete.txt"}


def make_project(destination: Path, case: str | None = None) -> Path:
    shutil.copytree(BASE, destination, dirs_exist_ok=True)
    if case is None:
        return destination
    case_dir = BROKEN / case
    deletions = case_dir / "delete.txt"
    if deletions.exists():
        for line in deletions.read_text().split():
            (destination / line).unlink()
    for path in case_dir.rglob("*"):
        if path.is_file() and path.relative_to(case_dir).as_posix() not in CASE_FILES:
            target = destination / path.relative_to(case_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    return destination


def broken_cases() -> list[str]:
    return sorted(path.name for path in BROKEN.iterdir() if path.is_dir())


def expected_problems(case: str) -> list[str]:
    return (BROKEN / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def fixture_config(project: Path) -> Path:
    """The real mkdocs.yml, pointed at the fixture project's pages and the real hooks."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - roadmap/hooks/", f"  - {ROOT / 'roadmap/hooks'}/")
    path = project / "mkdocs.yml"
    path.write_text(config, encoding="utf-8")
    return path
