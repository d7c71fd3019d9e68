"""Validation: the fixture project is valid; each broken case fails with exactly its problems."""

import subprocess
import sys

import pytest
from fixture_project import broken_cases, expected_problems, make_project

from roadmap.load import read_yaml
from roadmap.problems import RoadmapError
from roadmap.validate import active_content, load_and_check


def test_the_fixture_project_is_valid(tmp_path):
    roadmap = load_and_check(make_project(tmp_path))
    assert [page.skill.id for page in roadmap.skills] == ["first", "second"]


def test_the_roadmap_itself_is_valid(project_root):
    roadmap = load_and_check(project_root)
    assert roadmap.skills, "the roadmap has no skills"


@pytest.mark.parametrize("case", broken_cases())
def test_broken_case_reports_exactly_its_problems(tmp_path, case):
    with pytest.raises(RoadmapError) as failure:
        load_and_check(make_project(tmp_path, case))
    assert [str(problem) for problem in failure.value.problems] == expected_problems(case)


def test_every_broken_case_has_an_expectation():
    for case in broken_cases():
        assert expected_problems(case), f"tests/fixtures/broken/{case}/expected.txt is empty"


def check_command(root) -> subprocess.CompletedProcess:
    """`python -m roadmap check --root <root>`, as make check runs it."""
    return subprocess.run(
        [sys.executable, "-m", "roadmap", "check", "--root", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_command_lists_every_problem_and_exits_non_zero(tmp_path):
    root = make_project(tmp_path, "many-problems")
    result = check_command(root)
    assert result.returncode == 1
    assert (
        f"The roadmap data has {len(expected_problems('many-problems'))} problems:" in result.stderr
    )
    for line in expected_problems("many-problems"):
        file, rest = line.split(": ", 1)
        assert f"\n{file}\n" in result.stderr
        assert f"  {rest}" in result.stderr


def test_check_command_on_valid_data(tmp_path):
    root = make_project(tmp_path)
    result = check_command(root)
    assert result.returncode == 0, result.stderr
    assert "1 track, 2 skills, 3 checklist items, 2 resources, 1 snippet" in result.stdout
    # Valid data, but the fixture's two short pages are not what a merged skill page holds.
    assert "\n\nBefore it is merged, 2 skill pages need more (`make test` fails on these" in (
        result.stdout
    )
    assert "\ndocs/algo/first.md\n  line 10, checklist: has 1; a skill has 3 to 8 checklist " in (
        result.stdout
    )
    assert "  page: no '## What to learn' section\n" in result.stdout
    assert "  page: 1 of the 120 words of prose a skill page needs (below the front matter)" in (
        result.stdout
    )


@pytest.mark.parametrize("command", ["check", "generate", "build"])
def test_a_folder_that_is_not_the_project_is_named_without_a_traceback(tmp_path, command):
    (tmp_path / "docs").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "roadmap", command, "--root", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"{tmp_path} is not the roadmap's project folder: it has no data/ folder. Run this from "
        "the folder that holds mkdocs.yml, or name it with --root.\n"
    )


def test_code_is_text_but_markup_that_runs_is_active_content():
    page = "\n".join(
        [
            "Use `<script>` only in code.",  # 1: a code span: shown as text
            "```html",
            "<script>run()</script>",  # 3: inside a fence
            "```",
            '<a href="JavaScript:run()">x</a>',  # 5
            "<div onclick='run()'>x</div>",  # 6
            "![chart](data:image/svg+xml;base64,AAAA)",  # 7
            "<style>body {}</style> <form>",  # 8: both on one line, both reported
            "~~~",
            "<iframe>",  # 10: inside a ~~~ fence
            "~~~",
            "An on-call rota = fine, and a [link](https://example.org/data:x).",  # 12
            "A [link](<javascript:run()>) in angle brackets.",  # 13
            "[ref]: vbscript:run",  # 14: a reference link's definition
            "<div class='x'",  # 15: a tag over two lines
            "     onmouseover='run()'>x</div>",
            "Text <b>only</b> = fine, and [ref] as a link.",  # 17
        ]
    )
    assert active_content(page) == [
        (5, "a javascript: link"),
        (6, "an event handler attribute (on...=)"),
        (7, "a data: link"),
        (8, "the element <style>"),
        (8, "the element <form>"),
        (13, "a javascript: link"),
        (14, "a vbscript: link"),
        (15, "an event handler attribute (on...=)"),
    ]


def test_placeholders_are_problems_for_the_check_and_listed_for_a_preview(tmp_path):
    root = make_project(tmp_path)
    page, snippet = root / "docs/algo/second.md", root / "snippets/algo/first.py"
    page.write_text(page.read_text() + "\nTODO: say why it matters.\n")
    snippet.write_text("# TODO: the real example\n" + snippet.read_text())
    last = len(page.read_text().splitlines())
    expected = [
        f"docs/algo/second.md: line {last}: placeholder left by `roadmap new`: "
        "TODO: say why it matters.",
        "snippets/algo/first.py: line 1: placeholder left by `roadmap new`: "
        "# TODO: the real example",
    ]
    with pytest.raises(RoadmapError) as failure:
        load_and_check(root)
    assert [str(problem) for problem in failure.value.problems] == expected
    draft = load_and_check(root, drafts=True)
    assert [str(problem) for problem in draft.unfinished] == expected
    assert load_and_check(make_project(tmp_path / "clean"), drafts=True).unfinished == []


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        ("text: I can: list it\n", 1, "text holding ': ' needs quotes around it"),
        ("a:\n\tb: 1\n", 2, "YAML indents with spaces, never with tabs"),
        ("- a: 1\n  b: 2\n - c: 3\n", 3, "this line is indented differently from the lines"),
        ("a: [b, c\nd: 1\n", 2, "a list in [ ] is closed with ] on the same line"),
        ('a: "open\nb: 1\n', 3, "a quote is opened and never closed"),
        ("a: *x\n", 1, "text starting with * or & needs quotes around it"),
        ("a: `x`\n", 1, "text starting with @, ` or % needs quotes around it"),
    ],
    ids=["colon", "tab", "indent", "open list", "open quote", "alias", "backtick"],
)
def test_the_usual_yaml_mistakes_come_with_what_to_do(text, line, hint):
    _data, problems = read_yaml(text, "data/x.yml")
    [problem] = problems
    assert problem.where == f"line {line}"
    assert problem.message.startswith("malformed YAML: ")
    assert f"; {hint}" in problem.message


def test_an_id_that_is_not_kebab_case_says_how_to_write_it(tmp_path):
    root = make_project(tmp_path)
    page = root / "docs/algo/second.md"
    page.write_text(page.read_text().replace("id: second", "id: Second_Skill", 1))
    with pytest.raises(RoadmapError) as raised:
        load_and_check(root)
    [problem] = [p for p in raised.value.problems if p.where.endswith(", id")]
    assert problem.message.endswith(
        "; write it in kebab-case: lower-case letters and digits joined by hyphens, e.g. heap-sort"
    )
