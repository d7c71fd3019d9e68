"""Pure render functions: validated roadmap in, Markdown (or JSON data) out.

Nothing here touches the disk or MkDocs. Links are written as relative links to the
Markdown sources, so MkDocs checks and rewrites them like any hand-written link.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

import jinja2

from .conventions import SNIPPET_SECTION, docs_file, package_name, page_dir
from .graph import reverse_edges, topological_order
from .load import Roadmap, SkillPage, Snippet
from .model import LEVELS, PRIORITIES, RESOURCE_TYPES, Resource

FORMAT_VERSION = 1
# Typical paces, in hours of study a week, at which the home and track pages state durations.
PACES = (5, 10, 20)

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# The characters Python-Markdown lets a backslash escape (with tables: "|"). Escaping any other
# would leave the backslash on the page.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")

RESOURCE_TYPE_TITLES = {
    "book": "Books",
    "paper": "Papers",
    "article": "Articles",
    "course": "Courses",
    "video": "Videos",
    "documentation": "Documentation",
    "certification": "Certifications",
    "community": "Communities and meetups",
    "podcast": "Podcasts",
}
# How the note of an exercise that cannot run on its page names what it needs.
LIBRARY_NAMES = {"numpy": "NumPy", "scipy": "SciPy", "sklearn": "scikit-learn", "pandas": "pandas"}
COST_LABELS = {"free": "free", "paid": "paid", "free-to-audit": "free to audit"}


def md_text(value: str) -> str:
    """Plain text from the data, made safe for Markdown; `code` spans are kept as code."""
    out, last = [], 0
    for match in _CODE_SPAN.finditer(value):
        out.append(_escape_md(value[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_escape_md(value[last:]))
    return "".join(out)


def _escape_md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def html_text(value: str) -> str:
    """Plain text from the data as HTML; `code` spans become <code>."""
    out, last = [], 0
    for match in _CODE_SPAN.finditer(value):
        out.append(html.escape(value[last : match.start()]))
        out.append(f"<code>{html.escape(match.group(2))}</code>")
        last = match.end()
    out.append(html.escape(value[last:]))
    return "".join(out)


def attribute_text(value: str) -> str:
    """Plain text from the data for an HTML attribute (an aria-label, say): `code` spans keep
    their text without markup, quotes are escaped."""
    return html.escape(_CODE_SPAN.sub(lambda match: match.group(2), value))


def hours(effort: tuple[float, float]) -> str:
    low, high = effort
    return f"{low:g} h" if low == high else f"{low:g}–{high:g} h"


def weeks_at(total_hours: float, per_week: float) -> int:
    """Whole weeks to study `total_hours` at `per_week` hours a week, each week filled before
    the next starts (the planner packs weeks the same way)."""
    return max(1, -(-round(total_hours * 10) // round(per_week * 10))) if total_hours > 0 else 0


def counted(n: int, noun: str) -> str:
    """'1 week', '2 weeks': a count with its noun, plural by English's regular rule."""
    return f"{n} {noun}{'s' if n != 1 else ''}"


def duration(weeks: int) -> str:
    """Weeks as a reader thinks of them: '9 weeks', '34 weeks (about 8 months)'."""
    if weeks < 13:
        return counted(weeks, "week")
    months = round(weeks * 7 / 30.44)
    return f"{weeks} weeks (about {months} months)"


