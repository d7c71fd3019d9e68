"""Run one exercise's tests with pytest and report each test's outcome.

The exercise worker (worker.js) runs this inside Pyodide, in the reader's browser, on the
repository's own test file and conftest.py with the reader's code as the exercise's file. The
project's tests run it under CPython too. Each test is reported with the message pytest shows
for it in `make exercise`'s summary: the assertion's hint, or the exception.
"""

from __future__ import annotations

import json
import sys

import pytest


class Collect:
    """A pytest plugin that keeps each test's outcome and message, in the order run."""

    def __init__(self) -> None:
        self.tests: dict[str, dict] = {}
        self.errors: list[str] = []

    def pytest_runtest_logreport(self, report) -> None:
        if report.when != "call" and report.passed:
            return
        entry = self.tests.setdefault(
            report.nodeid,
            {"name": report.nodeid.split("::", 1)[-1], "outcome": "passed", "message": ""},
        )
        if report.failed or report.skipped:
            entry["outcome"] = "failed" if report.failed else "skipped"
            entry["message"] = message(report)

    def pytest_collectreport(self, report) -> None:
        if report.failed:
            self.errors.append(message(report))


def message(report) -> str:
    """What pytest's summary says about a failed test: the exception and its message (with
    Hypothesis's falsifying example, which it adds as a note)."""
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None:
        return crash.message
    if isinstance(report.longrepr, tuple):  # a skip: (file, line, reason)
        return str(report.longrepr[2])
    return str(report.longrepr)


def run(test_file: str) -> dict:
    """Run one test file (a path from the current folder, the exercises' root) and return
    {"tests": [{"name", "outcome", "message"}], "errors": [...], "exit_code": int}."""
    for name in [n for n in sys.modules if n == "conftest" or n.startswith(("test_", "exercise_"))]:
        del sys.modules[name]  # every run imports the tests and the reader's code afresh
    collect = Collect()
    args = [test_file, "-q", "-p", "no:cacheprovider", "--rootdir=.", "--confcutdir=."]
    # As in the repository, whose pyproject.toml sets this import mode.
    args.append("--import-mode=importlib")
    code = pytest.main(args, plugins=[collect])
    return {"tests": list(collect.tests.values()), "errors": collect.errors, "exit_code": int(code)}


def run_json(test_file: str) -> str:
    return json.dumps(run(test_file))
