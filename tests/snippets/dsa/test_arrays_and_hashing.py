from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from snippets.dsa.arrays_and_hashing import group_by_label, two_sum


def brute_two_sum(values, target):
    """The pair with the smallest j, then the smallest i: what a one-pass scan finds first."""
    pairs = [
        (i, j) for i, j in combinations(range(len(values)), 2) if values[i] + values[j] == target
    ]
    return min(pairs, key=lambda p: (p[1], p[0])) if pairs else None


def test_two_sum_examples():
    assert two_sum([], 3) is None
    assert two_sum([3], 6) is None
    assert two_sum([3, 3], 6) == (0, 1)
    assert two_sum([1, 5, 2, 4], 6) == (0, 1)


@given(st.lists(st.integers(-20, 20), max_size=25), st.integers(-40, 40))
def test_two_sum_agrees_with_brute_force(values, target):
    assert two_sum(values, target) == brute_two_sum(values, target)


@given(
    st.lists(st.tuples(st.text("ab", max_size=2), st.sampled_from(["x", "y", "z"])), max_size=20)
)
def test_group_by_label_keeps_every_row_in_order(rows):
    groups = group_by_label(rows)
    assert sum(len(items) for items in groups.values()) == len(rows)
    for label, items in groups.items():
        assert items == [item for item, row_label in rows if row_label == label]
