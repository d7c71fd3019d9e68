"""Rules that span records: references, duplicates, cycles, orphans.

Each rule is a small function returning Problems; `check_roadmap` runs them all so that a
contributor sees every mistake in one round.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .conventions import (
    data_file,
    docs_file,
    exercise_files,
    package_name,
    snippet_name,
    snippet_path,
    track_of_package,
)
from .graph import find_cycles
from .lines import with_lines
from .load import Roadmap, load_roadmap, split_front_matter
from .model import PRIORITIES
from .problems import Problem, RoadmapError

TRACKS_FILE = data_file("tracks")
RESOURCES_FILE = data_file("resources")
PROFILES_FILE = data_file("profiles")
RUBRIC_FILE = data_file("rubric")
PROJECTS_FILE = data_file("projects")
GOALS_FILE = data_file("goals")


def _unknown(kind: str, value: str, known: Iterable[str]) -> str:
    known = sorted(known)
    close = difflib.get_close_matches(value, known, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown {kind} '{value}'{hint} (defined in {_WHERE[kind]})"


_WHERE = {
    "skill": "the front matter of docs/<track>/<id>.md",
    "track": TRACKS_FILE,
    "profile": PROFILES_FILE,
    "resource": RESOURCES_FILE,
    "snippet": "snippets/<track>/<name>.py",
}


def _duplicates(ids: Iterable[str]) -> set[str]:
    return {value for value, count in Counter(ids).items() if count > 1}


def check_duplicates(roadmap: Roadmap) -> list[Problem]:
    problems = []
    for file, kind, records in (
        (TRACKS_FILE, "tracks", roadmap.tracks),
        (RESOURCES_FILE, "resources", roadmap.resources),
        (PROFILES_FILE, "profiles", roadmap.profiles),
        (RUBRIC_FILE, "criteria", roadmap.rubric),
        (PROJECTS_FILE, "projects", roadmap.projects),
        (GOALS_FILE, "goals", roadmap.goals),
    ):
        dupes = _duplicates(r.id for r in records)
        for record in records:
            index = roadmap.position(record)
            if record.id in dupes:
                problems.append(Problem(file, f"{kind}[{index}].id", f"duplicate id '{record.id}'"))
    urls = _duplicates(r.url for r in roadmap.resources)
    for resource in roadmap.resources:
        index = roadmap.position(resource)
        if resource.url in urls:
            problems.append(
                Problem(RESOURCES_FILE, f"resources[{index}].url", f"duplicate URL {resource.url}")
            )

    for file, data in roadmap.partial_skills:
        checklist = data.get("checklist") if isinstance(data.get("checklist"), list) else []
        item_ids = [
            item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
            for item in checklist
        ]
        item_dupes = _duplicates(i for i in item_ids if isinstance(i, str))
        for index, item_id in enumerate(item_ids):
            if item_id in item_dupes:
                problems.append(
                    Problem(
                        file, f"checklist[{index}].id", f"duplicate checklist item id '{item_id}'"
                    )
                )
    pages_of: dict[str, list[str]] = {}
    for page in roadmap.skills:
        pages_of.setdefault(page.skill.id, []).append(docs_file(page.src_path))
    for page in roadmap.skills:
        file = docs_file(page.src_path)
        others = [other for other in pages_of[page.skill.id] if other != file]
        if others:
            also = f"{', '.join(others)} {'has' if len(others) == 1 else 'have'} it too"
            problems.append(Problem(file, "id", f"duplicate skill id '{page.skill.id}': {also}"))
        item_ids = [item.id for item in page.skill.checklist]
        every_id = item_ids + [alias for item in page.skill.checklist for alias in item.aliases]
        item_dupes = _duplicates(every_id)
        for index, item in enumerate(page.skill.checklist):
            if item.id in item_dupes:
                problems.append(
                    Problem(
                        file, f"checklist[{index}].id", f"duplicate checklist item id '{item.id}'"
                    )
                )
            for alias in item.aliases:
                if alias in item_dupes:
                    problems.append(
                        Problem(
                            file,
                            f"checklist[{index}].aliases",
                            f"alias '{alias}' is already used in this checklist",
                        )
                    )
        texts = _duplicates(item.text for item in page.skill.checklist)
        for index, item in enumerate(page.skill.checklist):
            if item.text in texts:
                problems.append(
                    Problem(file, f"checklist[{index}].text", "the same statement appears twice")
                )
    return problems


def _unknown_ids(
    roadmap: Roadmap, kind: str, known: set[str], file: str, where: str, ids: object, own: str = ""
) -> list[Problem]:
    """Problems for the ids of a list field that name no record of `kind`. Used for loaded
    records and for pages that failed their schema alike, so it reads what it can: entries that
    are not text, a skill naming itself (reported apart) and records that failed to load are
    skipped, so a dropped record never causes a second, false problem."""
    problems = []
    for index, value in enumerate(ids if isinstance(ids, list | tuple) else []):
        if isinstance(value, str) and value != own and value not in known:
            if not roadmap.failed(kind, value):
                problems.append(Problem(file, f"{where}[{index}]", _unknown(kind, value, known)))
    return problems


def check_references(roadmap: Roadmap) -> list[Problem]:
    problems = []
    skills = {page.skill.id for page in roadmap.skills}
    tracks = {track.id for track in roadmap.tracks}
    resources = {resource.id for resource in roadmap.resources}
    snippets = {(s.track, s.name) for s in roadmap.snippets}
    profiles = {profile.id for profile in roadmap.profiles}
    pages = [
        (docs_file(page.src_path), page.skill.model_dump()) for page in roadmap.skills
    ] + roadmap.partial_skills
    for file, skill in pages:
        own = skill.get("id") if isinstance(skill.get("id"), str) else ""
        problems += _unknown_ids(
            roadmap, "skill", skills, file, "prerequisites", skill.get("prerequisites"), own
        )
        prerequisites = skill.get("prerequisites")
        for index, prerequisite in enumerate(
            prerequisites if isinstance(prerequisites, list) else []
        ):
            if prerequisite == own:
                problems.append(
                    Problem(
                        file, f"prerequisites[{index}]", "a skill cannot be its own prerequisite"
                    )
                )
        problems += _unknown_ids(
            roadmap, "resource", resources, file, "resources", skill.get("resources")
        )
        track, listed = skill.get("track"), skill.get("snippets")
        if not isinstance(track, str):
            continue  # the schema said what is wrong with it
        if track not in tracks:
            if not roadmap.failed("track", track):
                problems.append(Problem(file, "track", _unknown("track", track, tracks)))
            continue  # its snippets would be looked for in a folder that is not a track's
        for index, name in enumerate(listed if isinstance(listed, list) else []):
            if isinstance(name, str) and (track, name) not in snippets:
                known = [n for t, n in snippets if t == track]
                message = _unknown("snippet", name, known).replace("<track>", package_name(track))
                problems.append(Problem(file, f"snippets[{index}]", message))
    for page in roadmap.skills:
        skill, file = page.skill, docs_file(page.src_path)
        own = snippet_name(skill.id)
        listed = [(skill.track, name) in snippets for name in skill.snippets]
        if listed and all(listed) and own not in skill.snippets:  # (unknown names said above)
            problems.append(
                Problem(
                    file,
                    "snippets",
                    f"none of these is the skill's own snippet, which carries its name: "
                    f"rename one to {own} ({snippet_path(skill.track, own)}, "
                    f"with its .out and test), or add that file",
                )
            )
    for profile in roadmap.profiles:
        where = f"profiles[{roadmap.position(profile)}].covers"
        problems += _unknown_ids(roadmap, "skill", skills, PROFILES_FILE, where, profile.covers)
    for project in roadmap.projects:
        where = f"projects[{roadmap.position(project)}]"
        if project.track not in tracks and not roadmap.failed("track", project.track):
            problems.append(
                Problem(PROJECTS_FILE, f"{where}.track", _unknown("track", project.track, tracks))
            )
        problems += _unknown_ids(
            roadmap, "skill", skills, PROJECTS_FILE, f"{where}.skills", project.skills
        )
    for goal in roadmap.goals:
        where = f"goals[{roadmap.position(goal)}]"
        problems += _unknown_ids(
            roadmap, "skill", skills, GOALS_FILE, f"{where}.targets", goal.targets
        )
        profile = goal.profile
        if profile and profile not in profiles and not roadmap.failed("profile", profile):
            problems.append(
                Problem(GOALS_FILE, f"{where}.profile", _unknown("profile", profile, profiles))
            )
    return problems


def _ids(value: object) -> list[str]:
    """A list of ids as far as it is readable: strings only."""
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def check_priorities(roadmap: Roadmap) -> list[Problem]:
    """A skill's prerequisites matter at least as much as it does, so leaving the lower
    priorities for later never removes something a kept skill needs."""
    pages = {page.skill.id: page for page in roadmap.skills}
    problems = []
    for page in roadmap.skills:
        skill = page.skill
        rank = PRIORITIES.index(skill.priority)
        for index, prerequisite in enumerate(skill.prerequisites):
            needed = pages.get(prerequisite)
            if needed and PRIORITIES.index(needed.skill.priority) > rank:
                problems.append(
                    Problem(
                        docs_file(page.src_path),
                        f"prerequisites[{index}]",
                        f"'{prerequisite}' is {needed.skill.priority} but this {skill.priority} "
                        "skill needs it; a prerequisite must be at least as high a priority "
                        f"({' > '.join(PRIORITIES)}): raise its priority or lower this one",
                    )
                )
    return problems


def _unread_skill_page(roadmap: Roadmap) -> bool:
    """Whether a skill page's front matter could not be read at all (malformed YAML): what it
    lists is unknown, so no snippet or exercise is called unlisted until it reads."""
    partial = {Path(file).stem for file, _data in roadmap.partial_skills}
    return bool(roadmap.failed_ids.get("skill", set()) - partial)


def check_orphans(roadmap: Roadmap) -> list[Problem]:
    """Snippets no page shows, tracks without skills or without a page."""
    problems = []
    used = {(page.skill.track, name) for page in roadmap.skills for name in page.skill.snippets}
    # A page that failed its schema still shows the snippets it lists, once it is fixed.
    used |= {
        (file.split("/")[1], name)
        for file, data in roadmap.partial_skills
        for name in _ids(data.get("snippets"))
    }
    for snippet in () if _unread_skill_page(roadmap) else roadmap.snippets:
        if (snippet.track, snippet.name) not in used:
            problems.append(
                Problem(
                    snippet.path,
                    "(file)",
                    "no skill page shows this snippet; list it under `snippets:` of a skill in "
                    "its track",
                )
            )
    tracks_with_skills = {page.skill.track for page in roadmap.skills}
    for track in roadmap.tracks:
        index = roadmap.position(track)
        if track.id not in tracks_with_skills:
            problems.append(
                Problem(
                    TRACKS_FILE,
                    f"tracks[{index}]",
                    f"track '{track.id}' has no skill pages in docs/{track.id}/",
                )
            )
        if track.id not in roadmap.track_pages:
            problems.append(
                Problem(
                    TRACKS_FILE,
                    f"tracks[{index}]",
                    f"track '{track.id}' needs an overview page docs/{track.id}/index.md",
                )
            )
    return problems


def check_cycles(roadmap: Roadmap) -> list[Problem]:
    """Cycles through every page whose prerequisites can be read, loaded or not."""
    files = {page.skill.id: docs_file(page.src_path) for page in roadmap.skills}
    deps = {page.skill.id: list(page.skill.prerequisites) for page in roadmap.skills}
    for file, data in roadmap.partial_skills:
        if isinstance(data.get("id"), str) and data["id"] not in deps:
            files[data["id"]] = file
            deps[data["id"]] = _ids(data.get("prerequisites"))
    graph = {skill_id: [p for p in needs if p in deps] for skill_id, needs in deps.items()}
    problems = []
    for cycle in find_cycles(graph):
        problems.append(
            Problem(
                files[cycle[0]],
                "prerequisites",
                "prerequisite cycle: "
                + " -> ".join(cycle)
                + "; remove one of these prerequisites to break it",
            )
        )
    return problems


# What a page's Markdown may not carry: it would run in the reader's browser. Code (fenced
# blocks and `spans`) is shown as text, so it is not searched. A tag may run over several lines.
_SCRIPT_URL = r"<?\s*(javascript|data|vbscript):"
_ACTIVE = (
    (
        re.compile(r"<\s*(script|iframe|object|embed|form|style)\b", re.IGNORECASE),
        "the element <{0}>",
    ),
    (
        re.compile(r"<[a-zA-Z][^<>]*\son[a-z]+\s*=", re.IGNORECASE),
        "an event handler attribute (on...=)",
    ),
    (
        re.compile(rf"(?:\]\(\s*|(?:href|src)\s*=\s*[\"']?\s*){_SCRIPT_URL}", re.IGNORECASE),
        "a {0}: link",
    ),
    (  # a reference link's definition: [name]: url
        re.compile(rf"^[ ]{{0,3}}\[[^\]]+\]:\s*{_SCRIPT_URL}", re.IGNORECASE | re.MULTILINE),
        "a {0}: link",
    ),
)
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+).+?\1")


def _prose(text: str) -> str:
    """The page's Markdown with its code blanked out, line for line."""
    lines = []
    fence = None
    for line in text.splitlines():
        opened = _FENCE.match(line)
        if opened:
            fence = None if fence == opened.group(1) else fence or opened.group(1)
            lines.append("")
        else:
            lines.append("" if fence else _CODE_SPAN.sub("", line))
    return "\n".join(lines)


