"""The check that another engine's build shows every skill's checklist, prerequisites and
resources (roadmap/engines.py, `make engines`)."""

from pathlib import Path

import pytest

from roadmap import engines
from roadmap.conventions import built_page
from roadmap.engines import Expected
from roadmap.validate import load_and_check


@pytest.fixture(scope="module")
def wanted(project_root):
    return engines.expected(load_and_check(project_root))


def test_a_page_becomes_a_folder_with_an_index():
    assert built_page("dsa/binary-search.md") == "dsa/binary-search/index.html"
    assert built_page("index.md") == "index.html"
    assert built_page("dsa/index.md") == "dsa/index.html"


def test_every_skill_page_expects_its_checklist_prerequisites_and_resources(wanted, project_root):
    roadmap = load_and_check(project_root)
    assert len(wanted) == len(roadmap.skills)
    binary_search = wanted["dsa/binary-search/index.html"]
    fields = {item.field for item in binary_search}
    assert fields == {"checklist", "prerequisites", "resources"}
    texts = [item.text for item in binary_search]
    assert any(text.startswith("I can write a lower-bound binary search") for text in texts)
    titles = {page.skill.id: page.skill.title for page in roadmap.skills}
    assert titles["complexity-analysis"] in texts
    resource = next(r for r in roadmap.resources if r.id == "python-bisect")
    assert Expected("resources", resource.title) in binary_search


def test_markup_and_typography_between_the_words_do_not_count():
    item = Expected("checklist", "I can use Python's `bisect` module, A&B.")
    html = "<li>I can use Python&rsquo;s <code>bisect</code>\n module, <em>A</em>&amp;B.</li>"
    assert engines.missing(html, [item]) == []


def test_a_text_missing_or_only_in_a_script_is_reported():
    shown = Expected("resources", "Designing Machine Learning Systems")
    in_script = Expected("checklist", "I can tune a model")
    absent = Expected("prerequisites", "Linear algebra")
    html = (
        "<p>Designing <a href='x'>Machine Learning</a> Systems</p>"
        "<script>const t = 'I can tune a model'</script><style>.linear{}</style>"
    )
    assert engines.missing(html, [shown, in_script, absent]) == [in_script, absent]


def test_words_must_keep_their_order_and_be_whole():
    html = "<p>learning machine; I can bisection</p>"
    assert engines.missing(html, [Expected("x", "machine learning")]) != []
    assert engines.missing(html, [Expected("x", "I can bisect")]) != []


def test_check_site_lists_every_problem_at_once(tmp_path: Path):
    page = tmp_path / "dsa" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<p>I can one</p>", encoding="utf-8")
    wanted = {
        "dsa/a/index.html": [
            Expected("checklist", "I can one"),
            Expected("checklist", "I can two"),
        ],
        "dsa/b/index.html": [Expected("checklist", "I can three")],
    }
    assert engines.check_site(tmp_path, wanted) == [
        "dsa/a/index.html: checklist: not shown: I can two",
        "dsa/b/index.html: not built",
    ]


def test_engine_config_changes_only_where_the_site_is_written(project_root):
    config = (project_root / "mkdocs.yml").read_text(encoding="utf-8")
    written = engines.engine_config("site_dir: old\n" + config, "build/site-x")
    lines = written.splitlines()
    assert [line for line in lines if line.startswith("site_dir:")] == ["site_dir: build/site-x"]
    assert lines[:-1] == config.splitlines()
