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
stylesheet once for all notebooks and every page stays light; plots load when scrolled near,
in a box of their size. `prune_stylesheet_assets` then cuts those stylesheets down to the rules
the notebook pages can use (about 25 KB of the 590; see roadmap/css.py), and
`exclude_from_search` keeps all but a notebook's introduction out of the search index every
reader downloads.
"""

from __future__ import annotations

import base64
import hashlib
import html
import posixpath
import re
import struct
from collections.abc import Callable, Collection

from roadmap.css import Prune, prune_stylesheets

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
_IMAGE = re.compile(r"<img\s[^<>]*>")
_PNG_SOURCE = re.compile(r'(?<![\w-])src="data:image/png;base64,([A-Za-z0-9+/=\s]+)"')
ASSETS_DIR = "assets/notebooks"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _asset_path(data: bytes, suffix: str) -> str:
    return f"{ASSETS_DIR}/{hashlib.sha256(data).hexdigest()[:16]}{suffix}"


def externalise(content: str, url_of_asset: Callable[[str], str], assets: dict[str, bytes]) -> str:
    """Replace inline `<style>` blocks and base64 PNG images with links to files.

    Each file is named by a hash of its bytes and added to `assets` (site path -> bytes), so
    identical stylesheets or images across pages become one file. `url_of_asset(path)` gives
    the URL of a site path relative to this page. Images load lazily (a plot far down the page
    costs nothing until the reader scrolls near it) and carry their size in pixels, so that the
    browser keeps their room and the text does not jump when they arrive.
    """

    def store(data: bytes, suffix: str) -> str:
        path = _asset_path(data, suffix)
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
        tag = match.group(0)
        attributes = {"loading": "lazy", "decoding": "async"}
        source = _PNG_SOURCE.search(tag)
        if source:
            data = base64.b64decode("".join(source.group(1).split()))
            tag = f'{tag[: source.start()]}src="{store(data, ".png")}"{tag[source.end() :]}'
            if not _has_attribute(tag, "width") and not _has_attribute(tag, "height"):
                width, height = png_size(data)
                attributes.update(width=str(width), height=str(height))
        return _with_attributes(tag, attributes)

    return _IMAGE.sub(image, _STYLE_BLOCK.sub(stylesheet, content))


# The text nbconvert gives every output image that has none, which says nothing to a reader who
# cannot see the plot.
PLACEHOLDER_ALT = "No description has been provided for this image"
# An alt attribute with that text, not the end of another attribute's name (data-alt=...). The
# check looks back from after the match: a pattern that starts with its text is found fast in
# a page of several megabytes (the images are still in it).
_PLACEHOLDER = 'alt="' + re.escape(PLACEHOLDER_ALT) + '"'
_ALT = re.compile(rf"{_PLACEHOLDER}(?<![\w-]{_PLACEHOLDER})")
IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")


def image_descriptions(notebook: dict) -> list[str]:
    """The text alternative of every image the notebook's cells output, in page order.

    A code cell's metadata says what its images show: `"alt": "text"` for one image, or a list
    of texts, one per image. Raises ValueError naming every cell whose images lack them."""
    texts: list[str] = []
    problems: list[str] = []
    for number, cell in enumerate(notebook.get("cells", []), start=1):
        images = sum(
            any(kind in output.get("data", {}) for kind in IMAGE_TYPES)
            for output in cell.get("outputs", [])
        )
        if not images:
            continue
        alt = cell.get("metadata", {}).get("alt")
        given = [alt] if isinstance(alt, str) else alt
        if (
            not isinstance(given, list)
            or len(given) != images
            or not all(isinstance(text, str) and text.strip() for text in given)
        ):
            problems.append(
                f'cell {number} outputs {images} image(s): give its metadata an "alt" '
                "with what each shows (a text, or a list of one text per image)"
            )
            continue
        texts += [" ".join(text.split()) for text in given]
    if problems:
        raise ValueError("; ".join(problems))
    return texts


def describe_images(content: str, texts: list[str]) -> str:
    """The page with nbconvert's placeholder text on each image replaced by `texts`, in order.
    Raises ValueError when the page has another number of such images."""
    found = len(_ALT.findall(content))
    if found != len(texts):
        raise ValueError(f"{found} images on the page, {len(texts)} descriptions in the notebook")
    remaining = iter(texts)
    return _ALT.sub(lambda _: f'alt="{html.escape(next(remaining))}"', content)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels of a PNG image, from its header: the IHDR chunk, which the
    format puts first, right after the 8-byte signature and the chunk's length and type."""
    if len(data) < 24 or not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _has_attribute(tag: str, name: str) -> bool:
    return re.search(rf"\s{name}\s*=", tag, re.I) is not None


