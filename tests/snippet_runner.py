"""Run a snippet as `python snippets/<track>/<name>.py` runs it, without paying for the imports.

Each snippet runs in a process of its own, set up as the interpreter sets up a script: the
script's folder first on `sys.path` followed by a fresh interpreter's own path (not the test
run's), `sys.argv == [path]`, `__name__ == "__main__"`, the project root as working directory,
and its stdout and stderr captured at the file-descriptor level (so a JVM's output is caught
too). The process is forked from a server that has already imported NumPy, pandas, SciPy and
scikit-learn (multiprocessing's forkserver with preloading): most snippets spend about a second
importing them, which the suite would otherwise pay again for each of them.

What the preloading could change is printed output, and the recorded `.out` files come from
real `python` runs (`make outputs`), so the snippet tests would catch it. `tests/
test_snippet_runner.py` compares what a script sees here with what it sees under `python`.

When the test run measures coverage, the snippet's process measures itself and writes a data
file beside the others, which pytest-cov combines.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import runpy
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRELOAD = ["numpy", "pandas", "scipy.stats", "sklearn.base", "sklearn.metrics"]


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


@functools.cache
def _fresh_path() -> tuple[str, ...]:
    """`sys.path` of a fresh interpreter, without its first entry (the script's folder)."""
    probe = "import json, sys; print(json.dumps(sys.path[1:]))"
    output = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return tuple(json.loads(output))


@functools.cache
def _context():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def _measuring() -> bool:
    try:
        import coverage
    except ImportError:
        return False
    return coverage.Coverage.current() is not None


def _run(script: str, fresh_path: tuple[str, ...], out: str, err: str, measure: bool) -> None:
    """In the forked process: become `python <script>` and run it."""
    os.chdir(ROOT)
    for fd, name in ((1, out), (2, err)):
        target = os.open(name, os.O_WRONLY | os.O_TRUNC)
        os.dup2(target, fd)
        os.close(target)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.argv = [script]
    sys.path[:] = [str((ROOT / script).parent), *fresh_path]
    cov = None
    if measure:
        import coverage

        # A script outside snippets/ (tests/test_snippet_runner.py) leaves nothing to measure:
        # the configuration's disable_warnings keeps that off the script's stderr.
        cov = coverage.Coverage(config_file=str(ROOT / "pyproject.toml"), data_suffix=True)
        cov.start()
    try:
        runpy.run_path(script, run_name="__main__")
    finally:
        if cov is not None:
            cov.stop()
            cov.save()
        sys.stdout.flush()
        sys.stderr.flush()


def run_script(script: Path) -> Result:
    """Run `script` (a path relative to the project root) as a script; what it printed."""
    with tempfile.TemporaryDirectory() as tmp:
        out, err = Path(tmp, "stdout"), Path(tmp, "stderr")
        out.touch()
        err.touch()
        process = _context().Process(
            target=_run, args=(str(script), _fresh_path(), str(out), str(err), _measuring())
        )
        process.start()
        process.join()
        return Result(
            process.exitcode,
            out.read_text(encoding="utf-8"),
            err.read_text(encoding="utf-8", errors="replace"),
        )
