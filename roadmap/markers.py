"""The markers a page writes where generated content goes, `<!-- roadmap:NAME [ARGS] -->`: one
registry of every marker, with what it takes, what it shows and the function that renders it.

A page's Markdown is expanded by `expand`, a pure function of the roadmap's index, the page's
path and a way to link a skill from that page (`python -m roadmap generate` supplies it,
roadmap/generate.py). `unknown` finds every marker that is not in MARKERS or whose arguments
do not fit it, each with its file and line; `expand` raises MarkerError with all of them and
the list of every marker there is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from roadmap import render, svg
from roadmap.conventions import docs_file

MARKER = re.compile(r"<!--\s*roadmap:(.*?)-->", re.DOTALL)
# A comment that starts like a marker but is not one (a capital, a dash for the colon), which
# would otherwise stay in the page as a comment, its content silently missing.
_LOOKALIKE = re.compile(r"<!--\s*(roadmap(?![a-z0-9])\W?).*?-->", re.DOTALL | re.IGNORECASE)

# What a marker takes after its name: nothing, one track id, or at most one track id.
NONE, TRACK, OPTIONAL_TRACK = "", "TRACK-ID", "[TRACK-ID]"

# link(skill_id) -> the skill page's URL relative to the page being expanded.
Link = Callable[[str], str]
# render(index, args, src, link) -> the Markdown (or HTML) that replaces the marker.
Renderer = Callable[[render.Index, list[str], str, Link], str]


class MarkerError(ValueError):
    """A marker that is not in MARKERS, or whose arguments do not fit it."""


@dataclass(frozen=True)
class Marker:
    takes: str  # NONE, TRACK or OPTIONAL_TRACK
    shows: str  # what it is replaced by, for the error message and CONTRIBUTING
    render: Renderer


def _graph(index: render.Index, args: list[str], src: str, link: Link) -> str:
    if args:
        skill_ids = index.track_order(args[0])
        label = f"Prerequisite graph of the {index.tracks[args[0]].title} track"
    else:
        skill_ids = index.order
        label = "Prerequisite graph of the whole roadmap"
    return svg.graph_block(index, skill_ids, link, label, full=not args)


def _for_page(function: Callable[[render.Index, str], str]) -> Renderer:
    """A renderer that needs the page's path (for its links), not the marker's arguments."""
    return lambda index, args, src, link: function(index, src)


def _same_everywhere(function: Callable[[render.Index], str]) -> Renderer:
    """A renderer whose output is the same on any page."""
    return lambda index, args, src, link: function(index)


MARKERS: dict[str, Marker] = {
    "track": Marker(
        TRACK,
        "the track's skills in study order",
        lambda index, args, src, link: render.track_overview(index, args[0], src),
    ),
    "graph": Marker(
        OPTIONAL_TRACK, "the prerequisite graph of a track, or of the whole roadmap", _graph
    ),
    "tracks": Marker(
        NONE,
        "every track with its size and length",
        _for_page(render.tracks_overview),
    ),
    "goals": Marker(
        NONE,
        "the goals, and how long each takes at typical paces",
        _for_page(render.goals_overview),
    ),
    "reading-list": Marker(
        NONE,
        "every resource, grouped by type",
        _for_page(render.reading_list),
    ),
    "checklists": Marker(
        NONE,
        "every skill's checklist",
        _for_page(render.all_checklists),
    ),
    "progress-overview": Marker(
        NONE,
        "progress bars and entry profiles",
        _for_page(render.progress_overview),
    ),
    "progress-tools": Marker(
        NONE,
        "export, import, notes, every skill's state, reset",
        _for_page(render.progress_tools),
    ),
    "review": Marker(
        NONE,
        "the quiz questions due for review today, one at a time",
        _for_page(render.review_page),
    ),
    "planner": Marker(NONE, "the study planner", _same_everywhere(render.planner)),
    "rubric": Marker(
        NONE,
        "the portfolio rubric as a form the reader scores",
        _same_everywhere(render.rubric_form),
    ),
    "projects": Marker(
        NONE,
        "the suggested portfolio projects",
        _for_page(render.suggested_projects),
    ),
}


def usage(name: str) -> str:
    """How a marker is written, with what it shows: `<!-- roadmap:track TRACK-ID -->: ...`."""
    marker = MARKERS[name]
    written = f"roadmap:{name} {marker.takes}".rstrip()
    return f"<!-- {written} -->: {marker.shows}"


def _fits(marker: Marker, args: list[str], tracks: Collection[str]) -> bool:
    if marker.takes == NONE:
        return not args
    if marker.takes == TRACK:
        return len(args) == 1 and args[0] in tracks
    return len(args) <= 1 and all(arg in tracks for arg in args)


def _parsed(match: re.Match) -> tuple[str, list[str]]:
    name, *args = match.group(1).split() or [""]
    return name, args


def unknown(tracks: Collection[str], markdown: str, src: str) -> list[str]:
    """Every marker of a page that is not in MARKERS or whose arguments do not fit it (a track
    argument must be one of `tracks`, the track ids), each as
    `docs/<src>:<line>: unknown or malformed marker '<!-- ... -->'`, and every comment that only
    looks like one, in page order; `src` is the page's path relative to docs/ and lines count
    from 1 at the top of the file."""
    found = []
    for match in MARKER.finditer(markdown):
        name, args = _parsed(match)
        marker = MARKERS.get(name)
        if marker is None or not _fits(marker, args, tracks):
            found.append((match.start(), f"unknown or malformed marker {match.group(0)!r}"))
    for match in _LOOKALIKE.finditer(markdown):
        if match.group(1) != "roadmap:":
            found.append(
                (
                    match.start(),
                    f"{match.group(0)!r} is not a marker: markers are written "
                    "'<!-- roadmap:NAME -->', in lower case with a colon",
                )
            )
    return [
        f"{docs_file(src)}:{markdown.count(chr(10), 0, start) + 1}: {what}"
        for start, what in sorted(found)
    ]


def allowed() -> str:
    """Every marker there is, one a line, as the message for an unknown marker lists them."""
    listed = "\n  ".join(usage(known) for known in MARKERS)
    return f"allowed markers:\n  {listed}"


def expand(index: render.Index, markdown: str, src: str, link: Link) -> str:
    """`markdown` with every marker replaced by what it renders; `src` is the page's path
    relative to docs/, for the problem message and the links the renderers write. Raises
    MarkerError naming each unknown or malformed marker with its line, and every marker there
    is."""
    wrong = unknown(index.tracks, markdown, src)
    if wrong:
        raise MarkerError("\n".join(wrong) + "\n" + allowed())

    def replace(match: re.Match) -> str:
        name, args = _parsed(match)
        return MARKERS[name].render(index, args, src, link)

    return MARKER.sub(replace, markdown)
