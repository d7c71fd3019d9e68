"""Exercise (heaps and priority queues): replace the body of `kth_largest`, then run
`make exercise NAME=kth_largest` until every test passes."""


def kth_largest(nums: list[int], k: int) -> int:
    """Return the k-th largest value in `nums`: k=1 is the maximum.

    Repeated values count separately: in [5, 5, 1] the first and second largest are both 5.

    Examples:
        >>> kth_largest([3, 2, 1, 5, 6, 4], 2)
        5
        >>> kth_largest([3, 2, 3, 1, 2, 4, 5, 5, 6], 4)
        4
        >>> kth_largest([7], 1)
        7

    Constraints: 1 <= k <= len(nums) <= 10**5. Do not sort the whole list, and do not change
    `nums`.

    Expected complexity: O(n log k) time, O(k) extra space, with a min-heap of the k largest
    values seen so far (module `heapq`).
    """
    raise NotImplementedError(
        "Write kth_largest - see the docstring; run: make exercise NAME=kth_largest"
    )
