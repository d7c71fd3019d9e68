"""Tests for exercises/data_science/ndcg_at_k.py. Run them with: make exercise NAME=ndcg_at_k"""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import ndcg_score


@pytest.fixture(scope="module")
def ndcg_at_k(exercise):
    return exercise.ndcg_at_k


CASES = [
    pytest.param([3, 2, 1], 3, 1.0, "already in the best order", id="best-order"),
    pytest.param(
        [0, 1],
        2,
        1 / math.log2(3),
        "the relevant item is second, not first",
        id="relevant-item-second",
    ),
    pytest.param(
        [0, 0, 1],
        3,
        0.5,
        "one relevant item at position 3: 1/log2(4) over 1",
        id="relevant-item-third",
    ),
    pytest.param(
        [0, 0, 1],
        2,
        0.0,
        "the only relevant item is below the cut-off k",
        id="relevant-item-below-k",
    ),
    pytest.param([1, 3], 1, 1 / 3, "k=1 compares the first item with the best one", id="k-is-1"),
    pytest.param(
        [2, 0, 1],
        10,
        (2 + 1 / 2) / (2 + 1 / math.log2(3)),
        "k larger than the list: every item counts",
        id="k-beyond-the-list",
    ),
    pytest.param(
        [0, 0, 0], 2, 0.0, "nothing is relevant: NDCG is defined as 0.0", id="nothing-relevant"
    ),
    pytest.param([2, 2, 0], 2, 1.0, "ties in relevance: either order of the 2s is best", id="ties"),
    pytest.param([5], 1, 1.0, "one item is always in the best order", id="one-item"),
]


@pytest.mark.parametrize(("relevance", "k", "expected", "why"), CASES)
def test_examples(ndcg_at_k, relevance, k, expected, why):
    got = ndcg_at_k(list(relevance), k)
    assert got == pytest.approx(expected), (
        f"ndcg_at_k({relevance}, {k}) should be {expected:.4f}: {why}"
    )


def test_leaves_relevance_unchanged(ndcg_at_k):
    relevance = [0, 3, 1, 2]
    ndcg_at_k(relevance, 3)
    assert relevance == [0, 3, 1, 2], "ndcg_at_k must not change relevance (sort a copy)"


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=2, max_size=30), st.data())
def test_agrees_with_scikit_learn(ndcg_at_k, relevance, data):
    k = data.draw(st.integers(1, len(relevance) + 3), label="k")
    scores = list(range(len(relevance), 0, -1))  # rank the items in the order given
    expected = ndcg_score([relevance], [scores], k=k)
    got = ndcg_at_k(list(relevance), k)
    assert got == pytest.approx(expected), (
        f"ndcg_at_k({relevance}, {k}) should be {expected:.6f}, as scikit-learn's ndcg_score"
    )
