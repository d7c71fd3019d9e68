"""Run one exercise's tests with pytest and report each test's outcome.

The exercise worker (worker.js) runs this inside Pyodide, in the reader's browser, on the
repository's own test file and conftest.py with the reader's code as the exercise's file. The
project's tests run it under CPython too. Each test is reported with the message pytest shows
for it in `make exercise`'s summary: the assertion's hint, or the exception.
"""

from __future__ import annotations

import contextlib
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


class FreeByLoop:
    """A pytest plugin that frees the exercise's own objects one at a time, not by recursion.

    CPython frees a linked structure recursively: dropping a list's head frees the next node
    from inside the head's deallocation, and so on down the chain. A 5000-node chain then nests
    thousands of calls, more than a browser's stack holds for WebAssembly, and the worker dies
    (CPython on a desktop has a far larger stack, and `make exercise` never meets this).

    So each class the exercise's module defines (unless it has a `__del__` of its own) gets a
    `__del__` that keeps the dying object in `parked`, which stops the cascade at that object.
    After each test, `free` empties the parked objects' fields one by one: each child that dies
    is parked in turn, and so the whole chain is freed in a loop, never nested. Only objects
    nothing else refers to are parked, so live data is never touched.
    """

    def __init__(self) -> None:
        self.parked: list = []

        def park(dying) -> None:  # a plain function, so that the class binds it as a method
            self.parked.append(dying)

        self.park = park

    @pytest.hookimpl(wrapper=True)
    def pytest_fixture_setup(self, fixturedef, request):
        value = yield
        if fixturedef.argname == "exercise":  # the module conftest.py loads: the reader's code
            for cls in vars(value).values():
                if isinstance(cls, type) and cls.__module__ == value.__name__:
                    if "__del__" not in vars(cls):
                        cls.__del__ = self.park
        return value

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_teardown(self, item, nextitem):
        try:
            return (yield)
        finally:
            self.free()

    def free(self) -> None:
        while self.parked:
            dying = self.parked.pop()
            for name in slot_fields(type(dying)):
                with contextlib.suppress(AttributeError):  # a slot never set
                    delattr(dying, name)
            if hasattr(dying, "__dict__"):
                vars(dying).clear()
            del dying  # with nothing left to free below it


def slot_fields(cls: type) -> list[str]:
    """The names of the fields a class and its bases keep in slots."""
    names = []
    for klass in cls.__mro__:
        slots = vars(klass).get("__slots__", ())
        names += [slots] if isinstance(slots, str) else list(slots)
    return [name for name in names if name not in ("__dict__", "__weakref__")]


def message(report) -> str:
    """What pytest's summary says about a failed test: the exception and its message (with
    Hypothesis's falsifying example, which it adds as a note)."""
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None:
        return crash.message
    if isinstance(report.longrepr, tuple):  # a skip: (file, line, reason)
        return str(report.longrepr[2])
    return str(report.longrepr)


FREE_BY_LOOP = FreeByLoop()  # one for every run: what one run parks, the next frees


def run(test_file: str) -> dict:
    """Run one test file (a path from the current folder, the exercises' root) and return
    {"tests": [{"name", "outcome", "message"}], "errors": [...], "exit_code": int}."""
    for name in [n for n in sys.modules if n == "conftest" or n.startswith(("test_", "exercise_"))]:
        del sys.modules[name]  # every run imports the tests and the reader's code afresh
    collect = Collect()
    args = [test_file, "-q", "-p", "no:cacheprovider", "--rootdir=.", "--confcutdir=."]
    # As in the repository, whose pyproject.toml sets this import mode.
    args.append("--import-mode=importlib")
    code = pytest.main(args, plugins=[collect, FREE_BY_LOOP])
    FREE_BY_LOOP.free()
    return {"tests": list(collect.tests.values()), "errors": collect.errors, "exit_code": int(code)}


def run_json(test_file: str) -> str:
    return json.dumps(run(test_file))
