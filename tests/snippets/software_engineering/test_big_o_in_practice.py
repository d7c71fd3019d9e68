import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.software_engineering.big_o_in_practice import hash_join, nested_loop_join

rows = st.lists(st.tuples(st.integers(0, 5), st.floats(-10, 10, allow_nan=False)), max_size=15)


def test_empty_inputs():
    assert nested_loop_join([], [(1, 2.0)]) == ([], 0)
    assert hash_join([], []) == ([], 0)


def test_duplicate_keys_multiply_rows():
    left = [(1, 1.0), (1, 2.0)]
    right = [(1, 10.0), (1, 20.0), (2, 30.0)]
    slow, comparisons = nested_loop_join(left, right)
    fast, steps = hash_join(left, right)
    assert (
        sorted(slow)
        == sorted(fast)
        == [(1, 1.0, 10.0), (1, 1.0, 20.0), (1, 2.0, 10.0), (1, 2.0, 20.0)]
    )
    assert comparisons == 6
    assert steps == 5


def test_the_work_grows_quadratically_against_linearly():
    def counts(n):
        data = [(i, float(i)) for i in range(n)]
        return nested_loop_join(data, data)[1], hash_join(data, data)[1]

    (slow_1, fast_1), (slow_2, fast_2) = counts(50), counts(100)
    assert slow_2 == 4 * slow_1
    assert fast_2 == 2 * fast_1


@settings(max_examples=50, deadline=None)
@given(rows, rows)
def test_both_joins_agree_with_pandas_merge(left, right):
    slow, comparisons = nested_loop_join(left, right)
    fast, steps = hash_join(left, right)
    merged = pd.DataFrame(left, columns=["k", "a"]).merge(
        pd.DataFrame(right, columns=["k", "b"]), on="k"
    )
    expected = sorted(tuple(row) for row in merged.itertuples(index=False, name=None))
    assert sorted(slow) == sorted(fast) == expected
    assert comparisons == len(left) * len(right)
    assert steps == len(left) + len(right)
