"""`python -m roadmap generate`: the Markdown the site is built from, written from the data and
docs/ into the generated folder, touching only what changed."""

import json
import re
import subprocess
import sys

import pytest
from fixture_project import make_project

from roadmap import conventions, generate, render, serve
from roadmap.conventions import GENERATED_DOCS_DIR
from roadmap.devtools import ROOT
from roadmap.problems import RoadmapError
from roadmap.validate import load_and_check


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "project")


def tree(folder) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_generate_writes_every_page_with_its_generated_parts_and_the_data_files(project):
    changes = generate.generate(project)
    out = project / GENERATED_DOCS_DIR
    written = tree(out)
    pages = ["algo/first.md", "algo/index.md", "algo/second.md", "index.md", "planner.md"]
    data = [conventions.JSON_PATH, conventions.PAGE_DATA_PATH, "assets/pyodide/wheels.json"]
    assert sorted(written) == sorted(pages + data)
    assert changes.written == sorted(written) and changes.removed == []

    first = written["algo/first.md"].decode()
    assert first.startswith("---\nid: first\n")  # the front matter stays on top, for MkDocs
    index = render.Index(load_and_check(project))
    skill = index.skills["first"]
    body = first[first.index("\n---\n") + 5 :]
    assert body == (
        render.skill_header(index, skill) + "\nProse.\n" + render.skill_footer(index, skill)
    )
    home = written["index.md"].decode()
    assert "roadmap:" not in home  # every marker expanded
    assert render.tracks_overview(index, "index.md") in home
    roadmap = json.loads(written[conventions.JSON_PATH])
    assert [s["url"] for s in roadmap["skills"]] == ["algo/first/", "algo/second/"]
    assert roadmap["tracks"][0]["url"] == "algo/"


def test_a_rerun_with_no_change_writes_nothing(project):
    generate.generate(project)
    out = project / GENERATED_DOCS_DIR
    times = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    again = generate.generate(project)
    assert again.written == [] and again.removed == []
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == times


def test_editing_one_page_s_prose_rewrites_only_that_file(project):
    generate.generate(project)
    page = project / "docs/algo/second.md"
    page.write_text(page.read_text() + "\nA new sentence.\n")
    changes = generate.generate(project)
    assert changes.written == ["algo/second.md"] and changes.removed == []
    assert "A new sentence." in (project / GENERATED_DOCS_DIR / "algo/second.md").read_text()


def test_editing_a_skill_s_data_rewrites_the_pages_and_data_that_show_it(project):
    generate.generate(project)
    page = project / "docs/algo/first.md"
    page.write_text(page.read_text().replace("effort_hours: [1, 2]", "effort_hours: [10, 20]"))
    changes = generate.generate(project)
    assert "algo/first.md" in changes.written and conventions.JSON_PATH in changes.written
    assert "index.md" in changes.written  # the goals' durations on the home page
    assert "planner.md" not in changes.written  # the planner reads page-data.json


def test_a_removed_source_page_s_generated_file_is_removed(project):
    (project / "docs/extra").mkdir()
    (project / "docs/extra/notes.md").write_text("# Notes\n")
    (project / "docs/extra/figure.svg").write_bytes(b"<svg/>")
    generate.generate(project)
    out = project / GENERATED_DOCS_DIR
    assert (out / "extra/figure.svg").read_bytes() == b"<svg/>"  # other files copied as they are
    (project / "docs/extra/notes.md").unlink()
    (project / "docs/extra/figure.svg").unlink()
    changes = generate.generate(project)
    assert changes.removed == ["extra/figure.svg", "extra/notes.md"] and changes.written == []
    assert not (out / "extra").exists()  # nor the folder left empty


def test_an_unknown_marker_fails_with_file_and_line_and_writes_nothing(project):
    generate.generate(project)
    before = tree(project / GENERATED_DOCS_DIR)
    (project / "docs/planner.md").write_text("# Plan\n\nText.\n<!-- roadmap:plannr -->\n")
    (project / "docs/index.md").write_text("<!-- roadmap:track nope -->\n")
    with pytest.raises(generate.GenerateError) as raised:
        generate.generate(project)
    lines = str(raised.value).splitlines()
    assert lines[:3] == [
        "docs/index.md:1: unknown or malformed marker '<!-- roadmap:track nope -->'",
        "docs/planner.md:4: unknown or malformed marker '<!-- roadmap:plannr -->'",
        "allowed markers:",
    ]
    assert tree(project / GENERATED_DOCS_DIR) == before


