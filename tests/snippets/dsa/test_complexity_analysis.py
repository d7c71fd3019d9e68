from hypothesis import given
from hypothesis import strategies as st

from snippets.dsa.complexity_analysis import has_duplicate_linear, has_duplicate_quadratic

id_lists = st.lists(st.integers(0, 30), max_size=30)


def test_counts_on_inputs_without_duplicates():
    assert has_duplicate_quadratic([]) == (False, 0)
    assert has_duplicate_linear([]) == (False, 0)
    assert has_duplicate_quadratic(list(range(10))) == (False, 45)  # n(n-1)/2 pairs
    assert has_duplicate_linear(list(range(10))) == (False, 10)


def test_both_stop_at_the_first_duplicate():
    assert has_duplicate_quadratic([7, 7, 1, 2]) == (True, 1)
    assert has_duplicate_linear([1, 2, 1, 9]) == (True, 3)


@given(id_lists)
def test_both_agree_with_a_set_size_check(ids):
    expected = len(set(ids)) != len(ids)
    assert has_duplicate_quadratic(ids)[0] == expected
    assert has_duplicate_linear(ids)[0] == expected


@given(id_lists)
def test_work_is_bounded_by_the_complexity(ids):
    n = len(ids)
    assert has_duplicate_quadratic(ids)[1] <= n * (n - 1) // 2
    assert has_duplicate_linear(ids)[1] <= n
