import math

import faiss
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.neighbors import NearestNeighbors

from snippets.cloud_mlops.search_and_ranking import bm25 as bm25_inverted_index
from snippets.cloud_mlops.search_and_ranking import build_index
from snippets.data_science.embeddings_and_vector_search import (
    bm25,
    cosine_top_k,
    ivf_search,
    normalise,
    recall_at_k,
)


def test_bm25_by_hand():
    # Two documents: "apple apple" and "pear"; the query is "apple".
    counts = np.array([[2, 0], [0, 1]])
    scores = bm25(counts, np.array([1, 0]), k1=1.2, b=0.75)
    idf = math.log(1 + (2 - 1 + 0.5) / (1 + 0.5))  # one document of two holds "apple"
    length_norm = 1 - 0.75 + 0.75 * 2 / 1.5  # document length 2, average length 1.5
    assert scores[0] == pytest.approx(idf * 2 * 2.2 / (2 + 1.2 * length_norm))
    assert scores[1] == 0


def test_bm25_parameters():
    counts = np.array([[1, 0, 0], [1, 5, 5], [0, 1, 0]])
    query = np.array([1, 0, 0])
    # b = 0: length no longer matters, so one "apple" scores the same in a short and a long doc.
    no_length = bm25(counts, query, b=0.0)
    assert no_length[0] == pytest.approx(no_length[1])
    # With b > 0 the long document is penalised.
    scores = bm25(counts, query)
    assert scores[0] > scores[1] > 0
    # k1 = 0: only presence counts; each matched term adds exactly its idf.
    many = np.array([[9, 0], [1, 0], [0, 1]])
    binary = bm25(many, np.array([1, 0]), k1=0.0)
    assert binary[0] == pytest.approx(binary[1])
    # Repeating a term helps, but saturates below idf · (k1 + 1).
    idf = math.log(1 + (3 - 2 + 0.5) / (2 + 0.5))
    repeated = bm25(many, np.array([1, 0]))
    assert repeated[1] < repeated[0] < idf * 2.2


WORDS = ["apple", "pear", "plum", "fig", "kiwi", "lime", "mango", "grape"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), min_size=1, max_size=8),
    st.sets(st.sampled_from(WORDS), min_size=1, max_size=4),
)
def test_bm25_agrees_with_the_inverted_index_version(docs, query_words):
    """The same formula written over an inverted index (the search-and-ranking snippet)."""
    counts = np.array([[doc.count(word) for word in WORDS] for doc in docs])
    query = np.array([word in query_words for word in WORDS], dtype=int)
    texts = [" ".join(doc) for doc in docs]
    expected = bm25_inverted_index(" ".join(sorted(query_words)), build_index(texts))
    scores = bm25(counts, query)
    for doc_id, score in enumerate(scores):
        assert score == pytest.approx(expected.get(doc_id, 0.0))


def test_normalise_gives_unit_rows_and_keeps_zero_rows():
    X = normalise(np.array([[3.0, 4.0], [0.0, 0.0], [-2.0, 0.0]]))
    assert X.tolist() == [[0.6, 0.8], [0.0, 0.0], [-1.0, 0.0]]


@settings(max_examples=40, deadline=None)
@given(
    st.integers(0, 2**32 - 1), st.integers(1, 40), st.integers(1, 8), st.integers(1, 5), st.data()
)
def test_cosine_top_k_agrees_with_scikit_learn(seed, n, d, n_queries, data):
    rng = np.random.default_rng(seed)
    X, queries = rng.normal(size=(n, d)), rng.normal(size=(n_queries, d))
    k = data.draw(st.integers(1, n))
    distances, _ = (
        NearestNeighbors(n_neighbors=k, metric="cosine", algorithm="brute")
        .fit(X)
        .kneighbors(queries)
    )
    found = cosine_top_k(X, queries, k)
    assert found.shape == (n_queries, k)
    assert all(len(set(row)) == k for row in found.tolist())  # k different rows
    # The same neighbours in the same order, compared by similarity so that ties (equally
    # similar rows, common in one dimension) may come in either order.
    similarity = np.take_along_axis(normalise(queries) @ normalise(X).T, found, axis=1)
    np.testing.assert_allclose(similarity, 1 - distances, atol=1e-9)


def test_cosine_ignores_length():
    X = np.array([[1.0, 0.0], [10.0, 1.0], [0.0, 5.0]])
    assert cosine_top_k(X, np.array([[100.0, 0.0]]), 2).tolist() == [[0, 1]]


def test_recall_at_k():
    ranked = np.array([4, 2, 7, 1])
    assert recall_at_k(ranked, {4, 2}, 2) == 1.0
    assert recall_at_k(ranked, {7, 9}, 2) == 0.0
    assert recall_at_k(ranked, {2, 1, 9}, 4) == pytest.approx(2 / 3)
    assert recall_at_k(ranked, {1}, 10) == 1.0  # k beyond the list: every result counts
    with pytest.raises(ZeroDivisionError):
        recall_at_k(ranked, set(), 2)  # undefined without relevant items


def make_index(seed: int, n: int = 600, d: int = 8, nlist: int = 10) -> tuple:
    rng = np.random.default_rng(seed)
    X = normalise(rng.normal(size=(n, d))).astype(np.float32)
    queries = normalise(rng.normal(size=(20, d))).astype(np.float32)
    index = faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, nlist, faiss.METRIC_INNER_PRODUCT)
    index.train(X)
    index.add(X)
    return X, queries, index


@pytest.mark.parametrize("seed", range(3))
def test_ivf_probing_every_list_is_exact_search(seed):
    X, queries, index = make_index(seed)
    found, compared = ivf_search(index, queries, k=5, nprobe=index.nlist)
    exact = cosine_top_k(X, queries, 5)
    assert [recall_at_k(f, set(e), 5) for f, e in zip(found, exact, strict=True)] == [1.0] * 20
    assert (compared == index.nlist + len(X)).all()  # every centroid, then every vector


def test_ivf_with_fewer_probes_compares_fewer_vectors():
    X, queries, index = make_index(0)
    _, one = ivf_search(index, queries, k=5, nprobe=1)
    _, three = ivf_search(index, queries, k=5, nprobe=3)
    assert (index.nlist < one).all() and (one < three).all() and (three < len(X)).all()
    # The counts add up: probing one list per query visits each list's vectors exactly once.
    _, lists = index.quantizer.search(queries, 1)
    sizes = [index.invlists.list_size(int(c)) for c in lists[:, 0]]
    assert one.tolist() == [index.nlist + size for size in sizes]


def test_a_flat_index_agrees_with_brute_force():
    X, queries, _ = make_index(1)
    flat = faiss.IndexFlatIP(X.shape[1])
    flat.add(X)
    _, found = flat.search(queries, 5)
    np.testing.assert_array_equal(found, cosine_top_k(X, queries, 5))