def test_bad_data_lists_every_problem_and_keeps_the_generated_folder(project):
    generate.generate(project)
    before = tree(project / GENERATED_DOCS_DIR)
    page = project / "docs/algo/second.md"
    page.write_text(page.read_text().replace("prerequisites: [first]", "prerequisites: [frist]"))
    run = [sys.executable, "-m", "roadmap", "generate", "--root", str(project)]
    result = subprocess.run(run, capture_output=True, text=True)
    assert result.returncode == 1
    assert "docs/algo/second.md" in result.stderr and "unknown skill 'frist'" in result.stderr
    assert tree(project / GENERATED_DOCS_DIR) == before


def test_write_tree_writes_changed_bytes_only(tmp_path):
    first = generate.write_tree(tmp_path, {"a.md": b"one", "b/c.txt": b"two"})
    assert first.written == ["a.md", "b/c.txt"]
    second = generate.write_tree(tmp_path, {"a.md": b"one", "b/c.txt": b"tw0"})
    assert second.written == ["b/c.txt"] and second.removed == []
    assert (tmp_path / "b/c.txt").read_bytes() == b"tw0"


def test_a_page_without_front_matter_keeps_its_text_with_markers_expanded(project):
    index = render.Index(load_and_check(project))
    text = "# Plan\n\n<!-- roadmap:planner -->\n"
    assert generate.page_markdown(index, "planner.md", text) == (
        "# Plan\n\n" + render.planner(index) + "\n"
    )


def test_while_serving_broken_data_keeps_the_last_good_pages_with_the_problems_on_top(project):
    """`python -m roadmap serve` generates on each save (roadmap/serve.py): a mistake in the
    data rewrites the last good pages with the problems listed; the fix brings them back."""
    generator = serve.Generator(project)
    assert generator.run() == ""
    out = project / GENERATED_DOCS_DIR
    good = tree(out)
    page = project / "docs/algo/second.md"
    text = page.read_text()
    page.write_text(text.replace("prerequisites: [first]", "prerequisites: [frist]"))
    assert "unknown skill 'frist'" in generator.run()
    broken = tree(out)
    assert broken.keys() == good.keys()
    second = broken["algo/second.md"].decode()
    assert second.startswith("---\nid: second\n")  # the front matter still on top
    assert "The roadmap data has 1 problem" in second
    assert (
        second.replace(render.problems_notice(load_problems(project)), "").encode()
        == (good["algo/second.md"])
    )
    assert "The roadmap data has 1 problem" in broken["index.md"].decode()
    page.write_text(text)
    assert generator.run() == ""
    assert tree(out) == good


def load_problems(project) -> list:
    with pytest.raises(RoadmapError) as raised:
        load_and_check(project, drafts=True)
    return raised.value.problems


def test_serving_needs_good_data_to_start(project):
    page = project / "docs/algo/second.md"
    page.write_text(page.read_text().replace("prerequisites: [first]", "prerequisites: [frist]"))
    with pytest.raises(RoadmapError):
        serve.Generator(project).run()
    assert not (project / GENERATED_DOCS_DIR).exists()


def test_the_check_command_reports_an_unknown_marker_with_file_and_line(project):
    (project / "docs/algo/index.md").write_text("# Algo\n\n<!-- roadmap:track algo -->\n")
    (project / "docs/planner.md").write_text("# Plan\n\n\n<!-- roadmap:plan -->\n")
    run = [sys.executable, "-m", "roadmap", "check", "--root", str(project)]
    result = subprocess.run(run, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith(
        "The pages have 1 marker to fix:\n"
        "docs/planner.md:4: unknown or malformed marker '<!-- roadmap:plan -->'\nallowed markers:\n"
    )


def test_the_check_command_reports_markers_and_data_problems_together(project):
    page = project / "docs/algo/first.md"
    page.write_text(page.read_text().replace("title: First skill", "title: ''"))
    (project / "docs/planner.md").write_text("# Plan\n\n\n<!-- roadmap:plan -->\n")
    run = [sys.executable, "-m", "roadmap", "check", "--root", str(project)]
    result = subprocess.run(run, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith("The roadmap data has 1 problem:\n\ndocs/algo/first.md\n")
    assert (
        "\n\nThe pages have 1 marker to fix:\n"
        "docs/planner.md:4: unknown or malformed marker '<!-- roadmap:plan -->'\nallowed markers:\n"
    ) in result.stderr


def test_mkdocs_builds_the_folder_generate_writes():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.findall(r"^docs_dir: (\S+)$", config, re.MULTILINE) == [GENERATED_DOCS_DIR]
