"""`python -m roadmap serve` (`make serve`): generate the pages, build them with MkDocs and serve
the site with live reload, all in this one process, and on each save show the change.

On a save in docs/, data/, snippets/ or exercises/ the pages are generated again, which writes
only the files whose content changed (roadmap/generate.py). Then `plan` decides:

- the save changed only the prose of pages in docs/, and generating rewrote only those pages:
  MkDocs renders just those pages again, with the navigation, files and theme of the last full
  build (about a second from saving to the page in the browser). The navigation shows every
  page's title, so a page whose title changed brings a full build after all, and the search
  index stays as the last full build wrote it;
- anything else (the data, a snippet, which pages include as MkDocs builds them, a page added or
  removed, a stylesheet, mkdocs.yml): a full build, with mkdocs.yml read again;
- a change to this package's code: the server starts again, so that the new code runs.

Broken data does not stop the preview: the last good pages are written again with the problems
listed on top of each (`with_problems`), until a save fixes them. An unknown marker, a missing
runtime or a failed build is printed and leaves the pages as they were.

MkDocs's server adds a small inline script to every page it serves, which asks it when to
reload; the pages' security policy would block it, so the server allows that script by its hash
on the pages it serves (`csp.allow_script`). A build never carries it.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import InclusionLevel

from roadmap import csp, render
from roadmap.conventions import DATA_DIR, DOCS_DIR, EXERCISES_DIR, SNIPPETS_DIR
from roadmap.generate import (
    Changes,
    GenerateError,
    documents,
    front_matter_end,
    generated_dir,
    read_source,
    write_tree,
)
from roadmap.problems import Problem, RoadmapError
from roadmap.pyodide import RuntimeMissing

WATCHED = (DOCS_DIR, DATA_DIR, SNIPPETS_DIR, EXERCISES_DIR)
CODE_DIR = Path(__file__).resolve().parent  # this package: a change restarts the server
POLLING_SECONDS = 0.1  # how often the watched folders are looked at
_SKIPPED = re.compile(r"(^|/)(__pycache__|\.[^/]*)(/|$)")  # caches and hidden files
log = logging.getLogger("mkdocs.roadmap.serve")


def with_problems(files: dict[str, bytes], problems: list[Problem]) -> dict[str, bytes]:
    """The generated files with the data's problems listed at the top of every page (after its
    front matter)."""
    notice = render.problems_notice(problems)
    shown = dict(files)
    for path, content in files.items():
        if path.endswith(".md"):
            text = content.decode()
            end = front_matter_end(text)
            shown[path] = (text[:end] + notice + text[end:].lstrip("\n")).encode()
    return shown


def _files_under(folder: Path, names_from: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for path in folder.rglob("*"):
        name = path.relative_to(names_from).as_posix()
        if not _SKIPPED.search(name) and path.is_file():
            stat = path.stat()
            found[name] = (stat.st_mtime_ns, stat.st_size)
    return found


def sources(root: Path) -> dict[str, tuple[int, int]]:
    """Each watched file's modification time and size, by path relative to `root`."""
    found = {}
    for folder in WATCHED:
        found.update(_files_under(root / folder, root))
    return found


def changed(before: dict, after: dict) -> set[str]:
    """The paths added, removed or modified between two `sources` snapshots."""
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


@dataclass(frozen=True)
class Plan:
    """What a save needs: "nothing", "pages" (render `pages` again, paths in the generated
    folder) or "full" (a full build). A change to the server's own code restarts it instead
    (`Preview.update`)."""

    kind: str
    pages: tuple[str, ...] = ()


def plan(saved: set[str], changes: Changes) -> Plan:
    """What shows the save of `saved` (paths under the project) that generating turned into
    `changes`: only the rewritten pages, when the save touched nothing but pages' Markdown in
    docs/ and generating rewrote nothing but pages; nothing when no watched file changed (an
    editor's hidden swap file, a cache); else a full build."""
    if not saved:
        return Plan("nothing")
    prose_only = all(path.startswith(f"{DOCS_DIR}/") and path.endswith(".md") for path in saved)
    pages_only = all(path.endswith(".md") for path in changes.written)
    if not prose_only or not pages_only or changes.removed:
        return Plan("full")
    return Plan("pages", tuple(changes.written)) if changes.written else Plan("nothing")


class Generator:
    """Generates `root`'s pages, keeping the last good ones to show with the problems."""

    def __init__(self, root: Path):
        self.root = root
        self.last_good: dict[str, bytes] | None = None

    def run(self) -> str:
        """Generate; "" when the pages are good, else what is wrong. Raises RoadmapError while
        there are no good pages yet."""
        return self.generate()[0]

    def generate(self) -> tuple[str, Changes]:
        """Generate: what is wrong ("" when the pages are good) and the files written and
        removed. Raises RoadmapError while there are no good pages yet."""
        target = generated_dir(self.root)
        try:
            files = documents(read_source(self.root))
        except RoadmapError as exc:
            if self.last_good is None:
                raise
            return str(exc), write_tree(target, with_problems(self.last_good, exc.problems))
        except (GenerateError, RuntimeMissing) as exc:
            return str(exc), Changes([], [])
        self.last_good = files
        return "", write_tree(target, files)


class _LastBuild(BasePlugin):
    """Keeps what a full build made, for rendering single pages again: the config as the
    plugins left it, the files, the navigation and the theme's environment."""

    def on_nav(self, nav, config, files):
        self.nav, self.files = nav, files
        return nav

    def on_env(self, env, config, files):
        self.config, self.env = config, env
        return env


class _Server(LiveReloadServer):
    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        html = super()._inject_js_into_html(content, epoch).decode("utf-8")
        reload_script = csp.inline_scripts(html)[-1]  # the server's, just before </body>
        return csp.allow_script(html, reload_script).encode("utf-8")


