"""Read the roadmap data from disk into typed records, collecting every problem on the way.

Where things live (paths relative to the project root):

- data/tracks.yml, data/resources.yml, data/profiles.yml, data/goals.yml
- docs/<track>/<skill-id>.md: one skill per page, its data in the YAML front matter
- snippets/<track>/<name>.py and snippets/<track>/<name>.out: code shown on pages and its output
- exercises/<track>/<name>.py, solutions/<name>.py and test_<name>.py: the exercises skills list

(roadmap.conventions derives each of these paths.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .conventions import (
    DOCS_DIR,
    EXERCISES_DIR,
    SNIPPET_SECTION,
    data_file,
    exercise_of,
    find_snippets,
    snippet_output_path,
    snippet_path,
)
from .model import HINTS, Goal, Profile, Project, Resource, RubricCriterion, Skill, Track
from .problems import Problem, field_path

M = TypeVar("M", bound=BaseModel)


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A key written twice in one mapping; `first` is the 0-based line of its first use."""

    def __init__(self, key, first: int, mark):
        super().__init__(None, None, f"the key '{key}' is written twice", mark)
        self.key, self.first = key, first


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    """A mapping that refuses a key written twice: YAML would keep the last value silently."""
    loader.flatten_mapping(node)
    first: dict = {}
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, str | int | float | bool) and key in first:
            raise DuplicateKeyError(key, first[key], key_node.start_mark)
        if isinstance(key, str | int | float | bool):
            first[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode):
    """A date YAML cannot build (2026-13-45) stays text, so the schema reports it by field."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


def _strict(base: type) -> type:
    loader = type(f"Strict{base.__name__}", (base,), {})
    loader.add_constructor("tag:yaml.org,2002:map", _mapping)
    loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
    return loader


# libyaml's loader when PyYAML was built with it: several times faster, same safe subset.
_LOADER = _strict(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
_PURE_LOADER = _strict(yaml.SafeLoader)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class SkillPage:
    skill: Skill
    src_path: str  # relative to docs/, e.g. "dsa/binary-search.md"


@dataclass(frozen=True)
class Snippet:
    track: str  # the track id
    name: str

    @property
    def path(self) -> str:
        return snippet_path(self.track, self.name)

    @property
    def output_path(self) -> str:
        return snippet_output_path(self.track, self.name)


@dataclass
class Roadmap:
    root: Path
    tracks: list[Track] = field(default_factory=list)
    skills: list[SkillPage] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    profiles: list[Profile] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    rubric: list[RubricCriterion] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    snippets: list[Snippet] = field(default_factory=list)
    # Track pages found on disk: track id -> src path relative to docs/.
    track_pages: dict[str, str] = field(default_factory=dict)
    # Ids of records that exist but failed to load, by kind ("skill", "resource", ...), and
    # kinds whose whole file could not be read: references to them are not reported again.
    failed_ids: dict[str, set[str]] = field(default_factory=dict)
    # Where each record loaded from a data file sits in its list, by id(record): problems name
    # the position in the file even when an earlier entry failed to load.
    positions: dict[int, int] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)
    # Skill pages that failed their schema but whose front matter could be read, as (file,
    # mapping): their references are still checked, and the snippets they list are not orphans.
    partial_skills: list[tuple[str, dict]] = field(default_factory=list)
    # Every page's text by file (relative to the root), read once, for the checks on pages.
    pages: dict[str, str] = field(default_factory=dict)
    # The Python files of the exercises found on disk (stubs, solutions, tests), relative to
    # the root, by the exercise they belong to: (package, name) -> paths.
    exercise_files: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # Placeholders left by `roadmap new`, found by validate.check_unfinished.
    unfinished: list = field(default_factory=list)

    def position(self, record: object) -> int:
        return self.positions[id(record)]

    def failed(self, kind: str, record_id: str) -> bool:
        return kind in self.unreadable or record_id in self.failed_ids.get(kind, set())


def rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


# What the usual YAML mistakes look like to the parser, and what to do about each.
_YAML_HINTS = (
    (
        "mapping values are not allowed here",
        "text holding ': ' needs quotes around it (\"I can: ...\"), and a key is indented "
        "no deeper than the keys beside it",
    ),
    ("found character '\\t'", "YAML indents with spaces, never with tabs"),
    (
        "that cannot start any token",
        "text starting with @, ` or % needs quotes around it",
    ),
    (
        "expected <block end>",
        "this line is indented differently from the lines before it: the items of one list, "
        "and the keys of one item, start in the same column",
    ),
    ("expected ',' or ']'", "a list in [ ] is closed with ] on the same line"),
    ("found unexpected end of stream", "a quote is opened and never closed"),
    ("found undefined alias", "text starting with * or & needs quotes around it"),
)


def _yaml_hint(problem: str) -> str:
    return next((f"; {hint}" for found, hint in _YAML_HINTS if found in problem), "")


def read_yaml(text: str, file: str, line_offset: int = 0) -> tuple[object, list[Problem]]:
    """Parse YAML; a syntax error becomes a Problem with its line number in the real file."""
    try:
        return yaml.load(text, Loader=_LOADER), []
    except yaml.YAMLError:
        pass
    # Report with the pure-Python parser, whose messages are the same on every platform.
    try:
        yaml.load(text, Loader=_PURE_LOADER)
    except DuplicateKeyError as exc:
        line = exc.problem_mark.line + 1 + line_offset
        first = exc.first + 1 + line_offset
        message = (
            f"the key '{exc.key}' is written twice (first on line {first}); "
            "keep one: YAML would silently keep only the last"
        )
        return None, [Problem(file, f"line {line}", message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1 + line_offset}" if mark else "YAML"
        what = f"malformed YAML: {exc.problem or exc.context}"
        if exc.context and exc.context_mark and exc.problem:
            what += (
                f" ({exc.context}, which starts on line {exc.context_mark.line + 1 + line_offset})"
            )
        return None, [Problem(file, where, what + _yaml_hint(exc.problem or ""))]
    except yaml.YAMLError as exc:  # pragma: no cover - every YAML syntax error is marked
        return None, [Problem(file, "YAML", f"malformed YAML: {exc}")]
    return None, [Problem(file, "YAML", "malformed YAML")]  # pragma: no cover - parsers agree


def read_text(root: Path, path: Path) -> tuple[str | None, list[Problem]]:
    """A file's text as UTF-8; undecodable bytes are a problem naming the line, not a crash."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [
            Problem(
                rel(root, path),
                f"line {line}",
                f"byte 0x{data[exc.start]:02x} is not UTF-8 text; save the file as UTF-8",
            )
        ]


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Return (front matter YAML or None, body) of a Markdown page."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text
    return match.group(1) or "", text[match.end() :]


