"""Highlighted code kept from one build for the next (roadmap/highlight_cache.py and
roadmap/hooks/build_cache.py): the same HTML as Pygments gives, each block highlighted once;
and the theme's templates, compiled once."""

import io
import json
from types import SimpleNamespace

import jinja2
import markdown
import pygments
import pymdownx.highlight
import pymdownx.snippets
import pytest
from mkdocs.utils.yaml import yaml_load
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from roadmap.conventions import HIGHLIGHT_CACHE, TEMPLATE_CACHE_DIR
from roadmap.devtools import ROOT
from roadmap.highlight_cache import Highlighter, block_key
from roadmap.hooks import build_cache

VERSIONS = {"Pygments": "2.0", "pymdown-extensions": "10.0"}
CODE = "def area(r):\n    return 3.14 * r ** 2\n"


class Counted:
    """Pygments' own highlight, counting its calls."""

    def __init__(self):
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return pygments.highlight(*args)


def test_a_block_is_highlighted_once_and_the_next_build_reuses_it(tmp_path):
    path = tmp_path / "build" / "kept.json"
    pygments_own = pygments.highlight(CODE, PythonLexer(), HtmlFormatter())
    first = Highlighter(path, VERSIONS, Counted())
    assert first.highlight(CODE, PythonLexer(), HtmlFormatter()) == pygments_own
    first.save()

    counted = Counted()
    second = Highlighter(path, VERSIONS, counted)
    assert second.highlight(CODE, PythonLexer(), HtmlFormatter()) == pygments_own
    assert (counted.calls, second.blocks.reused) == (0, 1)
    # Another option, lexer or code is another block.
    second.highlight(CODE, PythonLexer(), HtmlFormatter(linenos="table"))
    second.highlight(CODE, PythonLexer(stripnl=False), HtmlFormatter())
    second.highlight(CODE + "\n", PythonLexer(), HtmlFormatter())
    assert (counted.calls, second.blocks.reused) == (3, 1)


def test_highlighting_into_a_file_keeps_nothing(tmp_path):
    highlighter = Highlighter(tmp_path / "kept.json", VERSIONS, pygments.highlight)
    written = io.StringIO()
    assert highlighter.highlight(CODE, PythonLexer(), HtmlFormatter(), written) is None
    assert written.getvalue() == pygments.highlight(CODE, PythonLexer(), HtmlFormatter())
    assert highlighter.blocks.used == {}


def test_the_key_holds_everything_pygments_is_given():
    keys = {
        block_key(CODE, PythonLexer(), HtmlFormatter()),
        block_key(CODE + " ", PythonLexer(), HtmlFormatter()),
        block_key(CODE, PythonLexer(tabsize=4), HtmlFormatter()),
        block_key(CODE, PythonLexer(), HtmlFormatter(hl_lines=[2])),
        block_key(CODE, PythonLexer(), pymdownx.highlight.BlockHtmlFormatter()),
        block_key(CODE, PythonLexer(), HtmlFormatter(extra={"x": 1})),
        block_key(CODE, PythonLexer(), HtmlFormatter(extra={"x": 2})),
        block_key(CODE, PythonLexer(), HtmlFormatter(extra=frozenset({1}))),  # by its repr
    }
    assert len(keys) == 8
    assert block_key(CODE, PythonLexer(), HtmlFormatter()) in keys  # and it is stable


def test_a_build_keeps_only_the_blocks_it_used(tmp_path):
    path = tmp_path / "kept.json"
    old = Highlighter(path, VERSIONS, pygments.highlight)
    old.highlight("old = 1\n", PythonLexer(), HtmlFormatter())
    old.highlight(CODE, PythonLexer(), HtmlFormatter())
    old.save()
    new = Highlighter(path, VERSIONS, pygments.highlight)
    new.highlight(CODE, PythonLexer(), HtmlFormatter())
    new.save()
    kept = json.loads(path.read_text())
    assert kept["versions"] == VERSIONS
    assert list(kept["values"]) == [block_key(CODE, PythonLexer(), HtmlFormatter())]


STALE = "<b>stale</b>"


