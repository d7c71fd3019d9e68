"""Exercises that run on the page: Python (Pyodide) in the reader's browser runs an exercise's
own tests with pytest, in a Web Worker, against the code the reader types.

Everything comes from the site itself. The runtime is the npm package `pyodide`, pinned in
package.json and installed into node_modules/ by `npm ci`; the build copies the few files the
worker needs (RUNTIME_FILES). pytest and Hypothesis come as pure-Python wheels, pinned in
requirements.lock (WHEELS names them; OVERRIDES holds the one version that must differ),
downloaded once with pip into WHEEL_CACHE, which git ignores.

An exercise runs in the browser when its files import nothing that Python lacks there: its stub,
solution and tests, and what they import from the exercises folder (conftest.py included), may
use the standard library, pytest and Hypothesis. `exercises` decides, from the files, for the
exercises the skills list.
"""

from __future__ import annotations

import ast
import functools
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

from .conventions import (
    EXERCISES_DIR,
    exercise_files,
    exercise_id,
)

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
WHEELS_DIR = f"{SITE_RUNTIME}/wheels/"  # where the site serves each wheel, by its file name
SITE_EXERCISES = EXERCISES_DIR  # the site serves conftest.py, the stubs and the tests as named
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


class RuntimeMissing(Exception):
    """The runtime or a wheel is not where the build looks for it."""


@dataclass(frozen=True)
class Exercise:
    package: str  # the folder in exercises/: dsa, data_science, ...
    name: str
    needs: tuple[str, ...]  # top-level modules it imports that the browser lacks; () to run there

    @property
    def id(self) -> str:
        return exercise_id(self.package, self.name)

    @property
    def in_browser(self) -> bool:
        return not self.needs

    @property
    def files(self) -> dict[str, str]:
        """Its stub (the file the reader edits), solution and tests, by what each is."""
        return exercise_files(self.package, self.name)


def _imports(path: Path) -> frozenset[str]:
    """The modules a file imports, as written (absolute imports only)."""
    stat = path.stat()
    return _imports_of(str(path), stat.st_mtime_ns, stat.st_size)


# Read again only when a file changes: `python -m roadmap serve` generates on every save.
@functools.lru_cache(maxsize=1024)
def _imports_of(path: str, mtime_ns: int, size: int) -> frozenset[str]:
    found = set()
    for node in ast.walk(ast.parse(Path(path).read_text(encoding="utf-8"), path)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return frozenset(found)


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


def exercises(
    root: Path, listed: dict[str, list[tuple[str, str]]], available: frozenset[str]
) -> dict[str, list[Exercise]]:
    """The exercises each skill lists (skill id -> its (package, name) pairs, in order, as
    render.Index.listed_exercises gives them), each with the modules it needs that the browser
    lacks."""
    folder = root / EXERCISES_DIR

    def exercise(package: str, name: str) -> Exercise:
        files = [root / path for path in exercise_files(package, name).values()]
        needs = missing_modules([f for f in files if f.is_file()], folder, available)
        return Exercise(package, name, tuple(needs))

    return {skill: [exercise(*pair) for pair in pairs] for skill, pairs in listed.items()}


def site_files(root: Path, shown: Iterable[Exercise]) -> dict[str, Path]:
    """What the site serves for the exercises in plain Python: site path -> source. conftest.py,
    and each one's stub and tests (the reader's code replaces the stub)."""
    files = {f"{SITE_EXERCISES}/conftest.py": root / EXERCISES_DIR / "conftest.py"}
    for exercise in shown:
        if exercise.in_browser:
            for path in (exercise.files["stub"], exercise.files["tests"]):
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


def served_runtime(root: Path) -> dict[str, Path]:
    """Everything the site serves for the exercises to run: site path -> file, the runtime
    (runtime_files) and then the wheels (downloaded once, `wheels`). Raises RuntimeMissing."""
    runtime = runtime_files(root)
    python = python_version(runtime[f"{SITE_RUNTIME}/pyodide-lock.json"])
    return runtime | {f"{WHEELS_DIR}{path.name}": path for path in wheels(root, python)}


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
