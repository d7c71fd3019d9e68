import numpy as np
import pytest
from sklearn.metrics import confusion_matrix, f1_score, precision_score, recall_score

from snippets.data_science.evaluation_metrics import (
    confusion_counts,
    precision_recall_f1,
    threshold_for_precision,
)


@pytest.mark.parametrize("seed", range(20))
def test_metrics_agree_with_scikit_learn_on_random_labels(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 60))
    y, y_hat = rng.integers(0, 2, size=n), rng.integers(0, 2, size=n)
    counts = confusion_counts(y, y_hat)
    tn, fp, fn, tp = confusion_matrix(y, y_hat, labels=[0, 1]).ravel()
    assert counts == {"tp": tp, "fp": fp, "fn": fn, "tn": tn}
    expected = (
        precision_score(y, y_hat, zero_division=0),
        recall_score(y, y_hat, zero_division=0),
        f1_score(y, y_hat, zero_division=0),
    )
    assert precision_recall_f1(counts) == pytest.approx(expected)


@pytest.mark.parametrize("seed", range(10))
def test_the_threshold_is_the_lowest_that_meets_the_precision(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, size=50)
    scores = (0.3 * y + rng.random(50)).round(2)
    threshold = threshold_for_precision(y, scores, 0.8)
    meets = [
        t for t in np.unique(scores) if precision_score(y, scores >= t, zero_division=0) >= 0.8
    ]
    assert threshold == (min(meets) if meets else None)


def test_no_threshold_when_the_precision_is_out_of_reach():
    assert threshold_for_precision(np.array([0, 0, 1]), np.array([0.9, 0.8, 0.1]), 0.9) is None
