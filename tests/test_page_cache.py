"""Pages turned into HTML, kept from one build for the next (roadmap/page_cache.py and
roadmap/hooks/build_cache.py): real MkDocs builds of a small site, in this process, counting
how many pages Python-Markdown converts."""

import inspect
import json
import logging
from pathlib import Path
from types import SimpleNamespace

import markdown
import pygments
import pymdownx.highlight
import pymdownx.snippets
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from roadmap.conventions import PAGE_CACHE
from roadmap.devtools import ROOT
from roadmap.highlight_cache import Highlighter
from roadmap.hooks import build_cache
from roadmap.page_cache import CHANGED_WHILE_READ, PageCache, file_digest

CONFIG = f"""\
site_name: Kept pages
strict: true
theme: mkdocs
validation:
  anchors: warn
markdown_extensions:
  - toc:
      permalink: true
  - pymdownx.superfences
  - pymdownx.highlight
  - pymdownx.snippets:
      base_path: ["."]
      check_paths: true
hooks:
  - {ROOT / "roadmap/hooks/build_cache.py"}
"""
PAGES = {
    "index.md": '# Home\n\nSee [the second part](part.md#second).\n\n--8<-- "included.txt"\n',
    "part.md": (
        "# The second part\n\n## Second\n\nThe second part.\n\n```python\nanswer = 42\n```\n"
    ),
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A site of two pages, one including a file, with the build folder beside it; the
    libraries' own functions are put back after the test."""
    for module, name in [
        (pymdownx.highlight, "highlight"),
        (pymdownx.snippets.SnippetPreprocessor, "read_lines"),
    ]:
        monkeypatch.setattr(module, name, getattr(module, name))
    monkeypatch.chdir(tmp_path)  # where the snippets extension looks
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the theme writes the build's date in pages
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    for name, text in PAGES.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "included.txt").write_text("Included text, first version.\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def conversions(monkeypatch):
    """The pages Python-Markdown converts, by their first line."""
    converted = []
    convert = markdown.Markdown.convert

    def counted(self, source):
        converted.append(source.splitlines()[0])
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counted)
    return converted


def build_site(project: Path, site: str) -> Path:
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / site)))
    return project / site


def site_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("*")
        if path.is_file()
    }


def test_the_next_build_converts_no_page_and_makes_the_same_site(project, conversions):
    first = build_site(project, "first")
    assert sorted(conversions) == ["# Home", "# The second part"]
    kept = json.loads((project / PAGE_CACHE).read_text(encoding="utf-8"))
    assert len(kept["values"]) == 2

    conversions.clear()
    second = build_site(project, "second")
    assert conversions == []
    assert site_files(second) == site_files(first)
    home = (second / "index.html").read_text(encoding="utf-8")
    assert "<title>Kept pages</title>" in home  # the first page's title is the site's
    assert "Included text, first version." in home
    part = (second / "part" / "index.html").read_text(encoding="utf-8")
    assert "<title>The second part - Kept pages</title>" in part  # the title from its heading
    assert 'href="#second"' in part  # and its table of contents


def test_a_page_is_converted_again_when_it_or_a_file_it_includes_changes(project, conversions):
    build_site(project, "first")
    (project / "included.txt").write_text("Included text, second version.\n", encoding="utf-8")
    conversions.clear()
    site = build_site(project, "second")
    assert conversions == ["# Home"]
    assert "Included text, second version." in (site / "index.html").read_text(encoding="utf-8")

    (project / "docs" / "part.md").write_text(PAGES["part.md"] + "\nMore.\n", encoding="utf-8")
    conversions.clear()
    site = build_site(project, "third")
    assert conversions == ["# The second part"]
    assert "More." in (site / "part" / "index.html").read_text(encoding="utf-8")


def test_every_page_is_converted_again_when_the_site_gains_a_page(project, conversions):
    build_site(project, "first")
    (project / "docs" / "more.md").write_text("# More\n", encoding="utf-8")
    conversions.clear()
    build_site(project, "second")
    assert sorted(conversions) == ["# Home", "# More", "# The second part"]


@pytest.fixture
def mkdocs_log(caplog):
    """MkDocs's messages (its logger does not pass them on to the root, where caplog listens)."""
    logger = logging.getLogger("mkdocs")
    logger.addHandler(caplog.handler)
    yield caplog
    logger.removeHandler(caplog.handler)


def test_a_kept_page_s_links_to_anchors_are_still_checked(project, conversions, mkdocs_log):
    build_site(project, "first")
    (project / "docs" / "part.md").write_text(
        "# The second part\n\nNo second part.\n", encoding="utf-8"
    )
    conversions.clear()
    with pytest.raises(Abort):
        build_site(project, "second")
    assert conversions == ["# The second part"]  # the home page was kept, its link checked
    assert "'#second'" in mkdocs_log.text and "index.md" in mkdocs_log.text


def test_a_page_whose_conversion_logs_a_message_says_it_on_every_build(
    project, conversions, mkdocs_log
):
    broken = PAGES["index.md"] + "\nSee [a page that is not there](missing.md).\n"
    (project / "docs" / "index.md").write_text(broken, encoding="utf-8")
    for site in ("first", "second"):
        conversions.clear()
        mkdocs_log.clear()
        with pytest.raises(Abort):
            build_site(project, site)
        assert "missing.md" in mkdocs_log.text
    assert conversions == ["# Home"]  # the part page was kept, the home page not
    kept = json.loads((project / PAGE_CACHE).read_text(encoding="utf-8"))
    assert len(kept["values"]) == 1


