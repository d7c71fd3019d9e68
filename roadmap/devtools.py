"""What the tests and the scripts in scripts/ share: build the site, serve it on localhost as a
static host would, and drive Debian's Chromium. Both import it from here (the package is
installed in editable mode), never from each other."""

from __future__ import annotations

import email.utils
import functools
import gzip
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from roadmap import pyodide, render
from roadmap.build import build_site
from roadmap.conventions import exercise_solution
from roadmap.validate import load_and_check

ROOT = Path(__file__).resolve().parent.parent  # the checkout (an editable install)
CHROMIUM = os.environ.get("ROADMAP_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# The pages a reader most often lands on, one of each kind, by their path under the site's root:
# what `make bench` weighs and scores, and what the tests check a first visit of.
KEY_PAGES = {
    "home": "",
    "skill page": "dsa/binary-search/",
    "planner": "planner/",
    "reading list": "reading-list/",
    "map": "map/",
    "notebook page": "notebooks/eda-walkthrough/",
}


def solution(exercise_id: str) -> str:
    """The reference solution of an exercise, by its id ("dsa/binary_search")."""
    package, name = exercise_id.split("/")
    return (ROOT / exercise_solution(package, name)).read_text(encoding="utf-8")


def exercises(root: Path = ROOT) -> list[pyodide.Exercise]:
    """Every exercise the skills of the roadmap at root list, in their order, with what each
    needs that the Python of the browser (the installed runtime) lacks."""
    available = pyodide.runtime_modules(
        root / "node_modules" / pyodide.PACKAGE / "python_stdlib.zip"
    )
    listed = render.Index(load_and_check(root, drafts=True)).listed_exercises
    return [e for shown in pyodide.exercises(root, listed, available).values() for e in shown]


class ChromiumMissing(RuntimeError):
    """No Chromium where CHROMIUM points."""


def launch(playwright):
    """Chromium, headless, with the flags that keep it off the network on its own."""
    if not Path(CHROMIUM).exists():
        raise ChromiumMissing(
            f"Chromium not found at {CHROMIUM}: install Debian's chromium or set ROADMAP_CHROMIUM"
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)


def build(project: Path, site_dir: Path, config: Path | None = None) -> subprocess.CompletedProcess:
    """A strict build, swapped into `site_dir` only when it succeeds (roadmap.build)."""
    return build_site(project, site_dir, config)


_NOT_COPIED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "node_modules",
    "site",
    "build",
    ".cache",
    "__pycache__",
    ".*_cache",
    "*.egg-info",
)


# What a build reads besides the project's own files: the exercises' Python runtime (an npm
# package) and the wheels it installs (roadmap/pyodide.py). Copies link to them.
_SHARED = ("node_modules", ".cache/pyodide-wheels")


def copy_project(destination: Path) -> Path:
    """Copy the project's own files (no VCS data, environments or build output) to
    `destination`, for tests and scripts that must change files without touching the real ones.
    The installed runtime and the downloaded wheels are linked, not copied."""
    shutil.copytree(ROOT, destination, ignore=_NOT_COPIED)
    return link_runtime(destination)


def link_runtime(destination: Path) -> Path:
    """Give a project at `destination` what the exercises need to build (the runtime, the
    wheels, and the files that pin them), linked to or copied from this checkout's."""
    for pin in ("package.json", "requirements.lock"):
        if not (destination / pin).exists():
            shutil.copy(ROOT / pin, destination / pin)
    for shared in _SHARED:
        if (ROOT / shared).exists():
            (destination / shared).parent.mkdir(parents=True, exist_ok=True)
            (destination / shared).symlink_to(ROOT / shared, target_is_directory=True)
    return destination


class _CountingWriter:
    """The connection's output stream, adding the bytes written to `sent[path]`."""

    def __init__(self, stream, sent: dict[str, int], handler: SimpleHTTPRequestHandler):
        self.stream, self.sent, self.handler = stream, sent, handler

    def write(self, data) -> int:
        path = getattr(self.handler, "path", "?").split("?")[0]
        self.sent[path] = self.sent.get(path, 0) + len(data)
        return self.stream.write(data)

    def __getattr__(self, name):
        return getattr(self.stream, name)


class _Handler(SimpleHTTPRequestHandler):
    sent: dict[str, int] | None = None  # bytes sent per path, when counting
    prefix = "/"  # the path the site is served under; nothing is served outside it
    # The type GitHub Pages gives the web app manifest (roadmap/offline.py), which Python's
    # own table lacks.
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".webmanifest": "application/manifest+json",
    }

    def outside(self) -> bool:
        return not self.path.startswith(self.prefix)

    def translate_path(self, path):
        return super().translate_path("/" + path.removeprefix(self.prefix))

    def send_head(self):
        if self.outside():
            self.send_error(404, "outside the site")
            return None
        return super().send_head()

    def setup(self):
        super().setup()
        if self.sent is not None:
            self.wfile = _CountingWriter(self.wfile, self.sent, self)

    def end_headers(self):
        # LinkChecker lifts its 10 requests/second limit for servers that send this header.
        self.send_header("LinkChecker", "local server")
        super().end_headers()

    def log_message(self, *args):
        pass


_TEXT = (
    "text/",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "application/xml",
    "image/svg",
)


def _not_modified_since(header: str | None, modified: int) -> bool:
    """Whether a file last modified at `modified` (a POSIX time) is no newer than the time an
    If-Modified-Since header gives."""
    try:
        since = email.utils.parsedate_to_datetime(header) if header else None
    except (TypeError, ValueError):
        return False
    return since is not None and modified <= since.timestamp()


class _GzipHandler(_Handler):
    """Sends text files gzip-compressed to clients that accept it, and every file with the
    caching headers GitHub Pages sends (fresh for 10 minutes, then revalidated: a file not
    modified since the copy a browser holds is answered 304, without its body)."""

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or self.outside()
            or not path.is_file()
            or not content_type.startswith(_TEXT)
        ):
            return super().do_GET()
        modified = int(path.stat().st_mtime)
        if _not_modified_since(self.headers.get("If-Modified-Since"), modified):
            self.send_response(304)
            self.end_headers()
            return None
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Last-Modified", self.date_time_string(modified))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(
    site_dir: Path, compress: bool = False, sent: dict[str, int] | None = None, prefix: str = "/"
) -> Iterator[str]:
    """Serve a built site on the loopback interface, as a static host would; yields its URL.
    With compress, text files are sent gzip-compressed and every file may be cached for 10
    minutes, as GitHub Pages sends them; `sent`, when given, collects the bytes sent per path
    (status line, headers and body, as they go on the wire). `prefix` is the path the site is
    served under, `/name/` for a project site at `user.github.io/name/`."""
    handler = _GzipHandler if compress else _Handler
    handler = type("_Serving", (handler,), {"sent": sent, "prefix": prefix})
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def open_page(context, url):
    """Open a page and wait until its scripts have run and, where the page shows progress,
    progress.js has read the saved progress, so that a test which changes storage next cannot
    race the page's own first read."""
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => window.RoadmapPages?.ready !== undefined")
    page.evaluate("() => window.RoadmapPages.ready.then(() => window.RoadmapProgress?.ready)")
    return page
