"""The site's navigation (on_nav): tracks in tracks.yml order, titled from the data, each with
its skills in study order, then the notebooks in the order their index page lists them, then
the other pages. What it needs of the roadmap it reads from the generated roadmap.json."""

from __future__ import annotations

import json
import posixpath

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from roadmap.conventions import JSON_PATH, docs_src

NOTEBOOKS_INDEX = "notebooks/index.md"


def on_nav(nav: Navigation, config, files: Files) -> Navigation:
    data = json.loads(files.get_file_from_path(JSON_PATH).content_string)
    src_of_url = {file.url: file.src_uri for file in files.documentation_pages()}
    skill_src = {s["id"]: docs_src(s["source"]) for s in data["skills"]}
    tracks = {src_of_url.get(track["url"]): track for track in data["tracks"]}
    track_sections = {}
    for item in nav.items:
        if isinstance(item, Section):
            for child in item.children:
                if isinstance(child, Page) and child.file.src_uri in tracks:
                    track_sections[tracks[child.file.src_uri]["id"]] = item
    for track in data["tracks"]:
        section = track_sections.get(track["id"])
        if section is None:
            continue
        section.title = track["title"]
        rank = {skill_src[sid]: n for n, sid in enumerate(track["skills"], start=1)}
        section.children.sort(
            key=lambda child, rank=rank: (
                rank.get(getattr(child.file, "src_uri", None), 0)
                if isinstance(child, Page)
                else len(rank) + 1
            )
        )
    ordered = [track_sections[t["id"]] for t in data["tracks"] if t["id"] in track_sections]
    ordered += _notebooks_section(nav, files)
    first = [item for item in nav.items if isinstance(item, Page) and item.is_homepage]
    rest = [item for item in nav.items if item not in ordered and item not in first]
    nav.items[:] = first + ordered + rest
    _relink(nav)
    return nav


def _notebooks_section(nav: Navigation, files: Files) -> list[Section]:
    """The notebooks come right after the tracks, in the order their index page lists them."""
    for item in nav.items:
        if isinstance(item, Section) and any(
            isinstance(child, Page) and child.file.src_uri == NOTEBOOKS_INDEX
            for child in item.children
        ):
            listing = files.get_file_from_path(NOTEBOOKS_INDEX).content_string
            item.children.sort(key=lambda child: _listed_at(child, listing))
            return [item]
    return []


def _listed_at(child, listing: str) -> int:
    src = getattr(getattr(child, "file", None), "src_uri", "")
    if src == NOTEBOOKS_INDEX:
        return -1
    found = listing.find(f"]({posixpath.basename(src)})")
    return found if found >= 0 else len(listing)


def _relink(nav: Navigation) -> None:
    """Reordering the nav changes reading order: recompute the pages' previous/next links."""
    pages: list[Page] = []

    def walk(items):
        for item in items:
            if isinstance(item, Page):
                pages.append(item)
            elif isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    nav.pages = pages
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        page.previous_page, page.next_page = before, after
