"""Exercise (dynamic programming): replace the body of `longest_increasing_subsequence`, then
run `make exercise NAME=longest_increasing_subsequence` until every test passes."""


def longest_increasing_subsequence(nums: list[int]) -> int:
    """Return the length of the longest strictly increasing subsequence of `nums`.

    A subsequence keeps the items' order but may skip items: [2, 3, 7, 18] is one in
    [10, 9, 2, 5, 3, 7, 101, 18]. "Strictly" means each item is larger than the one before.

    Examples:
        >>> longest_increasing_subsequence([10, 9, 2, 5, 3, 7, 101, 18])
        4
        >>> longest_increasing_subsequence([7, 7, 7])
        1
        >>> longest_increasing_subsequence([])
        0

    Constraints: up to 2500 items. There are 2**n subsequences, so trying them all is out.

    Expected complexity: O(n²) time and O(n) space with a table where best[i] is the length
    of the longest increasing subsequence that ends at nums[i]. (An O(n log n) method exists.)
    """
    raise NotImplementedError(
        "Write longest_increasing_subsequence - see the docstring; "
        "run: make exercise NAME=longest_increasing_subsequence"
    )
