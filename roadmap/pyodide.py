"""Exercises that run on the page: Python (Pyodide) in the reader's browser runs an exercise's
own tests with pytest, in a Web Worker, against the code the reader types.

Everything comes from the site itself. The runtime is the npm package `pyodide`, pinned in
package.json and installed into node_modules/ by `npm ci`; the build copies the few files the
worker needs (RUNTIME_FILES). pytest and Hypothesis come as pure-Python wheels, pinned in
requirements.lock (WHEELS names them; OVERRIDES holds the one version that must differ),
downloaded once with pip into WHEEL_CACHE, which git ignores.

An exercise runs in the browser when its files import nothing that Python lacks there: its stub,
solution and tests, and what they import from the exercises folder (conftest.py included), may
use the standard library, pytest and Hypothesis. `browser_exercises` decides, from the files.
"""

from __future__ import annotations

import ast
import functools
import html
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "pyodide"  # the npm package
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
SITE_RUNTIME = "assets/pyodide"  # where the site serves the runtime and the wheels
WHEELS_MANIFEST = f"{SITE_RUNTIME}/wheels.json"
SITE_EXERCISES = "exercises"  # where the site serves conftest.py, the stubs and the tests
WHEEL_CACHE = Path(".cache") / "pyodide-wheels"

# The wheels pytest and Hypothesis need, with what their metadata requires under Pyodide's
# Python (3.14: no exceptiongroup or tomli; Hypothesis needs no attrs; pytest needs Pygments).
WHEELS = (
    "pytest",
    "pluggy",
    "iniconfig",
    "packaging",
    "pygments",
    "hypothesis",
    "sortedcontainers",
)
# Hypothesis after 6.155.7 needs a compiled extension (hypothesis._native) that has no
# WebAssembly build, so the browser keeps the last release published as a pure-Python wheel.
OVERRIDES = {"hypothesis": "6.155.7"}
# What the wheels let the exercises import, besides the standard library.
WHEEL_MODULES = frozenset({"pytest", "_pytest", "py", "pluggy", "iniconfig", "packaging"}) | {
    "pygments",
    "hypothesis",
    "sortedcontainers",
}
# How the note of an exercise that cannot run here names what it needs.
LIBRARY_NAMES = {"numpy": "NumPy", "scipy": "SciPy", "sklearn": "scikit-learn", "pandas": "pandas"}


class RuntimeMissing(Exception):
    """The runtime or a wheel is not where the build looks for it."""


@dataclass(frozen=True)
class Exercise:
    package: str  # the folder in exercises/: dsa, data_science, ...
    name: str
    needs: tuple[str, ...]  # top-level modules it imports that the browser lacks; () to run there

    @property
    def id(self) -> str:
        return f"{self.package}/{self.name}"

    @property
    def stub(self) -> str:
        return f"exercises/{self.package}/{self.name}.py"

    @property
    def tests(self) -> str:
        return f"exercises/{self.package}/test_{self.name}.py"

    @property
    def solution(self) -> str:
        return f"exercises/{self.package}/solutions/{self.name}.py"

    @property
    def in_browser(self) -> bool:
        return not self.needs


def _imports(path: Path) -> set[str]:
    """The modules a file imports, as written (absolute imports only)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def missing_modules(files: Iterable[Path], root: Path, available: frozenset[str]) -> list[str]:
    """The top-level modules that `files` import, directly or through the Python files of
    `root` they import (and the conftest.py files pytest loads for them, from their folder up
    to `root`), that are not `available`. Sorted; empty when they all run with what is there."""
    root = root.resolve()
    todo = [Path(path).resolve() for path in files]
    for path in list(todo):
        folder = path.parent
        while folder.is_relative_to(root):
            todo.append(folder / "conftest.py")
            folder = folder.parent
    seen: set[Path] = set()
    missing: set[str] = set()
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        for module in _imports(path):
            top = module.split(".")[0]
            local = [path.parent / f"{top}.py", root / f"{top}.py", path.parent / top, root / top]
            found = next((p for p in local if p.is_file() or p.is_dir()), None)
            if found:
                todo.append(found / "__init__.py" if found.is_dir() else found)
            elif top not in available and top != "__future__":
                missing.add(top)
    return sorted(missing)


@functools.cache
def runtime_modules(stdlib_zip: Path) -> frozenset[str]:
    """The standard library Python has in the browser: the modules in the runtime's
    python_stdlib.zip, and the compiled ones (math, zlib, ...) that Pyodide builds in, taken
    as those the standard library compiles here too. With the wheels' modules."""
    with zipfile.ZipFile(stdlib_zip) as archive:
        names = {name.split("/")[0].removesuffix(".py") for name in archive.namelist()}
    for name in sys.stdlib_module_names:
        spec = importlib.util.find_spec(name) if name not in names else None
        if spec and (spec.origin in ("built-in", "frozen") or str(spec.origin).endswith(".so")):
            names.add(name)
    return frozenset(names) | WHEEL_MODULES