def relative_link(from_path: str, to_path: str) -> str:
    """Relative link between two pages given by their paths under docs/."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


def page_link(from_path: str, to_path: str) -> str:
    """The relative URL of a page from another, both given by their paths under docs/, for raw
    HTML, whose links MkDocs does not rewrite."""
    target = page_dir(to_path)
    link = posixpath.relpath(target or ".", page_dir(from_path) or ".")
    return "./" if link == "." else f"{link}/"


class ShownExercise(Protocol):
    """An exercise as the renderers see it (roadmap/pyodide.py's Exercise)."""

    @property
    def id(self) -> str: ...  # "dsa/binary_search"

    @property
    def name(self) -> str: ...  # "binary_search", as in `make exercise NAME=binary_search`

    @property
    def files(self) -> dict[str, str]: ...  # "stub" (the reader edits it), "solution", "tests"

    @property
    def needs(self) -> tuple[str, ...]: ...  # what the browser lacks; () when it runs there

    @property
    def in_browser(self) -> bool: ...  # runs on its page; else with `make exercise` only


@dataclass
class Index:
    """Views of a validated roadmap that several renderers share, computed once."""

    roadmap: Roadmap
    # Skill id -> the exercises its page shows, in the order its front matter lists them, with
    # where each runs (pyodide.exercises, from `listed_exercises`): what its verified mark needs
    # besides its quiz. A skill without exercises may be left out.
    exercises: dict[str, list[ShownExercise]] = field(default_factory=dict)

    @cached_property
    def listed_exercises(self) -> dict[str, list[tuple[str, str]]]:
        """Skill id -> the (package, name) of each exercise its front matter lists."""
        return {
            page.skill.id: [(package_name(page.skill.track), e.name) for e in page.skill.exercises]
            for page in self.roadmap.skills
            if page.skill.exercises
        }

    def verifiable(self, skill_id: str) -> bool:
        """Whether a skill can be verified: it has a quiz or an exercise."""
        return bool(self.skills[skill_id].skill.quiz or self.exercises.get(skill_id))

    def verifiable_count(self, skill_ids: list[str]) -> int:
        """How many of these skills can be verified: what the verified count is out of."""
        return sum(map(self.verifiable, skill_ids))

    @cached_property
    def skills(self) -> dict[str, SkillPage]:
        return {page.skill.id: page for page in self.roadmap.skills}

    @cached_property
    def tracks(self) -> dict:
        return {track.id: track for track in self.roadmap.tracks}

    @cached_property
    def resources(self) -> dict[str, Resource]:
        return {resource.id: resource for resource in self.roadmap.resources}

    @cached_property
    def unlocks(self) -> dict[str, list[str]]:
        return reverse_edges({sid: page.skill.prerequisites for sid, page in self.skills.items()})

    @cached_property
    def served_by(self) -> dict[str, list[str]]:
        """Resource id -> the skills that list it, in roadmap order."""
        served: dict[str, list[str]] = {rid: [] for rid in self.resources}
        for skill_id in self.order:
            for rid in self.skills[skill_id].skill.resources:
                served[rid].append(skill_id)
        return served

    def resource_tracks(self, resource_id: str) -> list[str]:
        """The tracks of the skills a resource serves, in track order."""
        tracks = {self.skills[sid].skill.track for sid in self.served_by[resource_id]}
        return [track.id for track in self.roadmap.tracks if track.id in tracks]

    def _key(self, skill_id: str) -> tuple:
        skill = self.skills[skill_id].skill
        return (LEVELS.index(skill.level), skill.title.lower(), skill_id)

    @cached_property
    def order(self) -> list[str]:
        """All skills, track by track (in tracks.yml order), each track in study order."""
        return [sid for track in self.roadmap.tracks for sid in self.track_order(track.id)]

    def track_order(self, track_id: str) -> list[str]:
        graph = {
            sid: page.skill.prerequisites
            for sid, page in self.skills.items()
            if page.skill.track == track_id
        }
        return topological_order(graph, key=self._key)

    def track_effort(self, track_id: str) -> tuple[float, float]:
        efforts = [self.skills[sid].skill.effort_hours for sid in self.track_order(track_id)]
        return (sum(e[0] for e in efforts), sum(e[1] for e in efforts))

    @cached_property
    def goals(self) -> dict:
        return {goal.id: goal for goal in self.roadmap.goals}

    def goal_skills(self, goal_id: str) -> list[str]:
        """A goal's targets and every prerequisite they need, in roadmap order."""
        chosen: set[str] = set()
        stack = list(self.goals[goal_id].targets)
        while stack:
            skill_id = stack.pop()
            if skill_id not in chosen:
                chosen.add(skill_id)
                stack.extend(self.skills[skill_id].skill.prerequisites)
        return [sid for sid in self.order if sid in chosen]

    def goal_to_study(self, goal_id: str) -> list[str]:
        """A goal's skills less those its entry profile usually covers: what is left to study."""
        goal = self.goals[goal_id]
        profile = next((p for p in self.roadmap.profiles if p.id == goal.profile), None)
        known = set(profile.covers) if profile else set()
        return [sid for sid in self.goal_skills(goal_id) if sid not in known]

    def core_path(self, skill_ids: list[str]) -> list[str]:
        return [sid for sid in skill_ids if self.skills[sid].skill.priority == "core"]

    def mean_hours(self, skill_ids: list[str]) -> float:
        """Hours of study at the middle of each skill's range (the planner's default)."""
        return sum(sum(self.skills[sid].skill.effort_hours) / 2 for sid in skill_ids)

    def skill_src(self, skill_id: str) -> str:
        return self.skills[skill_id].src_path

    def checklist_size(self, skill_ids: list[str]) -> int:
        """How many checklist items these skills have: the length of their progress bar."""
        return sum(len(self.skills[sid].skill.checklist) for sid in skill_ids)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("roadmap", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown; every data field goes through md or html
        trim_blocks=True,
        lstrip_blocks=True,  # pragma: no mutate (no template indents a block tag or comment)
        keep_trailing_newline=True,
    )
    # Filters and functions are known to the templates by their own names, but for the escapes.
    env.filters.update({f.__name__: f for f in (hours, duration, counted)})
    env.filters.update(md=md_text, html=html_text, attribute=attribute_text)
    env.filters["hours_one"] = lambda h: f"{h:g} h"
    env.globals.update({f.__name__: f for f in (relative_link, page_link, weeks_at)})
    env.globals.update(paces=PACES, type_titles=RESOURCE_TYPE_TITLES, cost_labels=COST_LABELS)
    env.globals["section"] = SNIPPET_SECTION
    return env


_ENV = _environment()


def _render(template: str, **context) -> str:
    return _ENV.get_template(template).render(**context)


def skill_header(index: Index, page: SkillPage) -> str:
    """The facts shown above a skill page's prose: summary, level, effort, prerequisites."""
    track = index.tracks[page.skill.track]
    return _render(
        "skill_header.md.j2",
        index=index,
        page=page,
        skill=page.skill,
        track=track,
        track_src=index.roadmap.track_pages[track.id],
    )


def skill_footer(index: Index, page: SkillPage) -> str:
    """The sections after a skill page's prose: exercises, code, checklist, quiz, resources,
    unlocks."""
    snippets = [Snippet(page.skill.track, name) for name in page.skill.snippets]
    return _render(
        "skill_footer.md.j2",
        index=index,
        page=page,
        exercises=exercise_section(index, page),
        snippets=snippets,
        checklist=checklist_html(page),
        quiz=quiz_html(page) if page.skill.quiz else "",
        resources=[index.resources[rid] for rid in page.skill.resources],
        unlocks=index.unlocks[page.skill.id],
    )


def exercise_section(index: Index, page: SkillPage) -> str:
    """The exercises a skill lists, as its page shows them: each one's task, the command that
    runs its tests, its stub and reference solution, and under them the editor (or why it runs
    with `make exercise` only). Empty for a skill without exercises."""
    shown = {exercise.name: exercise for exercise in index.exercises.get(page.skill.id, [])}
    declared = page.skill.exercises
    missing = [exercise.name for exercise in declared if exercise.name not in shown]
    if missing:
        raise ValueError(f"index.exercises has no {', '.join(missing)} for {page.skill.id}")
    return _render(
        "exercises.md.j2",
        exercises=[(exercise, shown[exercise.name]) for exercise in declared],
        widget=exercise_widget,
    )


def _needs_text(needs: tuple[str, ...]) -> str:
    names = [LIBRARY_NAMES.get(module, module) for module in needs]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def exercise_widget(exercise: ShownExercise) -> str:
    """The HTML placed after an exercise's reference solution: an empty element that
    exercise.js fills with the editor, or a note saying why the exercise runs locally only."""
    if exercise.in_browser:
        return (
            f'<div class="roadmap-exercise" data-exercise="{html.escape(exercise.id)}" '
            f'data-file="{html.escape(exercise.files["stub"])}"></div>'
        )
    why = (
        f"its code or tests use {html.escape(_needs_text(exercise.needs))}, "
        "which the Python that runs in your browser here does not carry"
    )
    return (
        f'<p class="roadmap-exercise-local" data-exercise-local="{html.escape(exercise.id)}">'
        f"This exercise runs with <code>make exercise NAME={html.escape(exercise.name)}</code> "
        f"only, not on this page: {why}.</p>\n" + self_report(exercise)
    )


def self_report(exercise: ShownExercise) -> str:
    """Under an exercise that runs only with `make exercise`: the button with which the reader
    says it passed there (a self-reported pass, which counts towards the skill's verified mark),
    and takes that back. progress.js brings it to life and words it; without scripts it stays
    hidden."""
    return (
        f'<p class="roadmap-self-report" data-search-exclude="true">'
        f'<button type="button" class="md-button roadmap-self-report__button" '
        f'data-self-report="{html.escape(exercise.id)}" aria-pressed="false" hidden>'
        f"I ran <code>make exercise NAME={html.escape(exercise.name)}</code> and it passed"
        "</button></p>"
    )


def checklist_item_id(skill_id: str, item_id: str) -> str:
    """The stable, site-wide id of a checklist item (what progress is saved under)."""
    return f"{skill_id}/{item_id}"


def checklist_html(page: SkillPage) -> str:
    return _render("checklist.html.j2", skill=page.skill, item_id=checklist_item_id)


def quiz_question_id(skill_id: str, question_id: str) -> str:
    """The stable, site-wide id of a quiz question (what a reader's answer is saved under)."""
    return f"{skill_id}/{question_id}"


def quiz_html(page: SkillPage) -> str:
    return _render("quiz.html.j2", skill=page.skill, question_id=quiz_question_id)


def track_overview(index: Index, track_id: str, from_path: str) -> str:
    order = index.track_order(track_id)
    return _render(
        "track.md.j2",
        index=index,
        from_path=from_path,
        track_id=track_id,
        skills=[index.skills[sid] for sid in order],
        effort=index.track_effort(track_id),
    )


def goals_overview(index: Index, from_path: str) -> str:
    """The goals with their core path and whole length at typical paces (home page)."""
    return _render("goals.md.j2", index=index, from_path=from_path)


def tracks_overview(index: Index, from_path: str) -> str:
    """Every track with its size and length at typical paces (home page)."""
    return _render("tracks.md.j2", index=index, from_path=from_path)


def reading_list(index: Index, from_path: str) -> str:
    groups = [
        (kind, [r for r in index.roadmap.resources if r.type == kind]) for kind in RESOURCE_TYPES
    ]
    return _render(
        "reading_list.md.j2",
        index=index,
        from_path=from_path,
        groups=[(kind, entries) for kind, entries in groups if entries],
    )


def all_checklists(index: Index, from_path: str) -> str:
    tracks = [
        (track, [index.skills[sid] for sid in index.track_order(track.id)])
        for track in index.roadmap.tracks
    ]
    return _render(
        "checklists.md.j2",
        from_path=from_path,
        tracks=tracks,
        checklist=checklist_html,
    )


def progress_overview(index: Index, from_path: str) -> str:
    """Progress bars for the whole roadmap and each track, the questions due for review and the
    entry profiles."""
    return _render("progress_overview.md.j2", index=index, from_path=from_path)


def review_page(index: Index, from_path: str) -> str:
    """The review page's frame: review.js fetches the questions due today (review_questions)
    and asks them one at a time."""
    return _render("review.html.j2")


# A skill's questions for the review page: their HTML as a JSON string (not an .html file, which
# hosts and checks would take for a page).
REVIEW_QUESTIONS = "review/questions/{}.json"


def review_questions(index: Index, skill_id: str, from_path: str) -> str:
    """A skill's quiz questions, hidden, as the review page at `from_path` shows them."""
    return _render(
        "review_questions.html.j2",
        index=index,
        skill=index.skills[skill_id].skill,
        from_path=from_path,
        question_id=quiz_question_id,
    )


def progress_tools(index: Index, from_path: str) -> str:
    """Export, import, every skill's state and reset (the browser script brings them to life)."""
    return _render("progress_tools.md.j2", index=index, from_path=from_path)


def rubric_form(index: Index) -> str:
    """The portfolio rubric as a self-scoring form (rubric.js totals and exports it)."""
    criteria = index.roadmap.rubric
    return _render(
        "rubric.html.j2",
        criteria=criteria,
        max_points=sum(criterion.levels[-1].points for criterion in criteria),
    )


def suggested_projects(index: Index, from_path: str) -> str:
    """The suggested portfolio projects, track by track, with links to their skills."""
    groups = [
        (track, [p for p in index.roadmap.projects if p.track == track.id])
        for track in index.roadmap.tracks
    ]
    return _render(
        "projects.md.j2",
        index=index,
        from_path=from_path,
        groups=[(track, projects) for track, projects in groups if projects],
    )


def _notice(kind: str, title: str, problems: list) -> str:
    """An admonition listing problems, one per item, as text."""
    items = [f"    - {md_text(str(problem))}" for problem in problems]
    return "\n".join([f'!!! {kind} "{title}"', "", *items]) + "\n\n"


def problems_notice(problems: list) -> str:
    """While `make serve` runs on broken data: what is wrong, at the top of every page."""
    title = (
        f"The roadmap data has {counted(len(problems), 'problem')}: this preview shows the last "
        "good data until they are fixed"
    )
    return _notice("failure", title, problems)


def unfinished_notice(problems: list) -> str:
    """On a draft page in a preview build: the placeholders `roadmap new` left in it."""
    title = (
        f"This draft has {counted(len(problems), 'placeholder')} left: `make check` refuses "
        "them until they are replaced"
    )
    return _notice("warning", title, problems)


def planner(index: Index) -> str:
    """The study planner's form (planner.js computes the plan in the browser)."""
    return _render("planner.md.j2", index=index)


def roadmap_data(index: Index, urls: dict[str, str]) -> dict:
    """The machine-readable roadmap published as roadmap.json.

    `urls` maps a page's path under docs/ to its URL relative to the site root.
    The format is documented in docs/about/roadmap-json.md; bump FORMAT_VERSION on any
    change that could break a reader.
    """
    roadmap = index.roadmap
    return {
        "format_version": FORMAT_VERSION,
        "tracks": [
            {
                "id": track.id,
                "title": track.title,
                "summary": track.summary,
                "url": urls[roadmap.track_pages[track.id]],
                "skills": index.track_order(track.id),
                "effort_hours": list(index.track_effort(track.id)),
            }
            for track in roadmap.tracks
        ],
        "skills": [_skill_data(index, index.skills[sid], urls) for sid in index.order],
        "resources": [
            resource.model_dump(mode="json", exclude_none=True)
            | {"skills": index.served_by[resource.id]}
            for resource in roadmap.resources
        ],
        "profiles": [profile.model_dump(mode="json") for profile in roadmap.profiles],
        "priorities": list(PRIORITIES),
        "goals": [
            goal.model_dump(mode="json") | {"skills": index.goal_skills(goal.id)}
            for goal in roadmap.goals
        ],
    }


# What the page scripts read of each skill, track and goal (docs/assets/javascripts/). A skill's
# url is not written: it is always "<track>/<id>/" (docs/<track>/<id>.md), and expandPageData in
# progress-core.js puts it back.
_PAGE_SKILL_FIELDS = (
    "id",
    "title",
    "track",
    "effort_hours",
    "prerequisites",
    "priority",
    "start_early",
)
_PAGE_TRACK_FIELDS = ("id", "title", "skills")
_PAGE_GOAL_FIELDS = ("id", "title", "targets", "profile", "skills")
# A profile's summary is on the page already (progress_overview.md.j2).
_PAGE_PROFILE_FIELDS = ("id", "title", "covers")


def page_data(data: dict) -> dict:
    """What every page's scripts load from `roadmap_data`'s output: progress and its bars, the
    quizzes, the starting points and the planner. Ids, titles, URLs, effort and prerequisites,
    without the text those scripts never show (summaries, checklist wording, resources), which
    stays in roadmap.json for readers of the data and for the Markdown export.
    `start_early` is there only where it is true, and whole hours are written without ".0".

    Every reader downloads it, so checklist items and quiz questions are named within their
    skill (`shapes`, not `linear-algebra/shapes`; `checklist_item_id` puts the two together),
    and an item is an object only when it has aliases. progress-core.js's `expandPageData`
    gives them back the shape roadmap.json has. A skill's exercises are listed by id, and only
    where it has some; `local_exercises` names those that run with `make exercise` only."""

    def own(skill: dict, full_id: str) -> str:
        prefix = checklist_item_id(skill["id"], "")
        if not full_id.startswith(prefix):
            raise ValueError(f"{full_id!r} is not an id within skill {skill['id']!r}")
        return full_id.removeprefix(prefix)

    def item(skill: dict, entry: dict) -> str | dict:
        if not entry["aliases"]:
            return own(skill, entry["id"])
        return {"id": own(skill, entry["id"]), "aliases": [own(skill, a) for a in entry["aliases"]]}

    def exercises(skill: dict) -> dict:
        return {"exercises": [e["id"] for e in skill["exercises"]]} if skill["exercises"] else {}

    def fields(skill: dict) -> dict:
        # Whole hours without their ".0", and start_early only where it is true.
        kept = {key: skill[key] for key in _PAGE_SKILL_FIELDS if key != "start_early"}
        kept["effort_hours"] = [int(h) if h == int(h) else h for h in skill["effort_hours"]]
        return kept | ({"start_early": True} if skill["start_early"] else {})

    return {
        "format_version": data["format_version"],
        "tracks": [{key: track[key] for key in _PAGE_TRACK_FIELDS} for track in data["tracks"]],
        "skills": [
            fields(skill)
            | {
                "quiz": [own(skill, question) for question in skill["quiz"]],
                "checklist": [item(skill, entry) for entry in skill["checklist"]],
            }
            | exercises(skill)
            for skill in data["skills"]
        ],
        "local_exercises": sorted(
            e["id"] for skill in data["skills"] for e in skill["exercises"] if not e["in_browser"]
        ),
        "profiles": [{key: p[key] for key in _PAGE_PROFILE_FIELDS} for p in data["profiles"]],
        "priorities": data["priorities"],
        "goals": [{key: goal[key] for key in _PAGE_GOAL_FIELDS} for goal in data["goals"]],
    }


def _skill_data(index: Index, page: SkillPage, urls: dict[str, str]) -> dict:
    skill = page.skill
    return {
        "id": skill.id,
        "title": skill.title,
        "track": skill.track,
        "level": skill.level,
        "summary": skill.summary,
        "url": urls[page.src_path],
        "source": docs_file(page.src_path),
        "effort_hours": list(skill.effort_hours),
        "prerequisites": list(skill.prerequisites),
        "priority": skill.priority,
        "priority_reason": skill.priority_reason,
        "start_early": skill.start_early,
        "unlocks": index.unlocks[skill.id],
        "checklist": [
            {
                "id": checklist_item_id(skill.id, item.id),
                "text": item.text,
                "aliases": [checklist_item_id(skill.id, alias) for alias in item.aliases],
            }
            for item in skill.checklist
        ],
        "resources": list(skill.resources),
        "quiz": [quiz_question_id(skill.id, question.id) for question in skill.quiz],
        "exercises": [
            {"id": exercise.id, "in_browser": exercise.in_browser}
            for exercise in index.exercises.get(skill.id, [])
        ],
        "snippets": [Snippet(skill.track, name).path for name in skill.snippets],
    }
