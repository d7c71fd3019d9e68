"""The pure functions behind the generated pages: graph, escaping, links, roadmap.json."""

import pytest
from fixture_project import make_project
from hypothesis import given
from hypothesis import strategies as st

from roadmap import render
from roadmap.graph import find_cycles, reverse_edges, topological_order
from roadmap.validate import load_and_check


@pytest.fixture
def index(tmp_path):
    return render.Index(load_and_check(make_project(tmp_path)))


def test_topological_order_respects_prerequisites_and_breaks_ties_by_key():
    graph = {"c": ["a"], "b": ["a"], "a": [], "d": ["b", "c"]}
    assert topological_order(graph) == ["a", "b", "c", "d"]
    assert topological_order(graph, key=lambda node: {"c": 0}.get(node, 1)) == ["a", "c", "b", "d"]


def test_topological_order_ignores_prerequisites_outside_the_graph():
    assert topological_order({"x": ["elsewhere"], "y": ["x"]}) == ["x", "y"]


def test_topological_order_refuses_a_cycle():
    with pytest.raises(ValueError, match="cycle"):
        topological_order({"a": ["b"], "b": ["a"]})


@given(
    st.dictionaries(
        st.sampled_from("abcdefg"), st.lists(st.sampled_from("abcdefg"), max_size=3), max_size=7
    )
)
def test_cycles_found_exactly_when_no_order_exists(graph):
    graph = {node: [d for d in deps if d in graph] for node, deps in graph.items()}
    cycles = find_cycles(graph)
    try:
        order = topological_order(graph)
    except ValueError:
        assert cycles
    else:
        assert not cycles
        position = {node: n for n, node in enumerate(order)}
        assert all(position[dep] < position[node] for node, deps in graph.items() for dep in deps)
    for cycle in cycles:  # each reported cycle is real: every step is an edge
        assert cycle[0] == cycle[-1]
        assert all(b in graph[a] for a, b in zip(cycle, cycle[1:], strict=False))


def test_find_cycles_reports_the_path():
    assert find_cycles({"a": ["b"], "b": ["c"], "c": ["a"], "d": []}) == [["a", "b", "c", "a"]]


def test_reverse_edges():
    assert reverse_edges({"a": [], "b": ["a"], "c": ["a", "b"]}) == {
        "a": ["b", "c"],
        "b": ["c"],
        "c": [],
    }


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("plain words", "plain words"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
        ("[click](javascript:alert(1))", "\\[click\\]\\(javascript:alert\\(1\\)\\)"),
        ("use `x < y` here", "use `x < y` here"),
        ("a & b", "a &amp; b"),
        ("*not bold*", "\\*not bold\\*"),
    ],
)
def test_md_text_escapes_everything_but_code_spans(text, markdown):
    assert render.md_text(text) == markdown


def test_html_text_escapes_and_keeps_code_spans():
    assert (
        render.html_text('say "<b>" with `a<b`')
        == "say &quot;&lt;b&gt;&quot; with <code>a&lt;b</code>"
    )


@pytest.mark.parametrize(
    ("from_path", "to_path", "link"),
    [
        ("algo/first.md", "algo/second.md", "second.md"),
        ("algo/first.md", "algo/index.md", "index.md"),
        ("reading-list.md", "algo/first.md", "algo/first.md"),
        ("algo/first.md", "other/x.md", "../other/x.md"),
    ],
)
def test_relative_link(from_path, to_path, link):
    assert render.relative_link(from_path, to_path) == link


def test_skill_header_links_track_and_prerequisites(index):
    header = render.skill_header(index, index.skills["second"])
    assert "[Algorithms](index.md)" in header
    assert "**Learn first:** [First skill](first.md)" in header
    assert "**Effort:** 2–4 h" in header


