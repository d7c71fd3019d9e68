"""BM25 from scratch: an inverted index over a tiny song catalogue, scored for a search query."""

# --8<-- [start:example]
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass


def tokenize(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


@dataclass
class Index:
    postings: dict[str, dict[int, int]]  # term -> {doc id: term frequency}
    lengths: list[int]  # document lengths in tokens

    @property
    def avg_length(self) -> float:
        return sum(self.lengths) / len(self.lengths)


def build_index(docs: list[str]) -> Index:
    """Inverted index: for each term, the documents that contain it. Time O(total tokens)."""
    postings: dict[str, dict[int, int]] = defaultdict(dict)
    lengths = []
    for doc_id, doc in enumerate(docs):
        tokens = tokenize(doc)
        lengths.append(len(tokens))
        for term, tf in Counter(tokens).items():
            postings[term][doc_id] = tf
    return Index(dict(postings), lengths)


def idf(n_docs: int, df: int) -> float:
    """Rare terms weigh more; this form (as in Lucene) never goes negative."""
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))


def term_score(tf: int, length: int, avg_length: float, k1: float, b: float) -> float:
    """Saturating term frequency (k1), normalised by document length (b)."""
    return tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / avg_length))


def bm25(query: str, index: Index, k1: float = 1.2, b: float = 0.75) -> dict[int, float]:
    """BM25 score of every document containing a query term.

    Time O(sum of the query terms' posting-list lengths): documents without a query term are
    never touched, which is why search engines keep an inverted index.
    """
    scores: dict[int, float] = defaultdict(float)
    for term in tokenize(query):
        docs = index.postings.get(term, {})
        weight = idf(len(index.lengths), len(docs))
        for doc_id, tf in docs.items():
            scores[doc_id] += weight * term_score(
                tf, index.lengths[doc_id], index.avg_length, k1, b
            )
    return dict(scores)


def bm25_scan(query: str, docs: list[str], k1: float = 1.2, b: float = 0.75) -> dict[int, float]:
    """The same scores by scanning every document, without an index. Time O(total tokens)."""
    tokenized = [tokenize(doc) for doc in docs]
    avg_length = sum(map(len, tokenized)) / len(tokenized)
    scores = {}
    for doc_id, tokens in enumerate(tokenized):
        counts = Counter(tokens)
        matched = [term for term in tokenize(query) if counts[term]]
        if matched:
            scores[doc_id] = sum(
                idf(len(docs), sum(term in t for t in tokenized))
                * term_score(counts[term], len(tokens), avg_length, k1, b)
                for term in matched
            )
    return scores


def main() -> None:
    songs = [
        "Love Me Do",
        "All You Need Is Love",
        "Love Love Love",
        "Tum Hi Ho",
        "Summer of Love and Sunshine on the Long Road Home",
        "Do You Love Me",
    ]
    index = build_index(songs)
    query = "love me"
    scores = bm25(query, index)
    print(f"query {query!r}: {len(scores)} of {len(songs)} songs contain a query term")
    for doc_id, score in sorted(scores.items(), key=lambda item: -item[1]):
        print(f"  {score:.3f}  {songs[doc_id]}")
    scan = bm25_scan(query, songs)
    same = scan.keys() == scores.keys() and all(math.isclose(scan[d], scores[d]) for d in scan)
    print(f"index and full scan agree: {same}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
