"""Check every in-site link with a #fragment in a built site (`roadmap.anchors`).

Usage: python -m scripts.check_anchors SITE_DIR   (exit status 1 and a list when any is broken)
"""

from __future__ import annotations

import sys
from pathlib import Path

from roadmap.anchors import broken_anchors


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    checked, broken = broken_anchors(Path(args[0]))
    for line in broken:
        print(line)
    print(f"{checked} links with an anchor checked, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
