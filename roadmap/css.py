"""Stylesheets cut down to the rules the site's pages can use.

Two stylesheets come with far more than this site uses: JupyterLab's theme, which mkdocs-jupyter
inlines into every notebook page (about 575 KB, for the widgets, dialogs and menus of the
application as much as for the cells of a static page; roadmap/notebooks.py), and Material's
own (`main.*.min.css`, 135 KB, styling every feature and Markdown extension the theme offers).
`prune_stylesheets` keeps the rules that can match an element of the pages and the custom
properties (`--name: value`) those rules read. It reads CSS with `split_rules`, a splitter that
knows just enough of the syntax (blocks, strings, comments, escapes) to find where each rule
starts and ends; it does not need to understand what a rule says.

What can match is decided generously: the class names of every element of the pages, and
every word of every script that may run on them (a script may add a class the HTML does not
show). A rule stays unless each selector of its list needs a class found in neither.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
from collections.abc import Callable, Collection, Iterable
from typing import NamedTuple
from urllib.parse import urlsplit

from roadmap.kept import Kept, code_digest, digest


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
# What the scanners below stop at; every other character is skipped in one step.
_BRACE_SPECIAL = re.compile(r"[\"'\\{}]|/\*")
_SELECTOR_SPECIAL = re.compile(r"[\"'\\()\[\]]")


@functools.cache
def _top_level_special(separator: str) -> re.Pattern[str]:
    return re.compile(r"[\"'\\()\[\]]|/\*|" + re.escape(separator))


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
    while found := _BRACE_SPECIAL.search(css, i):
        i, token = found.start(), found.group()
        if token in "\"'":
            i = _end_of_string(css, i)
        elif token == "/*":
            i = _end_of_comment(css, i)
        elif token == "\\":
            i += 2
        else:
            depth += 1 if token == "{" else -1
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
    while found := _top_level_special(separator).search(text, i):
        i, token = found.start(), found.group()
        if token in "\"'":
            i = _end_of_string(text, i)
            continue
        if token == "/*":
            i = _end_of_comment(text, i)
            continue
        if token == "\\":
            i += 1
        elif token in "([":
            depth += 1
        elif token in ")]":
            depth = max(depth - 1, 0)
        elif depth == 0:  # the separator
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
    while found := _SELECTOR_SPECIAL.search(selector, i):
        if depth == 0:
            outside.append(selector[i : found.start()])
        i, char = found.start(), found.group()
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
        else:
            depth = max(depth - 1, 0)
        i += 1
    if depth == 0:
        outside.append(selector[i:])
    return {_unescape(name) for name in _CLASS_SELECTOR.findall("".join(outside))}


# At-rules whose block holds more rules, which are pruned like those at the top level. Others
# (@keyframes, @font-face, @page, @property) are kept as they are.
_GROUPING_RULES = {"@media", "@supports", "@container", "@layer", "@document", "@-moz-document"}
_CUSTOM_PROPERTY_USE = re.compile(r"var\(\s*(--[\w-]+)")


def _at_keyword(prelude: str) -> str:
    return re.match(r"@[\w-]*", prelude).group().lower() if prelude.startswith("@") else ""


# Selectors the site lets match nothing, by a part of theirs: the pruned stylesheets leave
# out the rules that have no other selector.
# Material's colour palette, as it starts on every page, adds `data-md-color-switching` to <body>
# and at once reads a computed style; its rule for every element under that attribute then makes
# the browser work out the style of the whole page a second time, on every page load. That rule
# only holds transitions still while a reader switches between light and dark; without it,
# colours fade for the theme's 0.125 to 0.25 s. In Lighthouse's mobile run, five runs of each
# interleaved, the median blocking time went from 268 to 181 ms on a skill page and from 587 to
# 430 ms on a notebook page (CONTRIBUTING, "Build performance").
LEFT_OUT = ("[data-md-color-switching]",)


def _can_match(prelude: str, classes: Collection[str]) -> bool:
    return any(
        required_classes(s) <= classes and not any(part in s for part in LEFT_OUT)
        for s in split_top_level(prelude, ",")
    )


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


def _used_properties(sheets: Iterable[list[CssRule]], read_elsewhere: Collection[str]) -> set[str]:
    """The custom properties read by the declarations that are not custom properties
    themselves, or `read_elsewhere`, and those read by the values of custom properties in use,
    and so on."""
    defined: dict[str, list[str]] = {}
    used: set[str] = set(read_elsewhere)
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


def prune_stylesheets(
    sheets: list[str], classes: Collection[str], read_elsewhere: Collection[str] = ()
) -> list[str]:
    """`sheets` without the rules that can never match on the pages.

    `classes` are the class names of every element of those pages. A style rule goes when each
    selector of its list needs a class that is not among them; @media and @supports blocks are
    pruned inside, and go when nothing is left in them. Then a custom property goes when no rule
    left in any of `sheets` reads it (directly or through another custom property), unless it is
    among `read_elsewhere` (by a script, say): the sheets are pruned together because one may
    set the properties another reads.
    """
    classes = frozenset(classes)
    kept = [_matching_rules(split_rules(css), classes) for css in sheets]
    used = _used_properties(kept, read_elsewhere)
    return ["\n".join(map(str, _without_unused_properties(rules, used))) for rules in kept]


Prune = Callable[..., list[str]]  # prune_stylesheets, or the same with kept results


def kept_pruning(kept: Kept) -> Prune:
    """`prune_stylesheets` with each result kept from one build for the next in `kept`, under
    a key of its arguments; `kept` is made by this module's code (`pruning_made_by`)."""

    def prune(
        sheets: list[str], classes: Collection[str], read_elsewhere: Collection[str] = ()
    ) -> list[str]:
        def valid(texts: object) -> bool:
            return isinstance(texts, list) and len(texts) == len(sheets)

        key = digest(list(sheets), sorted(classes), sorted(read_elsewhere))
        return kept.get(key, lambda: prune_stylesheets(sheets, classes, read_elsewhere), valid)

    return prune


