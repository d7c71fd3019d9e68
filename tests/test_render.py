"""The pure functions behind the generated pages: graph, escaping, links, roadmap.json."""

import dataclasses
import importlib
import json

import pytest
from fixture_project import make_project
from hypothesis import given
from hypothesis import strategies as st

from roadmap import model, pyodide, render
from roadmap.graph import find_cycles, reverse_edges, topological_order
from roadmap.problems import Problem, RoadmapError, field_path, format_problems
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
        ("snake_case #1 {x} +y! a|b \\", "snake\\_case \\#1 \\{x\\} \\+y\\! a\\|b \\\\"),
        # Quotes need no escaping in Markdown: they stay as typed.
        ('it\'s "quoted"', 'it\'s "quoted"'),
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
    assert '--8<-- "snippets/algo/first.py:example"' in footer
    assert '--8<-- "snippets/algo/first.out"' in footer
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
    overview = render.progress_overview(index, "index.md")
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
    assert data["skills"][0]["snippets"] == ["snippets/algo/first.py"]
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


# --- A richer project: two tracks, a quiz, a rubric, projects, a goal for a background ---------


def _page(**front) -> str:
    # JSON is YAML: the front matter is written as one flow mapping.
    return f"---\n{json.dumps(front)}\n---\n\nProse.\n"


def _plain(label: str) -> str:
    return label


def rich_project(root, text=_plain):
    """The small fixture plus a second track (ops), a quiz, a rubric, projects and a goal for
    the "coder" background. Every text field is written as text("..."), so a test can put
    Markdown and HTML specials into all of them at once."""
    make_project(root)

    def write(name: str, key: str, records: list) -> None:
        (root / "data" / f"{name}.yml").write_text(json.dumps({key: records}), encoding="utf-8")

    write(
        "tracks",
        "tracks",
        [
            {"id": "algo", "title": text("Algorithms"), "summary": text("A tiny track.")},
            {"id": "ops", "title": text("Operations"), "summary": text("Running things.")},
        ],
    )

    def resource(rid, title, authors, kind, cost, level, note, **more):
        return {
            "id": rid,
            "title": text(title),
            "authors": text(authors),
            "year": 2024,
            "type": kind,
            "url": f"https://example.org/{kind}",
            "cost": cost,
            "level": level,
            "note": text(note),
            "checked": "2026-01-01",
        } | more

    write(
        "resources",
        "resources",
        [
            resource("book-one", "A Book", "An Author", "book", "paid", "core", "The only book."),
            resource(
                "docs-one",
                "Some Docs",
                "A Project",
                "documentation",
                "free",
                "foundation",
                "The only docs.",
            ),
            resource(
                "course-one",
                "A Course",
                "A School",
                "course",
                "free-to-audit",
                "advanced",
                "The only course.",
                hours=12.5,
                archive_url="https://archive.example.org/course",
            ),
        ],
    )
    write(
        "profiles",
        "profiles",
        [
            {
                "id": "coder",
                "title": text("I write code"),
                "summary": text("Knows the basics."),
                "covers": ["first", "second"],
            }
        ],
    )
    write(
        "goals",
        "goals",
        [
            {
                "id": "finish",
                "title": text("Finish algo"),
                "summary": text("The algo track."),
                "targets": ["second"],
            },
            {
                "id": "ship",
                "title": text("Ship it"),
                "summary": text("Operations."),
                "targets": ["monitor", "packaging"],
                "profile": "coder",
            },
        ],
    )

    def levels(*pairs):
        return [{"points": points, "text": text(words)} for points, words in pairs]

    write(
        "rubric",
        "criteria",
        [
            {
                "id": "tests",
                "title": text("Tests"),
                "question": text("Is it tested?"),
                "levels": levels((0, "No tests."), (1, "Some tests."), (3, "Every module.")),
            },
            {
                "id": "docs",
                "title": text("Docs"),
                "question": text("Can others run it?"),
                "levels": levels((0, "No readme."), (2, "A readme.")),
            },
        ],
    )
    write(
        "projects",
        "projects",
        [  # listed out of track order on purpose
            {
                "id": "pipeline",
                "title": text("A pipeline"),
                "track": "ops",
                "summary": text("Package and watch it."),
                "skills": ["packaging", "monitor"],
            },
            {
                "id": "sorter",
                "title": text("A sorter"),
                "track": "algo",
                "summary": text("Sort things."),
                "skills": ["first", "second"],
            },
        ],
    )

    def option(words, why, correct=False):
        return {"text": text(words), "why": text(why), "correct": correct}

    common = {"track": "ops", "priority_reason": text("Needed to ship.")}
    pages = {
        "monitor": common
        | {
            "title": text("Monitoring"),
            "level": "core",
            "summary": text("Watch it run."),
            "effort_hours": [6, 10],
            "prerequisites": ["second"],
            "priority": "recommended",
            "checklist": [{"id": "alert", "text": text("I can set an alert.")}],
        },
        # Same level as packaging and no prerequisite between them: the title decides.
        "docker": common
        | {
            "title": text("`docker` basics"),
            "level": "advanced",
            "summary": text("Containers."),
            "effort_hours": [1, 2],
            "priority": "elective",
            "checklist": [{"id": "run", "text": text("I can run a container.")}],
        },
        "packaging": common
        | {
            "title": text("Packaging"),
            "level": "advanced",
            "summary": text("Wheels."),
            "effort_hours": [60, 80],
            "priority": "recommended",
            "start_early": True,
            "checklist": [
                {"id": "wheel", "text": text("I can build a wheel."), "aliases": ["build"]},
                {"id": "pin", "text": text("I can pin versions.")},
            ],
            "resources": ["course-one"],
            "quiz": [
                {
                    "id": "what",
                    "question": text("What is a wheel?"),
                    "options": [
                        option("A built package", "It installs without a build step.", True),
                        option("A source archive", "That is an sdist."),
                    ],
                },
                {
                    "id": "pin",
                    "question": text("Why pin?"),
                    "options": [
                        option("Speed", "Pins do not make it faster."),
                        option("Repeatable installs", "The same versions every time.", True),
                    ],
                },
            ],
        },
    }
    (root / "docs" / "ops").mkdir()
    (root / "docs" / "ops" / "index.md").write_text("# Operations\n", encoding="utf-8")
    for skill_id, front in pages.items():
        page = root / "docs" / "ops" / f"{skill_id}.md"
        page.write_text(_page(id=skill_id, **front), encoding="utf-8")
    return root


