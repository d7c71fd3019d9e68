"""Exercises that run on the page (roadmap/pyodide.py): which ones can, from their files; the
runtime and the wheels the build publishes; where a page gets its editor; and the test runner
the browser uses (docs/assets/exercise/runner.py), run here under CPython."""

import importlib.util
import json
import subprocess
import sys
import weakref
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement

from roadmap import devtools, pyodide
from roadmap.conventions import exercise_files
from roadmap.devtools import ROOT

RUNTIME = ROOT / "node_modules" / "pyodide"
STDLIB = frozenset({"math", "zlib", "dataclasses", "collections", "itertools"})


def write(path: Path, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_imports_are_followed_through_local_modules_and_every_conftest_up_to_the_root(tmp_path):
    root = tmp_path / "exercises"
    stub = write(root / "t" / "a.py", "from __future__ import annotations\nimport math\n")
    tests = write(
        root / "t" / "test_a.py", "import pytest\nimport helper\nfrom zlib import crc32\n"
    )
    write(root / "t" / "helper.py", "import numpy.linalg\n")
    write(root / "conftest.py", "import hypothesis\nfrom sklearn import metrics\n")
    write(root / "t" / "conftest.py", "import collections\n")
    available = STDLIB | {"pytest", "hypothesis"}
    assert pyodide.missing_modules([stub], root, available) == ["sklearn"]  # through conftest
    assert pyodide.missing_modules([stub, tests], root, available) == ["numpy", "sklearn"]
    (root / "conftest.py").write_text("import hypothesis\n")
    assert pyodide.missing_modules([stub], root, available) == []
    # A module the browser has no more: the same file no longer runs there.
    assert pyodide.missing_modules([stub], root, available - {"math"}) == ["math"]


def test_a_package_of_the_exercises_folder_is_followed_into(tmp_path):
    root = tmp_path / "exercises"
    stub = write(root / "t" / "a.py", "from shared.tools import x\n")
    write(root / "shared" / "__init__.py", "import scipy\n")
    assert pyodide.missing_modules([stub], root, STDLIB) == ["scipy"]


def test_the_runtime_has_the_standard_library_the_exercises_use_and_the_wheels_modules():
    available = pyodide.runtime_modules(RUNTIME / "python_stdlib.zip")
    for module in ("zlib", "math", "heapq", "bisect", "dataclasses", "collections", "itertools"):
        assert module in available, module
    assert {"pytest", "_pytest", "hypothesis", "pluggy"} <= available
    for module in ("tkinter", "numpy", "sklearn", "scipy"):
        assert module not in available, module


def test_exercises_on_plain_python_run_in_the_browser_and_the_others_say_what_they_need():
    exercises = devtools.exercises()
    found = {e.id: e.needs for e in exercises}
    plain = {exercise for exercise, needs in found.items() if not needs}
    dsa = {f"dsa/{p.stem}" for p in (ROOT / "exercises" / "dsa").glob("[!t]*.py")}
    assert len(dsa) == 11
    assert plain == dsa | {"cloud_mlops/word_count"}
    assert {e.id for e in exercises if e.in_browser} == plain
    assert found["data_science/ndcg_at_k"] == ("sklearn",)  # plain Python, checked by sklearn
    assert found["data_science/log_loss"] == ("numpy", "scipy", "sklearn")
    assert found["foundations/bootstrap_ci"] == ("numpy",)


def test_the_exercises_come_from_what_each_skill_lists_in_its_order(tmp_path):
    for name in ("a", "b"):
        files = exercise_files("algo", name)
        write(tmp_path / files["stub"], "import math\n")
        write(tmp_path / files["tests"], "import pytest\n")
        write(tmp_path / files["solution"], "import numpy\n" * (name == "b"))
    write(tmp_path / "exercises/algo/c.py")  # on disk but listed by no skill: not shown
    listed = {"first": [("algo", "b"), ("algo", "a")], "second": []}
    found = pyodide.exercises(tmp_path, listed, STDLIB | {"pytest"})
    assert found == {
        "first": [pyodide.Exercise("algo", "b", ("numpy",)), pyodide.Exercise("algo", "a", ())],
        "second": [],
    }
    assert [e.files["stub"] for e in found["first"]] == [
        "exercises/algo/b.py",
        "exercises/algo/a.py",
    ]


LOCK = "# comment\nPygments==2.21.0\npytest==9.2.0\npluggy==1.7.0\niniconfig==2.3.1\n"
LOCK += "packaging==26.3\nhypothesis==6.170.15\nsortedcontainers==2.4.0\n"


def test_wheel_versions_come_from_requirements_lock_but_for_the_overrides():
    pins = pyodide.wheel_pins(LOCK)
    assert pins["pygments"] == "2.21.0" and pins["pytest"] == "9.2.0"
    assert pins["hypothesis"] == pyodide.OVERRIDES["hypothesis"] != "6.170.15"
    with pytest.raises(pyodide.RuntimeMissing, match="pins no version of pluggy"):
        pyodide.wheel_pins(LOCK.replace("pluggy==1.7.0\n", ""))
    real = pyodide.wheel_pins((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    assert set(real) == set(pyodide.WHEELS)


def test_wheels_are_downloaded_once_into_the_cache(tmp_path):
    (tmp_path / "requirements.lock").write_text(LOCK)
    calls = []

    def download(requirements, folder, python):
        calls.append((requirements, python))
        for requirement in requirements:
            name, version = requirement.split("==")
            (folder / f"{name}-{version}-py3-none-any.whl").write_bytes(b"wheel")

    first = pyodide.wheels(tmp_path, "3.14", download)
    assert [path.name for path in first][:2] == [
        "pytest-9.2.0-py3-none-any.whl",
        "pluggy-1.7.0-py3-none-any.whl",
    ]
    assert all(path.parent == tmp_path / pyodide.WHEEL_CACHE for path in first)
    assert pyodide.wheels(tmp_path, "3.14", download) == first
    assert len(calls) == 1 and calls[0][1] == "3.14"
    assert not [p for p in (tmp_path / pyodide.WHEEL_CACHE).iterdir() if p.is_dir()]


def test_the_wheels_bring_everything_their_metadata_requires_under_the_runtimes_python():
    python = pyodide.python_version(RUNTIME / "pyodide-lock.json")
    paths = pyodide.wheels(ROOT, python)
    environment = default_environment() | {
        "python_version": python,
        "python_full_version": f"{python}.0",
        "sys_platform": "emscripten",
        "platform_system": "Emscripten",
        "extra": "",
    }
    names = {pyodide._normalise(path.name.split("-")[0]) for path in paths}
    for path in paths:
        assert path.name.endswith("-none-any.whl"), f"{path.name} is not pure Python"
        with zipfile.ZipFile(path) as wheel:
            metadata = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
            text = wheel.read(metadata).decode()
        for line in text.splitlines():
            if line.startswith("Requires-Dist:"):
                requirement = Requirement(line.removeprefix("Requires-Dist:").strip())
                if requirement.marker is None or requirement.marker.evaluate(environment):
                    assert pyodide._normalise(requirement.name) in names, (path.name, line)


def test_the_build_refuses_a_runtime_that_is_not_the_pinned_one(tmp_path):
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"pyodide": "1.2.3"}}))
    with pytest.raises(pyodide.RuntimeMissing, match=r"pyodide 1.2.3 .*it is not installed"):
        pyodide.runtime_files(tmp_path)
    write(tmp_path / "node_modules" / "pyodide" / "package.json", '{"version": "1.2.2"}')
    with pytest.raises(pyodide.RuntimeMissing, match="version 1.2.2 is installed.*npm ci"):
        pyodide.runtime_files(tmp_path)
    files = pyodide.runtime_files(ROOT)
    assert sorted(files) == sorted(f"assets/pyodide/{name}" for name in pyodide.RUNTIME_FILES)
    assert all(path.is_file() for path in files.values())


