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
in a box of their size. `prune_stylesheets` then cuts those stylesheets down to the rules the
notebook pages can use (about 25 KB of the 590), and `exclude_from_search` keeps all but a
notebook's introduction out of the search index every reader downloads.
"""

from __future__ import annotations

import base64
import hashlib
import html
import posixpath
import re
import struct
from collections.abc import Callable, Collection, Iterable
from html.parser import HTMLParser
from typing import NamedTuple

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


# Only the stylesheet rules a notebook page can use.
#
# mkdocs-jupyter inlines JupyterLab's whole theme (about 575 KB) into every notebook page, for
# the widgets, dialogs and menus of the application as much as for the cells of a static page.
# `prune_stylesheets` keeps the rules that can match an element of the notebook pages and the
# custom properties (`--jp-...: value`) those rules read. It reads CSS with `split_rules`, a
# splitter that knows just enough of the syntax (blocks, strings, comments, escapes) to find
# where each rule starts and ends; it does not need to understand what a rule says.


class CssRule(NamedTuple):
    """One rule of a stylesheet, as written: `prelude { block }`, or a statement such as
    `@charset "UTF-8";` (block None). The prelude is stripped of comments and outer space."""

    prelude: str
    block: str | None

    def __str__(self) -> str:
        return f"{self.prelude};" if self.block is None else f"{self.prelude}{{{self.block}}}"


# What ends a run of ordinary characters: a string, a comment, an escape, or a brace or
# semicolon that may end a rule.
_CSS_SPECIAL = re.compile(r"[\"'\\{};]|/\*")
_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)


def _end_of_string(css: str, start: int) -> int:
    """Just past the string whose quote is css[start]. As in a browser, an escape does not end
    it, and neither does the other quote, but a line break does (and so does the end of css)."""
    quote, i = css[start], start + 1
    while i < len(css):
        if css[i] == "\\":
            i += 2
        elif css[i] == quote:
            return i + 1
        elif css[i] == "\n":
            return i
        else:
            i += 1
    return len(css)


def _end_of_comment(css: str, start: int) -> int:
    end = css.find("*/", start + 2)
    return len(css) if end < 0 else end + 2


def _matching_brace(css: str, start: int) -> int:
    """The index of the "}" that closes the "{" at css[start], or len(css) if none does.
    Braces in strings and comments, or escaped, do not count."""
    depth, i = 0, start
    while i < len(css):
        if css[i] in "\"'":
            i = _end_of_string(css, i)
            continue
        if css.startswith("/*", i):
            i = _end_of_comment(css, i)
            continue
        if css[i] == "\\":
            i += 1
        elif css[i] == "{":
            depth += 1
        elif css[i] == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(css)


def split_rules(css: str) -> list[CssRule]:
    """The top-level rules of a stylesheet, in order; the blocks of at-rules such as `@media`
    are left as text, to be split again. As in a browser, a prelude with no block at the end
    is dropped unless it is an at-rule statement (`@import "x.css"` with no semicolon)."""
    rules: list[CssRule] = []
    prelude: list[str] = []  # the pieces of the current prelude, comments left out
    i = 0
    while i < len(css):
        found = _CSS_SPECIAL.search(css, i)
        if not found:
            prelude.append(css[i:])
            break
        prelude.append(css[i : found.start()])
        i, token = found.start(), found.group()
        if token == "/*":
            i = _end_of_comment(css, i)
        elif token in "\"'":
            end = _end_of_string(css, i)
            prelude.append(css[i:end])
            i = end
        elif token == "\\":
            prelude.append(css[i : i + 2])
            i += 2
        elif token == "{":
            end = _matching_brace(css, i)
            rules.append(CssRule("".join(prelude).strip(), css[i + 1 : end]))
            prelude, i = [], end + 1
        elif token == ";" and "".join(prelude).lstrip().startswith("@"):
            rules.append(CssRule("".join(prelude).strip(), None))
            prelude, i = [], i + 1
        else:  # a stray "}" or a ";" in a selector: the browser drops that rule, we keep it
            prelude.append(token)
            i += 1
    tail = "".join(prelude).strip()
    if tail.startswith("@"):
        rules.append(CssRule(tail, None))
    return rules


def split_top_level(text: str, separator: str) -> list[str]:
    """`text` cut at each `separator` (a comma between selectors, a semicolon between
    declarations) that stands outside parentheses, brackets, strings and comments, so that
    `:not(.a, .b)` or `url("a;b")` stay whole."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        char = text[i]
        if char in "\"'":
            i = _end_of_string(text, i)
            continue
        if text.startswith("/*", i):
            i = _end_of_comment(text, i)
            continue
        if char == "\\":
            i += 1
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
        i += 1
    parts.append(text[start:])
    return parts


