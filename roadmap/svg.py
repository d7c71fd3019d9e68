"""The roadmap as a picture: an SVG graph of skills and prerequisites, made at build time.

Skills are laid out in columns by depth (the longest chain of prerequisites before them), so
every arrow points to the right. Each node links to its skill page and carries data-skill, so
the browser can colour it by the reader's progress, and data-prerequisites, so map.js can
highlight a skill's whole chain of prerequisites. No script is needed to draw it.

`graph_block` adds what surrounds the picture: the zoom controls map.js brings to life and a
legend made from the same constants as the nodes' classes, which map.css draws.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from .graph import topological_order
from .model import PRIORITIES
from .render import Index

# In SVG units (CSS pixels at zoom 100%). map.css sets the nodes' text at 14px, which fits
# three lines of the longest titles in a node.
NODE_WIDTH, NODE_HEIGHT = 168, 58
COLUMN_GAP, ROW_GAP, MARGIN = 40, 14, 12
# Room around each node inside its foreignObject, which clips what it holds: the focus ring
# and the highlight ring are drawn there. map.css gives the node the same margin.
NODE_PAD = 4

# What every visual mark of a node means. The legend is written from these, and the nodes and
# the legend's swatches carry the same classes, so the two cannot drift apart.
PRIORITY_CLASS = "roadmap-priority-{}"
PRIORITY_MARKS = {
    "core": "solid border",
    "recommended": "dashed border",
    "elective": "dotted border",
}
LEVEL_CLASS = "roadmap-level-{}"
LEVEL_MARKS = {"advanced": "thick border"}
# (class set by progress.js, name, meaning); the first state has no class.
STATES = (
    ("", "Not started", "nothing ticked yet"),
    ("roadmap-started", "Started", "some items ticked"),
    ("roadmap-done", "Done", "every item ticked, check mark"),
    ("roadmap-known", "Already known", "marked as known, striped, check mark"),
)
# Set by progress.js, besides the state, on a skill whose quiz and exercises passed
# (progress-core.js, verification); it also adds "Verified." to the node's accessible name.
VERIFIED = ("roadmap-verified", "Verified", "quiz and exercises passed, shield mark")
CHAIN_CLASS = "roadmap-chain"


def depths(index: Index, skill_ids: list[str]) -> dict[str, int]:
    """Column of each skill: 0 without prerequisites in the set, else 1 + the deepest one."""
    chosen = set(skill_ids)
    deps = {
        sid: [d for d in index.skills[sid].skill.prerequisites if d in chosen] for sid in skill_ids
    }
    depth: dict[str, int] = {}
    # Not the order given: the whole roadmap lists tracks in tracks.yml order, and a skill may
    # need one from a later track (databases-and-sql needs arrays-and-hashing).
    for skill_id in topological_order(deps):
        depth[skill_id] = 1 + max((depth[d] for d in deps[skill_id]), default=-1)
    return depth


def layout(index: Index, skill_ids: list[str]) -> dict[str, tuple[int, int]]:
    """(x, y) of each node's top-left corner. Within a column, nodes sit near the average row
    of their prerequisites, which keeps most arrows short and uncrossed."""
    depth = depths(index, skill_ids)
    columns: dict[int, list[str]] = {}
    for skill_id in skill_ids:
        columns.setdefault(depth[skill_id], []).append(skill_id)
    row: dict[str, float] = {}
    for column in sorted(columns):

        def weight(skill_id: str) -> float:
            deps = [row[d] for d in index.skills[skill_id].skill.prerequisites if d in row]
            return sum(deps) / len(deps) if deps else skill_ids.index(skill_id) / 100

        for position, skill_id in enumerate(sorted(columns[column], key=weight)):
            row[skill_id] = position
    return {
        sid: (
            MARGIN + depth[sid] * (NODE_WIDTH + COLUMN_GAP),
            MARGIN + int(row[sid]) * (NODE_HEIGHT + ROW_GAP),
        )
        for sid in skill_ids
    }


def _edge(start: tuple[int, int], end: tuple[int, int], source: str, target: str) -> str:
    x1, y1 = start[0] + NODE_WIDTH, start[1] + NODE_HEIGHT // 2
    x2, y2 = end[0] - 4, end[1] + NODE_HEIGHT // 2
    middle = (x1 + x2) // 2
    curve = f"M{x1},{y1} C{middle},{y1} {middle},{y2} {x2},{y2}"
    return (
        f'<path class="roadmap-edge" data-from="{html.escape(source)}" '
        f'data-to="{html.escape(target)}" d="{curve}"/>'
    )


def graph_svg(index: Index, skill_ids: list[str], link: Callable[[str], str], label: str) -> str:
    """The SVG for these skills (in study order). `link` gives each skill page's URL."""
    places = layout(index, skill_ids)
    width = max(x for x, _ in places.values()) + NODE_WIDTH + MARGIN
    height = max(y for _, y in places.values()) + NODE_HEIGHT + MARGIN
    parts = [
        f'<svg class="roadmap-graph" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="group" '
        f'aria-label="{html.escape(label)}">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z"/></marker></defs>',
    ]
    chosen = set(skill_ids)
    inside = {
        sid: [d for d in index.skills[sid].skill.prerequisites if d in chosen] for sid in skill_ids
    }
    # The edges' group gives each its arrowhead (marker-end is inherited), once for all.
    parts.append('<g marker-end="url(#arrow)">')
    for skill_id in skill_ids:
        for dep in inside[skill_id]:
            parts.append(_edge(places[dep], places[skill_id], dep, skill_id))
    parts.append("</g>")
    for skill_id in skill_ids:
        skill = index.skills[skill_id].skill
        x, y = places[skill_id]
        prerequisites = (
            ", ".join(index.skills[d].skill.title for d in skill.prerequisites) or "none"
        )
        name = (
            f"{skill.title}. Level: {skill.level}. Priority: {skill.priority}. "
            f"Learn first: {prerequisites}."
        )
        classes = " ".join(
            [
                "roadmap-node",
                LEVEL_CLASS.format(skill.level),
                PRIORITY_CLASS.format(skill.priority),
            ]
        )
        # An HTML link inside foreignObject, not an SVG <a>: Material's instant navigation
        # rewrites every link's href, which SVG links do not allow. HTML also wraps the title.
        parts.append(
            f'<foreignObject x="{x - NODE_PAD}" y="{y - NODE_PAD}" '
            f'width="{NODE_WIDTH + 2 * NODE_PAD}" height="{NODE_HEIGHT + 2 * NODE_PAD}">'
            f'<a xmlns="http://www.w3.org/1999/xhtml" href="{html.escape(link(skill_id))}" '
            f'class="{html.escape(classes)}" data-skill="{html.escape(skill_id)}" '
            f'data-prerequisites="{html.escape(" ".join(inside[skill_id]))}" '
            f'aria-label="{html.escape(name)}">'
            f"{html.escape(skill.title)}</a></foreignObject>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _legend_entry(classes: str, name: str, meaning: str) -> str:
    swatch = " ".join(["roadmap-swatch", *classes.split()])
    return (
        f'<li><span class="{html.escape(swatch)}" aria-hidden="true"></span>'
        f"<span><strong>{html.escape(name)}</strong>: {html.escape(meaning)}</span></li>"
    )


def legend(index: Index, skill_ids: list[str]) -> str:
    """What every colour, border and mark of the graph means: progress states and the verified
    mark, then the priorities and levels that occur among these skills."""
    skills = [index.skills[sid].skill for sid in skill_ids]
    entries = [_legend_entry(cls, name, meaning) for cls, name, meaning in STATES]
    if any(index.verifiable(sid) for sid in skill_ids):
        entries.append(_legend_entry(*VERIFIED))
    for priority in PRIORITIES:
        if any(skill.priority == priority for skill in skills):
            entries.append(
                _legend_entry(
                    PRIORITY_CLASS.format(priority),
                    f"{priority.capitalize()} priority",
                    PRIORITY_MARKS[priority],
                )
            )
    for level, mark in LEVEL_MARKS.items():
        if any(skill.level == level for skill in skills):
            entries.append(
                _legend_entry(LEVEL_CLASS.format(level), f"{level.capitalize()} level", mark)
            )
    entries.append(
        _legend_entry(
            CHAIN_CLASS,
            "Highlighted",
            "the skill you point at or focus, and all it builds on",
        )
    )
    return f'<ul class="roadmap-legend" aria-label="Legend">{"".join(entries)}</ul>'


# Buttons of the zoom controls: (data-map-zoom value, visible text, accessible name, key).
ZOOM_BUTTONS = (
    ("in", "+", "Zoom in", "+"),
    ("out", "\u2212", "Zoom out", "-"),
    ("fit", "Fit", "Fit the map to the screen", "0"),
)


def controls() -> str:
    """The zoom buttons. They carry `hidden`: map.css shows them from the first paint where
    scripting is on, and readers without scripts never see buttons that do nothing."""
    buttons = "".join(
        f'<button type="button" class="roadmap-map-button" data-map-zoom="{value}" '
        f'aria-label="{html.escape(name)}" title="{html.escape(name)} ({html.escape(key)})">'
        f"{html.escape(text)}</button>"
        for value, text, name, key in ZOOM_BUTTONS
    )
    return (
        f'<div class="roadmap-map-controls" role="group" aria-label="Zoom" hidden>'
        f'{buttons}<output class="roadmap-map-level" data-map-level>100%</output></div>'
    )


def graph_block(
    index: Index,
    skill_ids: list[str],
    link: Callable[[str], str],
    label: str,
    full: bool = False,
) -> str:
    """The graph in its scrolling region, with zoom controls and legend. `full` marks the map
    page's graph, which spans the width of the screen."""
    block = "roadmap-map roadmap-map--full" if full else "roadmap-map"
    picture = graph_svg(index, skill_ids, link, label)
    return (
        f'<div class="{block}" data-roadmap-map>'
        f"{controls()}{legend(index, skill_ids)}"
        f'<div class="roadmap-graph-wrap" role="region" aria-label="{html.escape(label)}" '
        f'tabindex="0">{picture}</div></div>'
    )