@pytest.fixture
def rich(tmp_path):
    return render.Index(load_and_check(rich_project(tmp_path)))


# --- Problems: the report a contributor reads -------------------------------------------------


def test_format_problems_groups_by_file_in_the_order_given():
    problems = [
        Problem("data/tracks.yml", "tracks[0].title", "must not be empty"),
        Problem("docs/algo/first.md", "checklist[1].text", 'must start with "I can "'),
        Problem("data/tracks.yml", "line 7", "malformed YAML"),
    ]
    assert format_problems(problems) == (
        "The roadmap data has 3 problems:\n"
        "\n"
        "data/tracks.yml\n"
        "  tracks[0].title: must not be empty\n"
        "  line 7: malformed YAML\n"
        "\n"
        "docs/algo/first.md\n"
        '  checklist[1].text: must start with "I can "'
    )


def test_format_problems_counts_one_problem_in_the_singular():
    problem = Problem("data/goals.yml", "goals[0].targets", "required field is missing")
    assert format_problems([problem]) == (
        "The roadmap data has 1 problem:\n\ndata/goals.yml\n  goals[0].targets: required field"
        " is missing"
    )
    assert format_problems([]) == "The roadmap data has 0 problems:"


def test_roadmap_error_sorts_files_keeps_the_order_within_a_file_and_drops_repeats():
    late = Problem("docs/z.md", "id", "second in z")
    early = Problem("data/a.yml", "(file)", "file is missing")
    first_in_z = Problem("docs/z.md", "title", "first in z")
    error = RoadmapError([first_in_z, late, early, late])
    assert error.problems == [early, first_in_z, late]
    assert str(error) == (
        "The roadmap data has 3 problems:\n"
        "\n"
        "data/a.yml\n"
        "  (file): file is missing\n"
        "\n"
        "docs/z.md\n"
        "  title: first in z\n"
        "  id: second in z"
    )


def test_a_problem_reads_file_place_and_message():
    assert str(Problem("data/goals.yml", "line 3", "bad")) == "data/goals.yml: line 3: bad"


@pytest.mark.parametrize(
    ("loc", "path"),
    [
        (("checklist", 2, "text"), "checklist[2].text"),
        (("quiz", 0, "options", 1, "why"), "quiz[0].options[1].why"),
        (("matrix", 1, 2), "matrix[1][2]"),
        ((3, "id"), "[3].id"),
        (("title",), "title"),
        ((), "(top level)"),
    ],
)
def test_field_path_names_nested_locations(loc, path):
    assert field_path(loc) == path


def test_problems_notice_lists_every_problem_escaped():
    problems = [
        Problem("data/tracks.yml", "tracks[0].title", "must not be empty"),
        Problem("docs/algo/first.md", "checklist[1].text", "use `I can` not *I could*"),
    ]
    assert render.problems_notice(problems) == (
        '!!! failure "The roadmap data has 2 problems: this preview shows the last good data'
        ' until they are fixed"\n'
        "\n"
        "    - data/tracks.yml: tracks\\[0\\].title: must not be empty\n"
        "    - docs/algo/first.md: checklist\\[1\\].text: use `I can` not \\*I could\\*\n"
        "\n"
    )
    assert render.problems_notice(problems[:1]).startswith(
        '!!! failure "The roadmap data has 1 problem: this preview'
    )


def test_unfinished_notice_counts_placeholders():
    placeholder = Problem("docs/algo/new.md", "line 9", "placeholder left by `roadmap new`: 'x'")
    assert render.unfinished_notice([placeholder]) == (
        '!!! warning "This draft has 1 placeholder left: `make check` refuses them until they'
        ' are replaced"\n'
        "\n"
        "    - docs/algo/new.md: line 9: placeholder left by `roadmap new`: 'x'\n"
        "\n"
    )
    assert render.unfinished_notice([placeholder, placeholder]).startswith(
        '!!! warning "This draft has 2 placeholders left:'
    )


# --- Durations and counts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("effort", "text"),
    [
        ((2.0, 2.0), "2 h"),
        ((1.5, 1.5), "1.5 h"),
        ((2.0, 4.0), "2–4 h"),
        ((0.5, 12.5), "0.5–12.5 h"),
    ],
)
def test_hours(effort, text):
    assert render.hours(effort) == text


@pytest.mark.parametrize(
    ("total", "per_week", "weeks"),
    [
        (0, 5, 0),  # nothing to study takes no time
        (0.5, 5, 1),  # a little still takes a week
        (4, 5, 1),
        (5, 5, 1),  # exactly one week's hours
        (10, 5, 2),  # divides exactly: no extra week
        (11, 5, 3),  # one hour over: a third week
        (7.5, 2.5, 3),  # tenths of an hour count exactly
        (81.5, 10, 9),
    ],
)
def test_weeks_at_fills_each_week_before_the_next(total, per_week, weeks):
    assert render.weeks_at(total, per_week) == weeks


@pytest.mark.parametrize(
    ("weeks", "text"),
    [
        (0, "0 weeks"),
        (1, "1 week"),
        (2, "2 weeks"),
        (12, "12 weeks"),
        (13, "13 weeks (about 3 months)"),  # 13 * 7 / 30.44 = 2.99
        (20, "20 weeks (about 5 months)"),  # 4.60
        (34, "34 weeks (about 8 months)"),  # 7.82
    ],
)
def test_duration_adds_months_from_13_weeks(weeks, text):
    assert render.duration(weeks) == text


def test_counted_uses_the_plural_for_all_but_one():
    assert render.counted(1, "problem") == "1 problem"
    assert render.counted(2, "problem") == "2 problems"
    assert render.counted(0, "placeholder") == "0 placeholders"
    assert render.counted(1, "week") == "1 week"
    assert render.counted(2, "week") == "2 weeks"


# --- Whole pages, exactly ---------------------------------------------------------------------


def test_skill_header_of_a_starting_point(index):
    header = render.skill_header(index, index.skills["first"])
    assert header.startswith(
        "The starting point.\n"
        "\n"
        '<div class="admonition info" data-search-exclude="true" markdown>\n'
        '<p class="admonition-title">At a glance</p>\n'
        "\n"
        "**Track:** [Algorithms](index.md) ·\n"
        "**Level:** foundation ·\n"
        "**Effort:** 1–2 h ·\n"
        "**Checklist:** 1 item\n"
        "\n"
        "**For a first ML engineering job:** core. Needed for the fixture goal.\n"
        "\n"
        "**Learn first:** nothing, this is a starting point.\n"
        "\n"
        "</div>\n"
        "\n"
        '<div class="roadmap-skill-tools">\n'
        '<div class="roadmap-progress" data-search-exclude="true" data-progress="skill:first"'
        ' data-label="Your progress" hidden><progress max="1" aria-label="Your progress: loading">'
        "</progress>"
    )
    assert header.endswith(
        "</div>\n"
        '<button type="button" class="md-button roadmap-skip" data-search-exclude="true"'
        ' data-skip="first" aria-pressed="false" hidden>I already know this skill</button>\n'
        "</div>\n"
        "\n"
    )


