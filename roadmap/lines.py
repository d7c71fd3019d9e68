"""Where a problem is: the line of a field in its YAML file, and list entries named by id.

Validation speaks of fields by path (`checklist[3].text`). A contributor reads files by line, and
a list position shifts as entries are added, so each problem also gets the line of the field and,
where a list entry has an `id`, that id: `line 42, resources[id=feast-docs].url`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from .load import split_front_matter
from .problems import Problem

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_PATH = re.compile(r"^[A-Za-z_][\w-]*(\[\d+\])*(\.[A-Za-z_][\w-]*(\[\d+\])*)*$")


def parse_path(where: str) -> list[str | int] | None:
    """'checklist[3].text' -> ['checklist', 3, 'text']; None when `where` is not a field path."""
    if not _PATH.match(where):
        return None
    return [name if name else int(index) for name, index in _PART.findall(where)]


def _show(part: str | int, shown: str) -> str:
    """`shown` with one more step of a field path: `.name` or `[index]`."""
    if isinstance(part, int):
        return f"{shown}[{part}]"
    return f"{shown}.{part}" if shown else part


def _locate(node: yaml.Node, path: list[str | int]) -> tuple[int, str]:
    """The 0-based line of the deepest node on `path` found, and the path with ids."""
    line, shown = node.start_mark.line, ""
    for depth, part in enumerate(path):
        child = None  # pragma: no mutate (any non-node ends the walk alike)
        if isinstance(part, str) and isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == part:
                    child, line = value, key.start_mark.line
            shown = _show(part, shown)
        elif isinstance(part, int) and isinstance(node, yaml.SequenceNode):
            if part < len(node.value):
                child = node.value[part]
                line = child.start_mark.line
            shown += f"[{_entry_id(child) or part}]"
        else:
            shown = _show(part, shown)
        if child is None:
            # The rest of the path is not in the file (a missing field): keep the last line.
            for more in path[depth + 1 :]:
                shown = _show(more, shown)
            return line, shown
        node = child
    return line, shown


def _entry_id(node: yaml.Node | None) -> str | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if (
                isinstance(key, yaml.ScalarNode)
                and key.value == "id"
                and isinstance(value, yaml.ScalarNode)
                and value.value
            ):
                return f"id={value.value}"
    return None


def _document(root: Path, file: str) -> tuple[yaml.Node | None, int]:
    """The YAML node tree of a data file or a page's front matter, and its line offset."""
    try:
        text = (root / file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None, 0  # pragma: no mutate (no document: its offset is never read)
    offset = 0
    if file.endswith(".md"):
        front, _body = split_front_matter(text)
        if front is None:
            return None, 0  # pragma: no mutate (no document: its offset is never read)
        text, offset = front, 1
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader), offset
    except yaml.YAMLError:
        return None, 0  # pragma: no mutate (no document: its offset is never read)


def with_lines(root: Path, problems: Iterable[Problem]) -> list[Problem]:
    """Each problem that names a field gets the field's line and its entries' ids."""
    documents: dict[str, tuple[yaml.Node | None, int]] = {}
    out = []
    for problem in problems:
        path = parse_path(problem.where)
        if path is None or not problem.file.endswith((".yml", ".yaml", ".md")):
            out.append(problem)
            continue
        if problem.file not in documents:
            documents[problem.file] = _document(root, problem.file)
        node, offset = documents[problem.file]
        if node is None:
            out.append(problem)
            continue
        line, shown = _locate(node, path)
        out.append(Problem(problem.file, f"line {line + 1 + offset}, {shown}", problem.message))
    return out
