"""Problems name the line of their field and list entries by id (roadmap.lines)."""

from roadmap.lines import parse_path, with_lines
from roadmap.problems import Problem

DATA = """resources:
  - id: one
    url: https://example.org
  - title: no id here
    url: http
"""
PAGE = """---
id: skill
checklist:
  - id: first
    text: I can
  - id: second
    text: I can too
---

Prose.
"""


def test_a_field_path_is_parsed_and_anything_else_is_left_alone():
    assert parse_path("checklist[3].text") == ["checklist", 3, "text"]
    assert parse_path("effort_hours") == ["effort_hours"]
    assert parse_path("line 7") is None
    assert parse_path("(file)") is None


def test_problems_get_the_fields_line_and_entries_are_named_by_id(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/resources.yml").write_text(DATA)
    (tmp_path / "page.md").write_text(PAGE)
    found = with_lines(
        tmp_path,
        [
            Problem("data/resources.yml", "resources[0].url", "bad"),
            Problem("data/resources.yml", "resources[1].url", "bad"),  # no id: its position
            Problem("data/resources.yml", "resources[1].note", "required field is missing"),
            Problem("page.md", "checklist[1].text", "bad"),  # after the front matter's ---
            Problem("page.md", "line 3", "malformed YAML"),  # already a line: unchanged
            Problem("snippets/x.py", "output", "missing"),  # not YAML: unchanged
        ],
    )
    assert [problem.where for problem in found] == [
        "line 3, resources[id=one].url",
        "line 5, resources[1].url",
        "line 4, resources[1].note",  # a missing field: the line of its entry
        "line 7, checklist[id=second].text",
        "line 3",
        "output",
    ]
