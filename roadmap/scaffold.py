"""Create a new skill's page, snippet, recorded output and test in one step.

    python -m roadmap new dsa tries "Tries"

The files follow the project's one-name rule and pass every check as generated; then replace
the placeholder prose, checklist and code with the real thing.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jinja2

from .conventions import (
    docs_file,
    package_name,
    skill_src,
    snippet_name,
    snippet_output_path,
    snippet_path,
    snippet_test_path,
)
from .load import load_roadmap
from .validate import CHECKLIST_ITEMS

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("roadmap", "templates/scaffold"),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)
# The title goes into YAML and a Python docstring as text, whatever it holds (": ", "#", quotes):
# a JSON string is a double-quoted YAML scalar.
_ENV.filters["yaml"] = lambda text: json.dumps(text, ensure_ascii=False)
_ENV.filters["docstring"] = lambda text: text.replace("\\", "\\\\").replace('"', '\\"')
_KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ScaffoldError(Exception):
    pass


def new_skill(root: Path, track: str, skill_id: str, title: str) -> list[Path]:
    """Write the four files of a new skill; refuse anything that would clash or be invalid."""
    roadmap, _ = load_roadmap(root)
    tracks = sorted(t.id for t in roadmap.tracks)
    if track not in tracks:
        raise ScaffoldError(
            f"unknown track '{track}'; tracks: {', '.join(tracks)} (data/tracks.yml)"
        )
    if not _KEBAB.match(skill_id):
        raise ScaffoldError(f"skill id '{skill_id}' must be kebab-case, like 'binary-search'")
    if not title.strip() or "<" in title:
        raise ScaffoldError("the title must be plain text")
    name = snippet_name(skill_id)
    package = package_name(track)
    # A starting resource, so the page is complete as generated: the one the track's skills
    # use most. The contributor replaces it with the skill's own.
    used = [
        rid for page in roadmap.skills if page.skill.track == track for rid in page.skill.resources
    ]
    resource = max(used, key=used.count) if used else roadmap.resources[0].id
    context = {
        "track": track,
        "package": package,
        "skill_id": skill_id,
        "title": title.strip(),
        "name": name,
        "resource": resource,
        "checklist_items": CHECKLIST_ITEMS,
    }
    files = {
        root / docs_file(skill_src(track, skill_id)): "page.md.j2",
        root / snippet_path(track, name): "snippet.py.j2",
        root / snippet_test_path(track, name): "test.py.j2",
    }
    existing = [str(path.relative_to(root)) for path in files if path.exists()]
    if existing or any(page.skill.id == skill_id for page in roadmap.skills):
        raise ScaffoldError(
            f"skill '{skill_id}' already exists: {', '.join(existing) or 'another track'}"
        )
    for path, template in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_ENV.get_template(template).render(context), encoding="utf-8")
    output = subprocess.run(
        [sys.executable, snippet_path(track, name)],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (root / snippet_output_path(track, name)).write_text(output, encoding="utf-8")
    return [*files, root / snippet_output_path(track, name)]
