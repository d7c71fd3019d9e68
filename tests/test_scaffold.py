"""The scaffold command's output, in a temporary copy: its placeholders are the only problems
`roadmap check` finds, the draft builds and runs at once, and filled in it passes every check."""

import re
import subprocess
import sys
from pathlib import Path

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


# The lines of the new page that stand in for its checklist, quiz and points, as `roadmap new`
# writes them for "Tries", and what a contributor writes in their place.
WRITTEN = {
    '    text: "I can do one observable thing that shows I know Tries."': (
        "    text: I can insert words into a trie and list the words that share a prefix."
    ),
    "    text: I can do a second thing, which someone watching could check.": (
        "    text: I can compare a trie's memory with a hash set's for the same words."
    ),
    "    text: I can explain a third thing in my own words to a colleague.": (
        "    text: I can explain when a sorted list with binary search serves as well."
    ),
    '      - text: "A true statement."': (
        '      - text: "A lookup takes as many steps as the key has characters."'
    ),
    "        why: Say why it is right.": "        why: Each step follows one character.",
    '    question: "True or false: a second statement about Tries."': (
        '    question: "True or false: a trie cannot list its words in order."'
    ),
    '      - text: "A tempting false statement."': (
        '      - text: "A trie always needs less memory than a hash set."'
    ),
    "        why: Say which misconception makes it tempting, and why it is wrong.": (
        "        why: Shared prefixes are stored once, but every node costs pointers."
    ),
    "        why: Say why this answer is wrong (or right).": (
        "        why: A trie keeps its keys in order, so it is false."
    ),
    "        why: Say why this answer is right.": "        why: A trie keeps its keys in order.",
    "- **A concept**: one or two precise sentences that a learner can act on.": (
        "- **Prefixes**: every path from the root spells a prefix of the stored words."
    ),
    "- **A second concept**: what to practise, and how to tell that you have got it.": (
        "- **Autocomplete**: list every word below a node, in order."
    ),
    "- **Where it stops**: the limits of the idea, and which skill picks up from there.": (
        "- **Limits**: for a few thousand short keys a hash set is simpler."
    ),
}
STAND_INS = set(WRITTEN)


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
    marked = {  # the lines marked TODO, and the stand-ins for the checklist and the quiz
        path: [
            n
            for n, line in enumerate(path.read_text().splitlines(), 1)
            if "TODO:" in line or line in STAND_INS
        ]
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

    # With only the marks dropped, the stand-in checklist, quiz and points are still listed.
    for path in (page, snippet):
        path.write_text(re.sub(r"TODO: ?", "", path.read_text()))
    unmarked = run("-m", "roadmap", "check", cwd=project)
    assert unmarked.returncode == 1
    stand_ins = [n for n, line in enumerate(page.read_text().splitlines(), 1) if line in STAND_INS]
    listed = re.findall(r"^  line (\d+): placeholder left by ", unmarked.stderr, re.M)
    assert [int(n) for n in listed] == stand_ins and len(stand_ins) == len(WRITTEN)

    # Written for real, the skill passes every check.
    text = page.read_text()
    for stand_in, written in WRITTEN.items():
        text = text.replace(stand_in, written)
    page.write_text(text)
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


@pytest.mark.parametrize(
    "title", ["Tries: prefix trees", "Heaps #2", "Yes", "[Brackets]", '"Quoted" \\ title']
)
def test_a_title_that_yaml_or_python_would_misread_is_kept_as_written(project, title):
    created = run(
        "-m", "roadmap", "new", "dsa", "odd-title", title, "--root", str(project), cwd=project
    )
    assert created.returncode == 0, created.stderr
    written = [Path(line.strip()) for line in created.stdout.splitlines() if line.startswith("  ")]
    try:
        roadmap, problems = load_roadmap(project)
        assert problems == []
        page = next(page for page in roadmap.skills if page.skill.id == "odd-title")
        assert page.skill.title == title
        checklist = [item.text for item in page.skill.checklist]
        assert checklist[0] == f"I can do one observable thing that shows I know {title}."
        assert run("snippets/dsa/odd_title.py", cwd=project).returncode == 0
    finally:
        for path in written:
            (project / path).unlink()
