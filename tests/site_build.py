"""Run real MkDocs builds for the tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(project: Path, site_dir: Path, config: Path | None = None) -> subprocess.CompletedProcess:
    """A strict build (never with -v: verbose mode skips anchor validation)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config:
        command += ["--config-file", str(config)]
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        command, cwd=project, capture_output=True, text=True, check=False, env=env
    )
