"""Record what each snippet prints now into its .out file, the output shown on its page.

Run it (`make outputs`) after changing a snippet, then read the diff before committing:
the tests compare every snippet's output against these files.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(names: list[str]) -> int:
    snippets = sorted(p for p in (ROOT / "snippets").glob("*/*.py") if not p.name.startswith("_"))
    if names:
        snippets = [p for p in snippets if p.stem in names]
    failed = 0
    for path in snippets:
        result = subprocess.run(
            [sys.executable, str(path.relative_to(ROOT))],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        rel = path.relative_to(ROOT)
        if result.returncode != 0:
            failed += 1
            print(f"FAILED {rel}:\n{result.stderr}", file=sys.stderr)
            continue
        out = path.with_suffix(".out")
        changed = not out.exists() or out.read_text(encoding="utf-8") != result.stdout
        out.write_text(result.stdout, encoding="utf-8")
        print(f"{'updated' if changed else 'same   '} {out.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
