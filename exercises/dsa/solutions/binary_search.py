"""Reference solution: binary search for an exact match in sorted, distinct values."""


def binary_search(nums: list[int], target: int) -> int:
    """Index of target in the sorted list nums, or -1. Time O(log n), space O(1).

    Invariant: if target is in nums, its index lies in the half-open range [lo, hi).
    """
    lo, hi = 0, len(nums)
    while lo < hi:
        mid = (lo + hi) // 2
        value = nums[mid]
        if value == target:
            return mid
        if value < target:
            lo = mid + 1  # target, if present, is right of mid
        else:
            hi = mid  # target, if present, is left of mid
    return -1
