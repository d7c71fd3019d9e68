"""The site as an app kept for reading offline (roadmap/offline.py), in a build only (a preview
from `mkdocs serve` is never kept): every page, and every theme template such as 404.html,
links the web app manifest; once every other file is final, the manifest and the service
worker are written. Listed after the hooks that write files after the build."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from roadmap import offline

_command = "build"  # `serve` or `build`, from on_startup
_site: offline.Site | None = None  # what the manifest says of the site, in a build only


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_env(env, config, files):
    global _site
    _site = None
    if _command == "build":
        try:
            _site = offline.site_settings(config, config.theme, config.theme.dirs)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
    return env


def _with_manifest(html: str, manifest_url: str) -> str:
    if not _site:
        return html
    return offline.add_head_tags(html, offline.head_tags(manifest_url, _site.colours))


def on_post_page(output: str, page: Page, config) -> str:
    return _with_manifest(output, get_relative_url(offline.MANIFEST, page.url))


def on_post_template(output: str, template_name: str, config) -> str:
    if not template_name.endswith(".html"):
        return output
    return _with_manifest(output, offline.site_root_path(config.site_url) + offline.MANIFEST)


def on_post_build(config) -> None:
    if _command == "build":
        site = Path(config["site_dir"])
        offline.write(site, _site, offline.WORKER_SOURCE.read_text(encoding="utf-8"))
