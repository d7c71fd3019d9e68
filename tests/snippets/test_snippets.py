"""Every snippet, run as a script, prints exactly the output its page shows, and every
snippet has a test file of its own at the mirrored path."""

import re
from pathlib import Path

import pytest
from snippet_runner import run_script

from roadmap.conventions import find_snippets, snippet_output_path, snippet_path, snippet_test_path

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = find_snippets(ROOT)  # (track, name)
IDS = [snippet_path(track, name) for track, name in SNIPPETS]
INCLUDE = re.compile(r'--8<--\s+"([^"]+)"')


def expected_output(track: str, name: str) -> str:
    return (ROOT / snippet_output_path(track, name)).read_text(encoding="utf-8")


def test_there_are_snippets():
    assert SNIPPETS


@pytest.mark.parametrize(("track", "name"), SNIPPETS, ids=IDS)
def test_snippet_prints_its_recorded_output(track, name):
    """Run as a reader runs it, `python snippets/<track>/<name>.py` from the project root
    (in a process forked from one that has imported the heavy libraries: see snippet_runner)."""
    result = run_script(Path(snippet_path(track, name)))
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected_output(track, name), (
        "run `make outputs` if the change is intended"
    )


@pytest.mark.parametrize(("track", "name"), SNIPPETS, ids=IDS)
def test_snippet_has_its_own_test(track, name):
    test = snippet_test_path(track, name)
    assert (ROOT / test).is_file(), f"add {test} to test what {name}.py returns"


def test_every_hand_written_include_points_at_a_file_and_section():
    problems = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for target in INCLUDE.findall(page.read_text(encoding="utf-8")):
            file, _, section = target.partition(":")
            if not (ROOT / file).is_file():
                problems.append(f"{page.relative_to(ROOT)}: {target}: no such file")
            elif section and f"[start:{section}]" not in (ROOT / file).read_text(encoding="utf-8"):
                problems.append(f"{page.relative_to(ROOT)}: {target}: no section '{section}'")
    assert not problems


PYTHON_FENCE = re.compile(r"^[ \t]*```(?:python|py|pycon)\b[^\n]*\n(.*?)^[ \t]*```", re.S | re.M)


def test_no_page_shows_python_that_no_test_runs():
    """Python on a page comes only from snippets/ and exercises/, whose code the suite runs."""
    problems = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for fence in PYTHON_FENCE.findall(page.read_text(encoding="utf-8")):
            lines = [line.strip() for line in fence.splitlines() if line.strip()]
            tested = all(
                line.startswith(('--8<-- "snippets/', '--8<-- "exercises/')) for line in lines
            )
            if not tested:
                problems.append(f"{page.relative_to(ROOT)}: {lines[0] if lines else '(empty)'}")
    assert problems == []
