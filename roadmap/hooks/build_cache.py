"""What a build keeps for the next, in build/ (roadmap/kept.py): each code block's HTML from
Pygments (roadmap/highlight_cache.py) and the theme's templates compiled by Jinja. The stylesheet
pruning keeps its results too, in the hooks that prune (css.kept_pruning).

pymdown-extensions calls Pygments through the name `highlight` in its module
`pymdownx.highlight`; the build's highlighter takes its place there. Jinja keeps a compiled
template under its name and a hash of its source, and compiles it again when either differs."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import jinja2
import pygments
import pymdownx.highlight

from roadmap.conventions import HIGHLIGHT_CACHE, TEMPLATE_CACHE_DIR
from roadmap.highlight_cache import Highlighter

# The libraries whose output the kept blocks are.
HIGHLIGHTING_PACKAGES = ("Pygments", "pymdown-extensions")
_build: list[Highlighter] = []  # this build's highlighter


def on_config(config):
    versions = {name: importlib.metadata.version(name) for name in HIGHLIGHTING_PACKAGES}
    root = Path(config.config_file_path).parent
    highlighter = Highlighter(root / HIGHLIGHT_CACHE, versions, pygments.highlight)
    _build[:] = [highlighter]
    pymdownx.highlight.highlight = highlighter.highlight
    return config


def on_env(env: jinja2.Environment, config, files):
    folder = Path(config.config_file_path).parent / TEMPLATE_CACHE_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env  # a read-only checkout compiles the templates each build
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env


def on_post_build(config) -> None:
    for highlighter in _build:
        highlighter.save()
