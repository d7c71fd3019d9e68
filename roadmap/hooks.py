"""MkDocs hooks: the thin glue between MkDocs and the pure functions of this package.

- on_config: load and validate all data before MkDocs cleans site/, so a bad edit fails
  the build with every problem listed and leaves the last good site in place.
- on_config: also where each exercise the skills list runs (pyodide.exercises), for their
  sections and verified skills.
- on_files: publish roadmap.json, page-data.json (the part of it the page scripts load) and
  each skill's quiz questions for the review page; and what the exercises need to run on the
  page (roadmap/pyodide.py): the Python runtime, the wheels of pytest and Hypothesis,
  conftest.py and each exercise's stub and tests.
- on_nav: tracks in tracks.yml order, titled from the data, skills in study order.
- on_page_markdown: add the generated parts of skill pages and expand markers such as
  <!-- roadmap:reading-list --> on other pages (roadmap/markers.py holds every marker). An
  unknown marker stops the build. A skill's generated parts include its exercises, each
  with the place its editor goes (or why it runs locally only).
- on_page_content: mark what the search index leaves out (roadmap/search.py); fit notebook
  pages (rendered by mkdocs-jupyter) to the site: links, a download link, nothing the page
  security policy refuses, stylesheets and plots in files of their own, only the first cell in
  the search index. A link to a missing page stops it.
- on_env: the allow-list of inline scripts the site ships, from the theme's sources; the
  notebook stylesheets pruned to the rules the notebook pages can use.
- on_post_page, on_post_template: add a Content-Security-Policy to every HTML page (a page with
  an inline script or style off the allow-list stops the build), an accessible name to the
  theme's search dialog, and `defer` to the theme's script; notebook pages link the pruned
  stylesheets; in a build, every page links the web app manifest (roadmap/offline.py).
- on_post_build: write the stylesheets and images taken out of notebook pages; in a build,
  minify the site's own scripts and stylesheets, then write the manifest and the service
  worker that keeps the site for reading offline (roadmap/offline.py).
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from roadmap import a11y, csp, css, markers, notebooks, offline, pyodide, render, search, speed
from roadmap.conventions import EXERCISES_DIR, docs_file
from roadmap.load import Snippet
from roadmap.problems import RoadmapError
from roadmap.validate import load_and_check

JSON_PATH = "roadmap.json"
PAGE_DATA_PATH = "page-data.json"  # the part of it every page's scripts load (render.page_data)
REVIEW_PAGE = "review.md"  # the page that shows the files render.REVIEW_QUESTIONS names

_index: render.Index | None = None
# `serve` or `build`, from on_startup. While serving, broken data does not stop the server: the
# last good data stays in use and every page lists the problems until they are fixed.
_command = "build"
_problems: list = []
# Stylesheets and images taken out of notebook pages, by site path; written after the build.
_notebook_assets: dict[str, bytes] = {}
# The class names on the notebook pages (and words of their inline scripts), and each notebook
# stylesheet's pruned file (None when nothing in it applies). The stylesheets serve every
# notebook, so they are pruned once all notebook pages are converted (MkDocs converts every
# page before on_env), and the pages link the pruned files when written (after on_env).
_notebook_classes: set[str] = set()
_pruned_stylesheets: dict[str, str | None] = {}
# The class names on every page the build writes (and words of their inline scripts): the
# theme's stylesheets are pruned to what they can match once the whole site is written.
_site_classes: set[str] = set()
_site_features: set[str] = set()  # "page.tags" once a page has tags (search results show them)
# The inline scripts the theme and mkdocs-jupyter ship, from their sources (see csp.py).
_allowed_scripts: set[str] = set()
# The exercises, each with what it needs that the browser lacks, and the files the site serves
# for those that run there (site path -> source), with the wheels' list.
_exercises: list[pyodide.Exercise] = []
_exercise_files: dict[str, Path] = {}
_wheel_names: list[str] = []
# What the web app manifest says of the site (from mkdocs.yml and the theme), in a build only.
_offline_site: offline.Site | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_config(config):
    global _index
    root = Path(config.config_file_path).parent
    try:
        roadmap = load_and_check(root, drafts=True)
    except RoadmapError as exc:
        if _command != "serve" or _index is None:
            raise PluginError(str(exc)) from None
        _problems[:] = exc.problems  # keep serving the last good data, with the problems shown
    else:
        _problems.clear()
        _index = render.Index(roadmap)
    _notebook_assets.clear()
    _notebook_classes.clear()
    _pruned_stylesheets.clear()
    _site_classes.clear()
    _site_features.clear()
    _load_exercises(root)
    # pymdownx.snippets reads base_path relative to the working directory; anchor it to the
    # project so `mkdocs build -f path/to/mkdocs.yml` works from anywhere.
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(root / path) for path in snippets.get("base_path", ["."])]
    return config


def _load_exercises(root: Path) -> None:
    _exercises.clear()
    _exercise_files.clear()
    _wheel_names.clear()
    if not (root / EXERCISES_DIR).is_dir():
        return  # a roadmap without exercises needs no Python in the browser
    try:
        runtime = pyodide.runtime_files(root)
        python = pyodide.python_version(runtime[f"{pyodide.SITE_RUNTIME}/pyodide-lock.json"])
        wheels = pyodide.wheels(root, python)
    except pyodide.RuntimeMissing as exc:
        raise PluginError(str(exc)) from None
    stdlib = runtime[f"{pyodide.SITE_RUNTIME}/python_stdlib.zip"]
    _index.exercises = pyodide.exercises(
        root, _index.listed_exercises, pyodide.runtime_modules(stdlib)
    )
    _exercises[:] = [exercise for shown in _index.exercises.values() for exercise in shown]
    _exercise_files.update(runtime)
    _exercise_files.update({f"{pyodide.SITE_RUNTIME}/wheels/{path.name}": path for path in wheels})
    _exercise_files.update(pyodide.site_files(root, _exercises))
    _wheel_names[:] = [path.name for path in wheels]


def on_files(files: Files, config) -> Files:
    urls = {file.src_uri: file.url for file in files.documentation_pages()}
    data = render.roadmap_data(_index, urls)
    files.append(
        File.generated(config, JSON_PATH, content=json.dumps(data, indent=1, ensure_ascii=False))
    )
    compact = json.dumps(render.page_data(data), separators=(",", ":"), ensure_ascii=False)
    files.append(File.generated(config, PAGE_DATA_PATH, content=compact))
    for path, source in _exercise_files.items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    files.append(File.generated(config, pyodide.WHEELS_MANIFEST, content=json.dumps(_wheel_names)))
    # Each skill's quiz questions for the review page, which fetches only those of the skills
    # with a question due (review.js), so that it stays light.
    for skill_id, page in _index.skills.items():
        if page.skill.quiz:
            content = render.review_questions(_index, skill_id, REVIEW_PAGE)
            path = render.REVIEW_QUESTIONS.format(skill_id)
            files.append(File.generated(config, path, content=json.dumps(content)))
    return files


def on_nav(nav: Navigation, config, files: Files) -> Navigation:
    track_sections = {}
    for item in nav.items:
        if isinstance(item, Section):
            for child in item.children:
                track_id = _track_of_index_page(child)
                if track_id:
                    track_sections[track_id] = item
    for track_id, section in track_sections.items():
        section.title = _index.tracks[track_id].title
        rank = {
            _index.skill_src(sid): n for n, sid in enumerate(_index.track_order(track_id), start=1)
        }
        section.children.sort(
            key=lambda child: (
                rank.get(getattr(child.file, "src_uri", None), 0)
                if isinstance(child, Page)
                else len(rank) + 1
            )
        )
    tracks = [track_sections[t.id] for t in _index.roadmap.tracks if t.id in track_sections]
    tracks += _notebooks_section(nav, files)
    first = [item for item in nav.items if isinstance(item, Page) and item.is_homepage]
    rest = [item for item in nav.items if item not in tracks and item not in first]
    nav.items[:] = first + tracks + rest
    _relink(nav)
    return nav


def _notebooks_section(nav: Navigation, files: Files) -> list[Section]:
    """The notebooks come right after the tracks, in the order their index page lists them."""
    index_src = "notebooks/index.md"
    for item in nav.items:
        if isinstance(item, Section) and any(
            isinstance(child, Page) and child.file.src_uri == index_src for child in item.children
        ):
            listing = files.get_file_from_path(index_src).content_string
            item.children.sort(key=lambda child: _listed_at(child, index_src, listing))
            return [item]
    return []


def _listed_at(child, index_src: str, listing: str) -> int:
    src = getattr(getattr(child, "file", None), "src_uri", "")
    if src == index_src:
        return -1
    found = listing.find(f"]({posixpath.basename(src)})")
    return found if found >= 0 else len(listing)


def _track_of_index_page(item) -> str | None:
    if isinstance(item, Page):
        for track_id, src in _index.roadmap.track_pages.items():
            if item.file.src_uri == src:
                return track_id
    return None


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


def on_page_content(html: str, page: Page, config, files: Files) -> str:
    src = page.file.src_uri
    is_skill_page = any(p.src_path == src for p in _index.roadmap.skills)
    html = search.limit_index(html, skill_page=is_skill_page)
    if not notebooks.is_notebook(src):
        return html

    def url_of(target_src: str) -> str | None:
        target = files.get_file_from_path(target_src)
        return get_relative_url(target.url, page.url) if target else None

    try:
        html = notebooks.adapt(html, src, url_of)
        notebook = json.loads(Path(page.file.abs_src_path).read_text(encoding="utf-8"))
        html = notebooks.describe_images(html, notebooks.image_descriptions(notebook))
    except ValueError as exc:
        raise PluginError(f"{docs_file(src)}: {exc}") from None
    html = notebooks.externalise(
        html, lambda path: get_relative_url(path, page.url), _notebook_assets
    )
    _notebook_classes.update(css.class_names(html))
    return notebooks.exclude_from_search(html)


def on_post_build(config) -> None:
    """Write the stylesheets and images taken out of the notebook pages. In a build (`mkdocs
    serve` keeps the files as written, for debugging), minify the site's own scripts and
    stylesheets and prune the theme's stylesheets to what the pages use."""
    site = Path(config["site_dir"])
    for path, data in _notebook_assets.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    if _command != "build":
        return
    for source in sorted(Path(config["docs_dir"], "assets").rglob("*")):
        if source.suffix in (".js", ".css"):
            target = site / source.relative_to(config["docs_dir"])
            text = target.read_text(encoding="utf-8")
            target.write_text(speed.minified(text, source.suffix), encoding="utf-8")
    _prune_theme_stylesheets(site, config)
    offline.write(site, _offline_site, offline.WORKER_SOURCE.read_text(encoding="utf-8"))


