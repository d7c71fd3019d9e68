"""What a build keeps for the next, in build/ (roadmap/kept.py): each Markdown page's HTML
(roadmap/page_cache.py), each code block's HTML from Pygments (roadmap/highlight_cache.py) and
the theme's templates compiled by Jinja. The stylesheet pruning keeps its results too, in the
hooks that prune (css.kept_pruning).

Each Markdown page gets the build's `PageCache.render` in place of its own before it is read,
and the snippets extension's reader, shared by every page, tells the cache which files a page
includes; another engine running these hooks (`make engines`) renders its pages itself.

pymdown-extensions calls Pygments through the name `highlight` in its module
`pymdownx.highlight`; the build's highlighter takes its place there. Jinja keeps a compiled
template under its name and a hash of its source, and compiles it again when either differs."""

from __future__ import annotations

import functools
import importlib.metadata
import inspect
import platform
from pathlib import Path

import jinja2
import pygments
import pymdownx.highlight
import pymdownx.snippets
from mkdocs.config.defaults import MkDocsConfig

from roadmap import page_cache
from roadmap.conventions import HIGHLIGHT_CACHE, PAGE_CACHE, TEMPLATE_CACHE_DIR
from roadmap.highlight_cache import Highlighter
from roadmap.kept import code_digest
from roadmap.page_cache import PageCache

# The libraries whose output the kept blocks are, and those whose output the kept pages are.
HIGHLIGHTING_PACKAGES = ("Pygments", "pymdown-extensions")
RENDERING_PACKAGES = ("mkdocs", "Markdown", "pymdown-extensions", "Pygments")
# The extension's own reader, though an earlier build in this process put another in its place.
_read_lines = inspect.unwrap(pymdownx.snippets.SnippetPreprocessor.read_lines)
_build: list[Highlighter] = []  # this build's highlighter
_pages: list[PageCache] = []  # and its pages


def _versions(packages: tuple[str, ...]) -> dict[str, str]:
    """The packages' versions and Python's (its standard library parses HTML for Markdown)."""
    versions = {name: importlib.metadata.version(name) for name in packages}
    return versions | {"Python": platform.python_version()}


def on_config(config):
    root = Path(config.config_file_path).parent
    highlighter = Highlighter(
        root / HIGHLIGHT_CACHE, _versions(HIGHLIGHTING_PACKAGES), pygments.highlight
    )
    _build[:] = [highlighter]
    pymdownx.highlight.highlight = highlighter.highlight
    # Pages are kept for MkDocs only: the cache knows what MkDocs's render sets on a page, and
    # another engine running these hooks (make engines) renders every page itself. A change to
    # what the cache keeps of a page makes every page anew.
    _pages.clear()
    if isinstance(config, MkDocsConfig):
        made_by = _versions(RENDERING_PACKAGES) | {"page_cache": code_digest(page_cache.__file__)}
        pages = PageCache(root / PAGE_CACHE, made_by, highlighter)
        _pages.append(pages)
        pymdownx.snippets.SnippetPreprocessor.read_lines = pages.reading(_read_lines)
    return config


def on_pre_page(page, config, files):
    if _pages and "render" not in vars(page):  # a notebook renders as mkdocs-jupyter made it to
        page.render = functools.partial(_pages[0].render, page, render=page.render)
    return page


def on_env(env: jinja2.Environment, config, files):
    folder = Path(config.config_file_path).parent / TEMPLATE_CACHE_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env  # a read-only checkout compiles the templates each build
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env


def on_post_build(config) -> None:
    for kept in (*_build, *_pages):
        kept.save()
