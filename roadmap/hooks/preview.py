"""While `mkdocs serve` runs (`make serve`), generate the pages again before each rebuild, so
that an edit of docs/ or data/ shows (roadmap/generate.py writes only the files that changed).
Broken data does not stop the server: the last good generated pages stay in use, and every page
lists the problems until they are fixed. A build (`python -m roadmap build`) generates before
MkDocs starts, so this hook does nothing there."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from roadmap import render
from roadmap.generate import GenerateError, generate
from roadmap.problems import RoadmapError
from roadmap.pyodide import RuntimeMissing

_command = "build"  # `serve` or `build`, from on_startup
_problems: list = []  # the data's problems while serving, shown on top of every page


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_config(config):
    if _command != "serve":
        return config
    try:
        generate(Path(config.config_file_path).parent)
    except RoadmapError as exc:
        _problems[:] = exc.problems  # keep serving the last good pages, with the problems shown
    except (GenerateError, RuntimeMissing) as exc:
        raise PluginError(str(exc)) from None
    else:
        _problems.clear()
    return config


def on_page_markdown(markdown: str, page: Page, config, files) -> str:
    return render.problems_notice(_problems) + markdown if _problems else markdown
