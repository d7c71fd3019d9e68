"""What the site's search index holds, what it leaves out, and the one page that loads it.

Material's search plugin indexes every section of every page into search/search_index.json.
The theme's script fetches that file, and starts the search worker, on any page whose header
holds the theme's search form, as soon as the page opens (Material 9.8.1 offers no setting for
it): about 60 KiB over gzip on every first visit, search or not. So only the search page
(`SEARCH_PAGE`) keeps the theme's search; every other page gets a plain form in its place
(`search_on_first_use`) that takes the words typed to the search page, where the theme opens
its search with them (its `?q=` link). A search still costs the bytes the index weighs, so
the index keeps what readers search for: page titles and introductions, skill summaries,
checklist items, resources by title, the lessons and the guides. It leaves out, with Material's
own `data-search-exclude` attribute (the plugin skips the element and removes the attribute
from the page):

- on skill pages, the sections that explain or practise rather than name
  (`SKILL_SECTIONS_LEFT_OUT`): the skill is found by its title, summary and checklist, its
  resources on the reading list (by title and authors);
- on any page, the sections that draw or list again what other pages hold
  (`SECTIONS_LEFT_OUT`): a track's picture, the home page's list of tracks;
- code blocks and their outputs, on every page;
- the generated parts the templates mark themselves: progress bars, the "At a glance" box,
  resource notes and the skills they serve, the checklist's standing introduction, track
  listings that repeat the skills' summaries;
- whole pages that only repeat other pages or hold tools, by `search: exclude: true` in their
  front matter (all checklists, the map, the planner, the progress page).

Material's parser tells elements apart by tag name only, so an excluded element must not contain
an element with the same tag: the inner one's end would end the exclusion early. A build test
checks that none of the left-out text reaches the index.

The plugin parses every page it indexes, left-out parts too, and the highlighted code blocks
hold most of the pages' tags. So while a page is indexed, the <div>s it leaves out whole (code
blocks, notebook cells) wait aside as short comments (`set_aside`, then `put_back`): the index
and the built pages are the same byte for byte, and the build parses far less.
"""

from __future__ import annotations

import re
from html import escape

from roadmap.a11y import SEARCH_DIALOG
from roadmap.conventions import page_url

EXCLUDE = 'data-search-exclude="true"'
SKILL_SECTIONS_LEFT_OUT = (
    "why-it-matters-for-an-ml-engineer",
    "what-to-learn",
    "code",
    "exercise",
    "exercises",
    "check-yourself",
    "resources",  # every resource is indexed once, on the reading list
    "what-this-unlocks",
)
SECTIONS_LEFT_OUT = (
    "the-track-as-a-picture",  # the graph's boxes name the skills the track page lists
    "tracks",  # the home page's tracks, each with the summary its own page starts with
)
_HEADING = re.compile(r'<h([2-6]) id="([^"]*)"')
_CODE_BLOCK = re.compile(r'<div class="highlight\b[^"]*"')


def limit_index(html: str, skill_page: bool) -> str:
    """The page's HTML with what the search index leaves out marked; nothing else changes.

    The plugin indexes each heading's section up to the next heading, so a left-out section's
    subsections (an exercise under "Exercises") are marked too, up to the next h2."""
    left_out = SECTIONS_LEFT_OUT + (SKILL_SECTIONS_LEFT_OUT if skill_page else ())
    leaving_out = False

    def mark(match: re.Match) -> str:
        nonlocal leaving_out
        if match.group(1) == "2":
            leaving_out = match.group(2) in left_out
        return f"{match.group(0)} {EXCLUDE}" if leaving_out else match.group(0)

    html = _HEADING.sub(mark, html)
    return _CODE_BLOCK.sub(lambda m: f"{m.group(0)} {EXCLUDE}", html)


SEARCH_PAGE = "search.md"  # the one page with the theme's search (docs/search.md)
SEARCH_URL = page_url(SEARCH_PAGE)  # its address under the site's root
_SEARCH_BUTTON = re.compile(
    r'<label class="md-header__button md-icon" for="__search">\s*(<svg.*?</svg>)\s*</label>', re.S
)
_DIV = re.compile(r"<(/?)div\b")
_BASE = re.compile(r'<script id="__config" type="application/json">\{[^<]*?"base": "([^"]*)"')