@functools.cache
def pruning_made_by() -> dict[str, str]:
    """What kept pruning results are made by: this module's code."""
    return {"roadmap/css.py": code_digest(__file__)}


_WORD = re.compile(r"[\w-]+")


def script_words(scripts: Iterable[str]) -> set[str]:
    """Every word (letters, digits, `_` and `-`) of the scripts a page may run.

    A script may give an element a class the HTML does not show (Material's wraps each table
    in `md-typeset__scrollwrap`, which JupyterLab's stylesheet styles). Any word of a script
    may be such a class, so rules for them stay; this keeps a few unused ones too.
    """
    return {word for script in scripts for word in _WORD.findall(script)}


# A class attribute as HTML writes it: after a space, its value in double quotes, single quotes
# or none. HTML's names are case-insensitive in ASCII; the pattern starts with the name, and looks
# back for the space after it, so that the engine skips ahead to each "c" or "C".
_CLASS = "[cC][lL][aA][sS][sS]"
_CLASS_ATTRIBUTE = re.compile(
    rf"""{_CLASS}(?<=\s{_CLASS})\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
)
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)


def class_names(page: str) -> set[str]:
    """The class names of the elements of an HTML page, and the words of its inline scripts,
    which may add classes (see `script_words`).

    Every class attribute is read, wherever it is: one regular expression over the page, not
    an HTML parser, which takes several times longer over every page of a build. Text that
    reads like an attribute (an escaped `&lt;i class="x"&gt;` in a code example) adds its
    names too, which only keeps a rule that could have gone; the class of an element is never
    missed. On this site the two ways find the same names."""
    values = {double or single or bare for double, single, bare in _CLASS_ATTRIBUTE.findall(page)}
    classes = {name for value in values for name in html.unescape(value).split()}
    return classes | script_words(_SCRIPT.findall(page))


_STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="([^"]*)">')


def relink_stylesheets(page: str, renamed: dict[str, str | None]) -> str:
    """`page` with its links to the stylesheets `renamed` (site path -> new site path, or None
    for one dropped as empty) pointing at the new files, and the links to the dropped ones gone.
    A link's URL is the site path after a relative (`../`) or absolute (`/name/`) way to the
    site's root. Other links, to other stylesheets or other sites, stay as they are."""

    def relink(match: re.Match) -> str:
        url = html.unescape(match.group(1))
        if urlsplit(url).scheme or url.startswith("//"):
            return match.group(0)
        for path, new in renamed.items():
            if url == path or url.endswith("/" + path):
                if new is None:
                    return ""
                return f'<link rel="stylesheet" href="{html.escape(url[: -len(path)] + new)}">'
        return match.group(0)

    return _STYLESHEET_LINK.sub(relink, page)


# Material's stylesheets, named by a hash of their content: main.57a0d79d.min.css.
_THEME_STYLESHEET = re.compile(r"assets/stylesheets/(?:main|palette)\.([0-9a-f]+)\.min\.css")
# A class a script puts together from a prefix: `md-source__fact--${type}`.
_CLASS_PREFIX = re.compile(r"([\w-]+)\$\{")
_CUSTOM_PROPERTY = re.compile(r"--[\w-]+")

# Classes Material's script gives only to the elements of a feature, by their prefix, and what
# turns the feature on: one of the theme's `features` in mkdocs.yml, `extra.version` (the version
# selector), `page.tags` (a page with tags, which search results show), or a class on the pages
# that the script builds the feature from. (Read off Material 9.8's bundle: tooltips are made
# for annotations, `content.tooltips`, link previews and footnotes; annotations from code blocks
# marked `annotate`; a repository's facts inside `.md-source`; tab labels from `.tabbed-set`.)
# Where nothing turns a feature on, the script never makes those classes, so its words do not
# keep their rules; classes written in the pages always do.
THEME_SCRIPT_FEATURES = {
    "md-annotation": ("content.code.annotate", "annotate"),
    "md-tooltip": (
        "content.tooltips",
        "content.code.annotate",
        "navigation.instant.preview",
        "content.footnote.tooltips",
        "annotate",
    ),
    "md-source": ("md-source",),
    "md-tag": ("page.tags", "md-tag", "md-tags"),
    "md-version": ("extra.version",),
    "tabbed-": ("tabbed-set",),
}


def unused_script_classes(features: Collection[str], classes: Collection[str]) -> tuple[str, ...]:
    """The prefixes of `THEME_SCRIPT_FEATURES` whose feature is off: none of what turns it on
    is among the `features` (the theme's, and `extra.version` or `page.tags` where they apply)
    or the pages' `classes`."""
    on = set(features) | set(classes)
    return tuple(
        prefix for prefix, turns_on in THEME_SCRIPT_FEATURES.items() if on.isdisjoint(turns_on)
    )


def prune_theme_stylesheets(
    sheets: dict[str, str],
    classes: Collection[str],
    scripts: Iterable[str],
    unused: tuple[str, ...] = (),
) -> dict[str, tuple[str, str]]:
    """Material's stylesheets among `sheets` (site path -> text: every stylesheet of the site)
    pruned to what the site's pages can use.

    `classes` are the class names of the elements of every page, and `scripts` the text of
    every script they may run: their words may be classes too, a word followed by `${` the
    start of any class, and a custom property they name may be read by them; but no word that
    starts with one of the `unused` prefixes (`unused_script_classes`). The other sheets are
    read for the custom properties they use, and left as they are. Returns each theme
    stylesheet's path -> (a new path, named like the theme names it, by a hash of the new
    content, so that no browser keeps the old one for the new; the new text).
    """
    scripts = list(scripts)

    def usable(word: str) -> bool:
        return not (unused and word.startswith(unused))

    theme = sorted(path for path in sheets if _THEME_STYLESHEET.fullmatch(path))
    prefixes = tuple(
        {prefix for s in scripts for prefix in _CLASS_PREFIX.findall(s) if usable(prefix)}
    )
    in_sheets = {name for text in sheets.values() for name in required_classes(text)}
    made_by_scripts = set(filter(usable, script_words(scripts))) | {
        name for name in in_sheets if prefixes and name.startswith(prefixes)
    }
    read_by_scripts = {name for s in scripts for name in _CUSTOM_PROPERTY.findall(s)}
    others = [path for path in sheets if path not in theme]
    pruned = prune_stylesheets(
        [sheets[p] for p in theme + others], set(classes) | made_by_scripts, read_by_scripts
    )
    renamed = {}
    for path, text in zip(theme, pruned, strict=False):
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        old_hash = _THEME_STYLESHEET.fullmatch(path).group(1)
        renamed[path] = (path.replace(f".{old_hash}.", f".{digest}.", 1), text)
    return renamed


def kept_theme_stylesheets(
    kept: Kept,
    sheets: dict[str, str],
    classes: Collection[str],
    scripts: Iterable[str],
    unused: tuple[str, ...] = (),
) -> dict[str, tuple[str, str]]:
    """`prune_theme_stylesheets`, its result kept from one build for the next in `kept` under
    a key of its arguments (`kept` made by this module's code: `pruning_made_by`)."""
    scripts = list(scripts)

    def valid(pruned: object) -> bool:
        pairs = pruned.values() if isinstance(pruned, dict) else [None]
        return all(isinstance(pair, list | tuple) and len(pair) == 2 for pair in pairs)

    key = digest(sheets, sorted(classes), sorted(scripts), list(unused))
    pruned = kept.get(key, lambda: prune_theme_stylesheets(sheets, classes, scripts, unused), valid)
    return {old: (new, text) for old, (new, text) in pruned.items()}