def test_skill_header_with_prerequisites(index):
    header = render.skill_header(index, index.skills["second"])
    assert header.startswith("Builds on the first.\n\n")
    assert (
        "**Track:** [Algorithms](index.md) ·\n"
        "**Level:** core ·\n"
        "**Effort:** 2–4 h ·\n"
        "**Checklist:** 2 items\n"
        "\n"
        "**For a first ML engineering job:** core. Needed for the fixture goal.\n"
        "\n"
        "**Learn first:** [First skill](first.md)\n"
        "\n"
        "</div>\n"
        "\n"
        '<div class="roadmap-skill-tools">\n'
    ) in header
    assert 'data-progress="skill:second"' in header and 'data-skip="second"' in header


def test_skill_footer_of_a_skill_with_code_and_an_unlock(index):
    assert render.skill_footer(index, index.skills["first"]) == (
        "\n"
        "## Code\n"
        "\n"
        '```python title="snippets/algo/first.py"\n'
        '--8<-- "snippets/algo/first.py:example"\n'
        "```\n"
        "\n"
        "Output of `python snippets/algo/first.py`:\n"
        "\n"
        "```text\n"
        '--8<-- "snippets/algo/first.out"\n'
        "```\n"
        "\n"
        "## Checklist\n"
        "\n"
        '<p data-search-exclude="true">Each item is something you can show. Count it as done'
        " only when you can do it without looking anything up.</p>\n"
        "\n"
        '<ul class="task-list roadmap-checklist" data-skill="first">\n'
        '<li class="task-list-item" id="check-first-one" data-item="first/one">'
        '<label class="task-list-control"><input type="checkbox" disabled>'
        '<span class="task-list-indicator"></span> I can do the first thing.</label></li>\n'
        "</ul>\n"
        "\n"
        "\n"
        '<div class="roadmap-tools roadmap-notes" data-search-exclude="true" data-roadmap-tools'
        ' hidden><label for="notes-first">My notes on this skill (saved in this browser as you'
        ' type)</label><textarea id="notes-first" data-notes="first" rows="4"></textarea>'
        "</div>\n"
        "\n"
        "## Resources\n"
        "\n"
        "- [Some Docs](https://example.org/docs) — A Project, 2024.\n"
        '  <span data-search-exclude="true">*documentation · free · foundation*.\n'
        "  The test suite's only documentation.</span>\n"
        "\n"
        "## What this unlocks\n"
        "\n"
        "- [Second skill](second.md)\n"
    )


def test_skill_footer_of_an_end_point_without_code_or_quiz(index):
    footer = render.skill_footer(index, index.skills["second"])
    assert footer.startswith("\n## Checklist\n")
    assert "## Code" not in footer and "## Check yourself" not in footer
    assert footer.endswith(
        "## Resources\n"
        "\n"
        "- [A Book](https://example.org/book) — An Author, 2020.\n"
        '  <span data-search-exclude="true">*book · paid · core*.\n'
        "  The test suite's only book.</span>\n"
        "- [Some Docs](https://example.org/docs) — A Project, 2024.\n"
        '  <span data-search-exclude="true">*documentation · free · foundation*.\n'
        "  The test suite's only documentation.</span>\n"
        "\n"
        "## What this unlocks\n"
        "\n"
        "Nothing yet: this is one of the roadmap's end points.\n"
    )


def test_skill_footer_with_a_quiz_and_a_resource_with_hours(rich):
    footer = render.skill_footer(rich, rich.skills["packaging"])
    quiz = render.quiz_html(rich.skills["packaging"])
    assert (
        "</ul>\n"
        "\n"
        "\n"
        "## Check yourself\n"
        "\n"
        "Pick an answer to see whether it was right and why each option is right or wrong;"
        " without\n"
        "JavaScript, open the explanations under each question. Your score is kept with your"
        " progress, in\n"
        "this browser only, and you can try again at any time.\n"
        "\n" + quiz + "\n"
        "\n"
        '<div class="roadmap-tools roadmap-notes" data-search-exclude="true" data-roadmap-tools'
        ' hidden><label for="notes-packaging">My notes on this skill (saved in this browser as'
        ' you type)</label><textarea id="notes-packaging" data-notes="packaging" rows="4">'
        "</textarea></div>\n"
        "\n"
        "## Resources\n"
        "\n"
        "- [A Course](https://example.org/course) — A School, 2024.\n"
        '  <span data-search-exclude="true">*course · free to audit · advanced · about 12.5 h*.\n'
        "  The only course.</span>\n"
    ) in footer
    assert 'data-item="packaging/wheel"' in footer and 'data-item="packaging/pin"' in footer


def test_quiz_html(rich):
    assert render.quiz_html(rich.skills["packaging"]) == (
        '<div class="roadmap-quiz" data-quiz="packaging">\n'
        '<p class="roadmap-quiz__score" data-quiz-score aria-live="polite"></p>\n'
        '<ol class="roadmap-quiz__questions">\n'
        '<li class="roadmap-quiz__question" id="quiz-packaging-what"'
        ' data-question="packaging/what">\n'
        '<p class="roadmap-quiz__prompt">What is a wheel?</p>\n'
        '<ol class="roadmap-quiz__options" type="A">\n'
        '<li data-option="0" data-correct>A built package</li>\n'
        '<li data-option="1">A source archive</li>\n'
        "</ol>\n"
        '<details class="roadmap-quiz__answer">\n'
        "<summary>Answer and explanations</summary>\n"
        '<ol type="A">\n'
        '<li data-why="0"><strong>Right.</strong> It installs without a build step.</li>\n'
        '<li data-why="1"><strong>Wrong.</strong> That is an sdist.</li>\n'
        "</ol>\n"
        "</details>\n"
        "</li>\n"
        '<li class="roadmap-quiz__question" id="quiz-packaging-pin"'
        ' data-question="packaging/pin">\n'
        '<p class="roadmap-quiz__prompt">Why pin?</p>\n'
        '<ol class="roadmap-quiz__options" type="A">\n'
        '<li data-option="0">Speed</li>\n'
        '<li data-option="1" data-correct>Repeatable installs</li>\n'
        "</ol>\n"
        '<details class="roadmap-quiz__answer">\n'
        "<summary>Answer and explanations</summary>\n"
        '<ol type="A">\n'
        '<li data-why="0"><strong>Wrong.</strong> Pins do not make it faster.</li>\n'
        '<li data-why="1"><strong>Right.</strong> The same versions every time.</li>\n'
        "</ol>\n"
        "</details>\n"
        "</li>\n"
        "</ol>\n"
        '<p><button type="button" class="md-button" data-quiz-retry="packaging" hidden>'
        "Try the quiz again</button></p>\n"
        "</div>\n"
    )


