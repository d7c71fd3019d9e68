from bisect import bisect_left

from hypothesis import given
from hypothesis import strategies as st

from snippets.dsa.binary_search import count_in_range, lower_bound

sorted_lists = st.lists(st.integers(-50, 50), max_size=40).map(sorted)


def test_lower_bound_examples():
    assert lower_bound([], 5) == 0
    assert lower_bound([1, 2, 2, 3], 2) == 1
    assert lower_bound([1, 2, 2, 3], 4) == 4
    assert lower_bound([1, 2, 2, 3], 0) == 0


@given(sorted_lists, st.integers(-60, 60))
def test_lower_bound_agrees_with_bisect(items, target):
    assert lower_bound(items, target) == bisect_left(items, target)


@given(sorted_lists, st.integers(-60, 60), st.integers(-60, 60))
def test_count_in_range_agrees_with_a_scan(items, start, end):
    assert count_in_range(items, start, end) == sum(start <= t < end for t in items)
