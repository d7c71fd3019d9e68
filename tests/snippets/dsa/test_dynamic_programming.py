from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from snippets.dsa.dynamic_programming import edit_distance, fewest_coins


def reference_edit_distance(a: str, b: str) -> int:
    @cache
    def d(i: int, j: int) -> int:
        if i == 0 or j == 0:
            return i + j
        return min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] != b[j - 1]))

    return d(len(a), len(b))


def reference_coins(coins, amount):
    @cache
    def f(rest):
        if rest == 0:
            return 0
        options = [f(rest - c) for c in coins if c <= rest]
        options = [o for o in options if o is not None]
        return min(options) + 1 if options else None

    return f(amount)


def test_edit_distance_examples():
    assert edit_distance("", "") == 0
    assert edit_distance("abc", "") == 3
    assert edit_distance("", "ab") == 2
    assert edit_distance("kitten", "sitting") == 3


@given(st.text("abc", max_size=8), st.text("abc", max_size=8))
def test_edit_distance_agrees_with_the_recursive_definition(a, b):
    assert edit_distance(a, b) == reference_edit_distance(a, b)
    assert edit_distance(a, b) == edit_distance(b, a)


def test_fewest_coins_examples():
    assert fewest_coins([1, 2, 5], 0) == 0
    assert fewest_coins([2], 3) is None
    assert fewest_coins([1, 3, 4], 6) == 2  # 3 + 3: greedy would take 4 + 1 + 1


@given(st.lists(st.integers(1, 9), min_size=1, max_size=4, unique=True), st.integers(0, 40))
def test_fewest_coins_agrees_with_the_recursive_definition(coins, amount):
    assert fewest_coins(coins, amount) == reference_coins(tuple(coins), amount)