def active_content(text: str) -> list[tuple[int, str]]:
    """(line, what) for everything in a page's Markdown that would run in the browser, in the
    order of the page, each found once."""
    prose = _prose(text)
    found = set()
    for pattern, what in _ACTIVE:
        for match in pattern.finditer(prose):
            line = prose.count("\n", 0, match.start()) + 1
            found.add((line, match.start(), what.format(*(g.lower() for g in match.groups()))))
    return [(line, what) for line, _start, what in sorted(found)]


def check_pages(roadmap: Roadmap) -> list[Problem]:
    """No page's Markdown may carry active content: scripts, frames, forms, styles, handlers,
    script URLs. The front matter is data, checked as text by the schema."""
    problems = []
    for file, text in roadmap.pages.items():  # read once by the loader; undecodable ones are not
        _front, body = split_front_matter(text)
        offset = text[: len(text) - len(body)].count("\n")  # the front matter's own lines
        for line, what in active_content(body):
            problems.append(
                Problem(
                    file,
                    f"line {line + offset}",
                    f"{what} is not allowed in a page: pages carry no active content "
                    "(show code in a ``` block instead)",
                )
            )
    return problems


# What `roadmap new` writes where the contributor's own text is still to come.
PLACEHOLDER = "TODO:"
# The stand-ins it writes on a new page for the contributor's own checklist, quiz and points (in
# roadmap/templates/scaffold/page.md.j2): with only the TODO marks deleted, they would pass.
STAND_INS = (
    "I can do one observable thing that shows I know",
    "I can do a second thing, which someone watching could check.",
    "I can explain a third thing in my own words to a colleague.",
    "A true statement.",
    "A tempting false statement.",
    "Say why it is right.",
    "Say which misconception makes it tempting",
    "Say why this answer is",
    "True or false: a second statement about",
    "**A concept**: one or two precise sentences",
    "**A second concept**: what to practise",
    "**Where it stops**: the limits of the idea",
)


