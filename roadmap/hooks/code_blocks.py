"""Code blocks highlighted once: each block's HTML from Pygments is kept from one build for the
next (roadmap/highlight_cache.py). pymdown-extensions calls Pygments through the name
`highlight` in its module `pymdownx.highlight`; the build's highlighter takes its place there."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pygments
import pymdownx.highlight

from roadmap.conventions import HIGHLIGHT_CACHE
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


def on_post_build(config) -> None:
    for highlighter in _build:
        highlighter.save()
