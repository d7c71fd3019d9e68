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


def test_field_paths_with_dashes_underscores_and_nested_indexes_are_parsed():
    assert parse_path("effort-hours") == ["effort-hours"]
    assert parse_path("_private.x_1") == ["_private", "x_1"]
    assert parse_path("quiz[0].options[12].why") == ["quiz", 0, "options", 12, "why"]
    assert parse_path("grid[1][2]") == ["grid", 1, 2]


def test_text_that_only_looks_like_a_field_path_is_not_one():
    for where in ["", "1st", "[0]", ".x", "x.", "x..y", "x[a]", "x[-1]", "x[0]y", "a b", "x.0"]:
        assert parse_path(where) is None, where


NESTED = """\
title: Nested
quiz:
  - id: q-one
    question: First?
    options:
      - text: Yes
        why: Because.
      - text: No
        why: Not so.
  - question: No id?
    options:
      - text: Maybe
        why: Perhaps.
  - id: ''
    question: Empty id
  - question: Id last
    id: q-four
settings:
  depth:
    inner: 1
last: true
"""


def locate(tmp_path, where: str, text: str = NESTED, file: str = "data/x.yml") -> str:
    (tmp_path / file).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / file).write_text(text, encoding="utf-8")
    [problem] = with_lines(tmp_path, [Problem(file, where, "bad")])
    assert (problem.file, problem.message) == (file, "bad")
    return problem.where


def test_fields_of_nested_lists_and_mappings_get_their_own_line(tmp_path):
    assert locate(tmp_path, "title") == "line 1, title"  # the first line is line 1
    assert locate(tmp_path, "quiz[0].options[1].why") == "line 9, quiz[id=q-one].options[1].why"
    assert locate(tmp_path, "quiz[0].options[1]") == "line 8, quiz[id=q-one].options[1]"
    assert locate(tmp_path, "quiz[1].options[0].text") == "line 12, quiz[1].options[0].text"
    assert locate(tmp_path, "settings.depth.inner") == "line 20, settings.depth.inner"
    assert locate(tmp_path, "last") == "line 21, last"  # the last line


def test_a_field_holding_a_block_is_found_at_its_key(tmp_path):
    # The value starts on the next line; the contributor looks for the key.
    assert locate(tmp_path, "quiz") == "line 2, quiz"
    assert locate(tmp_path, "settings.depth") == "line 19, settings.depth"


def test_an_entry_is_named_by_its_id_wherever_the_id_is_and_only_when_it_has_one(tmp_path):
    assert locate(tmp_path, "quiz[3].question") == "line 16, quiz[id=q-four].question"
    assert locate(tmp_path, "quiz[2].question") == "line 15, quiz[2].question"  # empty id
    assert locate(tmp_path, "quiz[0].options[0].text") == "line 6, quiz[id=q-one].options[0].text"


def test_an_id_that_is_not_a_plain_value_does_not_name_the_entry(tmp_path):
    text = "items:\n  - id: [a, b]\n    x: 1\n  - name: id\n    x: 2\n  - id: 7\n"
    assert locate(tmp_path, "items[0].x", text) == "line 3, items[0].x"
    assert locate(tmp_path, "items[1].x", text) == "line 5, items[1].x"  # 'id' as a value
    assert locate(tmp_path, "items[2]", text) == "line 6, items[id=7]"


def test_a_path_not_in_the_file_keeps_the_line_of_the_deepest_part_found(tmp_path):
    # A missing top-level field: the document's first line.
    assert locate(tmp_path, "summary") == "line 1, summary"
    assert locate(tmp_path, "summary.text[2]") == "line 1, summary.text[2]"
    # An entry past the end of a list: the list's key.
    assert locate(tmp_path, "quiz[9].question") == "line 2, quiz[9].question"
    assert locate(tmp_path, "quiz[4].question") == "line 2, quiz[4].question"  # one past the end
    # A missing field inside a found entry: the entry's line, and the rest kept as written.
    assert locate(tmp_path, "quiz[1].why.text[0]") == "line 10, quiz[1].why.text[0]"
    assert locate(tmp_path, "quiz[0].options[5]") == "line 5, quiz[id=q-one].options[5]"


def test_a_path_that_does_not_fit_the_files_shape_stops_where_it_stops_fitting(tmp_path):
    # quiz is a list, not a mapping; quiz[0] is a mapping, not a list; title is a plain value.
    assert locate(tmp_path, "quiz.question") == "line 2, quiz.question"
    assert locate(tmp_path, "quiz[0][1].why") == "line 3, quiz[id=q-one][1].why"
    assert locate(tmp_path, "title.x") == "line 1, title.x"
    assert locate(tmp_path, "title[0]") == "line 1, title[0]"


def test_keys_that_are_not_plain_values_are_never_a_field(tmp_path):
    text = "? [a, b]\n: 1\nb: 2\n"
    assert locate(tmp_path, "b", text) == "line 3, b"
    assert locate(tmp_path, "a", text) == "line 1, a"


def test_front_matter_lines_count_from_the_top_of_the_page(tmp_path):
    page = "---\nid: skill\nchecklist:\n  - id: first\n    text: I can\n---\n\nBody: line 8\n"
    assert locate(tmp_path, "id", page, "docs/p.md") == "line 2, id"
    assert locate(tmp_path, "checklist[0].text", page, "docs/p.md") == (
        "line 5, checklist[id=first].text"
    )
    # A missing field of the page: the first line of its front matter.
    assert locate(tmp_path, "title", page, "docs/p.md") == "line 2, title"


def test_a_yaml_extension_counts_too(tmp_path):
    assert locate(tmp_path, "last", file="data/x.yaml") == "line 21, last"


def test_files_that_cannot_be_read_as_yaml_leave_their_problems_unchanged(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/bare.md").write_text("# No front matter\n\nid: x\n")
    (tmp_path / "docs/empty.md").write_text("---\n---\n\nBody.\n")
    (tmp_path / "broken.yml").write_text("a: [1, 2\nb: 3\n")
    (tmp_path / "two.yml").write_text("a: 1\n---\na: 2\n")
    (tmp_path / "binary.yml").write_bytes(b"a: \xff\xfe\n")
    (tmp_path / "good.yml").write_text("a: 1\nb:\n  - id: x\n")
    (tmp_path / "folder.yml").mkdir()
    unchanged = [
        Problem("docs/bare.md", "id", "bad"),
        Problem("docs/empty.md", "id", "missing"),
        Problem("missing.yml", "a", "bad"),
        Problem("broken.yml", "b", "bad"),
        Problem("two.yml", "a", "bad"),
        Problem("binary.yml", "a", "bad"),
        Problem("folder.yml", "a", "a folder"),
    ]
    later = [
        Problem("good.yml", "b[0].id", "after the failed ones"),
        Problem("good.txt", "a", "not YAML"),
        Problem("good.yml", "(file)", "not a field"),
        Problem("good.yml", "a", "the same file again"),
        Problem("broken.yml", "a", "the broken file again"),
    ]
    assert with_lines(tmp_path, unchanged + later) == unchanged + [
        Problem("good.yml", "line 3, b[id=x].id", "after the failed ones"),
        Problem("good.txt", "a", "not YAML"),
        Problem("good.yml", "(file)", "not a field"),
        Problem("good.yml", "line 1, a", "the same file again"),
        Problem("broken.yml", "a", "the broken file again"),
    ]