def _with_attributes(tag: str, attributes: dict[str, str]) -> str:
    """`tag` (a start tag) with those of `attributes` it does not have yet, after its name."""
    added = "".join(
        f' {name}="{value}"' for name, value in attributes.items() if not _has_attribute(tag, name)
    )
    name_end = re.match(r"<[\w-]+", tag).end()
    return tag[:name_end] + added + tag[name_end:]


# A start tag (its name and attributes), or what to pass over whole: a comment, a script or a
# style element, whose text may look like tags.
_TAG = re.compile(
    r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<(/?)([a-zA-Z][\w:-]*)([^<>]*)>", re.S | re.I
)
_CLASS_ATTRIBUTE = re.compile(r'(?<![\w-])class="([^"]*)"')
# Material's search plugin leaves out of the index what carries this attribute, then removes
# the attribute from the page (only with a value, hence "true").
SEARCH_EXCLUDE = ' data-search-exclude="true"'


def exclude_from_search(content: str) -> str:
    """Keep only the notebook's first Markdown cell (its title and introduction) in the search.

    A notebook page would otherwise put all its code and output in the site's search index,
    which every reader downloads: searching for `import` or `mean` would list every notebook.
    Every element of the other cells carries the attribute, not just the cell: Material's
    search skips an element's text only until the first end tag of the same name inside it
    (it tells elements apart by tag name alone), so marking a cell's outer `<div>` would stop
    the exclusion at its first inner `</div>`.
    """
    out: list[str] = []
    done = 0
    divs = 0  # how many <div> are open
    cell_divs: int | None = None  # how many were open when the current cell began
    excluded = False
    intro_seen = False
    for match in _TAG.finditer(content):
        closing, name, attributes = match.group(2, 3, 4)
        if name is None:  # a comment, script or style element
            continue
        is_div = name.lower() == "div"
        if is_div and closing:
            divs -= 1
            if divs == cell_divs:
                cell_divs = None
            continue
        if closing:
            continue
        if is_div and cell_divs is None:
            found = _CLASS_ATTRIBUTE.search(attributes)
            classes = found.group(1).split() if found else []
            if "jp-Cell" in classes:
                cell_divs = divs
                intro = "jp-MarkdownCell" in classes and not intro_seen
                intro_seen = intro_seen or intro
                excluded = not intro
        if cell_divs is not None and excluded:
            out.append(content[done : match.end(3)] + SEARCH_EXCLUDE)
            done = match.end(3)
        if is_div:
            divs += 1
    return "".join(out) + content[done:]


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


def prune_stylesheet_assets(
    assets: dict[str, bytes], classes: Collection[str], prune: Prune = prune_stylesheets
) -> dict[str, str | None]:
    """Prune the stylesheets among `assets` (site path -> bytes) with `prune`.

    Each is stored again under the hash of its new bytes; one left empty is dropped. Returns
    the old path -> the new one, or None for a dropped stylesheet, for `relink_stylesheets`.
    """
    paths = sorted(path for path in assets if path.endswith(".css"))
    pruned = prune([assets.pop(path).decode("utf-8") for path in paths], classes)
    renamed: dict[str, str | None] = {}
    for path, css in zip(paths, pruned, strict=True):
        renamed[path] = None
        if css.strip():
            renamed[path] = _asset_path(css.encode("utf-8"), ".css")
            assets[renamed[path]] = css.encode("utf-8")
    return renamed
