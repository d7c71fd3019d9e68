"""Top-k items from a stream of scores with a size-k min-heap, checked against sorting."""

# --8<-- [start:example]
import heapq
from collections.abc import Iterable


def top_k(scored: Iterable[tuple[float, str]], k: int) -> list[tuple[float, str]]:
    """The k highest (score, item) pairs, best first: O(n log k) time, O(k) space."""
    if k <= 0:
        return []
    heap: list[tuple[float, str]] = []  # min-heap: the weakest of the current best is heap[0]
    for pair in scored:
        if len(heap) < k:
            heapq.heappush(heap, pair)
        elif pair > heap[0]:
            heapq.heapreplace(heap, pair)  # drop the weakest, add the newcomer
    return sorted(heap, reverse=True)


def main() -> None:
    model_scores = [
        (0.12, "song-a"),
        (0.91, "song-b"),
        (0.45, "song-c"),
        (0.77, "song-d"),
        (0.91, "song-e"),
        (0.05, "song-f"),
        (0.66, "song-g"),
    ]
    best = top_k(model_scores, 3)
    print(f"top 3: {best}")
    print(f"same as sorting: {best == sorted(model_scores, reverse=True)[:3]}")
    print(f"same as heapq.nlargest: {best == heapq.nlargest(3, model_scores)}")
    shards = [[1, 4, 9], [2, 3, 10], [5]]
    print(f"merged sorted shards: {list(heapq.merge(*shards))}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