class Preview:
    """The site of `root`, built into `site_dir` and kept up to date on each save."""

    def __init__(
        self, generator: Generator, config_file: Path, site_dir: Path, dev_addr: str | None
    ):
        self.generator, self.root = generator, generator.root
        self.config_file, self.site_dir, self.dev_addr = config_file, site_dir, dev_addr
        self.last: _LastBuild | None = None
        self.seen = self.snapshot()

    def snapshot(self) -> dict[str, tuple[int, int]]:
        found = sources(self.root)
        found.update(_files_under(CODE_DIR, CODE_DIR.parent))  # as roadmap/...
        config = self.config_file
        found[config.name] = (config.stat().st_mtime_ns, config.stat().st_size)
        return found

    def config(self):
        options = {"site_dir": str(self.site_dir)}
        if self.dev_addr:
            options["dev_addr"] = self.dev_addr
        config = load_config(config_file=str(self.config_file), **options)
        config.strict = False  # a warning is printed and the page shown; `make build` refuses it
        host, port = config.dev_addr
        mount_path = urlsplit(config.site_url or "/").path
        config.site_url = f"http://{host}:{port}{mount_path}"
        return config

    def build_all(self) -> None:
        """A full build, mkdocs.yml read again."""
        config = self.config()
        last = _LastBuild()
        config.plugins["roadmap-serve"] = last  # runs its events after every other plugin's
        config.plugins.on_startup(command="serve", dirty=False)
        mkdocs_build.build(config, serve_url=config.site_url)
        self.last = last

    def render_again(self, pages: tuple[str, ...]) -> bool:
        """Render `pages` (paths in the generated folder) again alone; False when that cannot
        show them as a full build would (a page new to the build, or a title changed)."""
        last = self.last
        start = time.monotonic()
        if last is None or any(last.files.get_file_from_path(src) is None for src in pages):
            return False
        doc_files = last.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for src in pages:
            page = last.files.get_file_from_path(src).page
            title = page.title
            mkdocs_build._populate_page(page, last.config, last.files)
            if page.title != title:  # every page's navigation shows it
                return False
            mkdocs_build._build_page(page, last.config, doc_files, last.nav, last.env)
            page.validate_anchor_links(files=last.files, log_level=logging.WARNING)
        seconds = time.monotonic() - start
        names = ", ".join(pages) if len(pages) <= 3 else f"{len(pages)} pages"
        log.info(f"Rendered {names} again in {seconds:.2f} seconds")
        return True

    def update(self) -> None:
        """What the server runs after a change in a watched folder: show it."""
        now = self.snapshot()
        saved = changed(self.seen, now)
        self.seen = now
        if any(path.startswith(f"{CODE_DIR.name}/") for path in saved):
            raise _Restart
        if not saved:
            return
        problems, changes = self.generator.generate()
        if problems:
            print(problems, file=sys.stderr, flush=True)
        step = plan(saved, changes)
        try:
            if step.kind == "full" or (step.kind == "pages" and not self.render_again(step.pages)):
                self.build_all()
        except MkDocsException as exc:  # the problem, not a traceback; the next save retries
            log.error(f"The build stopped: {exc}")


class _Restart(Exception):
    """The server's own code changed."""


def _stop(signum, frame):
    raise KeyboardInterrupt


def serve(root: Path, config_file: Path, dev_addr: str | None, open_browser: bool) -> int:
    """Generate, build and serve `root`'s site with live reload until interrupted (Ctrl-C)."""
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    if not logging.getLogger("mkdocs").handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
        logging.getLogger("mkdocs").addHandler(handler)
    if not config_file.is_file():
        print(
            f"No {config_file.name} in {config_file.parent}: run this in the project's folder, "
            "or name the configuration with -f.",
            file=sys.stderr,
        )
        return 1
    generator = Generator(root)
    try:
        problems = generator.run()
    except RoadmapError as exc:
        problems = str(exc)
    if problems:
        print(problems, file=sys.stderr)
        return 1
    site_dir = Path(tempfile.mkdtemp(prefix="roadmap-serve-"))
    preview = Preview(generator, config_file, site_dir, dev_addr)
    restart = False
    try:
        try:
            preview.build_all()
        except MkDocsException as exc:
            print(f"The site could not be built: {exc}", file=sys.stderr)
            return 1
        config = preview.last.config
        host, port = config.dev_addr
        mount_path = urlsplit(config.site_url).path
        restart = _serve(preview, host, port, mount_path, open_browser)
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
    if restart:
        print("The server's code changed: starting again.", file=sys.stderr, flush=True)
        os.execv(sys.executable, [sys.executable, "-m", "roadmap", *sys.argv[1:]])
    return 0


def _serve(preview: Preview, host: str, port: int, mount_path: str, open_browser: bool) -> bool:
    """Serve until interrupted: False, or True when the server's code changed."""
    restart = False

    def update() -> None:
        nonlocal restart
        try:
            preview.update()
        except _Restart:
            restart = True
            server.shutdown()

    server = _Server(
        builder=update,
        host=host,
        port=port,
        root=str(preview.site_dir),
        mount_path=mount_path,
        polling_interval=POLLING_SECONDS,
    )

    def error_page(code: int) -> bytes | None:
        page = preview.site_dir / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    for folder in WATCHED:
        if (preview.root / folder).is_dir():
            server.watch(str(preview.root / folder))
    server.watch(str(preview.config_file))
    server.watch(str(CODE_DIR))
    signal.signal(signal.SIGTERM, _stop)
    try:
        server.serve(open_in_browser=open_browser)
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
    return restart
