"""Logistic regression in a pipeline: class balance, probabilities and a calibration check."""

# --8<-- [start:example]
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def calibration_table(y: np.ndarray, proba: np.ndarray, n_bins: int = 5) -> list[tuple]:
    """(mean predicted, observed rate, count) for each non-empty bin of equal width. Time O(n).

    Bins are closed on the right, (0.2, 0.4], as in scikit-learn's `calibration_curve`.
    """
    inner_edges = np.linspace(0, 1, n_bins + 1)[1:-1]
    bins = np.searchsorted(inner_edges, proba)
    return [
        (float(proba[bins == b].mean()), float(y[bins == b].mean()), int((bins == b).sum()))
        for b in range(n_bins)
        if (bins == b).any()
    ]


def main() -> None:
    data = load_breast_cancer()
    X, y = data.data, 1 - data.target  # make 1 mean malignant, the class we want to find
    print(
        f"class balance: {y.mean():.0%} malignant; always saying benign scores {1 - y.mean():.0%}"
    )
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.3, stratify=y, random_state=0
    )
    # Scaling inside the pipeline: it learns means and spreads from the training rows only.
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]  # P(malignant) for each test patient
    y_hat = (proba >= 0.5).astype(int)  # what predict() does: threshold at 0.5
    print(f"test accuracy: {(y_hat == y_test).mean():.3f}")
    missed = int(((y_hat == 0) & (y_test == 1)).sum())
    print(f"malignant cases missed at threshold 0.5: {missed} of {int(y_test.sum())}")
    print(f"first five probabilities: {np.round(proba[:5], 3)}")
    print("calibration: mean predicted vs observed share malignant, per bin")
    for predicted, observed, count in calibration_table(y_test, proba):
        print(f"  predicted {predicted:.2f}  observed {observed:.2f}  ({count} patients)")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
