"""What the site's search index holds, and what it leaves out.

Material's search plugin indexes every section of every page into search/search_index.json, and
the theme's script fetches that file as soon as any page opens over HTTP (it waits for the
search box only on `file:` URLs; Material 9.8.1 offers no setting for it), so every reader pays
for the whole index on a first visit, search or not. The index therefore keeps what readers
search for: page titles and introductions, skill summaries, checklist items, resources by title,
the lessons and the guides. It leaves out, with Material's own `data-search-exclude` attribute
(the plugin skips the element and removes the attribute from the page):

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
"""

from __future__ import annotations

import re

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
