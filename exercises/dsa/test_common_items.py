"""Tests for exercises/dsa/common_items.py. Run them with: make exercise NAME=common_items"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def common_items(exercise):
    return exercise.common_items


def quadratic_common_items(a, b):
    """The slow reference: for each item of a, scan b and the result so far."""
    result = []
    for value in a:
        if value in b and value not in result:
            result.append(value)
    return result


CASES = [
    pytest.param([3, 1, 2, 3], [2, 3, 5], [3, 2], "3 and 2 are shared, in a's order", id="basic"),
    pytest.param([1, 2], [3, 4], [], "nothing is shared", id="nothing-shared"),
    pytest.param([], [1, 2], [], "an empty list shares nothing", id="a-empty"),
    pytest.param([1, 2], [], [], "an empty list shares nothing", id="b-empty"),
    pytest.param([5, 5, 5], [5], [5], "each shared value appears once", id="repeats-in-a"),
    pytest.param([4, 9], [9, 9, 4, 4], [4, 9], "follow a's order, not b's", id="order-of-a"),
    pytest.param([-1, 0, 1], [1, 0, -1], [-1, 0, 1], "all shared", id="all-shared"),
]


@pytest.mark.parametrize(("a", "b", "expected", "why"), CASES)
def test_examples(common_items, a, b, expected, why):
    got = common_items(list(a), list(b))
    assert got == expected, f"common_items({a}, {b}) should be {expected}: {why}"


def test_reads_each_input_a_few_times_only(common_items, counting_list):
    a = counting_list(range(0, 4000, 2))  # 2000 even numbers
    b = counting_list(range(0, 4000, 3))  # 1334 multiples of 3
    got = common_items(a, b)
    assert got == list(range(0, 4000, 6)), "the shared values are the multiples of 6, in order"
    reads, size = a.reads + b.reads, len(a) + len(b)
    assert reads <= 3 * size, (
        f"common_items read {reads} items of two lists holding {size}: "
        "it scans one list for every item of the other, which is O(n·m). "
        "Put one list in a set first, so that each lookup is O(1) on average."
    )


def test_leaves_its_inputs_unchanged(common_items):
    a, b = [3, 1, 2, 3], [2, 3, 5]
    common_items(a, b)
    assert (a, b) == ([3, 1, 2, 3], [2, 3, 5]), "common_items must not change its inputs"


values = st.lists(st.integers(-8, 8), max_size=30)


@settings(max_examples=50, deadline=None)
@given(values, values)
def test_agrees_with_the_quadratic_version(common_items, a, b):
    expected = quadratic_common_items(a, b)
    got = common_items(list(a), list(b))
    assert got == expected, f"common_items({a}, {b}) should be {expected}"
