"""What MkDocs makes of each page's content: snippet paths anchored to the project, what the
search index leaves out (roadmap/search.py), and notebook pages (rendered by mkdocs-jupyter)
fitted to the site by roadmap/notebooks.py: links, a download link, nothing the page security
policy refuses, stylesheets and plots in files of their own, only the first cell in the search
index. A link to a missing page stops the build."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from roadmap import css, notebooks, search
from roadmap.conventions import JSON_PATH, PRUNED_NOTEBOOK_CSS_CACHE, docs_file, docs_src
from roadmap.kept import Kept

# The skill pages (paths under docs/), from the generated roadmap.json: their search entries
# keep less than other pages' do.
_skill_pages: set[str] = set()
# Stylesheets and images taken out of notebook pages, by site path; written after the build.
_notebook_assets: dict[str, bytes] = {}
# The class names on the notebook pages (and words of their inline scripts), and each notebook
# stylesheet's pruned file (None when nothing in it applies). The stylesheets serve every
# notebook, so they are pruned once all notebook pages are converted (MkDocs converts every
# page before on_env), and the pages link the pruned files when written (after on_env).
_notebook_classes: set[str] = set()
_pruned_stylesheets: dict[str, str | None] = {}
# The blocks each page sets aside while the search plugin indexes it (roadmap/search.py).
_set_aside: dict[str, list[str]] = {}
# The notebook stylesheets pruned by the last build, kept for the next (css.kept_pruning).
_pruned: list[Kept] = []


def on_config(config):
    _notebook_assets.clear()
    _notebook_classes.clear()
    _pruned_stylesheets.clear()
    _set_aside.clear()
    root = Path(config.config_file_path).parent
    _pruned[:] = [Kept(root / PRUNED_NOTEBOOK_CSS_CACHE, css.pruning_made_by())]
    # pymdownx.snippets reads base_path relative to the working directory; anchor it to the
    # project so `mkdocs build -f path/to/mkdocs.yml` works from anywhere.
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(root / path) for path in snippets.get("base_path", ["."])]
    return config


def on_files(files: Files, config) -> Files:
    data = json.loads(files.get_file_from_path(JSON_PATH).content_string)
    _skill_pages.clear()
    _skill_pages.update(docs_src(s["source"]) for s in data["skills"])
    return files


def on_page_content(html: str, page: Page, config, files: Files) -> str:
    src = page.file.src_uri
    html = search.limit_index(html, skill_page=src in _skill_pages)
    if notebooks.is_notebook(src):
        html = _fit_notebook(html, page, files)
    # Until the page is indexed (on_page_context), without what the index leaves out whole.
    html, _set_aside[src] = search.set_aside(html)
    return html


@event_priority(-100)  # after the search plugin's, which indexes the page
def on_page_context(context, page: Page, config, nav):
    page.content = search.put_back(page.content, _set_aside.pop(page.file.src_uri, []))
    return context


def _fit_notebook(html: str, page: Page, files: Files) -> str:
    src = page.file.src_uri

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


def on_env(env, config, files: Files):
    if _notebook_assets:
        scripts = css.script_words(file.content_string for file in files.javascript_files())
        classes = _notebook_classes | scripts
        prune = css.kept_pruning(_pruned[0])
        _pruned_stylesheets.update(
            notebooks.prune_stylesheet_assets(_notebook_assets, classes, prune)
        )
        _pruned[0].save()
    return env


def on_post_page(output: str, page: Page, config) -> str:
    if notebooks.is_notebook(page.file.src_uri):
        output = css.relink_stylesheets(output, _pruned_stylesheets)
    return output


def on_post_build(config) -> None:
    """Write the stylesheets and images taken out of the notebook pages."""
    site = Path(config["site_dir"])
    for path, data in _notebook_assets.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