def _prune_theme_stylesheets(site: Path, config) -> None:
    def text(path: Path) -> str:
        return path.read_text(encoding="utf-8")

    sheets = {path.relative_to(site).as_posix(): text(path) for path in site.rglob("*.css")}
    scripts = map(text, site.rglob("*.js"))
    features = [*(config.theme.get("features") or []), *_site_features]
    if config.extra.get("version"):
        features.append("extra.version")
    unused = css.unused_script_classes(features, _site_classes)
    pruned = css.prune_theme_stylesheets(sheets, _site_classes, scripts, unused)
    for old, (new, content) in pruned.items():
        (site / old).unlink()
        (site / f"{old}.map").unlink(missing_ok=True)  # the theme's source map of the old file
        (site / new).write_text(content, encoding="utf-8")
    renamed = {old: new for old, (new, _) in pruned.items()}
    for page in site.rglob("*.html"):
        before = text(page)
        after = css.relink_stylesheets(before, renamed)
        if after != before:
            page.write_text(after, encoding="utf-8")


def _site_root_path(config) -> str:
    """The site's root as pages that may be served at any address (404.html) link it."""
    return urlsplit(config.site_url or "/").path


def on_env(env, config, files: Files):
    global _offline_site
    _offline_site = None
    if _command == "build":
        try:
            _offline_site = offline.site_settings(config, config.theme, config.theme.dirs)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
    pages = files.documentation_pages()
    base_urls = {get_relative_url(".", file.url) for file in pages}
    base_urls.add(_site_root_path(config))  # error pages such as 404.html
    context = {"config": config, "features": config.theme.get("features") or []}
    _allowed_scripts.clear()
    _allowed_scripts.update(csp.theme_scripts(env, context, sorted(base_urls)))
    if any(notebooks.is_notebook(file.src_uri) for file in pages):
        _allowed_scripts.update(csp.notebook_scripts())
    if _notebook_assets:
        scripts = css.script_words(file.content_string for file in files.javascript_files())
        _pruned_stylesheets.update(
            notebooks.prune_stylesheet_assets(_notebook_assets, _notebook_classes | scripts)
        )
    return env


