"""The exercises check themselves: their tests pass against the project's reference solutions,
and fail, with the hint to read the docstring, against the stubs a reader starts from.

pytest runs in a subprocess, once per mode over the whole exercises/ folder, so the two modes
never share imported modules and the whole check costs two pytest start-ups.
"""

import doctest
import importlib.util
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from roadmap import exercise_tables, render
from roadmap.conventions import exercise_tests
from roadmap.validate import load_and_check

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ROOT / "exercises"
STUBS = sorted(p for p in EXERCISES.glob("*/*.py") if not p.name.startswith("test_"))
IDS = [p.relative_to(ROOT).as_posix() for p in STUBS]
RESULT = re.compile(r"^(PASSED|FAILED|ERROR) (\S+)(?: - (.*))?$", re.MULTILINE)


def run_exercise_tests(*args: str) -> tuple[subprocess.CompletedProcess, dict[str, tuple]]:
    """pytest over every exercise; returns the run and {test id: (outcome, message)}."""
    env = {key: value for key, value in os.environ.items() if key != "PYTEST_ADDOPTS"}
    env["COLUMNS"] = "1000"  # one unabridged summary line per test
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "exercises", "-p", "no:cacheprovider", "-q", "-rA"]
        + list(args),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    outcomes = {
        test: (outcome, message) for outcome, test, message in RESULT.findall(result.stdout)
    }
    return result, outcomes


def load(path: Path):
    name = "exercise_check_" + "_".join(path.with_suffix("").relative_to(EXERCISES).parts)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def against_solutions():
    return run_exercise_tests("--solution")


@pytest.fixture(scope="module")
def against_stubs():
    # The summary lines carry each failure's message, so no tracebacks; and no shrinking of
    # failing examples, which a stub fails on whatever they are. Both only cost time.
    return run_exercise_tests("--tb=no", "--hypothesis-profile=stubs")


def test_there_are_exercises():
    assert STUBS


def test_exercise_names_are_unique_across_tracks():
    # `make exercise NAME=<name>` runs exercises/*/test_<name>.py: one file per name.
    names = [stub.stem for stub in STUBS]
    assert len(names) == len(set(names)), sorted(name for name in names if names.count(name) > 1)


@pytest.fixture(scope="module")
def index() -> render.Index:
    return render.Index(load_and_check(ROOT))


def test_each_exercise_is_listed_by_one_skill_of_its_track(index):
    listed = [pair for pairs in index.listed_exercises.values() for pair in pairs]
    assert len(listed) == len(set(listed))
    on_disk = {(stub.parent.name, stub.stem) for stub in STUBS}
    assert set(listed) == on_disk


def test_the_tables_of_the_exercises_readme_are_those_the_skills_make(index):
    readme = (ROOT / exercise_tables.README).read_text(encoding="utf-8")
    assert readme == exercise_tables.with_tables(readme, index), (
        "the tables in exercises/README.md differ from what the skills list: run "
        "`python -m roadmap.exercise_tables`"
    )
    for stub in STUBS:
        assert f"| `{stub.parent.name}/{stub.name}` |" in readme, stub.name


def test_the_tables_name_the_functions_to_write_and_what_the_stub_needs():
    stub = (
        "import numpy as np\nfrom dataclasses import dataclass\n\n"
        "def helper(x: int) -> int:\n    return x\n\n"
        "def write_me(a: list[int], b: int = 2, *, c=None) -> int:\n"
        "    raise NotImplementedError('Write write_me')\n"
    )
    assert exercise_tables.functions(stub) == ["write_me(a, b=2, *, c=None)"]
    assert exercise_tables.needs(stub) == "NumPy"
    assert exercise_tables.needs("from __future__ import annotations\nimport math\n") == (
        "plain Python"
    )
    with pytest.raises(ValueError, match="needs the lines"):
        exercise_tables.with_tables("# no tables here\n", None)


def functions_to_write(module) -> dict[str, object]:
    """The functions a stub defines, by name: the ones the reader writes."""
    return {
        name: value
        for name, value in vars(module).items()
        if inspect.isfunction(value) and value.__module__ == module.__name__
    }


STUB_FUNCTIONS = {stub.stem: sorted(functions_to_write(load(stub))) for stub in STUBS}


@pytest.mark.parametrize("stub", STUBS, ids=IDS)
def test_stub_and_solution_share_the_signature_and_the_docstring_says_enough(stub):
    name = stub.stem
    functions = functions_to_write(load(stub))
    solution = load(stub.parent / "solutions" / stub.name)
    assert name in functions, f"{stub.name} should define the function {name}"
    for function_name, function in functions.items():
        solved = getattr(solution, function_name, None)
        assert solved is not None, f"the solution of {name} should define {function_name}"
        assert str(inspect.signature(function)) == str(inspect.signature(solved))
    for part in ("Examples:", "Constraints:", "Expected complexity:"):
        assert part in functions[name].__doc__, (
            f"the docstring of {name} needs a '{part}' paragraph"
        )


@pytest.mark.parametrize("stub", STUBS, ids=IDS)
def test_the_docstring_examples_hold_for_the_solution(stub):
    solution = load(stub.parent / "solutions" / stub.name)
    runner = doctest.DocTestRunner()
    report: list[str] = []
    examples = 0
    for test in doctest.DocTestFinder().find(load(stub)):
        test.globs = dict(vars(solution))  # the stub's examples, run on the solution's code
        runner.run(test, out=report.append)
        examples += len(test.examples)
    assert examples >= 2, f"give {stub.stem} at least two examples in its docstring"
    assert runner.failures == 0, "".join(report)


def test_the_reference_solutions_pass_every_test(against_solutions):
    result, outcomes = against_solutions
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    for stub in STUBS:
        test_file = exercise_tests(stub.parent.name, stub.stem)
        assert any(test.startswith(f"{test_file}::") for test in outcomes), f"{test_file} ran"


def test_the_stubs_fail_every_test_with_the_hint(against_stubs, against_solutions):
    result, outcomes = against_stubs
    assert result.returncode == 1, result.stdout[-3000:] + result.stderr[-3000:]
    assert set(outcomes) == set(against_solutions[1]), "both modes run the same tests"
    for test, (outcome, message) in outcomes.items():
        name = test.split("::")[0].rsplit("/test_", 1)[1].removesuffix(".py")
        # Each function of a stub names itself in its hint; an exercise may ask for several.
        hints = {
            f"NotImplementedError: Write {function} - see the docstring; "
            f"run: make exercise NAME={name}"
            for function in STUB_FUNCTIONS[name]
        }
        assert outcome == "FAILED" and message in hints, (
            f"{test} should fail on the stub, only because of the stub"
        )
