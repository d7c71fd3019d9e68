import heapq

from hypothesis import given
from hypothesis import strategies as st

from snippets.dsa.heaps_and_priority_queues import top_k

# Scores on a coarse grid and few item ids, so ties and repeated pairs are common.
pairs = st.lists(
    st.tuples(st.integers(0, 20).map(lambda n: n / 20), st.sampled_from("abcdef")), max_size=30
)


def test_top_k_examples():
    assert top_k([], 3) == []
    assert top_k([(0.5, "a")], 0) == []
    assert top_k([(0.5, "a")], -1) == []
    assert top_k([(0.5, "a")], 3) == [(0.5, "a")]
    assert top_k([(0.2, "a"), (0.9, "b"), (0.5, "c")], 2) == [(0.9, "b"), (0.5, "c")]


def test_top_k_keeps_duplicates_and_breaks_ties_by_item():
    scored = [(0.5, "a"), (0.5, "b"), (0.5, "a"), (0.1, "c")]
    assert top_k(scored, 3) == [(0.5, "b"), (0.5, "a"), (0.5, "a")]


def test_top_k_reads_a_one_pass_iterator():
    scored = [(0.3, "x"), (0.8, "y"), (0.6, "z")]
    assert top_k(iter(scored), 2) == [(0.8, "y"), (0.6, "z")]


@given(pairs, st.integers(0, 35))
def test_top_k_agrees_with_sorted(scored, k):
    assert top_k(scored, k) == sorted(scored, reverse=True)[:k]


@given(pairs, st.integers(0, 35))
def test_top_k_agrees_with_nlargest(scored, k):
    assert top_k(iter(scored), k) == heapq.nlargest(k, scored)
