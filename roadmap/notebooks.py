"""Notebook pages (docs/notebooks/*.ipynb, turned into HTML by mkdocs-jupyter) made to fit the site.

mkdocs-jupyter converts a notebook itself, so MkDocs' Markdown processing never sees it. `adapt`
does for those pages what the site does for every other one:

- links written as in the repository (`../data-science/linear-regression.md`, which also work on
  GitHub) become the pages' URLs; a link to a missing page is an error, as in strict mode;
- a link to download the .ipynb file, which `include_source: true` copies next to the page;
- code blocks that keyboard users can focus and scroll;
- nothing the Content-Security-Policy would refuse: style attributes (pandas' HTML tables carry
  one) are dropped, and so is the empty `<script src="">` written where MathJax would load.

`externalise` moves what mkdocs-jupyter inlines into every page (about 590 KB of stylesheet and
each plot as base64) into files named by their content, so that a reader's browser fetches the
stylesheet once for all notebooks and every page stays light.
"""

from __future__ import annotations

import base64
import hashlib
import html
import posixpath
import re
from collections.abc import Callable

SUFFIX = ".ipynb"
# Both match inside tags only: code shown on the page (its copy-to-clipboard text keeps quotes
# unescaped) may well contain `href="x.md"` or `style="--"`, and must stay as written.
# A link to a page of the site is relative: not to another site, not absolute, not an anchor.
_PAGE_LINK = re.compile(
    r'(<a\s[^<>]*?\bhref=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)([^"#?]+\.(?:md|ipynb))(#[^"]*)?"'
)
_STYLE_ATTRIBUTE = re.compile(r'(<[a-zA-Z][^<>]*?)\sstyle="[^"]*"')
_EMPTY_SCRIPT = re.compile(r'<script src="">\s*</script>')
_FIRST_H1_END = re.compile(r"</h1>")
# Code and output blocks scroll sideways on a phone: keyboard users must be able to focus them.
_SCROLLING_BLOCK = re.compile(r'<div class="(highlight-ipynb\b[^"]*)"')


def is_notebook(src_uri: str) -> bool:
    return src_uri.endswith(SUFFIX)


def adapt(content: str, src_uri: str, url_of: Callable[[str], str | None]) -> str:
    """The HTML of the notebook page `src_uri` (relative to docs/), ready for the site.

    `url_of(src)` returns the URL of the page built from docs/`src`, relative to this page, or
    None when there is no such page. Raises ValueError naming every link to a missing page.
    """
    missing: list[str] = []

    def relink(match: re.Match) -> str:
        written = html.unescape(match.group(2))
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), written))
        url = None if target.startswith("../") else url_of(target)
        if url is None:
            missing.append(written)
            return match.group(0)
        return f'{match.group(1)}{html.escape(url)}{match.group(3) or ""}"'

    content = _PAGE_LINK.sub(relink, content)
    if missing:
        raise ValueError(f"link to a page that does not exist: {', '.join(missing)}")
    content = _STYLE_ATTRIBUTE.sub(r"\1", content)
    content = _EMPTY_SCRIPT.sub("", content)
    content = _SCROLLING_BLOCK.sub(r'<div class="\1" tabindex="0"', content)
    return _add_download_link(content, posixpath.basename(src_uri))


_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
_PNG_SOURCE = re.compile(r'(<img\s[^<>]*?\bsrc=")data:image/png;base64,([A-Za-z0-9+/=\s]+)"')
ASSETS_DIR = "assets/notebooks"


def externalise(content: str, url_of_asset: Callable[[str], str], assets: dict[str, bytes]) -> str:
    """Replace inline `<style>` blocks and base64 PNG images with links to files.

    Each file is named by a hash of its bytes and added to `assets` (site path -> bytes), so
    identical stylesheets or images across pages become one file. `url_of_asset(path)` gives
    the URL of a site path relative to this page.
    """

    def store(data: bytes, suffix: str) -> str:
        path = f"{ASSETS_DIR}/{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
        assets[path] = data
        return html.escape(url_of_asset(path))

    linked: set[str] = set()

    def stylesheet(match: re.Match) -> str:
        if not match.group(1).strip():
            return ""
        url = store(match.group(1).encode("utf-8"), ".css")
        if url in linked:  # the same block repeated on one page: one link is enough
            return ""
        linked.add(url)
        return f'<link rel="stylesheet" href="{url}">'

    def image(match: re.Match) -> str:
        data = base64.b64decode("".join(match.group(2).split()))
        return f'{match.group(1)}{store(data, ".png")}"'

    return _PNG_SOURCE.sub(image, _STYLE_BLOCK.sub(stylesheet, content))


def _add_download_link(content: str, name: str) -> str:
    """After the title (the first h1), or first when there is none."""
    link = (
        f'<p class="roadmap-notebook-download"><a href="{html.escape(name)}" download>'
        f"Download this notebook ({html.escape(name)})</a> to run it in Jupyter.</p>"
    )
    title_end = _FIRST_H1_END.search(content)
    if not title_end:
        return link + content
    return content[: title_end.end()] + link + content[title_end.end() :]
