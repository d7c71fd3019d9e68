"""Modern Python for data work: a dataclass, type hints, comprehensions, f-strings and pathlib."""

# --8<-- [start:example]
import csv
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """One training run. Frozen: a logged result cannot be changed by accident."""

    model: str
    learning_rate: float
    accuracy: float


def write_runs(path: Path, runs: list[Run]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["model", "learning_rate", "accuracy"])
        writer.writerows([run.model, run.learning_rate, run.accuracy] for run in runs)


def read_runs(path: Path) -> list[Run]:
    """Every row as a typed Run: CSV hands back strings, the dataclass holds numbers."""
    with path.open(newline="", encoding="utf-8") as f:
        return [
            Run(row["model"], float(row["learning_rate"]), float(row["accuracy"]))
            for row in csv.DictReader(f)
        ]


def best_per_model(runs: list[Run]) -> dict[str, Run]:
    """The most accurate run of each model. Time O(n), space O(number of models)."""
    best: dict[str, Run] = {}
    for run in runs:
        if run.model not in best or run.accuracy > best[run.model].accuracy:
            best[run.model] = run
    return best


def main() -> None:
    runs = [
        Run("logistic", 0.1, 0.912),
        Run("logistic", 0.01, 0.934),
        Run("tree", 0.1, 0.887),
        Run("tree", 0.01, 0.861),
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "runs.csv"  # pathlib joins paths with / on every OS
        write_runs(path, runs)
        loaded = read_runs(path)
    print(f"{path.name}: {len(loaded)} runs, read back unchanged: {loaded == runs}")
    for model, run in sorted(best_per_model(loaded).items()):
        print(f"{model:<9} best accuracy {run.accuracy:.1%} at learning rate {run.learning_rate:g}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
