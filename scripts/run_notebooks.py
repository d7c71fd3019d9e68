"""Execute the notebooks in docs/notebooks/ and store them with their outputs (`make notebooks`),
normalised as `roadmap.notebook_runs` describes.

Run it after editing a notebook, then read the diff:

    .venv/bin/python -m scripts.run_notebooks                     # every notebook
    .venv/bin/python -m scripts.run_notebooks eda-walkthrough     # one, by name
"""

from __future__ import annotations

import sys

from roadmap.notebook_runs import NOTEBOOK_DIR, ROOT, dumps, execute, notebooks


def main(names: list[str]) -> int:
    paths = notebooks()
    unknown = sorted(set(names) - {p.stem for p in paths})
    if unknown:
        print(f"no such notebook in {NOTEBOOK_DIR.relative_to(ROOT)}: {unknown}", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        if names and path.stem not in names:
            continue
        rel = path.relative_to(ROOT)
        try:
            text = dumps(execute(path))
        except Exception as exc:  # report every failing notebook, not only the first
            failed += 1
            print(f"FAILED {rel}:\n{exc}", file=sys.stderr)
            continue
        changed = path.read_text(encoding="utf-8") != text
        path.write_text(text, encoding="utf-8")
        print(f"{'updated' if changed else 'same   '} {rel}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
