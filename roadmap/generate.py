"""`python -m roadmap generate`: the complete Markdown the site is built from, in
GENERATED_DOCS_DIR (roadmap/conventions.py), which mkdocs.yml's docs_dir names.

Every file of docs/ is there: skill pages with their generated parts (header, exercises,
checklist, quiz, footer), every `<!-- roadmap:... -->` marker expanded (roadmap/markers.py), a
notice on the pages that still carry placeholders; the other files (stylesheets, scripts,
notebooks, images) as they are. Beside them the data files the pages load: roadmap.json,
page-data.json, each skill's review questions, the list of wheels the exercises install, and
the exercises' conftest.py, stubs and tests for those that run on the page.

`documents` and `page_markdown` are pure: data in, text out. `write_tree` is the thin layer that
writes a folder: only the files whose bytes changed, and it removes those that no longer have a
source, so that after one edit a rerun writes one file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from roadmap import markers, pyodide, render
from roadmap.conventions import (
    DOCS_DIR,
    EXERCISES_DIR,
    GENERATED_DOCS_DIR,
    JSON_PATH,
    PAGE_DATA_PATH,
    docs_file,
    page_url,
)
from roadmap.load import Snippet
from roadmap.validate import load_and_check

REVIEW_PAGE = "review.md"  # the page that shows the files render.REVIEW_QUESTIONS names

# A page's YAML front matter, as MkDocs reads it (mkdocs.utils.meta): it stays at the top.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


class GenerateError(ValueError):
    """The pages cannot be generated: every unknown or malformed marker, with file and line."""


@dataclass
class Source:
    """What generation reads: the validated roadmap (with its exercises) and docs/'s files."""

    index: render.Index
    docs: dict[str, bytes]  # path under docs/ -> content
    extra: dict[str, bytes] = field(default_factory=dict)  # plain files served beside the pages
    wheels: list[str] = field(default_factory=list)  # the wheels' file names (wheels.json)


@dataclass
class Changes:
    written: list[str]  # paths relative to the generated folder, in name order
    removed: list[str]


def generated_dir(root: Path) -> Path:
    return root / GENERATED_DOCS_DIR


def read_source(root: Path) -> Source:
    """Load and check the data (raising RoadmapError with every problem), find where each
    exercise runs (raising pyodide.RuntimeMissing without its runtime) and read docs/."""
    index = render.Index(load_and_check(root, drafts=True))
    extra: dict[str, bytes] = {}
    wheels: list[str] = []
    if (root / EXERCISES_DIR).is_dir():  # a roadmap without exercises needs no Python
        served = pyodide.served_runtime(root)
        stdlib = served[f"{pyodide.SITE_RUNTIME}/python_stdlib.zip"]
        index.exercises = pyodide.exercises(
            root, index.listed_exercises, pyodide.runtime_modules(stdlib)
        )
        shown = [exercise for listed in index.exercises.values() for exercise in listed]
        extra = {path: file.read_bytes() for path, file in pyodide.site_files(root, shown).items()}
        wheels = [path.name for site, path in served.items() if site.startswith(pyodide.WHEELS_DIR)]
    docs_root = root / DOCS_DIR
    docs = {
        path.relative_to(docs_root).as_posix(): path.read_bytes()
        for path in sorted(docs_root.rglob("*"))
        if path.is_file()
    }
    return Source(index, docs, extra, wheels)


def front_matter_end(text: str) -> int:
    """Where a page's YAML front matter ends (0 without one)."""
    found = _FRONT_MATTER.match(text)
    return found.end() if found else 0


def page_markdown(index: render.Index, src: str, text: str) -> str:
    """A page of docs/ (`src`, relative to docs/) as the site is built from it: markers
    expanded, and on a skill page its generated parts around the prose, after the front matter.
    Raises markers.MarkerError for a marker that is unknown or does not fit."""

    def link(skill_id: str) -> str:
        return render.page_link(src, index.skill_src(skill_id))

    text = markers.expand(index, text, src, link)
    end = front_matter_end(text)
    front, body = text[:end], text[end:].lstrip("\n") if end else text
    skill_page = next((p for p in index.roadmap.skills if p.src_path == src), None)
    files_shown = {docs_file(src)}
    if skill_page:
        header = render.skill_header(index, skill_page)
        body = header + "\n" + body + render.skill_footer(index, skill_page)
        skill = skill_page.skill
        files_shown.update(Snippet(skill.track, name).path for name in skill.snippets)
    unfinished = [p for p in index.roadmap.unfinished if p.file in files_shown]
    if unfinished:
        body = render.unfinished_notice(unfinished) + body
    return front + body


