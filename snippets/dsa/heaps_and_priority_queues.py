"""Top-k items from a stream of scores with a size-k min-heap, checked against sorting."""

# --8<-- [start:example]
import heapq
from collections.abc import Iterable


def top_k(scored: Iterable[tuple[float, str]], k: int) -> list[tuple[float, str]]:
    """The k highest (score, item) pairs, best first.

    Time O(n log k), space O(k): the heap never holds more than k pairs.
    """
    if k <= 0:
        return []
    heap: list[tuple[float, str]] = []  # min-heap: heap[0] is the weakest of the best so far
    for pair in scored:
        if len(heap) < k:
            heapq.heappush(heap, pair)
        elif pair > heap[0]:
            heapq.heapreplace(heap, pair)  # pop the weakest and push the newcomer in one step
    return sorted(heap, reverse=True)  # O(k log k) to put the survivors in order


def main() -> None:
    # (model score, item id) pairs, as a recommender's ranking step would produce them.
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
    print(f"same as sorted(): {best == sorted(model_scores, reverse=True)[:3]}")
    print(f"same as heapq.nlargest: {best == heapq.nlargest(3, model_scores)}")

    # Event times from three log shards, each already sorted: merge them lazily.
    shards = [[1, 4, 9], [2, 3, 10], [5]]
    merged = list(heapq.merge(*shards))
    everything = [t for shard in shards for t in shard]
    print(f"merged shards: {merged} (same as sorted(): {merged == sorted(everything)})")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