def to_model(
    model: type[M], data: object, file: str, prefix: str = ""
) -> tuple[M | None, list[Problem]]:
    """Validate data against a model; every pydantic error becomes a Problem."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [_problem_from_error(model, err, file, prefix) for err in exc.errors()]


def _problem_from_error(model: type[BaseModel], err: dict, file: str, prefix: str) -> Problem:
    loc = tuple(err["loc"])
    where = field_path(loc)
    if prefix:
        where = (
            prefix
            if where.startswith("(")
            else f"{prefix}{'' if where.startswith('[') else '.'}{where}"
        )
    message = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        message = f"unknown field; allowed fields here: {', '.join(allowed)}"
    elif err["type"] == "missing":
        message = "required field is missing"
    else:
        named = [part for part in loc if isinstance(part, str)]
        if named and named[-1] in HINTS and not err["type"].startswith("value_error"):
            message += f"; {HINTS[named[-1]]}"
    return Problem(file, where, message)


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """Follow a location through nested models to list the fields allowed at its end."""
    current: type[BaseModel] = model
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = current.model_fields[part].annotation
        inner = getattr(annotation, "__args__", (annotation,))[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            current = inner
    return list(current.model_fields)


def load_roadmap(root: Path) -> tuple[Roadmap, list[Problem]]:
    """Read everything under root. Returns what could be read and every problem found."""
    roadmap = Roadmap(root=root)
    problems: list[Problem] = []

    def load_list(
        kind: str, model: type[BaseModel], name: str = "", key: str = "", optional: bool = False
    ) -> list:
        """Read data/<name>.yml: a mapping with one key holding a list of records (both default
        to <kind>s). Records are validated one by one, so one bad entry does not hide the good
        ones. An optional file may be absent; then there are no records of that kind.
        """
        key = key or f"{kind}s"
        path = root / data_file(name or key)
        file = rel(root, path)
        if not path.is_file():
            if not optional:
                problems.append(Problem(file, "(file)", "file is missing"))
                roadmap.unreadable.add(kind)
            return []
        text, found = read_text(root, path)
        if text is not None:
            data, found = read_yaml(text, file)
        if not found and not (
            isinstance(data, dict) and set(data) == {key} and isinstance(data[key], list)
        ):
            found = [
                Problem(
                    file, "(top level)", f"must be a mapping with one key, '{key}', holding a list"
                )
            ]
        if found:
            problems.extend(found)
            roadmap.unreadable.add(kind)
            return []
        records = []
        for position, entry in enumerate(data[key]):
            record, found = to_model(model, entry, file, prefix=f"{key}[{position}]")
            problems.extend(found)
            if record:
                records.append(record)
                roadmap.positions[id(record)] = position
            elif isinstance(entry, dict) and isinstance(entry.get("id"), str):
                roadmap.failed_ids.setdefault(kind, set()).add(entry["id"])
        return records

    roadmap.tracks = load_list("track", Track)
    roadmap.resources = load_list("resource", Resource)
    roadmap.profiles = load_list("profile", Profile)
    roadmap.goals = load_list("goal", Goal)
    roadmap.rubric = load_list("criterion", RubricCriterion, "rubric", "criteria", optional=True)
    roadmap.projects = load_list("project", Project, optional=True)

    docs = root / DOCS_DIR
    track_ids = {t.id for t in roadmap.tracks} | roadmap.failed_ids.get("track", set())
    if "track" in roadmap.unreadable:  # do not report every skill page because tracks.yml is broken
        track_ids |= {path.name for path in docs.iterdir() if path.is_dir()}
    for page in sorted(docs.rglob("*.md")):
        src_path = rel(docs, page)
        parts = src_path.split("/")
        text, found = read_text(root, page)
        problems.extend(found)
        if text is None:
            roadmap.failed_ids.setdefault("skill", set()).add(page.stem)
            continue
        roadmap.pages[rel(root, page)] = text
        if len(parts) == 2 and parts[0] in track_ids and parts[1] == "index.md":
            roadmap.track_pages[parts[0]] = src_path
            continue
        skill, found, data = _load_skill_page(
            rel(root, page), text, page, in_track_folder=len(parts) == 2 and parts[0] in track_ids
        )
        problems.extend(found)
        if skill:
            roadmap.skills.append(SkillPage(skill, src_path))
        elif found:
            roadmap.failed_ids.setdefault("skill", set()).add(page.stem)
            if data is not None:
                roadmap.partial_skills.append((rel(root, page), data))

    for track, name in find_snippets(root):
        snippet = Snippet(track, name)
        roadmap.snippets.append(snippet)
        problems.extend(_check_snippet_file(root, snippet))
    for path in sorted((root / EXERCISES_DIR).glob("*/**/*.py")):
        exercise = exercise_of(rel(root, path))
        if exercise:
            roadmap.exercise_files.setdefault(exercise, []).append(rel(root, path))
    return roadmap, problems


def _load_skill_page(
    file: str, text: str, page: Path, in_track_folder: bool
) -> tuple[Skill | None, list[Problem], dict | None]:
    """The skill a page describes, the problems found, and its front matter as plain data
    when readable (so a page that fails its schema still has its references checked)."""
    front, _body = split_front_matter(text)
    if front is None:
        if in_track_folder:
            return (
                None,
                [
                    Problem(
                        file,
                        "(front matter)",
                        "a skill page starts with YAML front matter between --- lines",
                    )
                ],
                None,
            )
        return None, [], None
    data, problems = read_yaml(front, file, line_offset=1)
    if problems:
        return None, problems, None
    if not in_track_folder and not (isinstance(data, dict) and "track" in data):
        return None, [], None  # an ordinary page with a title or other page settings
    if not isinstance(data, dict):
        return None, [Problem(file, "(front matter)", "must be a mapping of field: value")], None
    skill, problems = to_model(Skill, data, file)
    if skill is None:
        return None, problems, data
    folder, stem = page.parent.name, page.stem
    if skill.id != stem:
        problems.append(
            Problem(
                file, "id", f"'{skill.id}' must equal the file name '{stem}' (one name per skill)"
            )
        )
    # A folder named as the skill's track that no track owns: the check's "unknown track" says so.
    if page.parent.parent.name != DOCS_DIR:
        where = f"docs/{skill.track}/{stem}.md"
        message = f"a skill page lives directly in its track's folder: {where}"
        problems.append(Problem(file, "track", message))
    elif skill.track != folder:
        problems.append(
            Problem(
                file,
                "track",
                f"'{skill.track}' does not match the folder '{folder}': "
                "skill pages live in docs/<track>/<id>.md",
            )
        )
    return skill, problems, data


def _check_snippet_file(root: Path, snippet: Snippet) -> list[Problem]:
    text, problems = read_text(root, root / snippet.path)
    if text is None:
        return problems
    for marker in ("start", "end"):
        if f"# --8<-- [{marker}:{SNIPPET_SECTION}]" not in text:
            problems.append(
                Problem(
                    snippet.path,
                    f"section {SNIPPET_SECTION}",
                    f"missing the line '# --8<-- [{marker}:{SNIPPET_SECTION}]'",
                )
            )
    if not (root / snippet.output_path).is_file():
        problems.append(
            Problem(
                snippet.path,
                "output",
                f"{snippet.output_path} is missing; create it with `make outputs`",
            )
        )
    return problems
