"""Reference solution: the k-th largest value with a size-k min-heap."""

import heapq


def kth_largest(nums: list[int], k: int) -> int:
    """k-th largest value, repeats counted. Time O(n log k), space O(k).

    The heap holds the k largest values seen so far; its root, the smallest of them, is the
    k-th largest, and a new value only gets in by beating it.
    """
    heap = nums[:k]
    heapq.heapify(heap)  # O(k)
    for value in nums[k:]:
        if value > heap[0]:
            heapq.heapreplace(heap, value)  # pop the root and push value in one O(log k) step
    return heap[0]
