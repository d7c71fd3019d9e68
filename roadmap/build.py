"""Generate the site's Markdown, then build the site so that a failed build never costs the
last good one.

MkDocs writes pages into its site directory as it goes, so a build that fails late (a broken
link counted by --strict, say) would leave a half-rewritten site. Here MkDocs builds into a new
folder beside the target, and only a build that succeeded replaces it. MkDocs starts while the
pages are generated and reads none before they are written (roadmap/handoff.py); bad data
stops it first, with every problem listed (roadmap/generate.py).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from roadmap import handoff
from roadmap.conventions import DOCS_DIR, GENERATED_DOCS_DIR

if TYPE_CHECKING:
    from roadmap.generate import Changes

# The folder this package is in: first on the path of the MkDocs it starts, so that the hooks
# import this same roadmap package whatever the working directory.
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def mkdocs_env() -> dict[str, str]:
    paths = [str(_PACKAGE_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    return os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": os.pathsep.join(paths)}


def _folder_mode() -> int:
    """The mode a new folder gets here: 0o777 less the process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


_BROKEN_LINK = re.compile(
    r"^WARNING\s+-\s+Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the "
    r"target '(?P<target>[^']+)' is not found among documentation files\.$"
)
_LEVEL = re.compile(r"^(?:WARNING|ERROR)\s+-\s+")


def _line_of(text: str, link: str) -> str:
    """':<line>' of the first line of a page's Markdown that writes `link`, else ''."""
    for number, line in enumerate(text.splitlines(), 1):
        if f"]({link}" in line or f"]: {link}" in line or f'"{link}"' in line:
            return f":{number}"
    return ""


def failed_build_log(log: str, root: Path) -> str:
    """MkDocs's log of a failed build as a contributor reads it: without its INFO lines, each
    broken link named by the page under docs/ that writes it, with the line where the page
    does (pages the build generated have none), and the level prefixes dropped."""
    lines = []
    for line in log.splitlines():
        if line.startswith("INFO"):
            continue
        broken = _BROKEN_LINK.match(line)
        if broken:
            page, link, target = broken.group("page", "link", "target")
            source = root / DOCS_DIR / page
            text = source.read_text("utf-8", "replace") if source.is_file() else ""
            where = f"{DOCS_DIR}/{page}{_line_of(text, link)}"
            line = f"{where}: the link '{link}' finds no page (looked for '{target}')"
        lines.append(_LEVEL.sub("", line))
    return "\n".join(lines) + "\n"


def generate_or_explain(root: Path) -> tuple[str, Changes | None]:
    """Generate `root`'s Markdown: ("", what changed), or what is wrong and None."""
    # Imported here, not above: `build_site` starts MkDocs before the generator is imported.
    from roadmap.generate import GenerateError, generate
    from roadmap.problems import RoadmapError
    from roadmap.pyodide import RuntimeMissing

    try:
        return "", generate(Path(root))
    except (RoadmapError, GenerateError, RuntimeMissing) as exc:
        return str(exc), None


def build_site(
    project: Path, site_dir: Path, config: Path | None = None
) -> subprocess.CompletedProcess:
    """A strict build of `project` into `site_dir`, swapped in only on success. Never verbose:
    `-v` skips anchor validation; never quiet: `-q` drops the warnings --strict counts.
    The project generated is the one of `config` (its folder), else `project`. MkDocs starts
    first and waits for the pages while they are generated (roadmap/handoff.py)."""
    site_dir = Path(site_dir).absolute()
    root = Path(config).parent if config else Path(project)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    fresh.chmod(_folder_mode())  # mkdtemp's folder is private; a site is served to others
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(fresh)]
    if config:
        command += ["--config-file", str(config)]
    pages = root / GENERATED_DOCS_DIR
    # MkDocs checks that its docs_dir exists; a first build that fails removes the folders it made.
    made = [folder for folder in (pages, *pages.parents) if not folder.exists()]
    pages.mkdir(parents=True, exist_ok=True)
    succeeded = False
    pipe, ready = os.pipe()
    try:
        env = mkdocs_env() | {handoff.PIPE_VARIABLE: str(pipe)}
        captured = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
        mkdocs = subprocess.Popen(command, cwd=project, env=env, pass_fds=(pipe,), **captured)
        os.close(pipe)
        try:
            problems, _ = generate_or_explain(root)
            handoff.tell(ready, not problems)
            if problems:
                mkdocs.kill()
                mkdocs.communicate()
                for folder in made:  # the deepest first
                    if not any(folder.iterdir()):
                        folder.rmdir()
                return subprocess.CompletedProcess(command, 1, "", problems + "\n")
            stdout, stderr = mkdocs.communicate()
        finally:  # Ctrl-C or an error here: MkDocs stops too
            if mkdocs.poll() is None:
                mkdocs.kill()
                mkdocs.wait()
        result = subprocess.CompletedProcess(command, mkdocs.returncode, stdout, stderr)
        succeeded = result.returncode == 0
    finally:  # a failed or interrupted (Ctrl-C) build leaves no half-built folder behind
        if not succeeded:
            shutil.rmtree(fresh, ignore_errors=True)
    if not succeeded:
        result.stderr = failed_build_log(result.stderr, root)
        return result
    old = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    fresh.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return result
