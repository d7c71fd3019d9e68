"""`python -m roadmap serve` (`make serve`): generate the pages, serve them with `mkdocs serve`,
and generate again on each save.

MkDocs serves the generated folder and rebuilds when a file in it changes (or in a folder
mkdocs.yml's `watch` lists: the snippets, which pages include as MkDocs builds them). This
process watches what the pages are generated from, docs/, data/, snippets/ and exercises/, and
generates again on a change, writing only the files that changed: a prose save rewrites one
page, and MkDocs rebuilds once.

Broken data does not stop the preview: the last good pages are written again with the problems
listed on top of each (`with_problems`), until a save fixes them. An unknown marker, or a
missing runtime, is printed and leaves the pages as they were.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from roadmap import render
from roadmap.build import mkdocs_env
from roadmap.conventions import DATA_DIR, DOCS_DIR, EXERCISES_DIR, SNIPPETS_DIR
from roadmap.generate import (
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
POLL_SECONDS = 0.2
_SKIPPED = re.compile(r"(^|/)(__pycache__|\.[^/]*)(/|$)")  # caches and hidden files


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


def sources(root: Path) -> dict[str, tuple[int, int]]:
    """Each watched file's modification time and size, by path relative to `root`."""
    found = {}
    for folder in WATCHED:
        for path in (root / folder).rglob("*"):
            name = path.relative_to(root).as_posix()
            if not _SKIPPED.search(name) and path.is_file():
                stat = path.stat()
                found[name] = (stat.st_mtime_ns, stat.st_size)
    return found


class Generator:
    """Generates `root`'s pages, keeping the last good ones to show with the problems."""

    def __init__(self, root: Path):
        self.root = root
        self.last_good: dict[str, bytes] | None = None

    def run(self) -> str:
        """Generate; "" when the pages are good, else what is wrong. Raises RoadmapError while
        there are no good pages yet."""
        target = generated_dir(self.root)
        try:
            files = documents(read_source(self.root))
        except RoadmapError as exc:
            if self.last_good is None:
                raise
            write_tree(target, with_problems(self.last_good, exc.problems))
            return str(exc)
        except (GenerateError, RuntimeMissing) as exc:
            return str(exc)
        self.last_good = files
        write_tree(target, files)
        return ""


def _stop(signum, frame):
    raise KeyboardInterrupt


def serve(root: Path, options: list[str]) -> int:
    """Generate, start `mkdocs serve OPTIONS`, and generate again on each change of a watched
    file until the server stops or this process is interrupted."""
    generator = Generator(root)
    try:
        problems = generator.run()
    except RoadmapError as exc:
        problems = str(exc)
    if problems:
        print(problems, file=sys.stderr)
        return 1
    command = [sys.executable, "-m", "mkdocs", "serve", *options]
    server = subprocess.Popen(command, cwd=root, env=mkdocs_env())
    signal.signal(signal.SIGTERM, _stop)
    seen = sources(root)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = sources(root)
            if now != seen:
                seen = now
                problems = generator.run()
                if problems:
                    print(problems, file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        try:
            server.wait(timeout=2)  # Ctrl-C in a terminal reaches MkDocs too
        except subprocess.TimeoutExpired:
            server.send_signal(signal.SIGINT)  # as Ctrl-C: MkDocs removes its temporary site
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    return server.wait()
