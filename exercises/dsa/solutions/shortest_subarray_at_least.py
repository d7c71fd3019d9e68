"""Reference solution: the shortest window reaching a sum, with a variable-size sliding window."""


def shortest_subarray_at_least(nums: list[int], target: int) -> int:
    """Length of the shortest run with sum >= target, or 0. Time O(n), space O(1).

    Each item enters the window once (right edge) and leaves it at most once (left edge).
    """
    best = 0
    total = 0
    left = 0
    for right, value in enumerate(nums):
        total += value
        while total >= target:  # shrink while the window still reaches the target
            width = right - left + 1
            best = width if best == 0 else min(best, width)
            total -= nums[left]
            left += 1
    return best
