"""What every skill page must show whichever engine builds the site, and the check of a built
site against it (`make engines`, scripts/check_engines.py).

A skill page shows its checklist, the titles of its prerequisites and the titles of its
resources. Engines render the same Markdown with different markup (a code span, a smart quote,
an anchor around a title), so a text counts as shown when its words appear in the page's text in
the same order: words are runs of letters and digits, compared without case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from roadmap.conventions import built_page
from roadmap.load import Roadmap

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Expected:
    """One text a built skill page must show."""

    field: str  # "checklist", "prerequisites" or "resources"
    text: str


def expected(roadmap: Roadmap) -> dict[str, list[Expected]]:
    """What each skill page must show, by its built file (relative to the site folder)."""
    skill_titles = {page.skill.id: page.skill.title for page in roadmap.skills}
    resource_titles = {resource.id: resource.title for resource in roadmap.resources}
    shown: dict[str, list[Expected]] = {}
    for page in roadmap.skills:
        skill = page.skill
        shown[built_page(page.src_path)] = [
            *(Expected("checklist", item.text) for item in skill.checklist),
            *(Expected("prerequisites", skill_titles[p]) for p in skill.prerequisites),
            *(Expected("resources", resource_titles[r]) for r in skill.resources),
        ]
    return shown


class _Text(HTMLParser):
    """The text of an HTML page outside scripts and stylesheets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def words(text: str) -> str:
    """The words of a text, lower case, one space between them and around them, so that one
    text's words in order are a substring of another's."""
    return " " + " ".join(_WORD.findall(text.lower())) + " "


def page_words(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return words(" ".join(parser.parts))


def missing(html: str, wanted: list[Expected]) -> list[Expected]:
    """The texts a page's HTML does not show."""
    text = page_words(html)
    return [item for item in wanted if words(item.text) not in text]


def check_site(site: Path, wanted: dict[str, list[Expected]]) -> list[str]:
    """Every problem of a built site at once: a skill page not built, a text not shown."""
    problems = []
    for path, items in sorted(wanted.items()):
        file = site / path
        if not file.is_file():
            problems.append(f"{path}: not built")
            continue
        for item in missing(file.read_text(encoding="utf-8"), items):
            problems.append(f"{path}: {item.field}: not shown: {item.text}")
    return problems


def engine_config(config: str, site_dir: str) -> str:
    """The site's MkDocs configuration, for another engine, with the site written to site_dir.
    Written beside mkdocs.yml, so that every relative path in it (the generated pages, the
    hooks, the snippets' base path) still holds; every other setting is kept as it is."""
    kept = [line for line in config.splitlines() if not line.startswith("site_dir:")]
    return "\n".join([*kept, f"site_dir: {site_dir}", ""])
