import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.cloud_mlops.search_and_ranking import bm25, bm25_scan, build_index, idf, tokenize

words = st.sampled_from(["love", "me", "do", "you", "road", "home", "sun"])
docs = st.lists(st.lists(words, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=8)
queries = st.lists(words, min_size=1, max_size=3).map(" ".join)


def test_tokenize():
    assert tokenize("Love Me Do!") == ["love", "me", "do"]


def test_inverted_index_lists_term_frequencies_per_document():
    index = build_index(["a b a", "b c"])
    assert index.postings == {"a": {0: 2}, "b": {0: 1, 1: 1}, "c": {1: 1}}
    assert index.lengths == [3, 2]
    assert index.avg_length == 2.5


def test_bm25_by_hand():
    # Two documents, query "a". Only doc 0 contains "a", once, and both have 2 tokens,
    # so the length normalisation is 1: score = idf * tf * (k1 + 1) / (tf + k1).
    index = build_index(["a b", "c d"])
    k1, b = 1.2, 0.75
    expected_idf = math.log(1 + (2 - 1 + 0.5) / (1 + 0.5))  # = ln 2
    assert idf(2, 1) == pytest.approx(math.log(2))
    assert bm25("a", index, k1, b) == {0: pytest.approx(expected_idf * 1 * 2.2 / (1 + 1.2))}


def test_a_longer_document_with_the_same_count_scores_lower():
    index = build_index(["love", "love and more words here"])
    scores = bm25("love", index)
    assert scores[0] > scores[1]


def test_repeating_a_term_helps_but_saturates():
    index = build_index(["x love", "love love", "love love love love", "a b"])
    one, two, four = (bm25("love", index, b=0.0)[d] for d in (0, 1, 2))
    assert one < two < four
    assert four - two < two - one


def test_unknown_query_terms_match_nothing():
    assert bm25("zebra", build_index(["love me do"])) == {}


@settings(max_examples=50, deadline=None)
@given(docs, queries)
def test_index_agrees_with_a_full_scan(corpus, query):
    fast, slow = bm25(query, build_index(corpus)), bm25_scan(query, corpus)
    assert fast.keys() == slow.keys()
    assert all(fast[d] == pytest.approx(slow[d]) for d in fast)
