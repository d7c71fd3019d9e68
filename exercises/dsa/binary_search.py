"""Exercise (binary search): replace the body of `binary_search`, then run
`make exercise NAME=binary_search` until every test passes."""


def binary_search(nums: list[int], target: int) -> int:
    """Return the index of `target` in `nums`, or -1 if it is not there.

    `nums` is sorted in ascending order and holds no repeated values.

    Examples:
        >>> binary_search([1, 3, 5, 7], 5)
        2
        >>> binary_search([1, 3, 5, 7], 4)
        -1
        >>> binary_search([], 1)
        -1

    Constraints: up to 10**6 items, so a scan is too slow. Do not slice `nums`: a slice copies
    items, which costs O(n) on its own.

    Expected complexity: O(log n) time, O(1) extra space.
    """
    raise NotImplementedError(
        "Write binary_search - see the docstring; run: make exercise NAME=binary_search"
    )
