"""Tests for exercises/data_science/precision_recall_f1.py.
Run them with: make exercise NAME=precision_recall_f1"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import f1_score, precision_score, recall_score


@pytest.fixture(scope="module")
def precision_recall_f1(exercise):
    return exercise.precision_recall_f1


CASES = [
    pytest.param([1, 0, 1, 1], [1, 1, 0, 1], (2 / 3, 2 / 3, 2 / 3), "tp=2, fp=1, fn=1", id="mixed"),
    pytest.param(
        [1, 1, 0, 0],
        [1, 0, 0, 0],
        (1.0, 0.5, 2 / 3),
        "one hit, one miss, no false alarm",
        id="precise-but-misses",
    ),
    pytest.param(
        [1, 0, 0, 0],
        [1, 1, 1, 1],
        (0.25, 1.0, 0.4),
        "flagging everything finds every positive",
        id="flag-everything",
    ),
    pytest.param(
        [0, 1, 1, 0], [0, 1, 1, 0], (1.0, 1.0, 1.0), "every prediction is right", id="perfect"
    ),
    pytest.param(
        [1, 1, 0],
        [0, 0, 0],
        (0.0, 0.0, 0.0),
        "nothing predicted positive: precision is 0/0, which counts as 0.0",
        id="nothing-flagged",
    ),
    pytest.param(
        [0, 0, 0],
        [0, 1, 0],
        (0.0, 0.0, 0.0),
        "no true positives exist: recall is 0/0, which counts as 0.0",
        id="no-positives-but-a-false-alarm",
    ),
    pytest.param(
        [0, 0],
        [0, 0],
        (0.0, 0.0, 0.0),
        "no positives at all: every score is 0/0, so 0.0",
        id="all-negative",
    ),
    pytest.param(
        [1],
        [1],
        (1.0, 1.0, 1.0),
        "one row, predicted right",
        id="one-row",
    ),
]


@pytest.mark.parametrize(("y_true", "y_pred", "expected", "why"), CASES)
def test_examples(precision_recall_f1, y_true, y_pred, expected, why):
    got = precision_recall_f1(list(y_true), list(y_pred))
    assert tuple(got) == pytest.approx(expected), (
        f"precision_recall_f1({y_true}, {y_pred}) should be {expected} "
        f"(precision, recall, F1): {why}"
    )


def test_accepts_numpy_arrays(precision_recall_f1):
    y_true, y_pred = np.array([1, 0, 1, 1]), np.array([1, 1, 0, 1])
    got = precision_recall_f1(y_true, y_pred)
    assert tuple(got) == pytest.approx((2 / 3, 2 / 3, 2 / 3)), (
        "precision_recall_f1 should give the same answer for NumPy arrays as for lists"
    )


labels = st.lists(st.integers(0, 1), min_size=1, max_size=60)


@settings(max_examples=50, deadline=None)
@given(labels, st.data())
def test_agrees_with_scikit_learn(precision_recall_f1, y_true, data):
    y_pred = data.draw(st.lists(st.integers(0, 1), min_size=len(y_true), max_size=len(y_true)))
    expected = (
        precision_score(y_true, y_pred, zero_division=0),
        recall_score(y_true, y_pred, zero_division=0),
        f1_score(y_true, y_pred, zero_division=0),
    )
    got = precision_recall_f1(list(y_true), list(y_pred))
    assert tuple(got) == pytest.approx(expected), (
        f"precision_recall_f1({y_true}, {y_pred}) should be {expected}, "
        "as scikit-learn computes with zero_division=0"
    )
