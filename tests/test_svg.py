"""The map's SVG, legend and controls (roadmap/svg.py), on the small fixture project."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fixture_project import make_project

from roadmap import pyodide, render, svg
from roadmap.conventions import python_name
from roadmap.load import Roadmap, SkillPage
from roadmap.model import PRIORITIES, Skill
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


def test_legend_shows_the_verified_mark_where_a_skill_on_the_graph_can_be_verified(index):
    """A skill with a quiz or an exercise can be verified (render.Index.verifiable); the
    fixture's skills have neither until an exercise is shown on the first one's page."""
    assert "roadmap-verified" not in svg.legend(index, ["first", "second"])
    index.exercises = {"first": [pyodide.Exercise("algo", "a", ())]}
    entries = legend_entries(svg.legend(index, ["first", "second"]))
    assert entries[4] == ("roadmap-verified", "Verified: quiz and exercises passed, shield mark")
    assert "roadmap-verified" not in svg.legend(index, ["second"])


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
    classes += [svg.VERIFIED[0]]
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


# Small roadmaps built in memory, so each layout fact can be worked out by hand.
# Grid in SVG units: a column is NODE_WIDTH + COLUMN_GAP = 208 wide, a row NODE_HEIGHT + ROW_GAP
# = 72 high, and the first node's corner is at MARGIN = 12. A node is 168 x 58.


def small_index(prerequisites: dict[str, list[str]], **titles: str) -> render.Index:
    """An index of foundation/core skills in the order given, with these prerequisites."""
    pages = [
        SkillPage(
            Skill(
                id=skill_id,
                title=titles.get(python_name(skill_id), skill_id.upper()),
                track="algo",
                level="foundation",
                summary="A skill.",
                effort_hours=(1, 2),
                prerequisites=deps,
                priority="core",
                priority_reason="Needed.",
                checklist=[{"id": "one", "text": "I can do it."}],
            ),
            f"algo/{skill_id}.md",
        )
        for skill_id, deps in prerequisites.items()
    ]
    return render.Index(Roadmap(root=Path("."), skills=pages))


# a and b need nothing; d needs a and b; c needs b; e needs c and a.
DIAMOND = {"a": [], "b": [], "c": ["b"], "d": ["a", "b"], "e": ["c", "a"]}


def test_a_skill_sits_one_column_right_of_its_deepest_prerequisite():
    index = small_index(DIAMOND)
    assert svg.depths(index, list(DIAMOND)) == {"a": 0, "b": 0, "c": 1, "d": 1, "e": 2}
    # e needs a directly (column 0) but also c (column 1): the deeper one decides.
    chain = small_index({"a": [], "b": ["a"], "c": ["b"], "d": ["c", "a"]})
    assert svg.depths(chain, ["a", "b", "c", "d"]) == {"a": 0, "b": 1, "c": 2, "d": 3}


def test_columns_follow_prerequisites_not_the_order_given():
    # The whole roadmap lists skills by track, so a skill may come before its prerequisite.
    index = small_index({"late": ["early"], "early": []})
    assert svg.depths(index, ["late", "early"]) == {"early": 0, "late": 1}
    assert svg.layout(index, ["late", "early"]) == {"early": (12, 12), "late": (220, 12)}


def test_prerequisites_outside_the_graph_do_not_push_a_skill_right():
    index = small_index({"a": [], "b": ["a"], "c": ["b"]})
    assert svg.depths(index, ["b", "c"]) == {"b": 0, "c": 1}
    assert svg.layout(index, ["c"]) == {"c": (12, 12)}


def test_within_a_column_skills_sit_by_the_average_row_of_their_prerequisites():
    index = small_index(DIAMOND)
    # Column 0 keeps the order given: a in row 0, b in row 1. In column 1, d (average row 0.5)
    # goes above c (row 1) though c comes first; e alone in column 2 takes row 0.
    assert svg.layout(index, list(DIAMOND)) == {
        "a": (12, 12),
        "b": (12, 84),
        "c": (220, 84),
        "d": (220, 12),
        "e": (428, 12),
    }
    # Given b first, b takes row 0, so c (row 0) now goes above d (row 0.5).
    assert svg.layout(index, ["b", "a", "c", "d", "e"]) == {
        "b": (12, 12),
        "a": (12, 84),
        "c": (220, 12),
        "d": (220, 84),
        "e": (428, 12),
    }


def test_only_prerequisites_on_the_graph_count_towards_a_row():
    # c needs b and the absent x: its row is b's row alone (1), so it stays below d (0).
    index = small_index({"x": [], "a": [], "b": [], "d": ["a"], "c": ["x", "b"]})
    assert svg.layout(index, ["a", "b", "c", "d"]) == {
        "a": (12, 12),
        "b": (12, 84),
        "c": (220, 84),
        "d": (220, 12),
    }


def test_the_picture_is_as_large_as_its_nodes_and_margins():
    index = small_index(DIAMOND)
    root = ET.fromstring(svg.graph_svg(index, list(DIAMOND), str, "Map"))
    # The farthest node is at (428, 84): 428 + 168 + 12 wide, 84 + 58 + 12 high.
    assert (root.get("width"), root.get("height")) == ("608", "154")
    assert root.get("viewBox") == "0 0 608 154"
    single = ET.fromstring(svg.graph_svg(index, ["a"], str, "Map"))
    assert (single.get("width"), single.get("height")) == ("192", "82")


def test_edges_join_exactly_the_prerequisites_to_their_skills():
    index = small_index(DIAMOND)
    root = ET.fromstring(svg.graph_svg(index, list(DIAMOND), str, "Map"))
    # The edges sit in one group, which gives each its arrowhead (marker-end is inherited).
    (group,) = root.findall(f"{SVG_NS}g")
    assert group.get("marker-end") == "url(#arrow)"
    edges = [
        (path.get("data-from"), path.get("data-to"), path.get("d"), path.get("class"))
        for path in group
    ]
    # From the middle of the right side of the prerequisite (x + 168, y + 29) to 4 units
    # before the middle of the left side of the skill (the arrowhead's room), bending halfway.
    assert edges == [
        ("b", "c", "M180,113 C198,113 198,113 216,113", "roadmap-edge"),
        ("a", "d", "M180,41 C198,41 198,41 216,41", "roadmap-edge"),
        ("b", "d", "M180,113 C198,113 198,41 216,41", "roadmap-edge"),
        ("c", "e", "M388,113 C406,113 406,41 424,41", "roadmap-edge"),
        ("a", "e", "M180,41 C302,41 302,41 424,41", "roadmap-edge"),
    ]


def test_the_arrowhead_marker_is_defined_once_for_the_edges():
    root = ET.fromstring(svg.graph_svg(small_index(DIAMOND), ["a", "c"], str, "Map"))
    markers = list(root.iter(f"{SVG_NS}marker"))
    assert [marker.get("id") for marker in markers] == ["arrow"]
    # SVG attribute names and path commands are case-sensitive (a lowercase command is relative).
    assert markers[0].attrib == {
        "id": "arrow",
        "viewBox": "0 0 10 10",
        "refX": "9",
        "refY": "5",
        "markerWidth": "7",
        "markerHeight": "7",
        "orient": "auto-start-reverse",
    }
    assert [path.get("d") for path in markers[0]] == ["M0,0 L10,5 L0,10 z"]


def test_each_node_is_a_link_to_its_page_at_its_place():
    index = small_index(DIAMOND)
    root = ET.fromstring(svg.graph_svg(index, list(DIAMOND), lambda sid: f"../{sid}/", "Map"))
    boxes = [
        (
            box.get("x"),
            box.get("y"),
            box.get("width"),
            box.get("height"),
            box[0].get("href"),
            box[0].get("data-skill"),
            box[0].get("data-prerequisites"),
            box[0].text,
        )
        for box in root.iter(f"{SVG_NS}foreignObject")
    ]
    # Each box reaches NODE_PAD = 4 beyond the node on every side: 176 x 66.
    assert boxes == [
        ("8", "8", "176", "66", "../a/", "a", "", "A"),
        ("8", "80", "176", "66", "../b/", "b", "", "B"),
        ("216", "80", "176", "66", "../c/", "c", "b", "C"),
        ("216", "8", "176", "66", "../d/", "d", "a b", "D"),
        ("424", "8", "176", "66", "../e/", "e", "c a", "E"),
    ]


def test_the_graph_is_a_named_group():
    root = ET.fromstring(svg.graph_svg(small_index(DIAMOND), ["a"], str, "Graph of Algorithms"))
    assert root.get("role") == "group"
    assert root.get("aria-label") == "Graph of Algorithms"
    assert root.get("class") == "roadmap-graph"


def test_a_nodes_name_lists_every_prerequisite_even_off_the_graph():
    index = small_index({"x": [], "a": [], "c": ["x", "a"]}, x="Ex", a="Ay", c="Sea")
    found = nodes(svg.graph_svg(index, ["a", "c"], str, "Map"))
    assert found["c"].get("aria-label") == (
        "Sea. Level: foundation. Priority: core. Learn first: Ex, Ay."
    )
    assert found["c"].get("data-prerequisites") == "a", "x is not on this graph"


TRICKY = "Me & you <3 \"quoted\" 'single'"


def test_titles_and_labels_with_markup_characters_reach_the_reader_unchanged():
    index = small_index({"a": [], "b": ["a"]}, a=TRICKY, b="B & a < b >= c")
    picture = svg.graph_svg(index, ["a", "b"], lambda sid: f"?s={sid}&t='1'", 'Map "<&>"')
    root = ET.fromstring(picture)  # still well-formed with every character in place
    assert root.get("aria-label") == 'Map "<&>"'
    found = nodes(picture)
    assert found["a"].text == TRICKY
    assert found["b"].get("aria-label") == (
        f"B & a < b >= c. Level: foundation. Priority: core. Learn first: {TRICKY}."
    )
    assert found["b"].get("href") == "?s=b&t='1'"
    assert "<3" not in picture and "a < b" not in picture and "'single'" not in picture
    block = svg.graph_block(index, ["a", "b"], str, 'Map "<&>"')
    region = re.search(r'<div class="roadmap-graph-wrap"[^>]*>', block).group(0)
    assert 'aria-label="Map &quot;&lt;&amp;&gt;&quot;"' in region


def test_the_picture_holds_only_its_drawing_and_no_stray_text():
    # Text between the SVG's elements would be read out by screen readers with the graph.
    picture = svg.graph_svg(small_index(DIAMOND), list(DIAMOND), str, "Map")
    root = ET.fromstring(picture)
    assert [child.tag for child in root] == [f"{SVG_NS}defs", f"{SVG_NS}g"] + [
        f"{SVG_NS}foreignObject"
    ] * 5
    assert [child.tag for child in root[1]] == [f"{SVG_NS}path"] * 5
    assert all(
        not (element.text or "").strip() for element in root.iter() if element.tag != f"{HTML_NS}a"
    )
    assert all(not (element.tail or "").strip() for element in root.iter())


def test_the_block_holds_controls_legend_and_the_picture_itself():
    index = small_index(DIAMOND)
    block = svg.graph_block(index, ["a", "c"], str, "Map")
    picture = svg.graph_svg(index, ["a", "c"], str, "Map")
    assert block == (
        '<div class="roadmap-map" data-roadmap-map>'
        f"{svg.controls()}{svg.legend(index, ['a', 'c'])}"
        '<div class="roadmap-graph-wrap" role="region" aria-label="Map" tabindex="0">'
        f"{picture}</div></div>"
    )


def test_the_legend_and_the_controls_are_lists_of_entries_and_buttons_only():
    index = small_index(DIAMOND)
    legend = ET.fromstring(svg.legend(index, ["a"]))  # well-formed XHTML
    assert (legend.tag, legend.get("aria-label"), legend.text) == ("ul", "Legend", None)
    assert [(entry.tag, entry.tail) for entry in legend] == [("li", None)] * 6
    buttons = re.search(r"<div[^>]*>(.*)<output", svg.controls()).group(1)
    assert re.fullmatch(r"(<button [^>]*>[^<]*</button>){3}", buttons)