def data_files(index: render.Index, wheels: list[str]) -> dict[str, str]:
    """The data files the pages load, by path in the generated folder: roadmap.json,
    page-data.json, each skill's quiz questions for the review page (which fetches only those of
    the skills with a question due, review.js) and, with exercises, the wheels' list."""
    urls = {page.src_path: page_url(page.src_path) for page in index.roadmap.skills}
    urls.update({src: page_url(src) for src in index.roadmap.track_pages.values()})
    data = render.roadmap_data(index, urls)
    files = {
        JSON_PATH: json.dumps(data, indent=1, ensure_ascii=False),
        PAGE_DATA_PATH: json.dumps(
            render.page_data(data), separators=(",", ":"), ensure_ascii=False
        ),
    }
    files[pyodide.WHEELS_MANIFEST] = json.dumps(wheels)
    for skill_id, page in index.skills.items():
        if page.skill.quiz:
            content = render.review_questions(index, skill_id, REVIEW_PAGE)
            files[render.REVIEW_QUESTIONS.format(skill_id)] = json.dumps(content)
    return files


def marker_problems(tracks: Collection[str], pages: dict[str, str]) -> list[str]:
    """Every unknown or malformed marker of the pages (path under docs/ -> text), each as
    `docs/<path>:<line>: ...`, in page order; `tracks` are the track ids a marker may name."""
    return [found for src, text in pages.items() for found in markers.unknown(tracks, text, src)]


def read_pages(root: Path) -> dict[str, str]:
    """The Markdown pages of `root`'s docs/, by path under docs/."""
    docs_root = root / DOCS_DIR
    return {
        path.relative_to(docs_root).as_posix(): path.read_text(encoding="utf-8-sig")
        for path in sorted(docs_root.rglob("*.md"))
    }


def documents(source: Source) -> dict[str, bytes]:
    """Every file of the generated folder, by path in it. Raises GenerateError listing every
    unknown or malformed marker of every page, each with its file and line."""
    index = source.index
    pages = {
        src: content.decode("utf-8-sig")
        for src, content in source.docs.items()
        if src.endswith(".md")
    }
    wrong = marker_problems(index.tracks, pages)
    if wrong:
        raise GenerateError("\n".join(wrong) + "\n" + markers.allowed())
    files = dict(source.docs)
    files.update({src: page_markdown(index, src, text).encode() for src, text in pages.items()})
    files.update(source.extra)
    files.update({path: text.encode() for path, text in data_files(index, source.wheels).items()})
    return files


def write_tree(target: Path, files: dict[str, bytes]) -> Changes:
    """Make `target` hold exactly `files` (path -> content): write a file only when its bytes
    differ from what is there, remove every other file and the folders left empty."""
    written = []
    for path, content in sorted(files.items()):
        file = target / path
        if file.is_file() and file.stat().st_size == len(content) and file.read_bytes() == content:
            continue
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(content)
        written.append(path)
    removed = []
    if target.is_dir():
        for file in sorted(target.rglob("*"), reverse=True):
            path = file.relative_to(target).as_posix()
            if file.is_dir():
                if not any(file.iterdir()):
                    file.rmdir()
            elif path not in files:
                file.unlink()
                removed.append(path)
    return Changes(written, sorted(removed))


def generate(root: Path) -> Changes:
    """Generate the site's Markdown from `root`'s data and docs/ into its generated folder.
    Raises RoadmapError (every problem of the data), GenerateError (every unknown marker) or
    pyodide.RuntimeMissing; a failure leaves the folder as it was."""
    files = documents(read_source(root))
    return write_tree(generated_dir(root), files)
