"""Shadow deployment: a candidate model sees live traffic, but only the live model answers."""

# --8<-- [start:example]
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


class Model(Protocol):
    def predict(self, X: np.ndarray) -> np.ndarray: ...


@dataclass
class ShadowLog:
    request_id: int
    live: int
    shadow: int | None  # None when the shadow model failed


@dataclass
class ShadowRouter:
    """Send every request to both models; return the live answer, log the shadow's."""

    live: Model
    shadow: Model
    log: list[ShadowLog] = field(default_factory=list)

    def handle(self, request_id: int, x: np.ndarray) -> int:
        answer = int(self.live.predict(x.reshape(1, -1))[0])
        try:
            shadow_answer: int | None = int(self.shadow.predict(x.reshape(1, -1))[0])
        except Exception:  # a broken candidate must never break the live service
            shadow_answer = None
        self.log.append(ShadowLog(request_id, answer, shadow_answer))
        return answer


def compare(log: list[ShadowLog], labels: dict[int, int]) -> dict[str, float]:
    """Agreement over all requests; accuracy of each model on the requests whose label arrived."""
    answered = [entry for entry in log if entry.shadow is not None]
    labelled = [entry for entry in answered if entry.request_id in labels]
    if not labelled:
        raise ValueError("no request has both a shadow answer and a label yet")
    truth = np.array([labels[entry.request_id] for entry in labelled])
    return {
        "requests": len(log),
        "shadow_errors": len(log) - len(answered),
        "agreement": float(np.mean([entry.live == entry.shadow for entry in answered])),
        "labelled": len(labelled),
        "live_accuracy": float(np.mean(truth == [entry.live for entry in labelled])),
        "shadow_accuracy": float(np.mean(truth == [entry.shadow for entry in labelled])),
    }


def promote(report: dict[str, float], min_labelled: int = 50, min_gain: float = 0.01) -> bool:
    """Promote only with enough labels, no shadow failures and a clear gain on the live model."""
    return (
        report["labelled"] >= min_labelled
        and report["shadow_errors"] == 0
        and report["shadow_accuracy"] >= report["live_accuracy"] + min_gain
    )


def main() -> None:
    X, y = load_breast_cancer(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.5, random_state=0)
    # Live: trained long ago on the first 30 labelled cases. Candidate: retrained on all of them.
    live = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train[:30], y_train[:30])
    candidate = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)

    router = ShadowRouter(live=live, shadow=candidate)
    answers = [router.handle(request_id, x) for request_id, x in enumerate(X_test)]
    labels = {i: int(y_test[i]) for i in range(0, len(y_test), 2)}  # half the labels arrive later
    report = compare(router.log, labels)
    print(f"users got the live model's answers: {np.array_equal(answers, live.predict(X_test))}")
    for key in ("requests", "shadow_errors", "labelled"):
        print(f"{key}: {report[key]}")
    for key in ("agreement", "live_accuracy", "shadow_accuracy"):
        print(f"{key}: {report[key]:.3f}")
    print(f"promote the candidate: {promote(report)}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