def test_skill_footer_has_code_checklist_resources_and_unlocks(index):
    footer = render.skill_footer(index, index.skills["first"])
    assert '--8<-- "snippets/algo/hello.py:example"' in footer
    assert '--8<-- "snippets/algo/hello.out"' in footer
    assert 'data-item="first/one"' in footer
    assert "[Some Docs](https://example.org/docs)" in footer
    assert "- [Second skill](second.md)" in footer


def test_track_overview_lists_skills_in_study_order_with_total_effort(index):
    overview = render.track_overview(index, "algo", "algo/index.md")
    assert "2 skills, 3–6 h of study in all" in overview
    assert overview.index("[First skill](first.md)") < overview.index("[Second skill](second.md)")


def test_reading_list_groups_by_type_and_names_the_skills_served(index):
    page = render.reading_list(index, "reading-list.md")
    assert page.index("## Books") < page.index("## Documentation")
    assert "For: [First skill](algo/first.md), [Second skill](algo/second.md)." in page


def test_controls_the_scripts_fill_in_are_built_at_their_final_size(index):
    """So the page does not move when the scripts run (Lighthouse: layout shift)."""
    items = sum(len(page.skill.checklist) for page in index.roadmap.skills)
    overview = render.progress_overview(index)
    assert f"<span>Whole roadmap: … of {items} items</span>" in overview
    assert f'data-progress="track:algo" data-label="Algorithms" hidden><progress max="{items}"' in (
        overview
    )
    assert overview.count("data-profile=") == len(index.roadmap.profiles)
    planner = render.planner(index)
    assert '<option value="first">First skill</option>' in planner
    assert '<input type="checkbox" name="tracks" value="algo" checked> Algorithms' in planner
    resources = len(index.roadmap.resources)
    assert f"Showing {resources} of {resources} resources." in render.reading_list(index, "r.md")


def test_roadmap_data(index):
    urls = {
        "algo/index.md": "algo/",
        "algo/first.md": "algo/first/",
        "algo/second.md": "algo/second/",
    }
    data = render.roadmap_data(index, urls)
    assert data["format_version"] == render.FORMAT_VERSION
    assert data["tracks"] == [
        {
            "id": "algo",
            "title": "Algorithms",
            "summary": "A tiny track used by the tests.",
            "url": "algo/",
            "skills": ["first", "second"],
            "effort_hours": [3.0, 6.0],
        }
    ]
    second = data["skills"][1]
    assert second["checklist"] == [
        {"id": "second/one", "text": "I can do the second thing.", "aliases": []},
        {"id": "second/two", "text": "I can do it twice.", "aliases": []},
    ]
    assert second["prerequisites"] == ["first"]
    assert data["skills"][0]["unlocks"] == ["second"]
    assert data["skills"][0]["snippets"] == ["snippets/algo/hello.py"]
    assert {r["id"]: r["skills"] for r in data["resources"]} == {
        "book-one": ["second"],
        "docs-one": ["first", "second"],
    }


def test_graph_svg_puts_every_skill_right_of_its_prerequisites_and_links_it(index):
    from roadmap import svg

    places = svg.layout(index, ["first", "second"])
    assert places["first"][0] < places["second"][0]
    picture = svg.graph_svg(index, ["first", "second"], lambda sid: f"../{sid}/", "A <graph>")
    assert picture.startswith('<svg class="roadmap-graph"') and picture.endswith("</svg>")
    assert 'aria-label="A &lt;graph&gt;"' in picture
    assert (
        'href="../first/" class="roadmap-node roadmap-level-foundation roadmap-priority-core" '
        'data-skill="first"' in picture
    )
    assert (
        'aria-label="Second skill. Level: core. Priority: core. Learn first: First skill."'
        in picture
    )
    assert picture.count('class="roadmap-edge"') == 1


def test_graph_layout_does_not_depend_on_the_order_skills_are_listed_in(index):
    """The whole roadmap lists skills track by track, so a prerequisite from a later track can
    come after the skill that needs it."""
    from roadmap import svg

    assert svg.layout(index, ["second", "first"]) == svg.layout(index, ["first", "second"])