# The ops track of rich_project: monitor is core, docker and packaging advanced, and
# "`docker` basics" sorts before "Packaging" ignoring case. Hours: 6+1+60 to 10+2+80; middle
# 8 + 1.5 + 70 = 79.5, shown rounded to 80; weeks at 5, 10, 20 h: 795/50 -> 16, 795/100 -> 8,
# 795/200 -> 4.
OPS_TRACK_OVERVIEW = (
    '<div class="roadmap-progress" data-search-exclude="true" data-progress="track:ops"'
    ' data-label="Your progress in this track" data-verified hidden><progress max="4"'
    ' aria-label="Your progress in this track: loading"></progress>'
    "<span>Your progress in this track: … of 4 items · … of 1 skill verified</span></div>\n"
    "\n"
    "**3 skills, 67–92 h of study in all**, listed in an order that respects every"
    " prerequisite.\n"
    "At the middle of each range (80 h) that is 16 weeks at 5 h a week, 8 weeks at 10 h a"
    " week, 4 weeks at 20 h a week. The [study planner](../planner.md) interleaves it with"
    " the other tracks and fits it to your dates.\n"
    "\n"
    '<div data-search-exclude="true" markdown>\n'
    "\n"
    "1. **[Monitoring](monitor.md)** · *core · 6–10 h · recommended*\n"
    "\n"
    "    Watch it run.\n"
    "\n"
    "    *Learn first:* [Second skill](../algo/second.md).\n"
    "\n"
    "2. **[`docker` basics](docker.md)** · *advanced · 1–2 h · elective*\n"
    "\n"
    "    Containers.\n"
    "\n"
    "3. **[Packaging](packaging.md)** · *advanced · 60–80 h · recommended*\n"
    "\n"
    "    Wheels.\n"
    "\n"
    "</div>\n"
)


def test_track_overview_orders_by_prerequisites_then_level_then_title(rich):
    assert render.track_overview(rich, "ops", "ops/index.md") == OPS_TRACK_OVERVIEW


def test_track_overview_of_a_short_track_counts_single_weeks(index):
    # 3-6 h in all, 4.5 h at the middle (shown rounded to 4): under a week at every pace.
    overview = render.track_overview(index, "algo", "algo/index.md")
    assert (
        "At the middle of each range (4 h) that is 1 week at 5 h a week, 1 week at 10 h a week,"
        " 1 week at 20 h a week."
    ) in overview
    assert '<progress max="3"' in overview
    assert "… of 3 items</span>" in overview


def test_tracks_overview(rich):
    assert render.tracks_overview(rich, "index.md") == (
        "- **[Algorithms](algo/index.md)**: 2 skills, about 4 h, so 1 week at 5 h a week,"
        " 1 week at 10 h a week, 1 week at 20 h a week.\n"
        "  A tiny track.\n"
        "- **[Operations](ops/index.md)**: 3 skills, about 80 h, so 16 weeks at 5 h a week,"
        " 8 weeks at 10 h a week, 4 weeks at 20 h a week.\n"
        "  Running things.\n"
    )


def test_goals_overview_leaves_out_what_the_background_covers(rich):
    # finish: first and second, both core, 1.5 + 3 = 4.5 h (shown rounded to 4).
    # ship: the coder background covers first and second, leaving monitor and packaging,
    # neither core: 8 + 70 = 78 h; 780/50 -> 16 weeks, 780/100 -> 8, 780/200 -> 4.
    assert render.goals_overview(rich, "index.md") == (
        "- **Finish algo.**\n"
        "  *Core path:* 2 skills, 4 h: 1 week at 5 h a week; 1 week at 10 h a week;"
        " 1 week at 20 h a week.\n"
        "  *Everything:* 2 skills, 4 h: 1 week at 5 h a week; 1 week at 10 h a week;"
        " 1 week at 20 h a week.\n"
        "- **Ship it.**\n"
        "  *Core path:* 0 skills, 0 h: 0 weeks at 5 h a week; 0 weeks at 10 h a week;"
        " 0 weeks at 20 h a week.\n"
        "  *Everything:* 2 skills, 78 h: 16 weeks (about 4 months) at 5 h a week;"
        " 8 weeks at 10 h a week; 4 weeks at 20 h a week.\n"
        "\n"
        "*A goal for a background leaves out the skills that background usually covers (its"
        " starting point on the [progress page](progress.md)).*\n"
    )


def test_goals_overview_without_a_background_has_no_note(index):
    overview = render.goals_overview(index, "index.md")
    assert overview.startswith("- **Finish the fixture.**\n")
    assert "background" not in overview


def test_a_goal_of_one_skill_says_skill_not_skills(index):
    # The fixture's goal targets the first skill alone, which has no prerequisite.
    overview = render.goals_overview(index, "index.md")
    assert "*Core path:* 1 skill, " in overview
    assert "*Everything:* 1 skill, " in overview


def test_suggested_projects_in_track_order(rich):
    assert render.suggested_projects(rich, "projects.md") == (
        "### Algorithms\n"
        "\n"
        "- **A sorter.** Sort things.\n"
        '  <span data-search-exclude="true">Skills: [First skill](algo/first.md),'
        " [Second skill](algo/second.md).</span>\n"
        "\n"
        "### Operations\n"
        "\n"
        "- **A pipeline.** Package and watch it.\n"
        '  <span data-search-exclude="true">Skills: [Packaging](ops/packaging.md),'
        " [Monitoring](ops/monitor.md).</span>\n"
        "\n"
    )


def test_suggested_projects_and_rubric_of_a_project_without_them(index):
    assert render.suggested_projects(index, "projects.md") == ""
    form = render.rubric_form(index)
    assert 'data-max="0"' in form and "<fieldset" not in form


