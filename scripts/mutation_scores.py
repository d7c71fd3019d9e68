"""Print the engine's mutation score per module from a finished `mutmut run`.

    python -m scripts.mutation_scores [--survivors]

The score is killed / (killed + survived + not reached by a test + timed out): a mutant no test
reaches counts against the score. Mutants on lines marked `# pragma: no mutate` (each with its
reason: the change cannot alter behaviour) are not generated, so they do not count.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
KILLED = {1, 3, 37}
SURVIVED = {0}
NOT_REACHED = {5, 33}


def outcome(exit_code: int | None) -> str:
    if exit_code in KILLED:
        return "killed"
    if exit_code in SURVIVED:
        return "survived"
    if exit_code in NOT_REACHED:
        return "not reached"
    if exit_code is None:
        return "not run"
    return "timeout or crash"


def scores(mutants: Path = MUTANTS) -> dict[str, Counter]:
    """Outcome counts by module, from mutmut's result files."""
    by_module: dict[str, Counter] = {}
    for meta in sorted(mutants.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        module = meta.relative_to(mutants).as_posix().removesuffix(".meta")
        by_module[module] = Counter(outcome(code) for code in codes.values())
    return by_module


def score(counts: Counter) -> float:
    counted = sum(n for kind, n in counts.items() if kind != "not run")
    return 100.0 * counts["killed"] / counted if counted else 100.0


def main(argv: list[str]) -> int:
    if not MUTANTS.is_dir():
        print("No mutants/ folder: run `make mutate` first.", file=sys.stderr)
        return 1
    table = scores()
    total = sum(table.values(), Counter())
    width = max(len(module) for module in table)
    print(f"{'module':<{width}}  score  killed  survived  not reached  other")
    for module, counts in [*table.items(), ("all", total)]:
        other = counts["timeout or crash"] + counts["not run"]
        print(
            f"{module:<{width}}  {score(counts):4.0f}%  {counts['killed']:6}  "
            f"{counts['survived']:8}  {counts['not reached']:11}  {other:5}"
        )
    if "--survivors" in argv:
        for meta in sorted(MUTANTS.rglob("*.py.meta")):
            codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
            for key, code in codes.items():
                if outcome(code) in {"survived", "not reached"}:
                    print(f"{outcome(code)}: {key}  (see: mutmut show {key})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