RUN = """
import json, sys
sys.path.insert(0, {runner!r})
import runner
print(json.dumps(runner.run("exercises/dsa/test_binary_search.py")))
"""


def run_in_browser_layout(tmp_path: Path, code: str) -> dict:
    """runner.run on the files laid out as the worker lays them out, in a fresh Python."""
    write(tmp_path / "exercises" / "conftest.py", (ROOT / "exercises/conftest.py").read_text())
    tests = (ROOT / "exercises/dsa/test_binary_search.py").read_text()
    write(tmp_path / "exercises" / "dsa" / "test_binary_search.py", tests)
    write(tmp_path / "exercises" / "dsa" / "binary_search.py", code)
    runner = str(ROOT / "docs" / "assets" / "exercise")
    result = subprocess.run(
        [sys.executable, "-c", RUN.format(runner=runner)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.splitlines()[-1])


def test_the_runner_reports_every_test_of_the_solution_as_passed(tmp_path):
    solution = (ROOT / "exercises/dsa/solutions/binary_search.py").read_text()
    result = run_in_browser_layout(tmp_path, solution)
    assert result["exit_code"] == 0 and result["errors"] == []
    assert len(result["tests"]) >= 10
    assert {test["outcome"] for test in result["tests"]} == {"passed"}
    assert "test_examples[found-in-the-middle]" in [test["name"] for test in result["tests"]]


def test_the_runner_reports_each_failure_with_its_hint(tmp_path):
    wrong = (
        "def binary_search(nums, target):\n    return nums.index(target) if target in nums else 0\n"
    )
    result = run_in_browser_layout(tmp_path, wrong)
    tests = {test["name"]: test for test in result["tests"]}
    assert result["exit_code"] == 1
    assert tests["test_examples[found-first]"] == {
        "name": "test_examples[found-first]",
        "outcome": "passed",
        "message": "",
    }
    absent = tests["test_examples[absent-between-items]"]
    assert absent["outcome"] == "failed"
    assert absent["message"].startswith(
        "AssertionError: binary_search([1, 3, 5], 4) should be -1: the target is absent"
    )
    assert "Don't scan" in tests["test_reads_only_log_n_items[1001]"]["message"]
    # Hypothesis's smallest failing input comes with the message.
    assert "nums=[]" in tests["test_agrees_with_a_linear_scan"]["message"]


def test_the_runner_reports_the_stubs_hint_and_code_that_does_not_compile(tmp_path):
    stub = (ROOT / "exercises/dsa/binary_search.py").read_text()
    result = run_in_browser_layout(tmp_path, stub)
    hint = "NotImplementedError: Write binary_search - see the docstring; run: make exercise"
    assert all(t["message"].startswith(hint) for t in result["tests"]), result["tests"][0]
    broken = run_in_browser_layout(tmp_path, "def binary_search(nums, target)\n    return 0\n")
    assert {t["outcome"] for t in broken["tests"]} == {"failed"}
    assert "SyntaxError" in broken["tests"][0]["message"]


def load_runner():
    spec = importlib.util.spec_from_file_location(
        "exercise_runner", ROOT / "docs" / "assets" / "exercise" / "runner.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("slots", [False, True], ids=["dict", "slots"])
def test_the_runner_frees_a_dead_chain_in_a_loop_and_leaves_live_objects_alone(slots):
    """In the browser, freeing a long chain by recursion overflows the worker's stack: the
    runner parks the first dying node, which stops the cascade, then frees node by node."""
    free = load_runner().FreeByLoop()

    @dataclass(eq=False, slots=slots, weakref_slot=slots)
    class Node:
        value: int
        next: object = None

    Node.__del__ = free.park
    kept = Node(-1)
    head = kept
    for value in range(5000):
        head = Node(value, head)
    middle = weakref.ref(head.next.next)
    del head
    assert len(free.parked) == 1  # only the head died: the rest hangs from it
    assert middle() is not None
    free.free()
    assert free.parked == [] and middle() is None
    assert kept.value == -1 and kept.next is None  # still referenced, so left whole
