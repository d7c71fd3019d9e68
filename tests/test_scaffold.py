"""The scaffold command's output, in a temporary copy: its placeholders are the only problems
`roadmap check` finds, the draft builds and runs at once, and filled in it passes every check."""

import re
import subprocess
import sys

import pytest

from roadmap.devtools import ROOT, build, copy_project
from roadmap.load import load_roadmap


def run(*args, cwd):
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("scaffold") / "project")


def test_a_new_skill_builds_at_once_and_check_lists_only_its_placeholders(project, tmp_path):
    created = run(
        "-m", "roadmap", "new", "dsa", "tries", "Tries", "--root", str(project), cwd=project
    )
    assert created.returncode == 0, created.stderr
    for path in (
        "docs/dsa/tries.md",
        "snippets/dsa/tries.py",
        "snippets/dsa/tries.out",
        "tests/snippets/dsa/test_tries.py",
    ):
        assert f"  {path}" in created.stdout

    page, snippet = project / "docs/dsa/tries.md", project / "snippets/dsa/tries.py"
    draft = run("-m", "roadmap", "check", cwd=project)
    assert draft.returncode == 1
    marked = {
        path: [n for n, line in enumerate(path.read_text().splitlines(), 1) if "TODO:" in line]
        for path in (page, snippet)
    }
    assert marked[page] and marked[snippet]
    listed = re.findall(r"^  line (\d+): placeholder left by `roadmap new`: ", draft.stderr, re.M)
    assert f"The roadmap data has {len(listed)} problems:" in draft.stderr
    assert [int(n) for n in listed] == marked[page] + marked[snippet]
    assert "\ndocs/dsa/tries.md\n" in draft.stderr and "\nsnippets/dsa/tries.py\n" in draft.stderr

    preview = build(project, tmp_path / "draft")
    assert preview.returncode == 0, preview.stderr
    shown = (tmp_path / "draft/dsa/tries/index.html").read_text()
    assert f"This draft has {len(listed)} placeholders left" in shown
    summary = page.read_text().splitlines().index("summary: >-") + 2  # the line after it
    assert f"docs/dsa/tries.md: line {summary}: placeholder left by" in shown

    # Written for real (here: the marks dropped), the skill passes every check.
    for path in (page, snippet):
        path.write_text(re.sub(r"TODO: ?", "", path.read_text()))
    check = run("-m", "roadmap", "check", cwd=project)
    assert check.returncode == 0, check.stderr
    skills_before = len(load_roadmap(ROOT)[0].skills)
    assert f"{skills_before + 1} skills" in check.stdout

    # Every test the new files take part in: their own, the snippet checks (output, script run,
    # a page shows it, a test file exists), the data fixtures and the content rules. The other
    # snippets' tests are untouched by the new files and run in the real suite.
    tests = run(
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/snippets/dsa/test_tries.py",
        "tests/snippets/test_snippets.py",
        "tests/test_validation.py",
        "tests/test_content.py",
        "-k",
        "tries or not test_snippets",
        "--cov",
        "--cov-report=",
        "--cov-fail-under=0",  # only the new snippet's own coverage is in question here
        cwd=project,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    # make test requires every line of snippets/ covered: the new snippet's are, as generated.
    covered = run(
        "-m",
        "coverage",
        "report",
        "--include=snippets/dsa/tries.py",
        "--fail-under=100",
        cwd=project,
    )
    assert covered.returncode == 0, covered.stdout + covered.stderr
    assert (
        "test_tries.py::"
        in run(
            "-m", "pytest", "--collect-only", "-q", "tests/snippets/dsa/test_tries.py", cwd=project
        ).stdout
    )
    harness = run(
        "-m",
        "pytest",
        "--collect-only",
        "-q",
        "tests/snippets/test_snippets.py",
        "-k",
        "tries",
        cwd=project,
    ).stdout
    assert "snippets/dsa/tries.py" in harness

    for ruff in (["check", "."], ["format", "--check", "."]):
        lint = run("-m", "ruff", *ruff, cwd=project)
        assert lint.returncode == 0, lint.stdout
    site = build(project, tmp_path / "site")
    assert site.returncode == 0, site.stderr
    assert "double([1, 2, 3]) = [2, 4, 6]" in (tmp_path / "site/dsa/tries/index.html").read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope", "tries", "Tries"], "unknown track 'nope'; tracks: "),
        (["dsa", "Binary_Search", "X"], "must be kebab-case"),
        (["dsa", "heaps-again", "<b>Heaps</b>"], "the title must be plain text"),
        (["dsa", "heaps-again", "  "], "the title must be plain text"),
        (
            ["dsa", "binary-search", "Binary search"],
            "skill 'binary-search' already exists: docs/dsa/binary-search.md",
        ),
    ],
)
def test_the_scaffold_refuses_bad_or_clashing_names(project, args, message):
    result = run("-m", "roadmap", "new", *args, "--root", str(project), cwd=project)
    assert result.returncode == 1
    assert message in result.stderr
