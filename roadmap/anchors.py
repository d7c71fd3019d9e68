"""The in-site links with a #fragment in a built site whose target page has no element with
that id. LinkChecker checks that each page exists; anchors are checked here, in
one pass over the files, because LinkChecker downloads a page again for every anchor it checks
(on this site, 83 s against 6 s without anchors).

`python -m scripts.check_anchors SITE_DIR` runs it on a site; the site build's tests run it on
theirs.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        if tag == "a" and found.get("name"):
            self.ids.add(found["name"])
        if tag == "a" and found.get("href"):
            self.links.append(found["href"])


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def broken_anchors(site: Path) -> tuple[int, list[str]]:
    """How many in-site links with a #fragment there are, and 'page -> link' for each one
    whose fragment names no element of its target page."""
    pages = {path.relative_to(site).as_posix(): _parse(path) for path in site.rglob("*.html")}
    checked, broken = 0, []
    for source, page in sorted(pages.items()):
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.fragment:
                continue
            if parts.path:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(source), parts.path))
                if parts.path.endswith("/") or target.endswith("."):
                    target = posixpath.join(target, "index.html")
            else:
                target = source
            target = target.removeprefix("./")
            if target not in pages:
                continue  # not a page of the site (a download): LinkChecker reports missing files
            checked += 1
            if unquote(parts.fragment) not in pages[target].ids:
                broken.append(f"{source} -> {href}")
    return checked, broken