def exercises(root: Path, available: frozenset[str]) -> list[Exercise]:
    """Every exercise in `root`/exercises, with the modules it needs that the browser lacks."""
    folder = root / "exercises"
    found = []
    for stub in sorted(folder.glob("*/*.py")):
        if stub.name.startswith("test_"):
            continue
        files = [stub, stub.parent / f"test_{stub.name}", stub.parent / "solutions" / stub.name]
        needs = missing_modules([f for f in files if f.is_file()], folder, available)
        found.append(Exercise(stub.parent.name, stub.stem, tuple(needs)))
    return found


def site_files(root: Path, shown: Iterable[Exercise]) -> dict[str, Path]:
    """What the site serves for the exercises in plain Python: site path -> source. conftest.py,
    and each one's stub and tests (the reader's code replaces the stub)."""
    files = {f"{SITE_EXERCISES}/conftest.py": root / "exercises" / "conftest.py"}
    for exercise in shown:
        if exercise.in_browser:
            for path in (exercise.stub, exercise.tests):
                files[path] = root / path
    return files


def _installed_version(package_dir: Path) -> str | None:
    manifest = package_dir / "package.json"
    if not manifest.is_file():
        return None
    return json.loads(manifest.read_text(encoding="utf-8")).get("version")


def runtime_files(root: Path) -> dict[str, Path]:
    """The runtime files the worker loads: site path -> file in node_modules. Raises
    RuntimeMissing when the pinned version is not installed."""
    pinned = json.loads((root / "package.json").read_text(encoding="utf-8"))["dependencies"][
        PACKAGE
    ]
    package_dir = root / "node_modules" / PACKAGE
    installed = _installed_version(package_dir)
    if installed != pinned:
        found = f"version {installed} is installed" if installed else "it is not installed"
        raise RuntimeMissing(
            f"the exercises' Python runtime, the npm package {PACKAGE} {pinned} (package.json), "
            f"is missing: {found}. Run `npm ci --ignore-scripts` (make build does it)."
        )
    return {f"{SITE_RUNTIME}/{name}": package_dir / name for name in RUNTIME_FILES}


_LOCK_LINE = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;#]+)", re.MULTILINE)


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def wheel_pins(lock_text: str) -> dict[str, str]:
    """The version of each of WHEELS: from requirements.lock, or OVERRIDES."""
    locked = {_normalise(name): version for name, version in _LOCK_LINE.findall(lock_text)}
    pins = {}
    for name in WHEELS:
        version = OVERRIDES.get(name) or locked.get(_normalise(name))
        if not version:
            raise RuntimeMissing(f"requirements.lock pins no version of {name}")
        pins[name] = version
    return pins


def _cached(cache: Path, name: str, version: str) -> Path | None:
    return next(iter(sorted(cache.glob(f"{_normalise(name)}-{version}-*.whl"))), None)


Downloader = Callable[[list[str], Path, str], None]


def python_version(runtime_lock: Path) -> str:
    """The runtime's Python, "3.14", from its pyodide-lock.json."""
    full = json.loads(runtime_lock.read_text(encoding="utf-8"))["info"]["python"]
    return ".".join(full.split(".")[:2])


