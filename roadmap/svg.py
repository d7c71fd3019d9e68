"""The roadmap as a picture: an SVG graph of skills and prerequisites, made at build time.

Skills are laid out in columns by depth (the longest chain of prerequisites before them), so
every arrow points to the right. Each node links to its skill page and carries data-skill, so
the browser can colour it by the reader's progress. No script is needed to draw it.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from .graph import topological_order
from .render import Index

NODE_WIDTH, NODE_HEIGHT = 180, 46
COLUMN_GAP, ROW_GAP, MARGIN = 70, 18, 12


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


def _edge(start: tuple[int, int], end: tuple[int, int]) -> str:
    x1, y1 = start[0] + NODE_WIDTH, start[1] + NODE_HEIGHT // 2
    x2, y2 = end[0] - 4, end[1] + NODE_HEIGHT // 2
    middle = (x1 + x2) // 2
    curve = f"M{x1},{y1} C{middle},{y1} {middle},{y2} {x2},{y2}"
    return f'<path class="roadmap-edge" d="{curve}" marker-end="url(#arrow)"/>'


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
    for skill_id in skill_ids:
        for dep in index.skills[skill_id].skill.prerequisites:
            if dep in chosen:
                parts.append(_edge(places[dep], places[skill_id]))
    for skill_id in skill_ids:
        skill = index.skills[skill_id].skill
        x, y = places[skill_id]
        prerequisites = (
            ", ".join(index.skills[d].skill.title for d in skill.prerequisites) or "none"
        )
        name = f"{skill.title} ({skill.level}). Learn first: {prerequisites}."
        # An HTML link inside foreignObject, not an SVG <a>: Material's instant navigation
        # rewrites every link's href, which SVG links do not allow. HTML also wraps the title.
        parts.append(
            f'<foreignObject x="{x}" y="{y}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}">'
            f'<a xmlns="http://www.w3.org/1999/xhtml" href="{html.escape(link(skill_id))}" '
            f'class="roadmap-node roadmap-level-{skill.level}" '
            f'data-skill="{skill_id}" aria-label="{html.escape(name)}">'
            f"{html.escape(skill.title)}</a></foreignObject>"
        )
    parts.append("</svg>")
    return "".join(parts)
