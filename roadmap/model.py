"""The schema of the roadmap data: one pydantic model per kind of record.

Field-level rules (types, allowed values, URL and text safety) live here.
Rules that need more than one record (unknown references, duplicate ids,
prerequisite cycles, missing snippet files) live in `roadmap.validate`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

LEVELS = ("foundation", "core", "advanced")
RESOURCE_TYPES = (
    "book",
    "paper",
    "article",
    "course",
    "video",
    "documentation",
    "certification",
    "community",
    "podcast",
)
COSTS = ("free", "paid", "free-to-audit")
# How much a skill matters for a first ML engineering job, highest first. A skill's
# prerequisites are never of a lower priority than the skill itself (roadmap.validate).
PRIORITIES = ("core", "recommended", "elective")

# A tag, comment, processing instruction or CDATA section: anything a Markdown
# renderer would pass through to the page as raw HTML.
_RAW_HTML = re.compile(r"<(?:[/?]?[A-Za-z]|!)")  # how HTML starts them: no space after <
_KEBAB = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SNAKE = r"^[a-z][a-z0-9_]*$"


def _plain_text(value: str) -> str:
    """Text from the data files is shown on pages: refuse raw HTML in it."""
    found = _RAW_HTML.search(value)
    if found:
        tag = value[found.start() : found.end() + 8].split(">")[0]
        raise ValueError(
            f"raw HTML ({tag!r}...) is not allowed here; write plain text (Markdown `code` is fine)"
        )
    if not value.strip():
        raise ValueError("must not be empty")
    value = value.strip()
    if value.endswith('"') and value.count('"') % 2:
        raise ValueError(
            "ends in a quote that opens nothing: a YAML quote left over? Remove it, or quote "
            "the whole text"
        )
    return value


def _https_url(value: str) -> str:
    """An https URL with a host, safe to put in a link: nothing in it can end the link early."""
    value = value.strip()
    lowered = value.lower()
    if lowered.startswith("javascript:"):
        raise ValueError("javascript: URLs are not allowed; use an https:// URL")
    if not lowered.startswith("https://"):
        raise ValueError("must be an https:// URL")
    if any(ch.isspace() for ch in value) or any(ch in value for ch in "\"'<>`"):
        raise ValueError("must not contain spaces, quotes, backticks or angle brackets")
    depth = 0
    for ch in value:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            break
    if depth != 0:
        raise ValueError("has unbalanced parentheses; write ( and ) as %28 and %29")
    try:
        host = urlsplit(value).hostname
    except ValueError as exc:
        raise ValueError(f"is not a valid URL ({exc})") from None
    if not host or "." not in host:
        raise ValueError("needs a host name after https://, e.g. https://example.org/page")
    return value


def _i_can(value: str) -> str:
    if not value.startswith("I can "):
        raise ValueError(
            'must start with "I can ": an observable statement a learner can honestly tick'
        )
    return value


Text = Annotated[str, AfterValidator(_plain_text)]
ICanText = Annotated[str, AfterValidator(_plain_text), AfterValidator(_i_can)]
Url = Annotated[str, AfterValidator(_https_url)]
Id = Annotated[str, Field(pattern=_KEBAB)]
SnippetName = Annotated[str, Field(pattern=_SNAKE)]


class Strict(BaseModel):
    """Every record refuses fields it does not know: a typo is an error, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class ChecklistItem(Strict):
    id: Id = Field(description="Stable id, unique within the skill; never reuse a removed one.")
    text: ICanText = Field(description='An observable statement starting with "I can".')
    aliases: list[Id] = Field(
        default_factory=list,
        description="Former ids of this item, so progress saved under them is kept.",
    )


_VERDICT = re.compile(r"^(right|correct|wrong|incorrect|yes|no)\b[.:,!]", re.IGNORECASE)


class QuizOption(Strict):
    text: Text = Field(description="The answer as the reader sees it.")
    correct: bool = Field(default=False, description="True for the one right answer.")
    why: Text = Field(description="Why this answer is right, or why it is wrong.")

    @field_validator("why")
    @classmethod
    def _no_verdict(cls, value: str) -> str:
        found = _VERDICT.match(value)
        if found:
            raise ValueError(
                f"starts with {found.group(0)!r}: the page says Right or Wrong itself; "
                "start with the reason"
            )
        return value


class QuizQuestion(Strict):
    id: Id = Field(description="Stable id, unique within the skill; the reader's score uses it.")
    question: Text
    options: list[QuizOption] = Field(min_length=2, max_length=6)

    @model_validator(mode="after")
    def _one_correct_option(self) -> QuizQuestion:
        right = sum(option.correct for option in self.options)
        if right != 1:
            raise ValueError(f"needs exactly one option with `correct: true`, found {right}")
        texts = [option.text.casefold() for option in self.options]
        repeated = sorted({text for text in texts if texts.count(text) > 1})
        if repeated:
            raise ValueError(f"options repeat: {', '.join(map(repr, repeated))}")
        return self


class Exercise(Strict):
    """An exercise a skill's page shows: its files are exercises/<track>/<name>.py (the stub),
    solutions/<name>.py and test_<name>.py (roadmap.conventions)."""

    name: SnippetName = Field(
        description="The stub's name without .py, as in `make exercise NAME=<name>`."
    )
    title: Text | None = Field(
        default=None, description="Its heading, needed when a skill lists several exercises."
    )
    task: Text = Field(
        description="What to write, in a sentence or two, e.g. Write `f(x)`: what it returns."
    )
    checked_against: Text | None = Field(
        default=None,
        description="What the tests compare answers with, for the table in exercises/README.md.",
    )


