"""Exercise (graphs): replace the body of `count_islands`, then run
`make exercise NAME=count_islands` until every test passes."""


def count_islands(grid: list[list[int]]) -> int:
    """Return the number of islands in a map of land (1) and water (0).

    Land cells belong to the same island when they touch up, down, left or right; touching
    only at a corner does not connect them. Each cell is a node of a graph whose edges join
    neighbouring land cells, and an island is a connected component.

    Examples:
        >>> count_islands([[1, 1, 0], [0, 1, 0], [0, 0, 1]])
        2
        >>> count_islands([[1, 0], [0, 1]])
        2
        >>> count_islands([])
        0

    Constraints: the grid is rectangular, with up to 300 rows and 300 columns (possibly none).
    One island can hold 90 000 cells, far deeper than Python's recursion limit: explore with
    an explicit stack or a queue, not with recursion. Do not change `grid`.

    Expected complexity: O(rows·cols) time and space: each cell is visited once.
    """
    raise NotImplementedError(
        "Write count_islands - see the docstring; run: make exercise NAME=count_islands"
    )