_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n]?|\\(.)", re.S)
_CLASS_SELECTOR = re.compile(r"\.((?:\\[0-9a-fA-F]{1,6}[ \t\n]?|\\.|[\w-]|[^\x00-\x7f])+)")


def _unescape(identifier: str) -> str:
    """`sm\\:p-4` -> `sm:p-4`: a class name as HTML writes it."""

    def char(match: re.Match) -> str:
        if match.group(2) is not None:
            return match.group(2)
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"

    return _CSS_ESCAPE.sub(char, identifier)


def required_classes(selector: str) -> set[str]:
    """The classes an element must have somewhere in the page for `selector` to match it.

    Classes inside parentheses do not count: `:not(.a)` matches without any `.a` in the page,
    and `:is(.a, .b)` with only one of them. Nor do those in attribute values or strings.
    """
    outside, depth, i = [], 0, 0
    while i < len(selector):
        char = selector[i]
        if char in "\"'":
            i = _end_of_string(selector, i)
            continue
        if char == "\\":
            if depth == 0:
                outside.append(selector[i : i + 2])
            i += 2
            continue
        if char in "([":
            depth += 1
            outside.append(" ")
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif depth == 0:
            outside.append(char)
        i += 1
    return {_unescape(name) for name in _CLASS_SELECTOR.findall("".join(outside))}


# At-rules whose block holds more rules, which are pruned like those at the top level. Others
# (@keyframes, @font-face, @page, @property) are kept as they are.
_GROUPING_RULES = {"@media", "@supports", "@container", "@layer", "@document", "@-moz-document"}
_CUSTOM_PROPERTY_USE = re.compile(r"var\(\s*(--[\w-]+)")


def _at_keyword(prelude: str) -> str:
    return re.match(r"@[\w-]*", prelude).group().lower() if prelude.startswith("@") else ""


def _can_match(prelude: str, classes: Collection[str]) -> bool:
    return any(required_classes(s) <= classes for s in split_top_level(prelude, ","))


def _filter_rules(
    rules: Iterable[CssRule], keep: Callable[[CssRule], CssRule | None]
) -> list[CssRule]:
    """`keep(rule)` (the rule, a changed rule or None) for each rule, inside @media and the like
    too; a grouping rule goes when nothing is left in it."""
    kept = []
    for rule in rules:
        if rule.block is not None and _at_keyword(rule.prelude) in _GROUPING_RULES:
            inner = _filter_rules(split_rules(rule.block), keep)
            if inner:
                kept.append(CssRule(rule.prelude, "".join(map(str, inner))))
        elif (result := keep(rule)) is not None:
            kept.append(result)
    return kept


def _matching_rules(rules: Iterable[CssRule], classes: Collection[str]) -> list[CssRule]:
    """The rules that can match, with @media and the like pruned inside and dropped if empty."""

    def keep(rule: CssRule) -> CssRule | None:
        if rule.block is None or rule.prelude.startswith("@"):
            return rule  # @charset, @keyframes, @font-face...
        return rule if _can_match(rule.prelude, classes) else None

    return _filter_rules(rules, keep)


def _property_name(declaration: str) -> str:
    return _COMMENT.sub("", declaration.partition(":")[0]).strip()


def _every_rule(rules: Iterable[CssRule]) -> Iterable[CssRule]:
    """The rules, with those inside @media and the like in place of the @media rule."""
    for rule in rules:
        if rule.block is not None and _at_keyword(rule.prelude) in _GROUPING_RULES:
            yield from _every_rule(split_rules(rule.block))
        else:
            yield rule


def _is_style_rule(rule: CssRule) -> bool:
    """A rule of declarations only, which may be pruned one by one. One with a brace inside
    (nested rules) is left whole, like @keyframes or @font-face."""
    return rule.block is not None and not rule.prelude.startswith("@") and "{" not in rule.block


