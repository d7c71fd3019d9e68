"""What a build keeps in build/ for the next (git ignores the folder): a JSON object with what
the kept values were made by (the versions of the packages, a digest of the project's code),
and the values under a name of their own. A later build reads them only when they were made
by the same; a file it cannot read, or a folder it cannot write, costs the time the file
saves, never the build."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def read_kept(path: Path, made_by: dict[str, str], name: str) -> Any:
    """The value kept under `name` in `path`, if made by `made_by`, else None."""
    try:
        kept = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # not kept yet, or not a file this module wrote
    if not isinstance(kept, dict) or kept.get("versions") != made_by:
        return None
    return kept.get(name)


def write_kept(path: Path, made_by: dict[str, str], name: str, value: Any) -> None:
    """Keep `value` under `name` in `path`, whole or not at all (builds may run side by side)."""
    path = Path(path)
    written = path.with_name(f"{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        kept = {"versions": made_by, name: value}
        written.write_text(json.dumps(kept, indent=1, ensure_ascii=False), encoding="utf-8")
        written.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            written.unlink(missing_ok=True)


def digest(*parts: Any) -> str:
    """One hash of values JSON can hold."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def described(value: Any) -> Any:
    """`value` as JSON can hold it; other objects by their class, or by their repr."""
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [described(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): described(item) for key, item in sorted(value.items())}
    if isinstance(value, type):
        return f"{value.__module__}.{value.__qualname__}"
    return repr(value)


def code_digest(*files: str) -> str:
    """One hash of the source files that compute a kept value: changing one makes it anew."""
    return digest(*(Path(file).read_text(encoding="utf-8") for file in files))


class Kept:
    """Values that one build keeps in `path` for the next, each under a key of what it is made
    from. A build writes back only the values it used."""

    def __init__(self, path: Path, made_by: dict[str, str]) -> None:
        self.path = Path(path)
        self.made_by = made_by
        values = read_kept(self.path, made_by, "values")
        self.kept: dict[str, Any] = values if isinstance(values, dict) else {}
        self.used: dict[str, Any] = {}
        self.reused = 0

    def get(self, key: str, make: Callable[[], T], valid: Callable[[Any], bool]) -> T:
        """The value kept under `key` when `valid` accepts it, else `make()`'s."""
        value = self.kept.get(key)
        if valid(value):
            self.reused += 1
        else:
            value = make()
        self.used[key] = value
        return value

    def keep(self, keys: list[str]) -> None:
        """Write back the values kept under `keys` too, though this build did not ask for them."""
        for key in keys:
            if key in self.kept:
                self.used.setdefault(key, self.kept[key])

    def drop(self, key: str) -> None:
        """Keep nothing under `key` for the next build."""
        self.used.pop(key, None)

    def save(self) -> None:
        """Write the values this build used, unless they are those the file holds already."""
        if self.used != self.kept:
            write_kept(self.path, self.made_by, "values", self.used)
