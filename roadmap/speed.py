"""Small speed repairs: to the HTML that the theme writes, and to the site's own scripts and
stylesheets as the build publishes them."""

from __future__ import annotations

import re

import rcssmin
import rjsmin

from roadmap.css import relink_stylesheets

_THEME_SCRIPT_TAG = r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"'
_THEME_SCRIPT = re.compile(f"({_THEME_SCRIPT_TAG})>")
_DEFERRED_THEME_SCRIPT = re.compile(f"{_THEME_SCRIPT_TAG} defer></script>")


def defer_theme_script(page: str) -> str:
    """Mark Material's script `defer`, as mkdocs.yml marks the project's scripts.

    The theme writes it, then the project's scripts, as the last elements of <body>, so they
    run in the same order, after the page is parsed, either way. Without `defer` the browser
    counts the script as blocking the first paint: Lighthouse's mobile load, on a slow
    network, showed it costing the first contentful paint about 0.4 s.
    """
    return _THEME_SCRIPT.sub(r"\1 defer>", page, count=1)


def without_theme_script(page: str) -> str:
    """The built page without Material's script: what `make bench` compares the site with to
    measure what the theme's JavaScript costs (scripts/bench_lighthouse.py). Never in a build."""
    return _DEFERRED_THEME_SCRIPT.sub("", page, count=1)


# Elements whose text keeps its line breaks and indentation: preformatted text, code and keys
# (the theme shows them `white-space: pre-wrap`), and the inline scripts whose hashes the page's
# security policy lists (csp.py).
KEEPS_WHITESPACE = ("pre", "textarea", "code", "kbd", "script", "style")
_KEEPS_WHITESPACE = re.compile(rf"<({'|'.join(KEEPS_WHITESPACE)})\b.*?</\1\s*>", re.S | re.I)


def _one_line_break(text: str) -> str:
    """`text` with each run of whitespace that holds a line break as one line break: what
    `re.sub(r"[ \\t]*\\n\\s*", "\\n", text)` gives, five times faster over the site's pages.
    Between two line breaks, spaces and tabs go from a line's end and all whitespace from its
    start; a line left empty joins the runs around it."""
    first, *rest = text.split("\n")
    if not rest:
        return text
    lines = [first.rstrip(" \t")]
    for line in rest[:-1]:
        line = line.lstrip().rstrip(" \t")
        if line:
            lines.append(line)
    lines.append(rest[-1].lstrip())
    return "\n".join(lines)


def without_indentation(page: str) -> str:
    """The page without the indentation and blank lines of its templates.

    A browser shows a run of spaces and line breaks as one space, except in preformatted text,
    so each run that holds a line break becomes one line break, outside the elements that keep
    their whitespace (`_KEEPS_WHITESPACE`). Nothing the reader sees changes; each page is about
    0.5 KiB lighter over gzip. (No stylesheet of the site keeps the whitespace of other elements,
    and no attribute value holds a line break; a test checks both.)
    """
    out, done = [], 0
    for kept in _KEEPS_WHITESPACE.finditer(page):
        out += [_one_line_break(page[done : kept.start()]), kept.group()]
        done = kept.end()
    out.append(_one_line_break(page[done:]))
    return "".join(out)


# Stylesheets for one part of the site, and the attribute of the markup they style (the one
# page-scripts.js looks for too). mkdocs.yml lists them with the others; pages without that
# markup do not link them. Instant navigation adds and removes a page's stylesheet links with
# the rest of its <head>, so a page reached that way gets its stylesheets too.
PAGE_STYLESHEETS = {
    "assets/stylesheets/map.css": "data-roadmap-map",
    "assets/stylesheets/planner.css": "data-roadmap-planner",
}


def _has_attribute(page: str, name: str) -> bool:
    if name not in page:  # most pages: no need to look for it in their tags
        return False
    return re.search(rf"<[a-zA-Z][^<>]*\s{re.escape(name)}(?=[\s=/>])", page) is not None


def page_stylesheets_only(page: str) -> str:
    """The page without its links to the `PAGE_STYLESHEETS` whose markup it does not carry."""
    unused = {
        path: None for path, marker in PAGE_STYLESHEETS.items() if not _has_attribute(page, marker)
    }
    return relink_stylesheets(page, unused)


def minified(text: str, suffix: str) -> str:
    """A page script (.js) or stylesheet (.css) of the site without its comments and the
    whitespace it does not need. The files in docs/assets/ stay commented for their readers;
    readers of the site download about a third less of them (gzip included)."""
    if suffix == ".js":
        return rjsmin.jsmin(text)
    if suffix == ".css":
        return rcssmin.cssmin(text)
    raise ValueError(f"cannot minify a {suffix} file")
