"""Record what each snippet prints now into its .out file, the output shown on its page.

Run it (`make outputs`) after changing a snippet, then read the diff before committing:
the tests compare every snippet's output against these files.
"""

from __future__ import annotations

import subprocess
import sys

from roadmap.conventions import find_snippets, snippet_output_path, snippet_path
from roadmap.devtools import ROOT


def main(names: list[str]) -> int:
    found = find_snippets(ROOT)
    unknown = sorted(set(names) - {name for _track, name in found})
    if unknown:
        known = ", ".join(sorted(name for _track, name in found))
        print(f"unknown snippet: {', '.join(unknown)}; the snippets are: {known}", file=sys.stderr)
        return 2
    snippets = [(track, name) for track, name in found if not names or name in names]
    failed = 0
    for track, name in snippets:
        script, output = snippet_path(track, name), snippet_output_path(track, name)
        result = subprocess.run(
            [sys.executable, script], cwd=ROOT, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            failed += 1
            print(f"FAILED {script}:\n{result.stderr}", file=sys.stderr)
            continue
        out = ROOT / output
        changed = not out.exists() or out.read_text(encoding="utf-8") != result.stdout
        out.write_text(result.stdout, encoding="utf-8")
        print(f"{'updated' if changed else 'same   '} {output}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
