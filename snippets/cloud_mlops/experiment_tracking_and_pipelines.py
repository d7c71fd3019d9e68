"""A tiny experiment tracker: one JSON line per run, then a query for the best run."""

# --8<-- [start:example]
import json
import tempfile
from pathlib import Path
from typing import Any

from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


class Tracker:
    """Append-only run log in a JSON Lines file: one run per line, never rewritten."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def log_run(self, params: dict[str, Any], metrics: dict[str, float]) -> str:
        run_id = f"run-{len(self.runs()) + 1:03d}"
        record = {"run_id": run_id, "params": params, "metrics": metrics}
        with self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record, sort_keys=True) + "\n")
        return run_id

    def runs(self) -> list[dict[str, Any]]:
        """Every logged run. A line that is not valid JSON is reported with its number."""
        if not self.path.exists():
            return []
        runs = []
        for number, line in enumerate(self.path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                runs.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(
                    f"{self.path.name}, line {number}: not valid JSON ({error.msg})"
                ) from error
        return runs

    def best_run(self, metric: str) -> dict[str, Any]:
        """The run with the highest value of `metric`. Time O(number of runs)."""
        runs = [run for run in self.runs() if metric in run["metrics"]]
        if not runs:
            raise ValueError(f"no run has logged the metric {metric!r}")
        return max(runs, key=lambda run: run["metrics"][metric])


def train_and_score(C: float, seed: int = 0) -> float:
    """Validation accuracy of a regularised logistic regression on a bundled dataset."""
    X, y = load_breast_cancer(return_X_y=True)
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.3, random_state=seed)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=C)).fit(X_train, y_train)
    return round(float(model.score(X_val, y_val)), 4)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tracker = Tracker(Path(tmp) / "runs.jsonl")
        for C in (0.01, 0.1, 1.0, 10.0):
            params = {
                "model": "logistic_regression",
                "C": C,
                "dataset": "load_breast_cancer",
                "seed": 0,
            }
            score = train_and_score(C)
            run_id = tracker.log_run(params, {"val_accuracy": score})
            print(f"{run_id}: C={C:<5} val_accuracy={score}")
        best = tracker.best_run("val_accuracy")
        print(f"best: {best['run_id']} with C={best['params']['C']}")
        print(f"first line of the log: {tracker.path.read_text().splitlines()[0]}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
