"""Reference solution: longest increasing subsequence by bottom-up dynamic programming."""


def longest_increasing_subsequence(nums: list[int]) -> int:
    """Length of the longest strictly increasing subsequence. Time O(n²), space O(n).

    Recurrence: best[i] = 1 + max(best[j] for j < i with nums[j] < nums[i]), or 1 if none.
    """
    best: list[int] = []
    for i, value in enumerate(nums):
        best.append(1 + max((best[j] for j in range(i) if nums[j] < value), default=0))
    return max(best, default=0)
