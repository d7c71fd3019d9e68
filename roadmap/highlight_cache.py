"""Highlighted code kept from one build for the next.

Pygments colours every code block of every page on every build: about half a second of a build,
most of it the snippets' Python. The blocks seldom change from one build to the next, so a
build keeps each block's HTML in a file (conventions.HIGHLIGHT_CACHE), under a key made of all
that Pygments is given for it: the code, the lexer's class and options and the formatter's class
and options. The next build reuses what it finds there. The file holds the versions of Pygments
and pymdown-extensions it was made with and is not read under others; each build writes back
only the blocks it used.

pymdown-extensions calls Pygments through the name `highlight` of its module
`pymdownx.highlight`; roadmap/hooks/build_cache.py puts `Highlighter.highlight` in its place.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from roadmap.kept import Kept, described, digest

Highlight = Callable[..., str]  # pygments.highlight(code, lexer, formatter)


def block_key(code: str, lexer: Any, formatter: Any) -> str:
    """What a block's highlighted HTML depends on, as one hash."""
    return digest(
        code,
        described(type(lexer)),
        described(lexer.options),
        [repr(step) for step in getattr(lexer, "filters", [])],
        described(type(formatter)),
        described(formatter.options),
    )


class Highlighter:
    """Pygments' `highlight` with the blocks of the last build kept in `path`, for the
    `versions` of the libraries that made them."""

    def __init__(self, path: Path, versions: dict[str, str], highlight: Highlight) -> None:
        self.blocks = Kept(path, versions)
        self._highlight = highlight
        self.noted: list[str] | None = None  # while a list, the keys of the blocks highlighted

    def highlight(self, code: str, lexer: Any, formatter: Any, outfile: Any = None) -> str:
        if outfile is not None:  # Pygments writes into a file: nothing to keep
            return self._highlight(code, lexer, formatter, outfile)
        key = block_key(code, lexer, formatter)
        if self.noted is not None:
            self.noted.append(key)
        return self.blocks.get(
            key,
            lambda: self._highlight(code, lexer, formatter),
            lambda html: isinstance(html, str),
        )

    def keep(self, keys: list[str]) -> None:
        """Keep for the next build the blocks under `keys` that this build did not highlight:
        those of a page whose HTML was kept whole (roadmap/page_cache.py)."""
        self.blocks.keep(keys)

    def save(self) -> None:
        """Keep the blocks this build used, for the next."""
        self.blocks.save()