@pytest.mark.parametrize(
    "stored",
    [
        lambda key: {"versions": {**VERSIONS, "Pygments": "1.0"}, "values": {key: STALE}},
        lambda key: {"values": {key: STALE}},
        lambda key: {"versions": VERSIONS, "values": [STALE]},
        lambda key: {"versions": VERSIONS, "values": {key: 7}},
        lambda key: "not an object",
    ],
    ids=["other versions", "no versions", "a list", "not HTML", "not an object"],
)
def test_blocks_kept_for_other_versions_or_broken_are_highlighted_again(tmp_path, stored):
    path = tmp_path / "kept.json"
    path.write_text(json.dumps(stored(block_key(CODE, PythonLexer(), HtmlFormatter()))))
    counted = Counted()
    html = Highlighter(path, VERSIONS, counted).highlight(CODE, PythonLexer(), HtmlFormatter())
    assert html == pygments.highlight(CODE, PythonLexer(), HtmlFormatter())
    assert counted.calls == 1
    path.write_text('{"versions": ')  # not JSON either
    assert Highlighter(path, VERSIONS, counted).highlight(CODE, PythonLexer(), HtmlFormatter())
    assert counted.calls == 2


def test_blocks_that_cannot_be_kept_are_highlighted_each_build(tmp_path):
    (tmp_path / "build").write_text("a file where the folder would be")
    highlighter = Highlighter(tmp_path / "build" / "kept.json", VERSIONS, pygments.highlight)
    assert highlighter.highlight(CODE, PythonLexer(), HtmlFormatter())
    highlighter.save()  # nothing written, and no error
    assert (tmp_path / "build").read_text() == "a file where the folder would be"


def _site_markdown() -> markdown.Markdown:
    """Python-Markdown with the site's extensions, as mkdocs.yml configures them."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))  # MkDocs's own reader
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name != "pymdownx.snippets":  # the page below includes no file
            names.append(name)
            configs[name] = options
    return markdown.Markdown(extensions=names, extension_configs=configs)


def test_the_build_reuses_every_block_of_a_page_and_the_page_is_the_same(tmp_path, monkeypatch):
    monkeypatch.setattr(pymdownx.highlight, "highlight", pymdownx.highlight.highlight)
    reader = pymdownx.snippets.SnippetPreprocessor.read_lines
    monkeypatch.setattr(pymdownx.snippets.SnippetPreprocessor, "read_lines", reader)
    page = (ROOT / "docs" / "dsa" / "binary-search.md").read_text(encoding="utf-8")
    page += "\n```python\n" + CODE + "```\n\n```bash\nmake test\n```\n"
    plain = _site_markdown().convert(page)
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))

    build_cache.on_config(config)
    assert _site_markdown().convert(page) == plain
    build_cache.on_post_build(config)
    first = build_cache._build[0]
    assert first.blocks.reused == 0 and len(first.blocks.used) >= 2
    assert (tmp_path / HIGHLIGHT_CACHE).is_file()

    build_cache.on_config(config)  # the next build
    assert _site_markdown().convert(page) == plain
    assert build_cache._build[0].blocks.reused == len(first.blocks.used)
    assert pymdownx.highlight.highlight == build_cache._build[0].highlight


def test_the_theme_templates_are_compiled_once_and_kept_in_the_build_folder(tmp_path):
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    templates = {"main.html": "<p>{{ page }}</p>"}
    first = build_cache.on_env(jinja2.Environment(loader=jinja2.DictLoader(templates)), config, [])
    assert first.get_template("main.html").render(page="x") == "<p>x</p>"
    compiled = list((tmp_path / TEMPLATE_CACHE_DIR).iterdir())
    assert len(compiled) == 1
    compiled[0].write_bytes(b"not bytecode")  # Jinja compiles again what it cannot load
    second = build_cache.on_env(jinja2.Environment(loader=jinja2.DictLoader(templates)), config, [])
    assert second.get_template("main.html").render(page="y") == "<p>y</p>"

    unwritable = tmp_path / "read-only"
    unwritable.mkdir()
    (unwritable / "build").write_text("a file where the folder would be")
    config = SimpleNamespace(config_file_path=str(unwritable / "mkdocs.yml"))
    env = build_cache.on_env(jinja2.Environment(loader=jinja2.DictLoader(templates)), config, [])
    assert env.bytecode_cache is None
    assert env.get_template("main.html").render(page="z") == "<p>z</p>"