def check_unfinished(roadmap: Roadmap) -> list[Problem]:
    """Placeholders left by `roadmap new` in skill pages and their snippets, by line. Kept apart
    from RULES: `roadmap check` refuses them, while a preview build shows the draft with them."""
    texts = dict(roadmap.pages)
    found = {(snippet.track, snippet.name): snippet.path for snippet in roadmap.snippets}
    for page in roadmap.skills:
        for name in page.skill.snippets:
            # Only snippet files found on disk: a listed name is any text until checked.
            if path := found.get((page.skill.track, name)):
                texts[path] = (roadmap.root / path).read_text("utf-8", "replace")
    return [
        Problem(file, f"line {number}", f"placeholder left by `roadmap new`: {line.strip()}")
        for file, text in texts.items()
        for number, line in enumerate(text.splitlines(), 1)
        if PLACEHOLDER in line or any(stand_in in line for stand_in in STAND_INS)
    ]


def _listed_exercises(roadmap: Roadmap) -> list[tuple[str, str, str, int]]:
    """Every exercise a skill page lists, as (page file, package, name, position), in page
    order; with those listed by pages that failed their schema, as far as they are readable."""
    listed = [
        (docs_file(page.src_path), package_name(page.skill.track), exercise.name, index)
        for page in roadmap.skills
        for index, exercise in enumerate(page.skill.exercises)
    ]
    for file, data in roadmap.partial_skills:
        entries = data.get("exercises")
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                listed.append((file, package_name(file.split("/")[1]), entry["name"], index))
    return listed


