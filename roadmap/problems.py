"""Problems found in the data, collected so that a contributor sees all of them at once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # path relative to the project root, with forward slashes
    where: str  # field path such as "checklist[2].text", or "line 7" for YAML syntax
    message: str  # what is wrong and, where it helps, what is allowed

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.message}"


class RoadmapError(Exception):
    """Raised with every problem found, grouped by file."""

    def __init__(self, problems: Iterable[Problem]):
        # Files in name order; within a file, problems in the order they were found.
        unique = list(dict.fromkeys(problems))
        self.problems = sorted(unique, key=lambda p: p.file)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    files: dict[str, list[Problem]] = {}
    for problem in problems:
        files.setdefault(problem.file, []).append(problem)
    count = len(problems)
    lines = [f"The roadmap data has {count} problem{'s' if count != 1 else ''}:"]
    for file, found in files.items():
        lines.append(f"\n{file}")
        lines.extend(f"  {p.where}: {p.message}" for p in found)
    return "\n".join(lines)


def field_path(loc: Iterable[str | int]) -> str:
    """Turn a pydantic error location such as ('checklist', 2, 'text') into 'checklist[2].text'."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(top level)"
