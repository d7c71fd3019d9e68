"""The map's SVG, legend and controls (roadmap/svg.py), on the small fixture project."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fixture_project import make_project

from roadmap import render, svg
from roadmap.model import PRIORITIES
from roadmap.validate import load_and_check

SVG_NS = "{http://www.w3.org/2000/svg}"
HTML_NS = "{http://www.w3.org/1999/xhtml}"
MAP_CSS = Path(__file__).resolve().parent.parent / "docs" / "assets" / "stylesheets" / "map.css"
TITLE = 'Trees & "tries" x<2'


@pytest.fixture
def index(tmp_path):
    """The fixture project with its second skill made an advanced elective whose title needs
    escaping (the data refuses tags, not ampersands, quotes or a bare '<')."""
    project = make_project(tmp_path)
    page = project / "docs" / "algo" / "second.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("title: Second skill", f"title: '{TITLE}'")
    text = text.replace("level: core", "level: advanced")
    text = text.replace("priority: core", "priority: elective")
    page.write_text(text, encoding="utf-8")
    return render.Index(load_and_check(project))


def nodes(picture: str) -> dict[str, ET.Element]:
    root = ET.fromstring(picture)  # the SVG is well-formed XML
    return {a.get("data-skill"): a for a in root.iter(f"{HTML_NS}a")}


def test_nodes_carry_level_and_priority_classes_and_say_their_priority(index):
    found = nodes(svg.graph_svg(index, ["first", "second"], lambda sid: f"../{sid}/", "Map"))
    assert found["first"].get("class").split() == [
        "roadmap-node",
        "roadmap-level-foundation",
        "roadmap-priority-core",
    ]
    assert found["second"].get("class").split() == [
        "roadmap-node",
        "roadmap-level-advanced",
        "roadmap-priority-elective",
    ]
    assert found["first"].get("aria-label") == (
        "First skill. Level: foundation. Priority: core. Learn first: none."
    )
    assert found["second"].get("aria-label") == (
        f"{TITLE}. Level: advanced. Priority: elective. Learn first: First skill."
    )


def test_nodes_list_their_prerequisites_within_the_graph(index):
    found = nodes(svg.graph_svg(index, ["first", "second"], lambda sid: sid, "Map"))
    assert found["second"].get("data-prerequisites") == "first"
    assert found["first"].get("data-prerequisites") == ""
    alone = nodes(svg.graph_svg(index, ["second"], lambda sid: sid, "Map"))
    assert alone["second"].get("data-prerequisites") == "", "first is not on this graph"


def test_edges_name_both_ends(index):
    root = ET.fromstring(svg.graph_svg(index, ["first", "second"], lambda sid: sid, "Map"))
    edges = [path for path in root.iter(f"{SVG_NS}path") if path.get("class") == "roadmap-edge"]
    assert [(e.get("data-from"), e.get("data-to")) for e in edges] == [("first", "second")]
    alone = ET.fromstring(svg.graph_svg(index, ["second"], str, "Map"))
    assert alone.find(f".//{SVG_NS}path[@class='roadmap-edge']") is None


def test_every_text_from_the_data_is_escaped(index):
    def link(skill_id):
        return f'../{skill_id}/?a=1&b="2"'

    picture = svg.graph_svg(index, ["first", "second"], link, 'A <"map">')
    assert 'aria-label="A &lt;&quot;map&quot;&gt;"' in picture
    assert ">Trees &amp; &quot;tries&quot; x&lt;2</a>" in picture
    assert 'href="../second/?a=1&amp;b=&quot;2&quot;"' in picture
    assert TITLE not in picture
    block = svg.graph_block(index, ["first"], str, 'A <"map">')
    assert 'role="region" aria-label="A &lt;&quot;map&quot;&gt;" tabindex="0"' in block
    assert '<"map">' not in block


def test_each_node_has_room_for_its_focus_ring(index):
    root = ET.fromstring(svg.graph_svg(index, ["first", "second"], str, "Map"))
    places = svg.layout(index, ["first", "second"])
    boxes = list(root.iter(f"{SVG_NS}foreignObject"))
    assert len(boxes) == 2
    x, y = places["first"]
    assert boxes[0].get("x") == str(x - svg.NODE_PAD) and boxes[0].get("y") == str(y - svg.NODE_PAD)
    assert boxes[0].get("width") == str(svg.NODE_WIDTH + 2 * svg.NODE_PAD)


def legend_entries(html: str) -> list[tuple[str, str]]:
    """(swatch classes, text) of each legend entry."""
    return [
        (classes, re.sub(r"<[^>]+>", "", text))
        for classes, text in re.findall(
            r'<li><span class="roadmap-swatch ?([^"]*)" aria-hidden="true"></span>(.*?)</li>', html
        )
    ]


def test_legend_shows_every_state_and_the_priorities_and_levels_on_the_graph(index):
    both = legend_entries(svg.legend(index, ["first", "second"]))
    assert both == [
        ("", "Not started: nothing ticked yet"),
        ("roadmap-started", "Started: some items ticked"),
        ("roadmap-done", "Done: every item ticked, check mark"),
        ("roadmap-known", "Already known: marked as known, striped, check mark"),
        ("roadmap-priority-core", "Core priority: solid border"),
        ("roadmap-priority-elective", "Elective priority: dotted border"),
        ("roadmap-level-advanced", "Advanced level: thick border"),
        ("roadmap-chain", "Highlighted: the skill you point at or focus, and all it builds on"),
    ]
    first_only = [classes for classes, _ in legend_entries(svg.legend(index, ["first"]))]
    assert "roadmap-priority-elective" not in first_only
    assert "roadmap-level-advanced" not in first_only


def test_legend_swatches_use_the_classes_the_nodes_carry(index):
    found = nodes(svg.graph_svg(index, ["first", "second"], str, "Map"))
    node_classes = {c for a in found.values() for c in a.get("class").split()}
    for classes, _ in legend_entries(svg.legend(index, ["first", "second"])):
        if classes.startswith(("roadmap-priority-", "roadmap-level-")):
            assert classes in node_classes


def test_map_css_draws_every_mark_the_legend_names():
    css = MAP_CSS.read_text(encoding="utf-8")
    classes = [svg.PRIORITY_CLASS.format(p) for p in PRIORITIES]
    classes += [svg.LEVEL_CLASS.format(level) for level in svg.LEVEL_MARKS]
    classes += [state for state, _, _ in svg.STATES if state] + [svg.CHAIN_CLASS]
    for name in classes:
        assert f".{name}" in css, name
    assert set(svg.PRIORITY_MARKS) == set(PRIORITIES)


def test_controls_are_real_named_buttons_hidden_until_the_script_runs(index):
    block = svg.graph_block(index, ["first", "second"], str, "Map")
    controls = re.search(r'<div class="roadmap-map-controls"[^>]*>', block).group(0)
    assert " hidden" in controls and 'aria-label="Zoom"' in controls
    buttons = re.findall(r"<button ([^>]*)>([^<]*)</button>", block)
    assert [re.search(r'aria-label="([^"]*)"', attrs).group(1) for attrs, _ in buttons] == [
        "Zoom in",
        "Zoom out",
        "Fit the map to the screen",
    ]
    assert all('type="button"' in attrs for attrs, _ in buttons)
    assert [text for _, text in buttons] == ["+", "\u2212", "Fit"]


def test_only_the_map_page_graph_spans_the_screen(index):
    assert 'class="roadmap-map roadmap-map--full"' in svg.graph_block(
        index, ["first"], str, "Map", full=True
    )
    track = svg.graph_block(index, ["first"], str, "Map")
    assert 'class="roadmap-map" data-roadmap-map' in track and "--full" not in track
    # order: controls, legend, then the scrolling region with the picture
    assert track.index("roadmap-map-controls") < track.index("roadmap-legend")
    assert track.index("roadmap-legend") < track.index("roadmap-graph-wrap")
    assert 'style="' not in track, "the page security policy refuses style attributes"
