"""Which code the exercise tests check: your copy, or the project's reference solution.

`exercises/<track>/test_<name>.py` tests the function in `exercises/<track>/<name>.py`, the file
you edit. Give pytest `--solution` and the same tests check
`exercises/<track>/solutions/<name>.py` instead (the project's own suite does this, to prove
that every exercise can be solved).
"""

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import Phase, settings

# For the project's own check that every test fails on the untouched stubs
# (tests/test_exercises.py runs pytest with --hypothesis-profile=stubs): a stub fails on every
# input, so searching for a smaller failing input only costs time.
settings.register_profile("stubs", phases=[Phase.explicit, Phase.generate], database=None)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--solution",
        action="store_true",
        help="test the reference solutions in exercises/*/solutions/ instead of your copies",
    )


def load(path: Path) -> ModuleType:
    """Import a Python file by its path, under a name no other exercise file uses."""
    name = "exercise_" + "_".join(path.with_suffix("").parts[-3:])
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


class CountingList(list):
    """A list that counts how many of its items the code under test reads.

    Indexing reads one item, a slice reads as many as it copies, and every scan (a `for` loop,
    `in`, `index`, `count`, `set(...)`, `sorted(...)`) reads the items it passes over.
    """

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.reads = 0

    def __getitem__(self, index):
        item = super().__getitem__(index)
        self.reads += len(item) if isinstance(index, slice) else 1
        return item

    def __iter__(self):
        for item in super().__iter__():
            self.reads += 1
            yield item

    def __reversed__(self):
        self.reads += len(self)
        return super().__reversed__()

    def __contains__(self, value) -> bool:
        return any(item == value for item in self)

    def index(self, value, *args) -> int:
        self.reads += len(self)
        return super().index(value, *args)

    def count(self, value) -> int:
        self.reads += len(self)
        return super().count(value)


@pytest.fixture(scope="session")
def counting_list() -> type[CountingList]:
    """The CountingList class: wrap an input in it to check how much of it a solution reads."""
    return CountingList


def count_lines(function: Callable, *args):
    """Call function(*args); return its result and how many lines of its file ran meanwhile.

    Every line of Python run in the exercise's file counts, in the function and in anything it
    defines (a lambda, a comprehension, a helper). A loop over n rows runs at least n lines;
    whole-array NumPy code runs the same few lines whatever the size of the array. Nothing is
    timed, so the count is the same on every machine.
    """
    filename = function.__code__.co_filename
    lines = 0

    def trace_lines(frame, event, arg):
        nonlocal lines
        if event == "line":
            lines += 1
        return trace_lines

    def trace_calls(frame, event, arg):
        return trace_lines if frame.f_code.co_filename == filename else None

    previous = sys.gettrace()
    sys.settrace(trace_calls)
    try:
        result = function(*args)
    finally:
        sys.settrace(previous)
    return result, lines


@pytest.fixture(scope="session")
def lines_run() -> Callable:
    """The count_lines function: check that a solution is vectorised without timing it."""
    return count_lines


@pytest.fixture(scope="module")
def exercise(request: pytest.FixtureRequest) -> ModuleType:
    """The module under test for the test file that asks: test_<name>.py checks <name>.py."""
    test_file = Path(request.path)
    folder = test_file.parent
    if request.config.getoption("--solution"):
        folder = folder / "solutions"
    return load(folder / f"{test_file.stem.removeprefix('test_')}.py")
