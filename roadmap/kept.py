"""What a build keeps in build/ for the next (git ignores the folder): a JSON object with the
versions of the packages the kept value came from, and the value under a name of its own. A
later build reads it only under the same versions; a file it cannot read, or a folder it cannot
write, costs the time the file saves, never the build."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any


def read_kept(path: Path, versions: dict[str, str], name: str) -> Any:
    """The value kept under `name` in `path` for these `versions`, else None."""
    try:
        kept = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # not kept yet, or not a file this module wrote
    if not isinstance(kept, dict) or kept.get("versions") != versions:
        return None
    return kept.get(name)


def write_kept(path: Path, versions: dict[str, str], name: str, value: Any) -> None:
    """Keep `value` under `name` in `path`, whole or not at all (builds may run side by side)."""
    path = Path(path)
    written = path.with_name(f"{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        kept = {"versions": versions, name: value}
        written.write_text(json.dumps(kept, indent=1, ensure_ascii=False), encoding="utf-8")
        written.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            written.unlink(missing_ok=True)
