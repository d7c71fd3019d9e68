"""Exercise (complexity analysis): replace the body of `common_items`, then run
`make exercise NAME=common_items` until every test passes."""


def common_items(a: list[int], b: list[int]) -> list[int]:
    """Return the values found in both lists, once each, in the order they first appear in `a`.

    Examples:
        >>> common_items([3, 1, 2, 3], [2, 3, 5])
        [3, 2]
        >>> common_items([1, 2], [3, 4])
        []
        >>> common_items([], [1])
        []

    Constraints: each list can hold 10**5 items, so checking every item of `a` against every
    item of `b` (10**10 comparisons) is far too slow. Do not change `a` or `b`.

    Expected complexity: O(len(a) + len(b)) time and extra space.
    """
    raise NotImplementedError(
        "Write common_items - see the docstring; run: make exercise NAME=common_items"
    )