class Skill(Strict):
    """The front matter of one skill page, docs/<track>/<id>.md."""

    id: Id
    title: Text
    track: Id
    level: Literal[LEVELS]
    summary: Text = Field(description="One or two plain sentences: what this skill is.")
    effort_hours: tuple[
        Annotated[float, Field(gt=0, le=500)], Annotated[float, Field(gt=0, le=500)]
    ]
    prerequisites: list[Id] = Field(default_factory=list)
    priority: Literal[PRIORITIES] = Field(
        description="For a first ML engineering job: core, recommended or elective."
    )
    priority_reason: Text = Field(description="One line: why this priority, from the essays.")
    start_early: bool = Field(
        default=False,
        description="A habit the planner starts in the first weeks, as soon as it is ready.",
    )
    checklist: list[ChecklistItem] = Field(min_length=1)
    resources: list[Id] = Field(default_factory=list)
    snippets: list[SnippetName] = Field(default_factory=list)
    quiz: list[QuizQuestion] = Field(
        default_factory=list, max_length=5, description="2-5 questions that test the checklist."
    )
    exercises: list[Exercise] = Field(
        default_factory=list, description="The exercises its page shows, in their order."
    )

    @field_validator("exercises")
    @classmethod
    def _exercise_titles(cls, value: list[Exercise]) -> list[Exercise]:
        untitled = [str(i) for i, exercise in enumerate(value) if exercise.title is None]
        if len(value) > 1 and untitled:
            raise ValueError(
                f"with {len(value)} exercises each needs a `title:` for its heading "
                f"(missing in exercises[{'], exercises['.join(untitled)}])"
            )
        return value

    @field_validator("quiz")
    @classmethod
    def _quiz_questions(cls, value: list[QuizQuestion]) -> list[QuizQuestion]:
        if len(value) == 1:
            raise ValueError("a quiz needs at least 2 questions (or leave `quiz` out)")
        for attribute, label in (("id", "question ids"), ("question", "questions")):
            seen = [getattr(q, attribute).casefold() for q in value]
            repeated = sorted({item for item in seen if seen.count(item) > 1})
            if repeated:
                raise ValueError(f"duplicate {label}: {', '.join(map(repr, repeated))}")
        return value

    @field_validator("effort_hours")
    @classmethod
    def _effort_range(cls, value: tuple[float, float]) -> tuple[float, float]:
        low, high = value
        if low > high:
            raise ValueError(f"min {low:g} is greater than max {high:g}; write [min, max]")
        return value


class Track(Strict):
    id: Id
    title: Text
    summary: Text


class Resource(Strict):
    id: Id
    title: Text
    authors: Text = Field(description="Authors, or the publisher for institutional works.")
    year: int = Field(ge=1900, le=2100)
    type: Literal[RESOURCE_TYPES]
    url: Url
    cost: Literal[COSTS]
    level: Literal[LEVELS]
    hours: float | None = Field(default=None, gt=0, description="Rough time to work through it.")
    note: Text = Field(description="One or two sentences, in our own words: why it is on the list.")
    checked: date = Field(description="When the URL was last checked against the publisher.")
    archive_url: Url | None = None


class RubricLevel(Strict):
    points: int = Field(ge=0, le=10)
    text: Text = Field(description="What work at this level looks like, observably.")


class RubricCriterion(Strict):
    """One row of the portfolio rubric (data/rubric.yml)."""

    id: Id
    title: Text
    question: Text = Field(description="The question a reviewer asks of the project.")
    levels: list[RubricLevel] = Field(min_length=2, max_length=5)

    @field_validator("levels")
    @classmethod
    def _rising_points(cls, value: list[RubricLevel]) -> list[RubricLevel]:
        points = [level.points for level in value]
        if points[0] != 0:
            raise ValueError(f"the first level must be worth 0 points, not {points[0]}")
        if any(b <= a for a, b in zip(points, points[1:], strict=False)):
            raise ValueError(f"points must rise from level to level, got {points}")
        return value


class Project(Strict):
    """A suggested portfolio project (data/projects.yml)."""

    id: Id
    title: Text
    track: Id
    summary: Text = Field(description="What to build, in one or two sentences.")
    skills: list[Id] = Field(min_length=2, description="The skills the project exercises.")


class Profile(Strict):
    id: Id
    title: Text
    summary: Text
    covers: list[Id] = Field(
        default_factory=list, description="Skills this background usually covers."
    )


class Goal(Strict):
    """A named study goal (data/goals.yml): target skills, whose prerequisites come along."""

    id: Id
    title: Text
    summary: Text
    targets: list[Id] = Field(min_length=1, description="Skills the goal is reached with.")
    profile: Id | None = Field(
        default=None, description="The entry profile (data/profiles.yml) this goal suits."
    )


# Hints added to type errors, by field name, to say what is allowed.
HINTS = {
    "id": "write it in kebab-case: lower-case letters and digits joined by hyphens, e.g. heap-sort",
    "effort_hours": "write [min, max] in hours, e.g. [4, 8]",
    "checked": "write the date as YYYY-MM-DD",
    "year": "write a four-digit year",
    "hours": "write a number of hours",
    "name": "write the exercise's file name without .py, in snake_case, e.g. binary_search",
    "text": 'write text; quote answers YAML reads as booleans, e.g. "True", "No"',
}
