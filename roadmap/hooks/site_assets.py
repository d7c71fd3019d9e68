"""The site's files beyond its pages: what the exercises need to run on the page that is not in
docs/ (the Python runtime from node_modules and the wheels of pytest and Hypothesis,
roadmap/pyodide.py; `python -m roadmap generate` writes the rest). In a build (`mkdocs serve`
keeps the files as written, for debugging), the site's own scripts and stylesheets minified and
the theme's stylesheets pruned to the rules the pages can match (roadmap/css.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from roadmap import css, pyodide, speed
from roadmap.conventions import EXERCISES_DIR, PRUNED_THEME_CSS_CACHE
from roadmap.kept import Kept

_command = "build"  # `serve` or `build`, from on_startup
# The class names on every page the build writes (and words of their inline scripts): the
# theme's stylesheets are pruned to what they can match once the whole site is written.
_site_classes: set[str] = set()
_site_features: set[str] = set()  # "page.tags" once a page has tags (search results show them)
# The theme's stylesheets pruned by the last build, kept for the next (css.kept_theme_stylesheets).
_pruned: list[Kept] = []


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_config(config):
    _site_classes.clear()
    _site_features.clear()
    root = Path(config.config_file_path).parent
    _pruned[:] = [Kept(root / PRUNED_THEME_CSS_CACHE, css.pruning_made_by())]
    return config


def on_files(files: Files, config) -> Files:
    root = Path(config.config_file_path).parent
    if not (root / EXERCISES_DIR).is_dir():
        return files  # a roadmap without exercises needs no Python in the browser
    try:
        served = pyodide.served_runtime(root)
    except pyodide.RuntimeMissing as exc:
        raise PluginError(str(exc)) from None
    for path, source in served.items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    return files


# The class names are read only in a build, which prunes the stylesheets with them.
def on_post_page(output: str, page: Page, config) -> str:
    if _command == "build":
        _site_classes.update(css.class_names(output))
        if page.meta.get("tags"):
            _site_features.add("page.tags")
    return output


def on_post_template(output: str, template_name: str, config) -> str:
    if _command == "build" and template_name.endswith(".html"):
        _site_classes.update(css.class_names(output))
    return output


def on_post_build(config) -> None:
    if _command != "build":
        return
    site = Path(config["site_dir"])
    for source in sorted(Path(config["docs_dir"], "assets").rglob("*")):
        if source.suffix in (".js", ".css"):
            target = site / source.relative_to(config["docs_dir"])
            text = target.read_text(encoding="utf-8")
            target.write_text(speed.minified(text, source.suffix), encoding="utf-8")
    _prune_theme_stylesheets(site, config)


def _prune_theme_stylesheets(site: Path, config) -> None:
    def text(path: Path) -> str:
        return path.read_text(encoding="utf-8")

    sheets = {path.relative_to(site).as_posix(): text(path) for path in site.rglob("*.css")}
    scripts = map(text, site.rglob("*.js"))
    features = [*(config.theme.get("features") or []), *_site_features]
    if config.extra.get("version"):
        features.append("extra.version")
    unused = css.unused_script_classes(features, _site_classes)
    pruned = css.kept_theme_stylesheets(_pruned[0], sheets, _site_classes, scripts, unused)
    _pruned[0].save()
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
