"""Tests for exercises/dsa/kth_largest.py. Run them with: make exercise NAME=kth_largest"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def kth_largest(exercise):
    return exercise.kth_largest


CASES = [
    pytest.param([3, 2, 1, 5, 6, 4], 2, 5, "6 is the largest, 5 the second", id="classic"),
    pytest.param([3, 2, 3, 1, 2, 4, 5, 5, 6], 4, 4, "6, 5, 5, then 4", id="with-repeats"),
    pytest.param([7], 1, 7, "one value, k=1", id="one-value"),
    pytest.param([4, 1, 9], 1, 9, "k=1 is the maximum", id="k-is-1"),
    pytest.param([4, 1, 9], 3, 1, "k=len(nums) is the minimum", id="k-is-n"),
    pytest.param([5, 5, 1], 2, 5, "repeated values count separately", id="repeats-count"),
    pytest.param([-1, -7, -3], 2, -3, "negative numbers: -1, then -3", id="negatives"),
]


@pytest.mark.parametrize(("nums", "k", "expected", "why"), CASES)
def test_examples(kth_largest, nums, k, expected, why):
    got = kth_largest(list(nums), k)
    assert got == expected, f"kth_largest({nums}, {k}) should be {expected}: {why}"


def test_leaves_nums_unchanged(kth_largest):
    nums = [3, 1, 2]
    kth_largest(nums, 2)
    assert nums == [3, 1, 2], "kth_largest must not change nums (heapify a copy, or a slice)"


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(-50, 50), min_size=1, max_size=40), st.data())
def test_agrees_with_sorting(kth_largest, nums, data):
    k = data.draw(st.integers(1, len(nums)), label="k")
    expected = sorted(nums, reverse=True)[k - 1]
    got = kth_largest(list(nums), k)
    assert got == expected, f"kth_largest({nums}, {k}) should be {expected}"
