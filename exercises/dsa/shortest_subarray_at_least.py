"""Exercise (two pointers and sliding window): replace the body of `shortest_subarray_at_least`,
then run `make exercise NAME=shortest_subarray_at_least` until every test passes."""


def shortest_subarray_at_least(nums: list[int], target: int) -> int:
    """Return the length of the shortest run of adjacent items whose sum is at least `target`.

    Return 0 when even the whole list falls short. Every number in `nums` is positive, so
    widening a window never lowers its sum and narrowing it never raises it.

    Examples:
        >>> shortest_subarray_at_least([2, 3, 1, 2, 4, 3], 7)
        2
        >>> shortest_subarray_at_least([1, 4, 4], 4)
        1
        >>> shortest_subarray_at_least([1, 1, 1], 5)
        0

    Constraints: up to 10**5 items, each between 1 and 10**4; target >= 1.

    Expected complexity: O(n) time, O(1) extra space: a window whose two edges only move
    forward, with a running sum.
    """
    raise NotImplementedError(
        "Write shortest_subarray_at_least - see the docstring; "
        "run: make exercise NAME=shortest_subarray_at_least"
    )