def test_rubric_form_totals_the_best_level_of_each_criterion(rich):
    assert render.rubric_form(rich) == (
        '<form class="roadmap-rubric" data-rubric data-max="5">\n'
        '<p><label for="rubric-project">Project</label>\n'
        '<input id="rubric-project" name="project" type="text" maxlength="120"'
        ' autocomplete="off" data-rubric-project></p>\n'
        '<fieldset class="roadmap-rubric__criterion" data-criterion="tests" data-title="Tests"'
        ' data-question="Is it tested?">\n'
        "<legend><strong>Tests</strong>: Is it tested?</legend>\n"
        '<label class="roadmap-rubric__level"><input type="radio" name="rubric-tests" value="0"'
        ' data-text="No tests."> <strong>0 points</strong>: No tests.</label>\n'
        '<label class="roadmap-rubric__level"><input type="radio" name="rubric-tests" value="1"'
        ' data-text="Some tests."> <strong>1 point</strong>: Some tests.</label>\n'
        '<label class="roadmap-rubric__level"><input type="radio" name="rubric-tests" value="3"'
        ' data-text="Every module."> <strong>3 points</strong>: Every module.</label>\n'
        "</fieldset>\n"
        '<fieldset class="roadmap-rubric__criterion" data-criterion="docs" data-title="Docs"'
        ' data-question="Can others run it?">\n'
        "<legend><strong>Docs</strong>: Can others run it?</legend>\n"
        '<label class="roadmap-rubric__level"><input type="radio" name="rubric-docs" value="0"'
        ' data-text="No readme."> <strong>0 points</strong>: No readme.</label>\n'
        '<label class="roadmap-rubric__level"><input type="radio" name="rubric-docs" value="2"'
        ' data-text="A readme."> <strong>2 points</strong>: A readme.</label>\n'
        "</fieldset>\n"
        '<p class="roadmap-rubric__total" data-rubric-total aria-live="polite">Score each'
        " criterion; the most a project can score is 5 points.</p>\n"
        "<p data-rubric-tools hidden>\n"
        '<button type="button" class="md-button md-button--primary"'
        ' data-rubric-action="export">Export as Markdown</button>\n'
        '<button type="button" class="md-button" data-rubric-action="clear">Clear the form'
        "</button>\n"
        "</p>\n"
        '<p role="status" data-rubric-status></p>\n'
        "</form>\n"
    )


def test_all_checklists_track_by_track(index):
    assert render.all_checklists(index, "checklists.md") == (
        "## Algorithms\n"
        "\n"
        "### [First skill](algo/first.md)\n"
        "\n" + render.checklist_html(index.skills["first"]) + "\n"
        "\n"
        "### [Second skill](algo/second.md)\n"
        "\n" + render.checklist_html(index.skills["second"]) + "\n"
        "\n"
    )


def test_checklist_html(index):
    assert render.checklist_html(index.skills["second"]) == (
        '<ul class="task-list roadmap-checklist" data-skill="second">\n'
        '<li class="task-list-item" id="check-second-one" data-item="second/one">'
        '<label class="task-list-control"><input type="checkbox" disabled>'
        '<span class="task-list-indicator"></span> I can do the second thing.</label></li>\n'
        '<li class="task-list-item" id="check-second-two" data-item="second/two">'
        '<label class="task-list-control"><input type="checkbox" disabled>'
        '<span class="task-list-indicator"></span> I can do it twice.</label></li>\n'
        "</ul>\n"
    )


def test_progress_tools_lists_every_skill_with_its_track_quiz_and_verified_mark(rich):
    rich.exercises = {"monitor": [pyodide.Exercise("ops", "drift", ("numpy",))]}
    tools = render.progress_tools(rich, "progress.md")
    assert (
        "| Skill | Track | State | Quiz | Verified |\n"
        "|---|---|---|---|---|\n"
        '| [First skill](algo/first.md) | Algorithms | <span data-skill-state="first">…</span>'
        ' | <span data-skill-quiz="first">–</span> | <span data-skill-verified="first">–</span> |\n'
        '| [Second skill](algo/second.md) | Algorithms | <span data-skill-state="second">…</span>'
        ' | <span data-skill-quiz="second">–</span> | <span data-skill-verified="second">–</span>'
        " |\n"
        '| [Monitoring](ops/monitor.md) | Operations | <span data-skill-state="monitor">…</span>'
        ' | <span data-skill-quiz="monitor">–</span> | <span data-skill-verified="monitor">…</span>'
        " |\n"
        '| [`docker` basics](ops/docker.md) | Operations | <span data-skill-state="docker">…'
        '</span> | <span data-skill-quiz="docker">–</span> | <span data-skill-verified="docker">–'
        "</span> |\n"
        '| [Packaging](ops/packaging.md) | Operations | <span data-skill-state="packaging">…'
        '</span> | <span data-skill-quiz="packaging">…</span> | '
        '<span data-skill-verified="packaging">…</span> |\n'
        "\n"
    ) in tools
    # The total is built at its final size: the skills with a quiz or an exercise.
    assert (
        '<p class="roadmap-verified-total" data-verified-total>… of 2 skills verified.</p>' in tools
    )
    assert "<span data-quiz-pass-rule>" in tools  # progress.js states the threshold there
    assert tools.startswith('<div class="roadmap-tools" data-roadmap-tools hidden>\n')
    assert tools.endswith('<p role="status" data-roadmap-status></p>\n</div>\n')


def test_reading_list_groups_in_type_order_and_filters_by_track(rich):
    page = render.reading_list(rich, "reading-list.md")
    assert (
        '<label>Type <select data-filter="type"><option value="">any</option>'
        '<option value="book">Books</option><option value="course">Courses</option>'
        '<option value="documentation">Documentation</option></select></label>\n'
        '<label>Cost <select data-filter="cost"><option value="">any</option>'
        '<option value="free">free</option><option value="paid">paid</option>'
        '<option value="free-to-audit">free to audit</option></select></label>\n'
        '<label>Track <select data-filter="tracks"><option value="">any</option>'
        '<option value="algo">Algorithms</option><option value="ops">Operations</option>'
        "</select></label>\n"
        '<p role="status" data-filter-count>Showing 3 of 3 resources.</p>\n'
    ) in page
    assert (
        "## Courses { .roadmap-group }\n"
        "\n"
        "- [A Course](https://example.org/course) — A School, 2024.\n"
        '  <span data-search-exclude="true">*free to audit · advanced · about 12.5 h*.\n'
        "  The only course.</span>\n"
        '  <span data-search-exclude="true">For: [Packaging](ops/packaging.md).</span>\n'
        '  { .roadmap-resource data-type="course" data-cost="free-to-audit" data-tracks="ops" }\n'
        "\n"
    ) in page
    assert page.index("## Books") < page.index("## Courses") < page.index("## Documentation")
    assert page.count("## ") == 3  # no heading for a type without resources
    assert 'data-type="book" data-cost="paid" data-tracks="algo"' in page


