from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from snippets.dsa.dynamic_programming import edit_distance, fewest_coins


def reference_edit_distance(a: str, b: str) -> int:
    """The textbook recurrence, memoised top-down: the cost of turning a[:i] into b[:j]."""

    @cache
    def d(i: int, j: int) -> int:
        if i == 0 or j == 0:
            return i + j
        return min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] != b[j - 1]))

    return d(len(a), len(b))


def brute_force_coins(coins: list[int], amount: int) -> int | None:
    """Try every number of coins n = 0, 1, 2, ...: the first n whose sums reach amount wins."""
    reachable = {0}
    for n in range(amount + 1):
        if amount in reachable:
            return n
        reachable = {s + c for s in reachable for c in coins if s + c <= amount}
    return None


def test_edit_distance_examples():
    assert edit_distance("", "") == 0
    assert edit_distance("abc", "") == 3
    assert edit_distance("", "ab") == 2
    assert edit_distance("a", "a") == 0
    assert edit_distance("a", "b") == 1
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("flaw", "lawn") == 2


@given(st.text("abc", max_size=8), st.text("abc", max_size=8))
def test_edit_distance_agrees_with_the_memoised_recurrence(a, b):
    assert edit_distance(a, b) == reference_edit_distance(a, b)


def test_fewest_coins_examples():
    assert fewest_coins([1, 2, 5], 0) == 0
    assert fewest_coins([], 0) == 0
    assert fewest_coins([], 4) is None
    assert fewest_coins([2], 3) is None
    assert fewest_coins([5], 5) == 1
    assert fewest_coins([1, 2, 5], 11) == 3
    assert fewest_coins([1, 3, 4], 6) == 2  # 3 + 3, where largest-first greedy takes 4 + 1 + 1


@given(st.lists(st.integers(1, 9), max_size=4), st.integers(0, 30))
def test_fewest_coins_agrees_with_brute_force(coins, amount):
    assert fewest_coins(coins, amount) == brute_force_coins(coins, amount)