def _finish(html: str, name: str, manifest_url: str) -> str:
    """The repairs every HTML file gets, pages and theme templates (such as 404.html) alike;
    `manifest_url` is the web app manifest's URL as the page links it."""
    html = speed.page_stylesheets_only(speed.without_indentation(html))
    if _offline_site:
        html = offline.add_head_tags(html, offline.head_tags(manifest_url, _offline_site.colours))
    html = a11y.name_search_dialog(speed.defer_theme_script(html))
    unlisted = csp.unlisted(html, _allowed_scripts)
    if unlisted:
        shown = "\n  ".join(repr(text.strip()[:80]) for text in unlisted)
        raise PluginError(
            f"{name}: the built page carries inline code the site does not ship, which its "
            f"security policy would block:\n  {shown}\nPages may not carry scripts or styles; "
            "if the theme changed its own, review roadmap/csp.py's THEME_PARTIALS."
        )
    return csp.add_csp(html, _allowed_scripts)


def on_post_page(output: str, page: Page, config) -> str:
    if notebooks.is_notebook(page.file.src_uri):
        output = css.relink_stylesheets(output, _pruned_stylesheets)
    _site_classes.update(css.class_names(output))
    if page.meta.get("tags"):
        _site_features.add("page.tags")
    manifest_url = get_relative_url(offline.MANIFEST, page.url)
    return _finish(output, docs_file(page.file.src_uri), manifest_url)


