from itertools import combinations, permutations
from math import comb

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.dsa.recursion_and_backtracking import (
    all_orders,
    all_subsets,
    count_paths,
    depth_of,
    depth_with_stack,
    n_queens,
)

# Distinct items, as itertools treats items by position, not by value.
items = st.lists(st.sampled_from("abcdefg"), max_size=6, unique=True)


@settings(max_examples=50, deadline=None)
@given(items)
def test_all_subsets_agrees_with_itertools_combinations(values):
    expected = [list(c) for r in range(len(values) + 1) for c in combinations(values, r)]
    got = all_subsets(values)
    assert len(got) == 2 ** len(values)
    assert sorted(got) == sorted(expected)


@settings(max_examples=50, deadline=None)
@given(items)
def test_all_orders_agrees_with_itertools_permutations(values):
    assert all_orders(values) == [list(p) for p in permutations(values)]


def brute_force_queens(n):
    """Every placement with one queen per row and column, kept when no diagonal is shared."""
    return [
        list(cols)
        for cols in permutations(range(n))
        if len({c - r for r, c in enumerate(cols)}) == n
        and len({c + r for r, c in enumerate(cols)}) == n
    ]


@pytest.mark.parametrize("n", range(0, 8))
def test_n_queens_agrees_with_brute_force(n):
    assert n_queens(n) == brute_force_queens(n)


def test_n_queens_known_counts():
    assert [len(n_queens(n)) for n in range(1, 9)] == [1, 0, 0, 2, 10, 4, 40, 92]


def test_depth_of_small_and_deep_nesting():
    assert depth_of([]) == depth_with_stack([]) == 1
    assert depth_of([1, [2, [3]], [4]]) == depth_with_stack([1, [2, [3]], [4]]) == 3
    deep: list = []
    for _ in range(3000):
        deep = [deep]
    with pytest.raises(RecursionError):
        depth_of(deep)
    assert depth_with_stack(deep) == 3001


@settings(max_examples=50, deadline=None)
@given(st.recursive(st.just(0), lambda inner: st.lists(inner, max_size=3), max_leaves=15))
def test_both_depths_agree(nested):
    if isinstance(nested, list):
        assert depth_of(nested) == depth_with_stack(nested)


@pytest.mark.parametrize(("rows", "cols"), [(1, 1), (1, 5), (3, 3), (4, 7), (8, 8)])
def test_count_paths_is_a_binomial_coefficient_both_ways(rows, cols):
    expected = comb(rows + cols - 2, rows - 1)
    plain, plain_calls = count_paths(rows, cols, memoise=False)
    memo, memo_calls = count_paths(rows, cols, memoise=True)
    assert plain == memo == expected
    assert memo_calls <= rows * cols  # each sub-grid computed once
    assert plain_calls == 2 * expected - 1  # a call per leaf (one path each) and per join