def check_exercises(roadmap: Roadmap) -> list[Problem]:
    """Each exercise a skill lists has its three files and is listed once; every exercise
    file on disk belongs to an exercise that a skill lists."""
    problems = []
    first: dict[str, str] = {}
    loaded = {docs_file(page.src_path) for page in roadmap.skills}
    for file, package, name, index in _listed_exercises(roadmap):
        where = f"exercises[{index}].name"
        if name in first:
            problems.append(
                Problem(
                    file,
                    where,
                    f"exercise '{name}' is listed twice (first by {first[name]}): an exercise "
                    f"belongs to one skill, and `make exercise NAME={name}` finds it by name "
                    "alone",
                )
            )
            continue
        first[name] = file
        found = set(roadmap.exercise_files.get((package, name), []))
        missing = [f"{path} ({what})" for what, path in exercise_files(package, name).items()]
        missing = [m for m in missing if m.split(" ")[0] not in found]
        if missing and file in loaded:
            problems.append(
                Problem(
                    file,
                    where,
                    f"exercise '{name}' is missing {', '.join(missing)}; an exercise is these "
                    "three files, in the folder of the skill's track",
                )
            )
    listed = {(package, name) for _file, package, name, _index in _listed_exercises(roadmap)}
    for (package, name), paths in (
        () if _unread_skill_page(roadmap) else roadmap.exercise_files.items()
    ):
        if (package, name) not in listed:
            stub = exercise_files(package, name)["stub"]
            problems.append(
                Problem(
                    stub if stub in paths else paths[0],
                    "(file)",
                    f"no skill lists the exercise '{name}'; add `- name: {name}` (with its "
                    f"`task:`) under `exercises:` of a skill page in docs/"
                    f"{track_of_package(package)}/, or delete its files: {', '.join(paths)}",
                )
            )
    return problems


