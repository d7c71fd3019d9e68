"""Tests for exercises/data_science/k_fold_indices.py.
Run them with: make exercise NAME=k_fold_indices"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.model_selection import KFold


@pytest.fixture(scope="module")
def k_fold_indices(exercise):
    return exercise.k_fold_indices


def as_lists(folds):
    """The folds with every index list turned into a plain list of ints, to compare them."""
    return [([int(i) for i in train], [int(i) for i in test]) for train, test in folds]


CASES = [
    pytest.param(4, 2, [([2, 3], [0, 1]), ([0, 1], [2, 3])], "two equal halves", id="even"),
    pytest.param(
        5,
        2,
        [([3, 4], [0, 1, 2]), ([0, 1, 2], [3, 4])],
        "5 rows in 2 folds: the first fold takes the extra row",
        id="uneven",
    ),
    pytest.param(
        7,
        3,
        [([3, 4, 5, 6], [0, 1, 2]), ([0, 1, 2, 5, 6], [3, 4]), ([0, 1, 2, 3, 4], [5, 6])],
        "7 = 3 + 2 + 2: only the first fold is larger",
        id="middle-fold",
    ),
    pytest.param(
        3,
        3,
        [([1, 2], [0]), ([0, 2], [1]), ([0, 1], [2])],
        "k = n_samples is leave-one-out",
        id="leave-one-out",
    ),
]


@pytest.mark.parametrize(("n_samples", "k", "expected", "why"), CASES)
def test_examples(k_fold_indices, n_samples, k, expected, why):
    got = as_lists(k_fold_indices(n_samples, k))
    assert got == expected, f"k_fold_indices({n_samples}, {k}) should be {expected}: {why}"


@pytest.mark.parametrize(
    ("n_samples", "k", "why"),
    [
        pytest.param(5, 1, "one fold leaves no rows to train on", id="k-is-1"),
        pytest.param(3, 4, "4 folds of 3 rows would leave a fold empty", id="k-above-n"),
    ],
)
def test_refuses_impossible_splits(k_fold_indices, n_samples, k, why):
    with pytest.raises(ValueError):
        k_fold_indices(n_samples, k)
        pytest.fail(f"k_fold_indices({n_samples}, {k}) should raise ValueError: {why}")


@settings(max_examples=50, deadline=None)
@given(st.integers(2, 60), st.data())
def test_every_row_is_tested_once_and_never_trained_on_then(k_fold_indices, n_samples, data):
    k = data.draw(st.integers(2, n_samples), label="k")
    folds = as_lists(k_fold_indices(n_samples, k))
    assert len(folds) == k, f"k_fold_indices({n_samples}, {k}) should give {k} folds"
    tested = sorted(i for _, test in folds for i in test)
    assert tested == list(range(n_samples)), (
        f"k_fold_indices({n_samples}, {k}): every row should be in exactly one test part"
    )
    for train, test in folds:
        assert sorted(train + test) == list(range(n_samples)), (
            f"k_fold_indices({n_samples}, {k}): train and test should split all the rows, "
            f"without overlap; got train={train}, test={test}"
        )


@settings(max_examples=50, deadline=None)
@given(st.integers(2, 60), st.data())
def test_agrees_with_scikit_learn(k_fold_indices, n_samples, data):
    k = data.draw(st.integers(2, n_samples), label="k")
    expected = as_lists(KFold(n_splits=k).split(np.zeros((n_samples, 1))))
    got = as_lists(k_fold_indices(n_samples, k))
    assert got == expected, (
        f"k_fold_indices({n_samples}, {k}) should be {expected}, as KFold(n_splits={k}) gives"
    )
