"""The tables of exercises/README.md, generated from what the skills list: one table a track,
one row an exercise, with the skill, the file to edit, the functions to write (read from the
stub) and, where the skill says, what the tests compare answers with.

The README is read in a clone, where nothing is built, so the tables are kept in the file:
tests/test_exercises.py fails when they differ from the data, and `python -m
roadmap.exercise_tables` rewrites them.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from .conventions import EXERCISES_DIR, exercise_stub, package_name
from .render import LIBRARY_NAMES, Index, md_text

README = f"{EXERCISES_DIR}/README.md"
START = "<!-- exercise tables: generated from the skills' front matter -->"
END = "<!-- end of the exercise tables -->"


def _to_write(node: ast.AST) -> bool:
    """A function the reader writes: its stub raises NotImplementedError (helpers it gives
    ready-made do not)."""
    return isinstance(node, ast.FunctionDef) and any(
        isinstance(inner, ast.Raise) and "NotImplementedError" in ast.unparse(inner)
        for inner in ast.walk(node)
    )


def functions(stub: str) -> list[str]:
    """The functions a stub asks for, as `name(parameters)`, without annotations."""
    found = []
    for node in ast.parse(stub).body:
        if _to_write(node):
            arguments = node.args
            for argument in arguments.posonlyargs + arguments.args + arguments.kwonlyargs:
                argument.annotation = None
            found.append(f"{node.name}({ast.unparse(arguments)})")
    return found


def needs(stub: str) -> str:
    """What the reader's code may use: the libraries the stub imports, or plain Python."""
    modules = set()
    for node in ast.walk(ast.parse(stub)):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
    libraries = sorted(m for m in modules - {"__future__"} if m not in sys.stdlib_module_names)
    return ", ".join(LIBRARY_NAMES.get(m, m) for m in libraries) or "plain Python"


def tables(index: Index) -> str:
    """The Markdown of every track's table, in the roadmap's order of tracks and skills."""
    root = index.roadmap.root
    parts = []
    for track in index.roadmap.tracks:
        rows = []
        for skill_id in index.track_order(track.id):
            skill = index.skills[skill_id].skill
            for exercise in skill.exercises:
                stub = exercise_stub(package_name(track.id), exercise.name)
                text = (root / stub).read_text(encoding="utf-8")
                cells = [
                    md_text(skill.title),
                    f"`{stub.removeprefix(EXERCISES_DIR + '/')}`",
                    ", ".join(f"`{function}`" for function in functions(text)),
                ]
                checked = exercise.checked_against
                cells.append(needs(text) + (f"; {md_text(checked)}" if checked else ""))
                rows.append((cells, bool(checked)))
        if not rows:
            continue
        # The last column only for a track where some skill says what its tests compare with.
        width = 4 if any(checked for _cells, checked in rows) else 3
        header = ["Skill", "Your file", "Function", "Needs; checked against"][:width]
        lines = [header, ["---"] * width] + [cells[:width] for cells, _checked in rows]
        table = "\n".join(f"| {' | '.join(cells)} |" for cells in lines)
        parts.append(f"### {md_text(track.title)}\n\n{table}\n")
    return "\n".join(parts)


def with_tables(readme: str, index: Index) -> str:
    """The README with the text between its START and END lines replaced by the tables."""
    before, found, rest = readme.partition(START + "\n")
    if not found or END not in rest:
        raise ValueError(f"{README} needs the lines {START!r} and {END!r} around the tables")
    return f"{before}{START}\n\n{tables(index)}\n{END}{rest.split(END, 1)[1]}"


def main() -> None:  # pragma: no cover - a thin command over with_tables
    from .validate import load_and_check

    root = Path.cwd()
    path = root / README
    path.write_text(
        with_tables(path.read_text(encoding="utf-8"), Index(load_and_check(root))),
        encoding="utf-8",
    )


if __name__ == "__main__":  # pragma: no cover
    main()