def _used_properties(sheets: Iterable[list[CssRule]]) -> set[str]:
    """The custom properties read by the declarations that are not custom properties
    themselves, and those read by the values of custom properties in use, and so on."""
    defined: dict[str, list[str]] = {}
    used: set[str] = set()
    for rules in sheets:
        for rule in _every_rule(rules):
            if not _is_style_rule(rule):
                used.update(_CUSTOM_PROPERTY_USE.findall(str(rule)))
                continue
            for declaration in split_top_level(rule.block, ";"):
                name = _property_name(declaration)
                if name.startswith("--"):
                    defined.setdefault(name, []).append(declaration.partition(":")[2])
                else:
                    used.update(_CUSTOM_PROPERTY_USE.findall(declaration))
    pending = list(used)
    while pending:
        for value in defined.get(pending.pop(), []):
            for name in _CUSTOM_PROPERTY_USE.findall(value):
                if name not in used:
                    used.add(name)
                    pending.append(name)
    return used


def _without_unused_properties(rules: Iterable[CssRule], used: set[str]) -> list[CssRule]:
    def keep(rule: CssRule) -> CssRule | None:
        if not _is_style_rule(rule):
            return rule
        declarations = [
            d
            for d in split_top_level(rule.block, ";")
            if not _property_name(d).startswith("--") or _property_name(d) in used
        ]
        return (
            CssRule(rule.prelude, ";".join(declarations))
            if any(map(str.strip, declarations))
            else None
        )

    return _filter_rules(rules, keep)


def prune_stylesheets(sheets: list[str], classes: Collection[str]) -> list[str]:
    """`sheets` without the rules that can never match on the notebook pages.

    `classes` are the class names of every element of those pages. A style rule goes when each
    selector of its list needs a class that is not among them; @media and @supports blocks are
    pruned inside, and go when nothing is left in them. Then a custom property goes when no rule
    left in any of `sheets` reads it (directly or through another custom property): the sheets
    are pruned together because one may set the properties another reads. A property read only
    by a stylesheet outside `sheets`, or by a script, would be lost; the site has none.
    """
    classes = frozenset(classes)
    kept = [_matching_rules(split_rules(css), classes) for css in sheets]
    used = _used_properties(kept)
    return ["\n".join(map(str, _without_unused_properties(rules, used))) for rules in kept]


_WORD = re.compile(r"[\w-]+")


def script_words(scripts: Iterable[str]) -> set[str]:
    """Every word (letters, digits, `_` and `-`) of the scripts a page may run.

    A script may give an element a class the HTML does not show (Material's wraps each table
    in `md-typeset__scrollwrap`, which JupyterLab's stylesheet styles). Any word of a script
    may be such a class, so rules for them stay; this keeps a few unused ones too.
    """
    return {word for script in scripts for word in _WORD.findall(script)}


class _ClassCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.classes: set[str] = set()
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "class" and value:
                self.classes.update(value.split())

    def handle_data(self, data: str) -> None:
        if self.lasttag == "script":
            self.scripts.append(data)


def class_names(page: str) -> set[str]:
    """The class names of the elements of an HTML page (not of text that looks like a tag),
    and the words of its inline scripts, which may add classes (see `script_words`)."""
    collector = _ClassCollector()
    collector.feed(page)
    collector.close()
    return collector.classes | script_words(collector.scripts)


def prune_stylesheet_assets(
    assets: dict[str, bytes], classes: Collection[str]
) -> dict[str, str | None]:
    """Prune the stylesheets among `assets` (site path -> bytes) with `prune_stylesheets`.

    Each is stored again under the hash of its new bytes; one left empty is dropped. Returns
    the old path -> the new one, or None for a dropped stylesheet, for `relink_stylesheets`.
    """
    paths = sorted(path for path in assets if path.endswith(".css"))
    pruned = prune_stylesheets([assets.pop(path).decode("utf-8") for path in paths], classes)
    renamed: dict[str, str | None] = {}
    for path, css in zip(paths, pruned, strict=True):
        renamed[path] = None
        if css.strip():
            renamed[path] = _asset_path(css.encode("utf-8"), ".css")
            assets[renamed[path]] = css.encode("utf-8")
    return renamed


_STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="([^"]*)">')


def relink_stylesheets(page: str, renamed: dict[str, str | None]) -> str:
    """`page` with its links to the stylesheets `renamed` pointing at the new files, and the
    links to those dropped as empty gone. A link's URL is relative to the page, so it is the
    site path after some `../`. Other links stay as they are."""

    def relink(match: re.Match) -> str:
        url = html.unescape(match.group(1))
        up, _, path = url.rpartition(ASSETS_DIR + "/")
        path = ASSETS_DIR + "/" + path
        if path not in renamed or up.replace("../", "") not in ("", "./"):
            return match.group(0)
        new = renamed[path]
        return f'<link rel="stylesheet" href="{html.escape(up + new)}">' if new else ""

    return _STYLESHEET_LINK.sub(relink, page)
