"""Tests for exercises/dsa/shortest_subarray_at_least.py.
Run them with: make exercise NAME=shortest_subarray_at_least"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def shortest_subarray_at_least(exercise):
    return exercise.shortest_subarray_at_least


def every_window(nums, target):
    """The slow reference: try every start and end, O(n²)."""
    widths = [
        end - start
        for start in range(len(nums))
        for end in range(start + 1, len(nums) + 1)
        if sum(nums[start:end]) >= target
    ]
    return min(widths, default=0)


CASES = [
    pytest.param([2, 3, 1, 2, 4, 3], 7, 2, "[4, 3] sums to 7", id="classic"),
    pytest.param([1, 4, 4], 4, 1, "a single item can be enough", id="one-item-enough"),
    pytest.param([1, 1, 1], 5, 0, "even the whole list sums to only 3", id="never-enough"),
    pytest.param([1, 1, 1], 3, 3, "only the whole list reaches 3", id="whole-list"),
    pytest.param([], 1, 0, "an empty list has no runs", id="empty"),
    pytest.param([5], 5, 1, "the sum may equal the target", id="exactly-target"),
    pytest.param([1, 2, 3, 4, 5], 11, 3, "[3, 4, 5] sums to 12", id="window-at-the-end"),
    pytest.param([8, 1, 1, 1, 9], 9, 1, "[9] alone, at the end", id="shorter-window-later"),
]


@pytest.mark.parametrize(("nums", "target", "expected", "why"), CASES)
def test_examples(shortest_subarray_at_least, nums, target, expected, why):
    got = shortest_subarray_at_least(list(nums), target)
    assert got == expected, (
        f"shortest_subarray_at_least({nums}, {target}) should be {expected}: {why}"
    )


def test_reads_each_item_a_few_times_only(shortest_subarray_at_least, counting_list):
    nums = counting_list([1] * 2000)
    got = shortest_subarray_at_least(nums, 1000)
    assert got == 1000, "1000 ones are needed to reach 1000"
    reads = nums.reads
    assert reads <= 3 * len(nums), (
        f"shortest_subarray_at_least read {reads} items of a {len(nums)}-item list: "
        "it recomputes sums over and over. Keep a running total, add the item entering the "
        "window and subtract the one leaving it; each edge only moves forward."
    )


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(1, 9), max_size=25), st.integers(1, 60))
def test_agrees_with_trying_every_window(shortest_subarray_at_least, nums, target):
    expected = every_window(nums, target)
    got = shortest_subarray_at_least(list(nums), target)
    assert got == expected, (
        f"shortest_subarray_at_least({nums}, {target}) should be {expected} (every window)"
    )