def on_post_template(output: str, template_name: str, config) -> str:
    if not template_name.endswith(".html"):
        return output
    _site_classes.update(css.class_names(output))
    return _finish(output, template_name, _site_root_path(config) + offline.MANIFEST)


def on_page_markdown(markdown: str, page: Page, config, files: Files) -> str:
    src = page.file.src_uri
    skill_page = next((p for p in _index.roadmap.skills if p.src_path == src), None)
    if skill_page:
        markdown = (
            render.skill_header(_index, skill_page)
            + "\n"
            + markdown
            + render.skill_footer(_index, skill_page)
        )

    def link(skill_id: str) -> str:
        target = files.get_file_from_path(_index.skill_src(skill_id))
        return get_relative_url(target.url, page.url)

    try:
        markdown = markers.expand(_index, markdown, src, link)
    except markers.MarkerError as exc:
        raise PluginError(str(exc)) from None
    files_shown = {docs_file(src)}
    if skill_page:  # and the placeholders in its snippets
        skill = skill_page.skill
        files_shown.update(Snippet(skill.track, name).path for name in skill.snippets)
    unfinished = [p for p in _index.roadmap.unfinished if p.file in files_shown]
    if unfinished:
        markdown = render.unfinished_notice(unfinished) + markdown
    return render.problems_notice(_problems) + markdown if _problems else markdown