def pip_download(requirements: list[str], destination: Path, python: str) -> None:
    """Download pure-Python wheels (any platform) for the given Python with pip."""
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
    command += ["--only-binary=:all:", "--implementation", "py", "--abi", "none"]
    command += ["--platform", "any", "--python-version", python, "--dest", str(destination)]
    result = subprocess.run(command + requirements, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        last = result.stderr.strip().splitlines()[-1:] or ["no message"]
        raise RuntimeMissing(
            "pip could not download the wheels the exercises need in the browser "
            f"({', '.join(requirements)}): {last[0][:300]}"
        )


def wheels(root: Path, python: str, download: Downloader = pip_download) -> list[Path]:
    """The pinned wheels, from the cache; those missing are downloaded into it first (into a
    folder of their own, then moved, so two builds at once never see half a file)."""
    cache = root / WHEEL_CACHE
    cache.mkdir(parents=True, exist_ok=True)
    pins = wheel_pins((root / "requirements.lock").read_text(encoding="utf-8"))
    wanted = [f"{name}=={version}" for name, version in pins.items()]
    if any(_cached(cache, name, version) is None for name, version in pins.items()):
        with tempfile.TemporaryDirectory(dir=cache) as folder:
            download(wanted, Path(folder), python)
            for wheel in Path(folder).glob("*.whl"):
                os.replace(wheel, cache / wheel.name)
    found = [_cached(cache, name, version) for name, version in pins.items()]
    if None in found:
        raise RuntimeMissing(f"no wheel for some of {', '.join(wanted)} in {cache}")
    return found


def _needs_text(needs: Iterable[str]) -> str:
    names = [LIBRARY_NAMES.get(module, module) for module in needs]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def widget(exercise: Exercise) -> str:
    """The HTML placed after an exercise's reference solution: an empty element that
    exercise.js fills with the editor, or a note saying why the exercise runs locally only."""
    if exercise.in_browser:
        return (
            f'<div class="roadmap-exercise" data-exercise="{html.escape(exercise.id)}" '
            f'data-file="{html.escape(exercise.stub)}"></div>'
        )
    why = (
        f"its code or tests use {html.escape(_needs_text(exercise.needs))}, "
        "which the Python that runs in your browser here does not carry"
    )
    return (
        f'<p class="roadmap-exercise-local" data-exercise-local="{html.escape(exercise.id)}">'
        f"This exercise runs with <code>make exercise NAME={html.escape(exercise.name)}</code> "
        f"only, not on this page: {why}.</p>\n" + self_report(exercise)
    )


def self_report(exercise: Exercise) -> str:
    """Under an exercise that runs only with `make exercise`: the button with which the reader
    says it passed there (a self-reported pass, which counts towards the skill's verified mark),
    and takes that back. progress.js brings it to life and words it; without scripts it stays
    hidden."""
    return (
        f'<p class="roadmap-self-report" data-search-exclude="true">'
        f'<button type="button" class="md-button roadmap-self-report__button" '
        f'data-self-report="{html.escape(exercise.id)}" aria-pressed="false" hidden>'
        f"I ran <code>make exercise NAME={html.escape(exercise.name)}</code> and it passed"
        "</button></p>"
    )


def _solution_include(exercise: Exercise) -> re.Pattern:
    return re.compile(rf'^[ \t]+--8<-- "{re.escape(exercise.solution)}"[ \t]*$', re.MULTILINE)


def shown_on(markdown: str, exercises: Iterable[Exercise]) -> list[Exercise]:
    """The exercises a page shows, in the order it shows them: those whose reference solution
    its Markdown includes, where `add_widgets` places their editors. The one place that says
    which skill has which exercise (render.Index.exercises)."""
    found = [(_solution_include(e).search(markdown), e) for e in exercises]
    placed = sorted(((match.start(), e) for match, e in found if match), key=lambda at: at[0])
    return [exercise for _, exercise in placed]


def add_widgets(markdown: str, shown: Iterable[Exercise]) -> tuple[str, list[Exercise]]:
    """A skill page's Markdown with each exercise's widget placed after the indented block
    that includes its reference solution; and the exercises the page shows."""
    placed = []
    for exercise in shown:
        match = _solution_include(exercise).search(markdown)
        if not match:
            continue
        end = match.end()
        # The block ends at the first line that is neither blank nor indented.
        after = re.compile(r"^(?=\S)", re.MULTILINE).search(markdown, end)
        at = after.start() if after else len(markdown)
        markdown = markdown[:at] + "\n" + widget(exercise) + "\n\n" + markdown[at:]
        placed.append(exercise)
    return markdown, placed