def test_builds_in_one_process_share_the_snippets_extension_s_own_reader(project):
    own = inspect.unwrap(pymdownx.snippets.SnippetPreprocessor.read_lines)
    for site in ("first", "second"):
        build_site(project, site)
        assert pymdownx.snippets.SnippetPreprocessor.read_lines.__wrapped__ is own


SPOILT = {
    "not an object": lambda value: [value],
    "content not text": lambda value: value | {"content": 7},
    "included files not listed": lambda value: value | {"included": []},
    "contents not a list": lambda value: value | {"toc": {}},
    "a link to a file gone": lambda value: value | {"links": [["gone.md", {"x": "gone.md#x"}]]},
    "an included file gone": lambda value: value | {"included": {"gone.txt": "0" * 64}},
    "title not text": lambda value: value | {"title": ["Home"]},
    "anchors not a list": lambda value: value | {"anchors": "second"},
    "contents broken": lambda value: value | {"toc": [{"id": "second"}]},
    "links broken": lambda value: value | {"links": [["part.md"]]},
    "code blocks not listed": lambda value: {k: v for k, v in value.items() if k != "blocks"},
}


@pytest.mark.parametrize("spoil", SPOILT.values(), ids=SPOILT)
def test_a_kept_page_spoilt_or_out_of_date_is_converted_again(project, conversions, spoil):
    first = build_site(project, "first")
    path = project / PAGE_CACHE
    kept = json.loads(path.read_text(encoding="utf-8"))
    kept["values"] = {key: spoil(value) for key, value in kept["values"].items()}
    path.write_text(json.dumps(kept), encoding="utf-8")
    conversions.clear()
    second = build_site(project, "second")
    assert sorted(conversions) == ["# Home", "# The second part"]
    assert site_files(second) == site_files(first)


def test_builds_logging_every_detail_keep_their_pages_too(project, conversions, caplog):
    caplog.set_level(logging.DEBUG, logger="mkdocs")
    first = build_site(project, "first")
    conversions.clear()
    second = build_site(project, "second")
    assert conversions == []  # MkDocs leaves links to anchors unchecked at this level
    assert site_files(second) == site_files(first)


def test_the_files_a_page_includes_are_noted_with_what_was_read(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("first\n", encoding="utf-8")

    def read_while_saved(preprocessor, path):  # an editor saves the file as it is read
        text = Path(path).read_text(encoding="utf-8")
        notes.write_text(text + "more\n", encoding="utf-8")
        return text.split("\n")

    cache = PageCache(tmp_path / "kept.json", {}, Highlighter(tmp_path / "code.json", {}, str))
    read = cache.reading(read_while_saved)
    assert read(None, str(notes)) == ["first", ""]  # outside a page's rendering: not noted
    assert cache._included is None
    cache._included = {}  # as while a page renders
    assert read(None, str(notes)) == ["first", "more", ""]
    assert cache._included == {str(notes): CHANGED_WHILE_READ}  # no file has that hash
    cache._included = {}
    read = cache.reading(lambda preprocessor, path: Path(path).read_text().split("\n"))
    read(None, str(notes))
    assert cache._included == {str(notes): file_digest(notes)}


def test_every_page_is_converted_again_when_a_markdown_setting_changes(project, conversions):
    build_site(project, "first")
    config = project / "mkdocs.yml"
    config.write_text(CONFIG.replace("permalink: true", "permalink: false"), encoding="utf-8")
    conversions.clear()
    site = build_site(project, "second")
    assert sorted(conversions) == ["# Home", "# The second part"]
    assert "headerlink" not in (site / "part" / "index.html").read_text(encoding="utf-8")


def test_the_code_blocks_of_a_kept_page_are_kept_for_when_it_changes(
    project, conversions, monkeypatch
):
    highlighted = []
    highlight = pygments.highlight

    def counted(code, lexer, formatter, outfile=None):
        highlighted.append(code)
        return highlight(code, lexer, formatter, outfile)

    monkeypatch.setattr(pygments, "highlight", counted)
    build_site(project, "first")
    build_site(project, "second")  # every page kept: no block highlighted
    (project / "docs" / "part.md").write_text(PAGES["part.md"] + "\nMore.\n", encoding="utf-8")
    conversions.clear()
    build_site(project, "third")
    assert conversions == ["# The second part"]
    assert highlighted == ["answer = 42"]  # in the first build only


class OtherEnginesPage:
    """A page of another engine running the hooks (make engines builds with ProperDocs)."""

    def render(self, config, files):
        self.content = "<p>rendered by its engine</p>"


def test_another_engine_renders_its_pages_itself_and_keeps_none(project):
    build_site(project, "first")
    kept = (project / PAGE_CACHE).read_bytes()
    config = SimpleNamespace(config_file_path=str(project / "mkdocs.yml"))  # not MkDocs's own
    build_cache.on_config(config)
    page = build_cache.on_pre_page(OtherEnginesPage(), config, [])
    assert "render" not in vars(page)
    page.render(config, [])
    build_cache.on_post_build(config)
    assert (project / PAGE_CACHE).read_bytes() == kept  # MkDocs's pages, for its next build
