"""Does the site still build without MkDocs? Builds the generated pages with two other engines and
checks that every skill page shows its checklist, its prerequisites and its resources.

    make engines        (weekly in CI, not part of make test)

MkDocs 1.x is no longer maintained, so the site's content is generated as plain Markdown before any
engine runs (`python -m roadmap generate`). Two engines build that folder here, each from the
copy of the site's own `mkdocs.yml`, written beside it and differing only in where the site goes
(next to the generated folder; roadmap/engines.py):

- Zensical, from the authors of Material for MkDocs. It reads `mkdocs.yml` but runs no hooks and
  no MkDocs plugins, so its site has what the generated Markdown holds and nothing the hooks add.
- ProperDocs, the continuation of MkDocs 1.6 by its maintainers. It runs the hooks and plugins,
  so it is the site's build with another engine underneath.

Their versions are pinned in requirements-engines.txt, installed with the project into a virtual
environment of their own (.venv-engines/), so `make test`'s environment never sees them. Prints
each engine's version, build time and what it checked; exits 1 if an engine fails to build or a
skill page lacks any text, listing every one.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

from roadmap import engines
from roadmap.build import mkdocs_env
from roadmap.conventions import GENERATED_DOCS_DIR
from roadmap.problems import RoadmapError
from roadmap.validate import load_and_check

ROOT = Path(__file__).resolve().parent.parent
ENGINES = ("zensical", "properdocs")


def build(engine: str, config: Path) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).parent / engine), "build", "-f", str(config)]
    return subprocess.run(command, cwd=ROOT, env=mkdocs_env(), capture_output=True, text=True)


def main() -> int:
    try:
        roadmap = load_and_check(ROOT)
    except RoadmapError as error:
        print(error, file=sys.stderr)
        return 1
    subprocess.run([sys.executable, "-m", "roadmap", "generate"], cwd=ROOT, check=True)
    wanted = engines.expected(roadmap)
    texts = sum(len(items) for items in wanted.values())
    generated = ROOT / GENERATED_DOCS_DIR
    failed = False
    for engine in ENGINES:
        site = f"{generated.parent.relative_to(ROOT).as_posix()}/site-{engine}"
        config = ROOT / f".mkdocs-{engine}.yml"  # beside mkdocs.yml: its relative paths hold
        shutil.rmtree(ROOT / site, ignore_errors=True)
        config.write_text(
            engines.engine_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), site),
            encoding="utf-8",
        )
        start = time.perf_counter()
        try:
            result = build(engine, config)
        finally:
            config.unlink()
        seconds = time.perf_counter() - start
        name = f"{engine} {version(engine)}"
        if result.returncode:
            failed = True
            print(f"{name}: the build failed ({seconds:.1f} s):", file=sys.stderr)
            print((result.stdout + result.stderr)[-3000:], file=sys.stderr)
            continue
        problems = engines.check_site(ROOT / site, wanted)
        failed = failed or bool(problems)
        print(
            f"{name}: built in {seconds:.1f} s; {len(wanted)} skill pages, {texts} texts "
            f"(checklist items, prerequisites, resources): {len(problems)} missing"
        )
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
