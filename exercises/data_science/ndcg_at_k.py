"""Exercise (evaluation metrics): replace the body of `ndcg_at_k`, then run
`make exercise NAME=ndcg_at_k` until every test passes."""


def ndcg_at_k(relevance: list[float], k: int) -> float:
    """Return the NDCG@k of one ranked list: how close its top k come to the best order.

    `relevance[i]` is the graded relevance (0 = useless, higher = better) of the item that the
    system put at position i + 1. Only the first k positions count:

    - DCG@k = the sum, over positions i = 1 .. k, of the relevance at position i / log2(i + 1);
    - the ideal DCG@k is the DCG@k of the same values sorted from most to least relevant;
    - NDCG@k = DCG@k / ideal DCG@k, from 0 to 1. When every relevance is 0 it is 0.0.

    When k is larger than the list, every item counts. For lists of two or more items this is
    `sklearn.metrics.ndcg_score([relevance], [scores], k=k)` with scores that rank the items in
    the order given.

    Examples:
        >>> ndcg_at_k([3, 2, 1], 3)
        1.0
        >>> round(ndcg_at_k([0, 1], 2), 4)
        0.6309
        >>> ndcg_at_k([0, 0, 1], 2)
        0.0

    Constraints: 1 <= k; from 1 to 10**5 items, every relevance >= 0. Do not change
    `relevance`, and do not call scikit-learn: the tests compare your answers with it.

    Expected complexity: O(n log n) time for sorting, or O(n log k) with `heapq.nlargest`;
    O(n) extra space.
    """
    raise NotImplementedError(
        "Write ndcg_at_k - see the docstring; run: make exercise NAME=ndcg_at_k"
    )
