import heapq

from hypothesis import given
from hypothesis import strategies as st

from snippets.dsa.heap_top_k import top_k

pairs = st.lists(
    st.tuples(st.integers(0, 20).map(lambda n: n / 20), st.sampled_from("abcdef")), max_size=30
)


def test_edge_cases():
    assert top_k([], 3) == []
    assert top_k([(0.5, "a")], 0) == []
    assert top_k([(0.5, "a")], 3) == [(0.5, "a")]


@given(pairs, st.integers(0, 10))
def test_top_k_agrees_with_sorting_and_nlargest(scored, k):
    assert top_k(scored, k) == sorted(scored, reverse=True)[:k]
    assert top_k(iter(scored), k) == heapq.nlargest(k, scored)
