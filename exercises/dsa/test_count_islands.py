"""Tests for exercises/dsa/count_islands.py. Run them with: make exercise NAME=count_islands"""

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def count_islands(exercise):
    return exercise.count_islands


def union_find_islands(grid):
    """The reference: merge neighbouring land cells with union-find, no search at all."""
    parent = {}

    def root(cell):
        while parent[cell] != cell:
            cell = parent[cell]
        return cell

    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if value == 1:
                parent[(r, c)] = (r, c)
                for neighbour in ((r - 1, c), (r, c - 1)):
                    if neighbour in parent:
                        parent[root(neighbour)] = root((r, c))
    return len({root(cell) for cell in parent})


CASES = [
    pytest.param([[1, 1, 0], [0, 1, 0], [0, 0, 1]], 2, "an L shape and a corner cell", id="two"),
    pytest.param([[1, 0], [0, 1]], 2, "diagonal neighbours do not connect", id="diagonal"),
    pytest.param([], 0, "a grid with no rows has no land", id="no-rows"),
    pytest.param([[]], 0, "a grid with no columns has no land", id="no-columns"),
    pytest.param([[0, 0], [0, 0]], 0, "only water", id="all-water"),
    pytest.param([[1, 1], [1, 1]], 1, "all land is one island", id="all-land"),
    pytest.param([[1, 0, 1, 0, 1]], 3, "a single row", id="one-row"),
    pytest.param([[1], [0], [1]], 2, "a single column", id="one-column"),
    pytest.param(
        [[1, 1, 1], [1, 0, 1], [1, 1, 1]], 1, "a ring around a lake is one island", id="ring"
    ),
    pytest.param(
        [[1, 0, 1], [1, 0, 1], [1, 1, 1]],
        1,
        "a U shape joins at the bottom: search in every direction, up too",
        id="u-shape",
    ),
]


@pytest.mark.parametrize(("grid", "expected", "why"), CASES)
def test_examples(count_islands, grid, expected, why):
    got = count_islands(copy.deepcopy(grid))
    assert got == expected, f"count_islands({grid}) should be {expected}: {why}"


def test_leaves_the_grid_unchanged(count_islands):
    grid = [[1, 1, 0], [0, 1, 0], [0, 0, 1]]
    count_islands(grid)
    assert grid == [[1, 1, 0], [0, 1, 0], [0, 0, 1]], (
        "count_islands changed its input; keep a set of visited cells instead"
    )


def test_one_huge_island(count_islands):
    grid = [[1] * 200 for _ in range(200)]
    try:
        got = count_islands(grid)
    except RecursionError:
        pytest.fail(
            "RecursionError: an island of 40 000 cells is deeper than Python's recursion "
            "limit; keep the cells to visit in a list (a stack) or a collections.deque"
        )
    assert got == 1, "a 200 x 200 grid of land is one island"


# Random rectangular grids of up to 6 x 6 cells.
grids = st.integers(0, 6).flatmap(
    lambda cols: st.lists(st.lists(st.integers(0, 1), min_size=cols, max_size=cols), max_size=6)
)


@settings(max_examples=50, deadline=None)
@given(grids)
def test_agrees_with_union_find(count_islands, grid):
    expected = union_find_islands(grid)
    got = count_islands(copy.deepcopy(grid))
    assert got == expected, f"count_islands({grid}) should be {expected}"