def _element_end(page: str, start: int) -> int:
    """Where the <div> that opens at `start` ends (after its </div>)."""
    depth = 0
    for tag in _DIV.finditer(page, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return page.index(">", tag.end()) + 1
    raise ValueError("a <div> is never closed")


_LEFT_OUT_DIV = re.compile(rf"<div\b[^>]*\s{re.escape(EXCLUDE)}")
SET_ASIDE = "roadmap-set-aside"  # the comment a block set aside leaves in its place
_SET_ASIDE_COMMENT = re.compile(rf"<!--{SET_ASIDE} (\d+)-->")
# What Material's search plugin removes from every page's content once it is indexed.
_SEARCH_ATTRIBUTE = re.compile(r'\s?data-search-\w+="[^"]+"')


def set_aside(content: str) -> tuple[str, list[str]]:
    """The page's content with each <div> the index leaves out whole (a code block, a notebook
    cell: see `limit_index`) replaced by a short comment, and those <div>s in order.

    Material's search plugin parses the page to index it, and the code blocks' highlighted
    tokens are most of the tags of the site's pages: parsing them only to skip them took about
    a second of every build. `put_back` restores the blocks once the page is indexed. A page
    that already holds such a comment is left as it is, and so is a <div> that is never closed,
    with what follows it."""
    if f"<!--{SET_ASIDE}" in content:
        return content, []
    blocks: list[str] = []
    out: list[str] = []
    done = 0
    for match in _LEFT_OUT_DIV.finditer(content):
        if match.start() < done:
            continue  # inside a block already set aside
        try:
            end = _element_end(content, match.start())
        except ValueError:
            break
        out += [content[done : match.start()], f"<!--{SET_ASIDE} {len(blocks)}-->"]
        blocks.append(content[match.start() : end])
        done = end
    return "".join(out) + content[done:], blocks


def put_back(content: str, blocks: list[str]) -> str:
    """The page's content with the blocks `set_aside` took out back in place, without the
    search attributes the plugin removes from the rest of the page."""
    return _SET_ASIDE_COMMENT.sub(
        lambda match: _SEARCH_ATTRIBUTE.sub("", blocks[int(match.group(1))]), content
    )


def search_on_first_use(page: str) -> str:
    """The page with the theme's search replaced by a plain form to the search page.

    Without a form named "search" the theme's script neither fetches the index nor starts its
    worker. In the header, the box (shown from 60em, where the theme shows its own) sends what is
    typed to the search page as `?q=`; the button (shown below 60em, where the theme shows its
    own) opens the search page with an empty `?q=`, which opens the theme's search there, ready
    to type in. Both reach the page through the theme's own `base`, so they work under any path.
    A page without the theme's search is returned as it is."""
    base = _BASE.search(page)
    if SEARCH_DIALOG not in page or base is None:
        return page
    action = escape(f"{base.group(1).rstrip('/')}/{SEARCH_URL}")
    button = _SEARCH_BUTTON.search(page)
    icon = button.group(1) if button else ""
    if button:
        link = (
            f'<a class="md-header__button md-icon roadmap-search__button" href="{action}?q=" '
            f'title="Search" aria-label="Search">{icon}</a>'
        )
        page = page[: button.start()] + link + page[button.end() :]
    form = (  # the theme's classes, so its stylesheet places and styles the box as its own
        '<div class="md-search roadmap-search"><div class="md-search__inner">'
        f'<form class="md-search__form" action="{action}" method="get" role="search">'
        '<input type="text" class="md-search__input" name="q" aria-label="Search" '
        'placeholder="Search" autocapitalize="off" autocomplete="off" spellcheck="false" '
        'enterkeyhint="search" aria-describedby="roadmap-search-hint">'
        f'<span class="md-search__icon md-icon">{icon}</span>'
        # Shown under the box once something is typed: the results are on the search page.
        '<span class="roadmap-search__hint" id="roadmap-search-hint">'
        "Press Enter to see the results</span>"
        "</form></div></div>"
    )
    start = page.index(SEARCH_DIALOG)
    try:
        end = _element_end(page, start)
    except ValueError:
        raise ValueError("the search dialog's <div> is never closed") from None
    return page[:start] + form + page[end:]
