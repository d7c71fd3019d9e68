"""The marker registry: every marker a page can write, expanded by its own renderer, and one
message listing them all for a marker that is unknown or does not fit."""

import re

import pytest
from fixture_project import make_project
from test_render import rich_project

from roadmap import markers, render
from roadmap.validate import load_and_check

SRC = "tools/page.md"


def link(skill_id: str) -> str:
    return f"../{skill_id}/"


@pytest.fixture
def index(tmp_path):
    return render.Index(load_and_check(rich_project(tmp_path)))


def written(name: str, index: render.Index) -> str:
    """The marker as a page writes it, with a track id where it takes one."""
    args = {markers.NONE: "", markers.TRACK: " algo", markers.OPTIONAL_TRACK: " ops"}
    return f"<!-- roadmap:{name}{args[markers.MARKERS[name].takes]} -->"


@pytest.mark.parametrize("name", sorted(markers.MARKERS))
def test_every_marker_is_replaced_by_what_its_renderer_writes(index, name):
    page = f"# Page\n\nBefore.\n\n{written(name, index)}\n\nAfter.\n"
    expanded = markers.expand(index, page, SRC, link)
    assert not markers.MARKER.search(expanded)
    assert expanded.startswith("# Page\n\nBefore.\n\n") and expanded.endswith("\n\nAfter.\n")
    body = expanded.removeprefix("# Page\n\nBefore.\n\n").removesuffix("\n\nAfter.\n")
    args = written(name, index).split()[2:-1]
    assert body == markers.MARKERS[name].render(index, args, SRC, link) and body.strip()


def test_the_graph_of_a_track_or_of_the_whole_roadmap_links_skills_through_the_hook(index):
    one = markers.expand(index, "<!-- roadmap:graph algo -->", SRC, link)
    whole = markers.expand(index, "<!-- roadmap:graph -->", SRC, link)
    assert 'aria-label="Prerequisite graph of the Algorithms track"' in one
    assert 'aria-label="Prerequisite graph of the whole roadmap"' in whole
    assert all(f'href="../{skill_id}/"' in whole for skill_id in index.order)


@pytest.mark.parametrize(
    "marker",
    [
        "<!-- roadmap:reading-lst -->",  # no such marker
        "<!-- roadmap:track -->",  # a track id is needed
        "<!-- roadmap:track nope -->",  # not a track
        "<!-- roadmap:graph algo ops -->",  # one track at most
        "<!-- roadmap:planner algo -->",  # takes nothing
        "<!-- roadmap: -->",
    ],
)
def test_a_marker_that_is_unknown_or_does_not_fit_lists_every_marker(index, marker):
    with pytest.raises(markers.MarkerError) as raised:
        markers.expand(index, f"# Page\n\n{marker}\n", SRC, link)
    message = str(raised.value)
    assert message.startswith(f"docs/{SRC}:3: unknown or malformed marker {marker!r}\n")
    listed = re.findall(r"^  <!-- roadmap:([a-z-]+)", message, re.MULTILINE)
    assert listed == list(markers.MARKERS)
    assert "  <!-- roadmap:track TRACK-ID -->: the track's skills in study order" in message


def test_every_unknown_marker_is_reported_with_its_line(index):
    page = "# Page\n\n<!-- roadmap:tracks -->\n\n<!-- roadmap:nope -->\n"
    page += "text <!-- roadmap:track -->\n"
    assert markers.unknown(index.tracks, page, SRC) == [
        f"docs/{SRC}:5: unknown or malformed marker '<!-- roadmap:nope -->'",
        f"docs/{SRC}:6: unknown or malformed marker '<!-- roadmap:track -->'",
    ]
    with pytest.raises(markers.MarkerError) as raised:
        markers.expand(index, page, SRC, link)
    assert str(raised.value).startswith(
        f"docs/{SRC}:5: unknown or malformed marker '<!-- roadmap:nope -->'\n"
        f"docs/{SRC}:6: unknown or malformed marker '<!-- roadmap:track -->'\nallowed markers:\n"
    )


def test_a_comment_that_only_looks_like_a_marker_is_reported_in_page_order(index):
    """Left alone it would stay a comment, and the page would miss what it meant to show."""
    page = "<!-- Roadmap:tracks -->\n<!-- roadmap:nope -->\n<!-- roadmap-tracks -->\n"
    page += "<!-- roadmaps are drawn here -->\n<!-- roadmap:tracks -->\n<!--ROADMAP: x-->\n"
    rule = "is not a marker: markers are written '<!-- roadmap:NAME -->', "
    rule += "in lower case with a colon"
    assert markers.unknown(index.tracks, page, SRC) == [
        f"docs/{SRC}:1: '<!-- Roadmap:tracks -->' {rule}",
        f"docs/{SRC}:2: unknown or malformed marker '<!-- roadmap:nope -->'",
        f"docs/{SRC}:3: '<!-- roadmap-tracks -->' {rule}",
        f"docs/{SRC}:6: '<!--ROADMAP: x-->' {rule}",
    ]


def test_every_marker_the_pages_write_is_in_the_registry(project_root):
    found = set()
    for page in (project_root / "docs").rglob("*.md"):
        found |= {m.split()[0] for m in markers.MARKER.findall(page.read_text(encoding="utf-8"))}
    assert found and found <= set(markers.MARKERS)


def test_a_small_roadmap_expands_its_own_markers(tmp_path):
    small = render.Index(load_and_check(make_project(tmp_path)))
    assert not markers.MARKER.search(markers.expand(small, "<!-- roadmap:tracks -->", SRC, link))