def test_planner_and_progress_overview_list_goals_tracks_skills_and_profiles(rich):
    planner = render.planner(rich)
    assert (
        '<option value="finish">Finish algo</option>\n<option value="ship">Ship it</option>\n'
    ) in planner
    assert (
        '<label><input type="checkbox" name="tracks" value="algo" checked> Algorithms</label>\n'
        '<label><input type="checkbox" name="tracks" value="ops" checked> Operations</label>\n'
    ) in planner
    assert (
        '<option value="first">First skill</option>\n'
        '<option value="second">Second skill</option>\n'
        '<option value="monitor">Monitoring</option>\n'
        '<option value="docker"><code>docker</code> basics</option>\n'
        '<option value="packaging">Packaging</option>\n'
    ) in planner
    overview = render.progress_overview(rich, "index.md")
    assert overview.startswith(
        '<div class="roadmap-overview" data-roadmap-tools hidden>\n'
        '<p class="roadmap-due" data-review-due><a href="review/">… quiz questions due for'
        " review today</a></p>\n"
        '<div class="roadmap-progress" data-search-exclude="true" data-progress="all"'
        ' data-label="Whole roadmap" data-verified hidden>'
        '<progress max="7" aria-label="Whole roadmap: loading"></progress>'
        "<span>Whole roadmap: … of 7 items · … of 1 skill verified</span></div>\n"
        '<div class="roadmap-progress" data-search-exclude="true" data-progress="track:algo"'
        ' data-label="Algorithms"'
        ' hidden><progress max="3" aria-label="Algorithms: loading"></progress>'
        "<span>Algorithms: … of 3 items</span></div>\n"
        '<div class="roadmap-progress" data-search-exclude="true" data-progress="track:ops"'
        ' data-label="Operations" data-verified'
        ' hidden><progress max="4" aria-label="Operations: loading"></progress>'
        "<span>Operations: … of 4 items · … of 1 skill verified</span></div>\n"
    )
    assert (
        '<li><button type="button" class="md-button" data-profile="coder">I write code'
        "</button><p>Knows the basics.</p></li>\n"
    ) in overview


# --- Escaping: every text field, in every renderer --------------------------------------------

SPECIALS = " *a* _b_ [c] |d| <3 & e"
AS_MARKDOWN = " \\*a\\* \\_b\\_ \\[c\\] \\|d\\| &lt;3 &amp; e"
AS_HTML = " *a* _b_ [c] |d| &lt;3 &amp; e"


def test_a_track_title_with_code_reaches_labels_as_plain_text(tmp_path):
    # A screen reader reads an aria-label as it is written: no <code> markup in it.
    index = render.Index(load_and_check(rich_project(tmp_path, lambda label: label + ' `"x"`')))
    overview = render.progress_overview(index, "index.md")
    assert 'data-label="Algorithms &quot;x&quot;"' in overview
    assert 'aria-label="Algorithms &quot;x&quot;: loading"' in overview
    assert "<span>Algorithms &quot;x&quot;: … of " in overview


def _with_specials(label: str) -> str:
    return label + SPECIALS


@pytest.fixture
def special(tmp_path):
    return render.Index(load_and_check(rich_project(tmp_path, _with_specials)))


@pytest.mark.parametrize(
    ("page", "as_markdown", "as_html"),
    [
        # summary, track title, priority reason
        pytest.param(
            lambda x: render.skill_header(x, x.skills["packaging"]), 3, 0, id="skill_header"
        ),
        # resource title, authors, note; 2 checklist items; 2 questions, 4 options, 4 reasons
        pytest.param(
            lambda x: render.skill_footer(x, x.skills["packaging"]), 3, 12, id="skill_footer"
        ),
        # 3 skill titles and summaries
        pytest.param(
            lambda x: render.track_overview(x, "ops", "ops/index.md"), 6, 0, id="track_overview"
        ),
        # 2 goal titles
        pytest.param(lambda x: render.goals_overview(x, "index.md"), 2, 0, id="goals_overview"),
        # 2 track titles and summaries
        pytest.param(lambda x: render.tracks_overview(x, "index.md"), 4, 0, id="tracks_overview"),
        # 2 track headings, 2 titles, 2 summaries, 2 skill links to ops skills
        pytest.param(
            lambda x: render.suggested_projects(x, "projects.md"), 8, 0, id="suggested_projects"
        ),
        # 2 criteria: title and question in data- attributes and the legend; 5 levels: twice
        pytest.param(render.rubric_form, 0, 18, id="rubric_form"),
        # 3 resources: title, authors, note; 1 link to an ops skill; 2 tracks in the filter
        pytest.param(lambda x: render.reading_list(x, "reading-list.md"), 10, 2, id="reading_list"),
        # 2 track headings, 3 ops skill titles; 4 ops checklist items
        pytest.param(
            lambda x: render.all_checklists(x, "checklists.md"), 5, 4, id="all_checklists"
        ),
        # 3 ops skill titles, 5 track cells
        pytest.param(lambda x: render.progress_tools(x, "progress.md"), 8, 0, id="progress_tools"),
        # 2 track bars (label, aria-label, text), profile title and summary
        pytest.param(
            lambda x: render.progress_overview(x, "index.md"), 0, 8, id="progress_overview"
        ),
        # the skill with a quiz: its title over each of its 2 questions, 4 options, 4 reasons
        pytest.param(
            lambda x: render.review_questions(x, "packaging", "review.md"),
            0,
            12,
            id="review_questions",
        ),
        # 2 goals, 2 tracks, 3 ops skills
        pytest.param(render.planner, 0, 7, id="planner"),
    ],
)
def test_every_text_field_is_escaped(special, page, as_markdown, as_html):
    text = page(special)
    assert text.count(AS_MARKDOWN) == as_markdown
    assert text.count(AS_HTML) == as_html
    assert "<3" not in text and "& e" not in text


def test_roadmap_json_keeps_text_as_written(special):
    urls = {page.src_path: page.src_path for page in special.roadmap.skills}
    urls |= {path: path for path in special.roadmap.track_pages.values()}
    data = render.roadmap_data(special, urls)
    assert data["tracks"][1]["title"] == "Operations" + SPECIALS
    assert data["skills"][3]["title"] == "`docker` basics" + SPECIALS
    assert data["skills"][4]["checklist"][0]["text"] == "I can build a wheel." + SPECIALS
    assert data["resources"][2]["note"] == "The only course." + SPECIALS


