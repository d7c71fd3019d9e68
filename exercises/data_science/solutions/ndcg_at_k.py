"""Reference solution: NDCG@k of one ranked list, the ranking metric of search."""

import heapq
import math


def dcg(relevance_in_ranked_order: list[float]) -> float:
    """Discounted cumulative gain: the item at position i counts 1 / log2(i + 1) of itself."""
    return sum(
        relevance / math.log2(position + 1)
        for position, relevance in enumerate(relevance_in_ranked_order, start=1)
    )


def ndcg_at_k(relevance: list[float], k: int) -> float:
    """DCG@k of the given order over DCG@k of the best order. Time O(n log k), space O(k).

    Only the k largest values matter for the ideal order, so a heap of size k replaces a
    full sort.
    """
    ideal = dcg(heapq.nlargest(k, relevance))
    if ideal == 0:
        return 0.0  # nothing relevant: no order is better than another
    return float(dcg(list(relevance[:k])) / ideal)
