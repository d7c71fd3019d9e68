"""Tests for exercises/dsa/longest_increasing_subsequence.py.
Run them with: make exercise NAME=longest_increasing_subsequence"""

from bisect import bisect_left
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def longest_increasing_subsequence(exercise):
    return exercise.longest_increasing_subsequence


def try_every_subsequence(nums):
    """The brute force: the longest of all 2**n subsequences that is strictly increasing."""
    for length in range(len(nums), 0, -1):
        for picked in combinations(nums, length):  # combinations keep the input order
            if all(a < b for a, b in zip(picked, picked[1:], strict=False)):
                return length
    return 0


def try_longest_by_patience(nums):
    """A second reference for long inputs: patience sorting, O(n log n)."""
    tails = []  # tails[k]: the smallest tail of an increasing subsequence of length k + 1
    for value in nums:
        position = bisect_left(tails, value)
        tails[position : position + 1] = [value]
    return len(tails)


CASES = [
    pytest.param([10, 9, 2, 5, 3, 7, 101, 18], 4, "for example 2, 3, 7, 18", id="classic"),
    pytest.param([], 0, "an empty list has only the empty subsequence", id="empty"),
    pytest.param([5], 1, "one item", id="one-item"),
    pytest.param([7, 7, 7], 1, "equal items are not strictly increasing", id="all-equal"),
    pytest.param([1, 2, 3, 4], 4, "already increasing: the whole list", id="increasing"),
    pytest.param([4, 3, 2, 1], 1, "decreasing: any single item", id="decreasing"),
    pytest.param([0, 8, 4, 12, 2, 10, 6, 14, 1, 9], 4, "for example 0, 4, 6, 9", id="skips-items"),
    pytest.param(
        [3, 4, -1, 0, 6, 2, 3],
        4,
        "-1, 0, 2, 3: the best run need not start at the smallest early item",
        id="late-start",
    ),
]


@pytest.mark.parametrize(("nums", "expected", "why"), CASES)
def test_examples(longest_increasing_subsequence, nums, expected, why):
    got = longest_increasing_subsequence(list(nums))
    assert got == expected, f"longest_increasing_subsequence({nums}) should be {expected}: {why}"


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(-5, 5), max_size=10))
def test_agrees_with_trying_every_subsequence(longest_increasing_subsequence, nums):
    expected = try_every_subsequence(nums)
    got = longest_increasing_subsequence(list(nums))
    assert got == expected, f"longest_increasing_subsequence({nums}) should be {expected}"


# Last, because code that tries every subsequence never finishes it.
def test_a_long_list(longest_increasing_subsequence):
    nums = [(i * 7919) % 1000 for i in range(1000)]  # a scrambled but fixed sequence
    expected = try_longest_by_patience(nums)
    try:
        got = longest_increasing_subsequence(nums)
    except RecursionError:
        pytest.fail(
            "RecursionError on 1000 items: fill the table bottom-up in a loop instead of "
            "recursing once per item"
        )
    assert got == expected, f"on the 1000-item list the answer is {expected}"
