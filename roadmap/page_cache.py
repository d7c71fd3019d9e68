"""Pages turned into HTML, kept from one build for the next.

Python-Markdown turns every page into HTML on every build, about a third of a full build, though
few pages change from one build to the next. So a build keeps what MkDocs's `Page.render` makes
of each Markdown page (its HTML, table of contents and title, the anchors it holds and the
anchors it links to) in a file (conventions.PAGE_CACHE), under a key of all that the rendering
reads:

- the page's Markdown as the hooks left it, its path and its address;
- the path, address and inclusion of every file of the site, which decide where each link goes
  and which links MkDocs reports;
- the Markdown extensions and their settings, the levels of MkDocs's link checks and of its log,
  and the folder the build runs in (the snippets extension looks for files from there);
- the content of each file the snippets extension included, read again each build.

The next build reuses what it finds there, and MkDocs still checks the kept links to anchors. A
page whose rendering logged anything (a link to a missing page, say) is not kept, so the message
comes again on each build. The file holds the versions of Python and of the packages that
render and is not read under others; each build writes back only the pages it used, and the
code blocks of the pages it reused, which the highlighter keeps for when a page changes.

roadmap/hooks/build_cache.py gives each Markdown page `PageCache.render` in place of its own
(a notebook keeps the render mkdocs-jupyter gives it), and has the snippets extension say what
it reads (`PageCache.reading`): a file saved while it was read counts as changed.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from mkdocs.structure.toc import get_toc

from roadmap.kept import Kept, described, digest

Render = Callable[[Any, Any], None]  # a page's own render(config, files)
ReadLines = Callable[[Any, str], list[str]]  # the snippets extension's reader
# Where MkDocs and the Markdown extensions log while a page renders (MkDocs's own logger does
# not pass its messages on to the root).
LOGGERS = ("mkdocs", "")
CHANGED_WHILE_READ = "changed while read"  # matches no file's hash


def file_digest(path: str | Path) -> str | None:
    """A hash of a file's bytes; None when it cannot be read."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def site_key(config: Any, files: Any) -> str:
    """What the rendering of every page reads beside the page itself, as one hash."""
    return digest(
        described(config["markdown_extensions"]),
        described(config["mdx_configs"]),
        described(config["validation"]),
        sorted([file.src_uri, file.url, file.inclusion.name] for file in files),
        os.getcwd(),
        logging.getLogger("mkdocs").getEffectiveLevel(),
    )


def page_key(site: str, page: Any) -> str:
    """What one page's rendering reads, as one hash (the files it includes aside)."""
    return digest(site, page.file.src_uri, page.file.url, page.markdown)


def _toc_tokens(items: Any) -> list[dict[str, Any]]:
    """A table of contents as the tokens MkDocs makes it from."""
    return [
        {
            "level": item.level,
            "id": item.id,
            "name": item.title,
            "children": _toc_tokens(item.children),
        }
        for item in items
    ]


def rendered(page: Any, included: dict[str, str | None], blocks: list[str]) -> dict[str, Any]:
    """What `page.render` set on the page, as JSON can hold it, with the files it included and
    the keys of its highlighted code blocks."""
    links = page.links_to_anchors
    return {
        "content": page.content,
        "toc": _toc_tokens(page.toc),
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": None
        if links is None
        else [[file.src_uri, dict(to)] for file, to in links.items()],
        "included": included,
        "blocks": blocks,
    }


def _whole(value: Any) -> bool:
    """Whether a kept rendering has every part `restore` sets, each of the right kind."""
    try:
        get_toc(value["toc"])
        links = value["links"]
        return (
            isinstance(value["content"], str)
            and isinstance(value["toc"], list)
            and isinstance(value["title"], str | None)
            and isinstance(value["anchors"], list)
            and all(isinstance(anchor, str) for anchor in value["anchors"])
            and isinstance(value["included"], dict)
            and isinstance(value["blocks"], list)
            and (links is None or all(isinstance(to, dict) for _, to in links))
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return False


def is_current(value: Any, files: Any) -> bool:
    """Whether a kept rendering is whole, its included files unchanged and its links' targets
    still files of the site."""
    if not _whole(value):
        return False
    if any(file_digest(path) != kept for path, kept in value["included"].items()):
        return False
    links = value["links"]
    return links is None or all(files.get_file_from_path(src_uri) for src_uri, _ in links)


def restore(page: Any, value: dict[str, Any], files: Any) -> None:
    """Set on `page` what its rendering set, from `value`."""
    page.content = value["content"]
    page.toc = get_toc(value["toc"])
    page._title_from_render = value["title"]
    page.present_anchor_ids = set(value["anchors"])
    if value["links"] is not None:
        page.links_to_anchors = {
            files.get_file_from_path(src_uri): dict(to) for src_uri, to in value["links"]
        }


class _Heard(logging.Handler):
    """Counts the messages logged while it listens."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.messages += 1


class Blocks(Protocol):
    """The build's code highlighter (highlight_cache.Highlighter), as the pages' cache uses it."""

    noted: list[str] | None  # the keys of the blocks highlighted while it is a list

    def keep(self, keys: list[str]) -> None: ...


class PageCache:
    """Pages' renderings, with those of the last build kept in `path`, for the `versions` of
    the packages that made them. The code blocks of a page whose rendering is reused are kept
    for the next build too, in `blocks`, so that they are there when the page changes."""

    def __init__(self, path: Path, versions: dict[str, str], blocks: Blocks) -> None:
        self.pages = Kept(path, versions)
        self.blocks = blocks
        self._site: str | None = None  # site_key, the same for every page of a build
        self._included: dict[str, str | None] | None = None  # while a page renders

    def reading(self, read_lines: ReadLines) -> ReadLines:
        """The snippets extension's `read_lines`, noting each file a page includes, with a hash
        of what was read: none that matches, if the file changed while it was read."""

        @functools.wraps(read_lines)  # inspect.unwrap finds the extension's own
        def read(preprocessor: Any, path: str) -> list[str]:
            if self._included is None:  # not a page's rendering
                return read_lines(preprocessor, path)
            before = file_digest(path)
            lines = read_lines(preprocessor, path)
            after = file_digest(path)
            self._included[str(path)] = after if after == before else CHANGED_WHILE_READ
            return lines

        return read

    def render(self, page: Any, config: Any, files: Any, render: Render) -> None:
        """Render `page` as `render` does, or set on it what was kept of the same rendering."""
        if self._site is None:
            self._site = site_key(config, files)
        key = page_key(self._site, page)
        heard = _Heard()

        def make() -> dict[str, Any]:
            self._included, self.blocks.noted = {}, []
            loggers = [logging.getLogger(name) for name in LOGGERS]
            for logger in loggers:
                logger.addHandler(heard)
            try:
                render(config, files)
                return rendered(page, self._included, self.blocks.noted)
            finally:
                for logger in loggers:
                    logger.removeHandler(heard)
                self._included, self.blocks.noted = None, None

        value = self.pages.get(key, make, lambda kept: is_current(kept, files))
        if heard.messages:
            self.pages.drop(key)  # rendered again next build, to say it again
        else:
            restore(page, value, files)
            self.blocks.keep(value["blocks"])

    def save(self) -> None:
        """Keep the pages this build rendered or reused, for the next."""
        self.pages.save()
