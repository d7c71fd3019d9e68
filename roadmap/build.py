"""Build the site so that a failed build never costs the last good one.

MkDocs writes pages into its site directory as it goes, so a build that fails late (a broken
link counted by --strict, say) would leave a half-rewritten site. Here MkDocs builds into a new
folder beside the target, and only a build that succeeded replaces it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build_site(
    project: Path, site_dir: Path, config: Path | None = None
) -> subprocess.CompletedProcess:
    """A strict build of `project` into `site_dir`, swapped in only on success. Never verbose:
    `-v` skips anchor validation; never quiet: `-q` drops the warnings --strict counts."""
    site_dir = Path(site_dir).absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(fresh)]
    if config:
        command += ["--config-file", str(config)]
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        return result
    old = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    fresh.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return result
