"""Tests for exercises/dsa/binary_search.py. Run them with: make exercise NAME=binary_search"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def binary_search(exercise):
    return exercise.binary_search


CASES = [
    pytest.param([1, 3, 5], 3, 1, "the target is in the middle", id="found-in-the-middle"),
    pytest.param([1, 3, 5], 1, 0, "the target is the first item", id="found-first"),
    pytest.param([1, 3, 5], 5, 2, "the target is the last item", id="found-last"),
    pytest.param([1, 3, 5], 4, -1, "the target is absent", id="absent-between-items"),
    pytest.param([1, 3, 5], 0, -1, "the target is below every item", id="absent-below"),
    pytest.param([1, 3, 5], 9, -1, "the target is above every item", id="absent-above"),
    pytest.param([], 1, -1, "an empty list holds nothing", id="empty-list"),
    pytest.param([7], 7, 0, "a one-item list holding the target", id="one-item-found"),
    pytest.param([7], 3, -1, "a one-item list without the target", id="one-item-absent"),
    pytest.param([-8, -2, 0, 4], -2, 1, "negative numbers are found too", id="negative-numbers"),
    pytest.param([1, 2], 2, 1, "check the upper end of a two-item range", id="two-items-last"),
]


@pytest.mark.parametrize(("nums", "target", "expected", "why"), CASES)
def test_examples(binary_search, nums, target, expected, why):
    got = binary_search(list(nums), target)
    assert got == expected, f"binary_search({nums}, {target}) should be {expected}: {why}"


@pytest.mark.parametrize("target", [2046, 1001, 5000, -1])
def test_reads_only_log_n_items(binary_search, counting_list, target):
    nums = counting_list(range(0, 2048, 2))  # 1024 even numbers
    binary_search(nums, target)
    reads = nums.reads
    assert reads <= 40, (
        f"binary_search read {reads} items of a 1024-item list to look for {target}; "
        "halving the range needs about 11 reads. Don't scan, and don't slice (a slice copies)."
    )


sorted_distinct = st.sets(st.integers(-1000, 1000), max_size=60).map(sorted)


@settings(max_examples=50, deadline=None)
@given(sorted_distinct, st.integers(-1100, 1100))
def test_agrees_with_a_linear_scan(binary_search, nums, target):
    expected = nums.index(target) if target in nums else -1
    got = binary_search(list(nums), target)
    assert got == expected, f"binary_search({nums}, {target}) should be {expected} (a scan)"


@settings(max_examples=50, deadline=None)
@given(sorted_distinct)
def test_finds_every_item(binary_search, nums):
    for index, value in enumerate(nums):
        got = binary_search(list(nums), value)
        assert got == index, f"binary_search({nums}, {value}) should be {index}"