# --- roadmap.json -----------------------------------------------------------------------------


def test_roadmap_data_in_full(index):
    urls = {
        "algo/index.md": "algo/",
        "algo/first.md": "algo/first/",
        "algo/second.md": "algo/second/",
    }
    data = render.roadmap_data(index, urls)
    assert json.loads(json.dumps(data)) == data  # plain JSON types only: no tuples or dates
    checklist_item = {"aliases": []}
    assert data == {
        "format_version": 1,
        "tracks": [
            {
                "id": "algo",
                "title": "Algorithms",
                "summary": "A tiny track used by the tests.",
                "url": "algo/",
                "skills": ["first", "second"],
                "effort_hours": [3.0, 6.0],
            }
        ],
        "skills": [
            {
                "id": "first",
                "title": "First skill",
                "track": "algo",
                "level": "foundation",
                "summary": "The starting point.",
                "url": "algo/first/",
                "source": "docs/algo/first.md",
                "effort_hours": [1.0, 2.0],
                "prerequisites": [],
                "priority": "core",
                "priority_reason": "Needed for the fixture goal.",
                "start_early": False,
                "unlocks": ["second"],
                "checklist": [
                    {"id": "first/one", "text": "I can do the first thing."} | checklist_item
                ],
                "resources": ["docs-one"],
                "quiz": [],
                "exercises": [],
                "snippets": ["snippets/algo/first.py"],
            },
            {
                "id": "second",
                "title": "Second skill",
                "track": "algo",
                "level": "core",
                "summary": "Builds on the first.",
                "url": "algo/second/",
                "source": "docs/algo/second.md",
                "effort_hours": [2.0, 4.0],
                "prerequisites": ["first"],
                "priority": "core",
                "priority_reason": "Needed for the fixture goal.",
                "start_early": False,
                "unlocks": [],
                "checklist": [
                    {"id": "second/one", "text": "I can do the second thing."} | checklist_item,
                    {"id": "second/two", "text": "I can do it twice."} | checklist_item,
                ],
                "resources": ["book-one", "docs-one"],
                "quiz": [],
                "exercises": [],
                "snippets": [],
            },
        ],
        "resources": [  # no "hours" or "archive_url": the fixture gives none
            {
                "id": "book-one",
                "title": "A Book",
                "authors": "An Author",
                "year": 2020,
                "type": "book",
                "url": "https://example.org/book",
                "cost": "paid",
                "level": "core",
                "note": "The test suite's only book.",
                "checked": "2026-01-01",
                "skills": ["second"],
            },
            {
                "id": "docs-one",
                "title": "Some Docs",
                "authors": "A Project",
                "year": 2024,
                "type": "documentation",
                "url": "https://example.org/docs",
                "cost": "free",
                "level": "foundation",
                "note": "The test suite's only documentation.",
                "checked": "2026-01-01",
                "skills": ["first", "second"],
            },
        ],
        "profiles": [
            {
                "id": "coder",
                "title": "I write code",
                "summary": "Knows the first skill.",
                "covers": ["first"],
            }
        ],
        "priorities": ["core", "recommended", "elective"],
        "goals": [
            {
                "id": "finish",
                "title": "Finish the fixture",
                "summary": "The first skill.",
                "targets": ["first"],
                "profile": None,
                "skills": ["first"],
            }
        ],
    }


def test_roadmap_data_of_quizzes_aliases_optional_fields_and_goals(rich):
    urls = {page.src_path: page.src_path for page in rich.roadmap.skills}
    urls |= {path: path for path in rich.roadmap.track_pages.values()}
    data = render.roadmap_data(rich, urls)
    assert json.loads(json.dumps(data)) == data
    assert [track["skills"] for track in data["tracks"]] == [
        ["first", "second"],
        ["monitor", "docker", "packaging"],
    ]
    assert data["tracks"][1]["effort_hours"] == [67.0, 92.0]
    assert data["tracks"][1]["url"] == "ops/index.md"
    packaging = data["skills"][4]
    assert packaging["id"] == "packaging" and packaging["start_early"] is True
    assert packaging["quiz"] == ["packaging/what", "packaging/pin"]
    assert packaging["checklist"][0] == {
        "id": "packaging/wheel",
        "text": "I can build a wheel.",
        "aliases": ["packaging/build"],
    }
    assert data["skills"][1]["unlocks"] == ["monitor"]  # across tracks
    course = data["resources"][2]
    assert (course["hours"], course["archive_url"]) == (12.5, "https://archive.example.org/course")
    assert course["skills"] == ["packaging"]
    assert data["profiles"][0]["covers"] == ["first", "second"]
    # A goal's skills are its targets with every prerequisite, whatever the background covers.
    assert [(g["id"], g["profile"], g["skills"]) for g in data["goals"]] == [
        ("finish", None, ["first", "second"]),
        ("ship", "coder", ["first", "second", "monitor", "packaging"]),
    ]


def test_exercises_reach_roadmap_json_and_page_data_with_where_they_run(rich):
    rich.exercises = {
        "packaging": [
            pyodide.Exercise("ops", "wheel", ()),
            pyodide.Exercise("ops", "pin", ("numpy",)),
        ],
        "monitor": [pyodide.Exercise("ops", "drift", ("scipy",))],
    }
    urls = {page.src_path: page.src_path for page in rich.roadmap.skills}
    urls |= {path: path for path in rich.roadmap.track_pages.values()}
    data = render.roadmap_data(rich, urls)
    exercises = {skill["id"]: skill["exercises"] for skill in data["skills"]}
    assert exercises == {
        "first": [],
        "second": [],
        "monitor": [{"id": "ops/drift", "in_browser": False}],
        "docker": [],
        "packaging": [
            {"id": "ops/wheel", "in_browser": True},
            {"id": "ops/pin", "in_browser": False},
        ],
    }
    part = render.page_data(data)
    # Listed by id only where a skill has some; which run only with `make exercise`, once.
    assert {s["id"]: s.get("exercises") for s in part["skills"]} == {
        "first": None,
        "second": None,
        "monitor": ["ops/drift"],
        "docker": None,
        "packaging": ["ops/wheel", "ops/pin"],
    }
    assert part["local_exercises"] == ["ops/drift", "ops/pin"]


