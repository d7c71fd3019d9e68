"""NDCG, the ranking metric of search and recommendation, from scratch and against scikit-learn."""

# --8<-- [start:example]
import numpy as np
from sklearn.metrics import ndcg_score


def dcg(relevance_in_ranked_order: np.ndarray, k: int | None = None) -> float:
    """Discounted cumulative gain: relevance at rank i counts 1/log2(i + 1). Time O(k)."""
    gains = np.asarray(relevance_in_ranked_order, dtype=float)[:k]
    discounts = np.log2(np.arange(2, len(gains) + 2))
    return float(np.sum(gains / discounts))


def ndcg(relevance: np.ndarray, scores: np.ndarray, k: int | None = None) -> float:
    """DCG of the ranking by score, divided by the best possible DCG. Time O(n log n)."""
    ranked = np.asarray(relevance)[np.argsort(-np.asarray(scores), kind="stable")]
    ideal = dcg(np.sort(relevance)[::-1], k)
    return dcg(ranked, k) / ideal if ideal > 0 else 0.0


def main() -> None:
    # Graded relevance of five songs for one search query (3 = exactly what was asked for),
    # and two models' scores for them.
    relevance = np.array([3, 2, 0, 1, 0])
    model_a = np.array([0.9, 0.7, 0.6, 0.4, 0.1])  # ranks the two best songs first
    model_b = np.array([0.2, 0.9, 0.8, 0.5, 0.4])  # buries the best song
    for name, scores in (("model A", model_a), ("model B", model_b)):
        mine = ndcg(relevance, scores, k=3)
        theirs = ndcg_score([relevance], [scores], k=3)
        print(f"{name}: NDCG@3 = {mine:.3f} (scikit-learn: {theirs:.3f})")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
