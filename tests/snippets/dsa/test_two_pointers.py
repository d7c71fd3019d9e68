from hypothesis import given
from hypothesis import strategies as st

from snippets.dsa.two_pointers import longest_without_repeat, pair_with_sum, rolling_sums


def test_pair_with_sum_examples():
    assert pair_with_sum([], 1) is None
    assert pair_with_sum([5], 10) is None
    assert pair_with_sum([1, 3, 4, 6, 8, 11], 10) == (2, 3)
    assert pair_with_sum([1, 2, 3], 100) is None


@given(st.lists(st.integers(-20, 20), max_size=25).map(sorted), st.integers(-40, 40))
def test_pair_with_sum_finds_a_pair_exactly_when_one_exists(values, target):
    result = pair_with_sum(values, target)
    exists = any(
        values[i] + values[j] == target
        for i in range(len(values))
        for j in range(i + 1, len(values))
    )
    assert (result is not None) == exists
    if result:
        i, j = result
        assert i < j and values[i] + values[j] == target


def test_rolling_sums_edge_cases():
    assert rolling_sums([1, 2, 3], 0) == []
    assert rolling_sums([1, 2, 3], 4) == []
    assert rolling_sums([1, 2, 3], 3) == [6]


@given(st.lists(st.integers(-50, 50), max_size=30), st.integers(1, 8))
def test_rolling_sums_agree_with_recomputing_each_window(values, k):
    expected = (
        [sum(values[i : i + k]) for i in range(len(values) - k + 1)] if k <= len(values) else []
    )
    assert rolling_sums(values, k) == expected


def brute_longest(items):
    return max(
        (
            j - i
            for i in range(len(items))
            for j in range(i, len(items) + 1)
            if len(set(items[i:j])) == j - i
        ),
        default=0,
    )


@given(st.lists(st.sampled_from("abcde"), max_size=20))
def test_longest_without_repeat_agrees_with_checking_every_stretch(items):
    assert longest_without_repeat(items) == brute_longest(items)
