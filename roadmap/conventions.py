"""Where every file of the roadmap lives: each path derived from a skill, a snippet or an
exercise is written here once, and the loader, the checks, the renderers, `roadmap new`, the
scripts and the tests ask these functions rather than spell a path themselves.

Paths are relative to the project root unless a function says otherwise, with `/` between parts.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

DATA_DIR = "data"
DOCS_DIR = "docs"
# Where `python -m roadmap generate` writes the Markdown the site is built from (mkdocs.yml's
# docs_dir; git ignores it).
GENERATED_DOCS_DIR = "build/docs"
# What one build keeps for the next (git ignores it): the inline scripts of mkdocs-jupyter
# (roadmap/csp.py).
NOTEBOOK_SCRIPTS_CACHE = "build/notebook-scripts.json"
# ... the HTML of each Markdown page (roadmap/page_cache.py), the HTML Pygments made of each
# code block (roadmap/highlight_cache.py), and the theme's and the notebooks' stylesheets
# pruned to the rules the pages use (css.kept_theme_stylesheets, css.kept_pruning).
PAGE_CACHE = "build/rendered-pages.json"
HIGHLIGHT_CACHE = "build/highlighted-code.json"
PRUNED_THEME_CSS_CACHE = "build/pruned-theme-css.json"
PRUNED_NOTEBOOK_CSS_CACHE = "build/pruned-notebook-css.json"
TEMPLATE_CACHE_DIR = "build/templates"  # the theme's templates, compiled by Jinja
SNIPPETS_DIR = "snippets"
EXERCISES_DIR = "exercises"
SNIPPET_SECTION = "example"  # the section of a snippet a page shows
# The data files `python -m roadmap generate` writes beside the pages: the whole roadmap, and
# the part of it every page's scripts load (render.page_data).
JSON_PATH = "roadmap.json"
PAGE_DATA_PATH = "page-data.json"


def python_name(kebab_id: str) -> str:
    """A kebab-case id as a Python name, `data-science` -> `data_science`: the one place this
    rule is written."""
    return kebab_id.replace("-", "_")


def package_name(track_id: str) -> str:
    """A track's folder of snippets and of exercises is a Python package, so `data-science`
    becomes `data_science`."""
    return python_name(track_id)


def track_of_package(package: str) -> str:
    """The track whose folder a package is: the rule above, backwards."""
    return package.replace("_", "-")


def snippet_name(skill_id: str) -> str:
    """The name of a skill's own snippet (and of its test, `test_<name>.py`)."""
    return python_name(skill_id)


def data_file(name: str) -> str:
    """A data file: `tracks` -> data/tracks.yml."""
    return f"{DATA_DIR}/{name}.yml"


def skill_src(track: str, skill_id: str) -> str:
    """A skill's page, relative to docs/ (as MkDocs names pages): `dsa/binary-search.md`."""
    return f"{track}/{skill_id}.md"


def built_page(src_path: str) -> str:
    """The HTML file a page becomes, relative to the site folder (directory URLs):
    `dsa/binary-search.md` -> `dsa/binary-search/index.html`, `index.md` -> `index.html`."""
    stem = src_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


def docs_file(src_path: str) -> str:
    """A page given relative to docs/, relative to the root: `docs/dsa/binary-search.md`."""
    return f"{DOCS_DIR}/{src_path}"


def docs_src(path: str) -> str:
    """A page given relative to the root, relative to docs/: the rule above, backwards."""
    return path.removeprefix(f"{DOCS_DIR}/")


def snippet_path(track: str, name: str) -> str:
    return f"{SNIPPETS_DIR}/{package_name(track)}/{name}.py"


def snippet_output_path(track: str, name: str) -> str:
    """The output a snippet printed when last run, shown under it (`make outputs`)."""
    return f"{SNIPPETS_DIR}/{package_name(track)}/{name}.out"


def find_snippets(root: Path) -> list[tuple[str, str]]:
    """Every snippet of the project at `root`, as (track, name), in the order of their paths:
    the Python files one folder below snippets/, leaving out helpers (a name starting with `_`)."""
    return [
        (track_of_package(path.parent.name), path.stem)
        for path in sorted((root / SNIPPETS_DIR).glob("*/*.py"))
        if not path.name.startswith("_")
    ]


def snippet_test_path(track: str, name: str) -> str:
    """A snippet's test, in the tests folder that mirrors snippets/."""
    return f"tests/{SNIPPETS_DIR}/{package_name(track)}/test_{name}.py"


def exercise_id(package: str, name: str) -> str:
    """An exercise's site-wide id, `dsa/binary_search`: what a reader's pass is saved under."""
    return f"{package}/{name}"


def exercise_stub(package: str, name: str) -> str:
    """The file a reader edits (and the site serves, for the editor on the page)."""
    return f"{EXERCISES_DIR}/{package}/{name}.py"


def exercise_solution(package: str, name: str) -> str:
    return f"{EXERCISES_DIR}/{package}/solutions/{name}.py"


def exercise_tests(package: str, name: str) -> str:
    return f"{EXERCISES_DIR}/{package}/test_{name}.py"


def exercise_files(package: str, name: str) -> dict[str, str]:
    """An exercise's three files, by what each is."""
    return {
        "stub": exercise_stub(package, name),
        "solution": exercise_solution(package, name),
        "tests": exercise_tests(package, name),
    }


def exercise_of(path: str) -> tuple[str, str] | None:
    """The (package, name) of the exercise a file under exercises/ belongs to, from its path
    (the stub, the solution or the tests), or None for any other file (conftest.py, helpers
    whose name starts with `_`)."""
    parts = path.split("/")
    if parts[0] != EXERCISES_DIR or not parts[-1].endswith(".py") or len(parts) not in (3, 4):
        return None
    if len(parts) == 4 and parts[2] != "solutions":
        return None
    stem = parts[-1].removesuffix(".py")
    name = stem.removeprefix("test_") if len(parts) == 3 else stem
    if not name or name.startswith("_") or name == "conftest":
        return None
    return parts[1], name


def page_dir(path: str) -> str:
    """The folder a page (its path under docs/) is served from, with MkDocs' directory URLs:
    "dsa/binary-search.md" from "dsa/binary-search/", "dsa/index.md" from "dsa/", "index.md"
    from the root ("")."""
    stem = path.removesuffix(".md")
    return posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem


def page_url(path: str) -> str:
    """A page's URL relative to the site root: "dsa/binary-search.md" -> "dsa/binary-search/",
    "dsa/index.md" -> "dsa/", "index.md" -> "./"."""
    return f"{page_dir(path) or '.'}/"
