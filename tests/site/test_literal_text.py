"""Text from the data that `roadmap check` accepts reaches the built page as that text: never as
markup, a link, a marker or a template, whatever characters it holds.

Each text goes into one field of the fixture project; the check runs in-process, and the texts
it accepts are built together (a real MkDocs build) and looked for in the page's visible text.
Backticks are left out: in the data they mark `code`, shown as code (CONTRIBUTING, Style).
"""

from __future__ import annotations

import html
import re
import string

import pytest
import yaml
from fixture_project import fixture_config, make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap.devtools import build
from roadmap.load import split_front_matter
from roadmap.problems import RoadmapError
from roadmap.validate import load_and_check

SKILL = "docs/algo/first.md"
RESOURCES = "data/resources.yml"
PAGE = "algo/first/index.html"


def _skill(data: dict, field: str, text: str) -> None:
    if field == "checklist":
        data["checklist"][0]["text"] = text
    else:
        data[field] = text


def _resource(data: dict, field: str, text: str) -> None:
    entry = next(r for r in data["resources"] if r["id"] == "docs-one")  # the page's resource
    entry[field] = text


# A field: the file holding it, how to set it, and the prefix a valid value needs.
FIELDS = {
    "summary": (SKILL, _skill, ""),
    "priority_reason": (SKILL, _skill, ""),
    "checklist": (SKILL, _skill, "I can "),
    "resource title": (RESOURCES, lambda d, _f, t: _resource(d, "title", t), ""),
    "resource note": (RESOURCES, lambda d, _f, t: _resource(d, "note", t), ""),
}

HOSTILE = [
    "x < y and y > z, <3 & 1<2",  # (tags themselves are refused as raw HTML)
    "*not emphasis* and _not either_",
    "__dunder__ and **not strong**",
    "[a link](https://example.org) and ![an image](x.png)",
    "a bare https://example.org/a_b_c (not a link)",
    "a &amp; b &lt; c &#60; d",
    "# not a heading",
    "1. not a list, - nor this",
    "{{ not a template }} {% neither %}",
    "roadmap:planner --> and <- arrows stay text",  # (<!-- comments are refused)
    "| not | a | table |",
    "back\\slash \\* and \\_",
    "!!! note not an admonition",
    '--8<-- "snippets/algo/first.py"',
    "ÜnÏcødé — ✓ and \u00a0non-breaking",
    "50% off ~~struck~~ ==marked== ^^inserted^^",
]


def _write(project, changes: list[tuple[str, str]]) -> None:
    """Set each (field, text) in the fixture project's files, round-tripping their YAML."""
    for field, text in changes:
        file, setter, prefix = FIELDS[field]
        path = project / file
        if file.endswith(".md"):
            front, body = split_front_matter(path.read_text(encoding="utf-8"))
            data = yaml.safe_load(front)
            setter(data, field, prefix + text)
            dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
            path.write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")
        else:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            setter(data, field, prefix + text)
            dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
            path.write_text(dumped, encoding="utf-8")


def _accepted(tmp_path, field: str, text: str) -> bool:
    project = make_project(tmp_path / f"alone-{abs(hash((field, text)))}")
    _write(project, [(field, text)])
    try:
        load_and_check(project)
    except RoadmapError:
        return False
    return True


def _visible(markup: str) -> str:
    """The page's text as a reader sees it: no tags, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _build_and_find(tmp_path, changes: list[tuple[str, str]]) -> None:
    project = make_project(tmp_path / "project")
    _write(project, changes)
    result = build(project, tmp_path / "site", fixture_config(project))
    assert result.returncode == 0, result.stderr
    shown = _visible((tmp_path / "site" / PAGE).read_text(encoding="utf-8"))
    for field, text in changes:
        expected = " ".join((FIELDS[field][2] + text).split())
        assert expected in shown, f"{field}: {text!r} is not on the page as written"


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_but_valid_text_is_shown_as_written(tmp_path, text):
    """The text in every field at once; a field that refuses it is left as it was."""
    changes = [(field, text) for field in FIELDS if _accepted(tmp_path, field, text)]
    assert changes, f"{text!r} is refused everywhere; these texts should be allowed"
    _build_and_find(tmp_path, changes)


TEXT = st.text(
    alphabet=string.ascii_letters + string.digits + " <>&\"'*_[]()#!|\\{}%~=-+.:;/^@$?,é✓",
    min_size=1,
    max_size=24,
).filter(lambda text: text.strip())


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(TEXT, min_size=len(FIELDS), max_size=len(FIELDS)))
def test_any_accepted_text_is_shown_as_written(tmp_path_factory, texts):
    tmp_path = tmp_path_factory.mktemp("literal")
    changes = [change for change in zip(FIELDS, texts, strict=True) if _accepted(tmp_path, *change)]
    if changes:
        _build_and_find(tmp_path, changes)