RULES = (
    check_duplicates,
    check_references,
    check_orphans,
    check_exercises,
    check_cycles,
    check_priorities,
    check_pages,
)


def check_roadmap(roadmap: Roadmap) -> list[Problem]:
    return [problem for rule in RULES for problem in rule(roadmap)]


def load_and_check(root: Path, *, drafts: bool = False) -> Roadmap:
    """Load and validate everything under root; raise RoadmapError listing every problem.

    With `drafts`, placeholders left by `roadmap new` are not problems but are kept in
    `roadmap.unfinished`, for a preview build to show on their pages."""
    roadmap, problems = load_roadmap(root)
    problems += check_roadmap(roadmap)
    roadmap.unfinished = check_unfinished(roadmap)
    if not drafts:
        problems += roadmap.unfinished
    if problems:
        raise RoadmapError(with_lines(root, problems))
    return roadmap


# What a skill page needs before it is merged, beyond being valid data: `roadmap check` lists
# what falls short, and the content tests (tests/test_content.py) hold the roadmap to it.
CHECKLIST_ITEMS = (3, 8)  # fewest and most "I can" statements
RESOURCES = (1, 4)  # fewest and most resources a skill points to
MIN_PROSE_WORDS = 120  # in the page's own text, below the front matter
REQUIRED_SECTIONS = ("## Why it matters for an ML engineer", "## What to learn")


def short_of_standard(roadmap: Roadmap) -> list[Problem]:
    """What each valid skill page still lacks: checklist and resource counts out of range (with
    the line of the field), a required section missing, too little prose."""
    counts, pages = [], []
    for page in roadmap.skills:
        file = docs_file(page.src_path)
        skill = page.skill
        for key, count, (low, high), noun in (
            ("checklist", len(skill.checklist), CHECKLIST_ITEMS, "checklist items"),
            ("resources", len(skill.resources), RESOURCES, "resources"),
        ):
            if not low <= count <= high:
                wanted = f"has {count}; a skill has {low} to {high} {noun}"
                counts.append(Problem(file, key, wanted))
        _front, body = split_front_matter(roadmap.pages.get(file, ""))
        for heading in REQUIRED_SECTIONS:
            if heading not in body:
                pages.append(Problem(file, "page", f"no '{heading}' section"))
        words = len(re.findall(r"\w+", body))
        if words < MIN_PROSE_WORDS:
            pages.append(
                Problem(
                    file,
                    "page",
                    f"{words} of the {MIN_PROSE_WORDS} words of prose a skill page needs "
                    "(below the front matter)",
                )
            )
    # The counts name a field, which gets its line; by file, each file's counts first.
    return sorted(with_lines(roadmap.root, counts) + pages, key=lambda problem: problem.file)