def test_the_local_note_names_the_libraries_and_the_command():
    note = render.exercise_widget(
        pyodide.Exercise("data_science", "log_loss", ("numpy", "scipy", "x<y"))
    )
    assert "make exercise NAME=log_loss</code> only" in note
    assert "use NumPy, SciPy and x&lt;y, which" in note
    assert 'data-exercise-local="data_science/log_loss"' in note
    local, report = note.split("\n")
    assert local.endswith("which the Python that runs in your browser here does not carry.</p>")
    # Under it, the button with which the reader reports a pass of `make exercise`.
    assert report == (
        '<p class="roadmap-self-report" data-search-exclude="true"><button type="button" '
        'class="md-button roadmap-self-report__button" data-self-report="data_science/log_loss" '
        'aria-pressed="false" hidden>I ran <code>make exercise NAME=log_loss</code> and it passed'
        "</button></p>"
    )
    assert render.exercise_widget(pyodide.Exercise("dsa", "a", ())) == (
        '<div class="roadmap-exercise" data-exercise="dsa/a" data-file="exercises/dsa/a.py"></div>'
    )


def test_a_skill_s_exercises_section_comes_from_its_front_matter(index):
    page = index.skills["first"]
    assert render.exercise_section(index, page).strip() == ""  # no exercises: no section
    declared = [
        model.Exercise(name="b", title="Second *one*", task="Write `b(x)`: 1 < 2."),
        model.Exercise(name="a", title="First", task="Write `a()`."),
    ]
    page = dataclasses.replace(page, skill=page.skill.model_copy(update={"exercises": declared}))
    with pytest.raises(ValueError, match="index.exercises has no b, a for first"):
        render.exercise_section(index, page)
    index.exercises = {"first": [pyodide.Exercise("algo", n, ()) for n in "ab"]}
    section = render.exercise_section(index, page)
    assert section.count("\n## Exercises\n") == 1
    assert section.index("### Second \\*one\\*") < section.index("### First")
    assert "Write `b(x)`: 1 &lt; 2. Edit `exercises/algo/b.py` in a clone" in section
    assert '--8<-- "exercises/algo/solutions/b.py"' in section
    assert section.count('<div class="roadmap-exercise"') == 2
    one = dataclasses.replace(page, skill=page.skill.model_copy(update={"exercises": declared[1:]}))
    section = render.exercise_section(index, one)
    assert "\n## Exercise\n" in section and "###" not in section and "algo/b" not in section
    assert render.skill_footer(index, one).startswith(section)


def test_a_skill_can_be_verified_when_it_has_a_quiz_or_an_exercise(rich):
    assert [sid for sid in rich.order if rich.verifiable(sid)] == ["packaging"]
    line = (
        '<p class="roadmap-verification" data-search-exclude="true" data-verification="{}"'
        " hidden>Not verified yet: …</p>\n"
    )
    assert line.format("packaging") in render.skill_header(rich, rich.skills["packaging"])
    assert "data-verification" not in render.skill_header(rich, rich.skills["first"])
    rich.exercises = {"first": [pyodide.Exercise("algo", "a", ())], "second": []}
    assert [sid for sid in rich.order if rich.verifiable(sid)] == ["first", "packaging"]
    assert rich.verifiable_count(rich.order) == 2
    assert rich.verifiable_count(["second", "docker"]) == 0
    assert line.format("first") in render.skill_header(rich, rich.skills["first"])
    overview = render.track_overview(rich, "algo", "algo/index.md")
    assert "<span>Your progress in this track: … of 3 items · … of 1 skill verified</span>" in (
        overview
    )


# --- The template environment -----------------------------------------------------------------


def test_pages_come_out_the_same_from_a_fresh_import(rich):
    """The template environment (whitespace control, no HTML autoescape, the filters and
    globals) is set up once, when the module is imported: set it up again and render pages
    that use all of it."""
    fresh = importlib.reload(render)
    assert fresh.track_overview(rich, "ops", "ops/index.md") == OPS_TRACK_OVERVIEW
    first = fresh.skill_footer(rich, rich.skills["first"])
    assert first.startswith(
        '\n## Code\n\n```python title="snippets/algo/first.py"\n'
        '--8<-- "snippets/algo/first.py:example"\n```\n'
    )
    assert "I can do the first thing.</label></li>\n</ul>\n\n\n<div " in first
    notes = '<textarea id="notes-first" data-notes="first" rows="4"></textarea></div>\n\n## Res'
    assert notes in first
    packaging = fresh.skill_footer(rich, rich.skills["packaging"])
    assert "*course · free to audit · advanced · about 12.5 h*.\n" in packaging
    assert "Nothing yet: this is one of the roadmap's end points.\n" in packaging
    assert '<option value="docker"><code>docker</code> basics</option>' in fresh.planner(rich)
    assert "## Courses { .roadmap-group }\n" in fresh.reading_list(rich, "reading-list.md")
    assert "16 weeks (about 4 months) at 5 h a week" in fresh.goals_overview(rich, "index.md")


def test_page_links_in_raw_html_follow_the_sites_directory_urls():
    """Raw HTML is not rewritten by MkDocs: the link must already be the built page's URL."""
    assert render.page_link("index.md", "review.md") == "review/"
    assert render.page_link("progress.md", "review.md") == "../review/"
    assert render.page_link("review.md", "dsa/binary-search.md") == "../dsa/binary-search/"
    assert render.page_link("review.md", "index.md") == "../"
    assert render.page_link("dsa/index.md", "progress.md") == "../progress/"
    assert render.page_link("dsa/index.md", "dsa/index.md") == "./"


def test_the_review_page_fetches_each_skills_questions_hidden_with_a_link_to_the_skill(rich):
    page = render.review_page(rich, "review.md")
    assert "data-review-questions></div>" in page and "data-review-question=" not in page
    questions = render.review_questions(rich, "packaging", "review.md")
    ids = [f"packaging/{q.id}" for q in rich.skills["packaging"].skill.quiz]
    assert questions.count("data-review-question=") == len(ids) == 2
    for qid in ids:
        assert f'<div class="roadmap-quiz__question" data-review-question="{qid}" hidden>' in (
            questions
        )
    assert questions.count('From <a href="../ops/packaging/#check-yourself">Packaging</a>') == 2
    # the same choices and explanations as the skill page's quiz
    quiz = render.quiz_html(rich.skills["packaging"])
    body = quiz[quiz.index('<p class="roadmap-quiz__prompt">') : quiz.index("</details>")]
    assert body in questions
    assert render.REVIEW_QUESTIONS.format("packaging") == "review/questions/packaging.json"
