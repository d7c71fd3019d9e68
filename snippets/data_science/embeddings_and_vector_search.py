"""Sparse (TF-IDF, BM25) against dense (LSA) retrieval, then exact against approximate search."""

# --8<-- [start:example]
import faiss
import numpy as np
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

DOCS = [
    "The car needs new brakes and an oil change at the garage.",  # 0
    "Our mechanic repairs automobile engines and replaces worn brakes.",  # 1
    "Automobile or car insurance pays for accidents on the road.",  # 2
    "Bake the bread in a hot oven until the crust is golden.",  # 3
    "Knead the dough, let it rise, then bake it in the oven.",  # 4
    "A sourdough starter makes the bread dough rise slowly.",  # 5
    "Feed the puppy small meals and walk the dog twice a day.",  # 6
    "A kitten or a cat needs fresh water and a clean litter box.",  # 7
    "The vet vaccinates the dog and checks the cat for fleas.",  # 8
    "Interest rates on a savings account follow the central bank.",  # 9
    "A loan from the bank charges interest every month.",  # 10
    "Shares and bonds grow savings over many years.",  # 11
]
QUERIES = {  # query -> the documents a person judged relevant
    "automobile brakes": {0, 1},
    "bake bread": {3, 4, 5},
    "dog vet": {6, 8},
    "bank interest": {9, 10},
    "kitten": {7, 8},
    "car mechanic": {0, 1},
}


def normalise(X: np.ndarray) -> np.ndarray:
    """Scale each row to length 1 (zero rows stay zero): then a dot product is a cosine."""
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    return X / np.where(norms == 0, 1, norms)


def cosine_top_k(X: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    """Exact (brute-force) search: the k rows of X most similar to each query, best first.

    Time O(n_queries · n · d) to compare every query with every row, space O(n_queries · n).
    """
    similarity = normalise(queries) @ normalise(X).T
    return np.argsort(-similarity, axis=1, kind="stable")[:, :k]


def bm25(counts: np.ndarray, query: np.ndarray, k1: float = 1.2, b: float = 0.75) -> np.ndarray:
    """BM25 score of every document (rows of term counts) for the query's distinct terms.

    score(d) = sum over query terms t of idf(t) · tf·(k1 + 1) / (tf + k1·(1 - b + b·|d|/avgdl)),
    idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5)). k1 caps what repeating a term adds; b sets how
    much a long document is penalised. Time O(N · V) for N documents and V terms.
    """
    n_docs = counts.shape[0]
    df = (counts > 0).sum(axis=0)
    idf = np.log(1 + (n_docs - df + 0.5) / (df + 0.5))
    lengths = counts.sum(axis=1, keepdims=True)
    saturation = counts + k1 * (1 - b + b * lengths / lengths.mean())
    tf_part = np.divide(counts * (k1 + 1), saturation, out=np.zeros(counts.shape), where=counts > 0)
    return tf_part @ (idf * (query > 0))


def recall_at_k(ranked: np.ndarray, relevant: set[int], k: int) -> float:
    """Share of the relevant items found among the first k results (needs one or more)."""
    return len(set(ranked[:k].tolist()) & relevant) / len(relevant)


def ivf_search(
    index: faiss.IndexIVFFlat, queries: np.ndarray, k: int, nprobe: int
) -> tuple[np.ndarray, np.ndarray]:
    """Search only the nprobe clusters nearest each query; the results and vectors compared.

    Each query is compared with all nlist centroids, then with every vector in its nprobe
    clusters: about nlist + n · nprobe / nlist comparisons instead of n.
    """
    index.nprobe = nprobe
    _, found = index.search(queries, k)
    _, probed = index.quantizer.search(queries, nprobe)  # the clusters the search visited
    sizes = np.array([index.invlists.list_size(c) for c in range(index.nlist)])
    return found, index.nlist + sizes[probed].sum(axis=1)


def main() -> None:
    queries, relevant = list(QUERIES), list(QUERIES.values())
    tfidf = TfidfVectorizer(stop_words="english").fit(DOCS)
    X_tfidf, Q_tfidf = tfidf.transform(DOCS), tfidf.transform(queries)
    counter = CountVectorizer(stop_words="english").fit(DOCS)
    X_counts, Q_counts = counter.transform(DOCS).toarray(), counter.transform(queries).toarray()
    # Latent semantic analysis: the TF-IDF matrix squeezed into 4 dense dimensions. Words that
    # share documents (kitten and cat share document 7) end up close, so synonyms can match.
    svd = TruncatedSVD(n_components=4, random_state=0).fit(X_tfidf)
    rankings = {
        "TF-IDF": cosine_top_k(X_tfidf.toarray(), Q_tfidf.toarray(), k=len(DOCS)),
        "BM25": np.array([np.argsort(-bm25(X_counts, q), kind="stable") for q in Q_counts]),
        "LSA": cosine_top_k(svd.transform(X_tfidf), svd.transform(Q_tfidf), k=len(DOCS)),
    }
    recalls = {
        name: [recall_at_k(r, rel, k=2) for r, rel in zip(ranked, relevant, strict=True)]
        for name, ranked in rankings.items()
    }
    header = f"recall@2, {len(DOCS)} documents"
    print(f"{header:31}" + "".join(f"{name:>8}" for name in rankings))
    for i, query in enumerate(queries):
        print(f"  {query:29}" + "".join(f"{recalls[name][i]:8.2f}" for name in rankings))
    print(f"  {'mean':29}" + "".join(f"{np.mean(recalls[name]):8.3f}" for name in rankings))
    kitten = queries.index("kitten")
    for name in ("BM25", "LSA"):
        print(f"  'kitten', {name} top 2: {rankings[name][kitten][:2].tolist()}")

    # Approximate nearest neighbours: 5,000 unit vectors around 20 centres, 200 queries.
    faiss.omp_set_num_threads(1)  # one thread: the same clusters and counts on every run
    rng = np.random.default_rng(0)
    n, d, k, nlist = 5_000, 32, 10, 50
    centres = rng.normal(size=(20, d))
    X = normalise(centres[rng.integers(20, size=n)] + rng.normal(size=(n, d)))
    Q = normalise(centres[rng.integers(20, size=200)] + rng.normal(size=(200, d)))
    X, Q = X.astype(np.float32), Q.astype(np.float32)  # FAISS works in float32
    exact = cosine_top_k(X, Q, k)
    index = faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, nlist, faiss.METRIC_INNER_PRODUCT)
    index.cp.seed = 0  # k-means starts from a seeded random sample of the vectors
    index.train(X)  # k-means: nlist centroids
    index.add(X)  # each vector joins the list of its nearest centroid
    print(f"\n{n:,} vectors, {d} dims, {len(Q)} queries, top {k}, IVF with {nlist} lists")
    print(f"  exact search: recall@{k} 1.000, {n:,} vectors compared per query")
    for nprobe in (1, 2, 4, 8, 16, nlist):
        found, compared = ivf_search(index, Q, k, nprobe)
        recall = np.mean([recall_at_k(f, set(e), k) for f, e in zip(found, exact, strict=True)])
        print(
            f"  nprobe = {nprobe:2}: recall@{k} {recall:.3f}, "
            f"{compared.mean():,.0f} vectors compared per query ({compared.mean() / n:.1%})"
        )


# --8<-- [end:example]


if __name__ == "__main__":
    main()
