"""Recursion and backtracking: subsets, permutations, N-queens, the recursion limit, memoisation."""

# --8<-- [start:example]
from functools import cache
from itertools import combinations, permutations


def all_subsets(items: list[str]) -> list[list[str]]:
    """Every subset, by choosing to take or skip each item: O(n·2ⁿ) time, O(n) stack depth."""
    subsets: list[list[str]] = []
    chosen: list[str] = []

    def explore(i: int) -> None:
        if i == len(items):  # base case: every item decided
            subsets.append(chosen.copy())
            return
        chosen.append(items[i])  # choose: take items[i] ...
        explore(i + 1)
        chosen.pop()  # ... un-choose, then explore skipping it
        explore(i + 1)

    explore(0)
    return subsets


def all_orders(items: list[str]) -> list[list[str]]:
    """Every permutation, by picking each unused item next: O(n·n!) time, O(n) depth."""
    orders: list[list[str]] = []
    order: list[str] = []
    used = [False] * len(items)

    def explore() -> None:
        if len(order) == len(items):
            orders.append(order.copy())
            return
        for i, item in enumerate(items):
            if not used[i]:
                used[i] = True
                order.append(item)
                explore()
                order.pop()
                used[i] = False

    explore()
    return orders


def n_queens(n: int) -> list[list[int]]:
    """Every way to place n queens, none attacking another; solution[row] is the column.

    Backtracking prunes a partial board as soon as two queens clash, so it visits far fewer
    than the n! placements with one queen per row and column. Worst case O(n!) time.
    """
    solutions: list[list[int]] = []
    columns: list[int] = []

    def safe(col: int) -> bool:
        row = len(columns)
        return all(c != col and abs(c - col) != row - r for r, c in enumerate(columns))

    def place() -> None:
        if len(columns) == n:
            solutions.append(columns.copy())
            return
        for col in range(n):
            if safe(col):
                columns.append(col)
                place()
                columns.pop()

    place()
    return solutions


def depth_of(nested: list) -> int:
    """How deeply lists nest, by recursion: one stack frame per level, O(total items) time."""
    return 1 + max((depth_of(item) for item in nested if isinstance(item, list)), default=0)


def depth_with_stack(nested: list) -> int:
    """The same answer with an explicit stack of (list, level): no recursion limit applies."""
    deepest, stack = 0, [(nested, 1)]
    while stack:
        items, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((item, level + 1) for item in items if isinstance(item, list))
    return deepest


def count_paths(rows: int, cols: int, memoise: bool) -> tuple[int, int]:
    """Paths through a grid moving only right or down, and the number of calls it took.

    Plain recursion solves the same sub-grids again and again: exponential time. Memoised,
    each (rows, cols) is computed once: O(rows·cols) time and space, dynamic programming.
    """
    calls = 0

    def paths(r: int, c: int) -> int:
        nonlocal calls
        calls += 1
        if r == 1 or c == 1:  # base case: a single row or column has one path
            return 1
        return paths(r - 1, c) + paths(r, c - 1)

    if memoise:
        paths = cache(paths)  # the recursive calls inside now go through the cache too
    return paths(rows, cols), calls


def main() -> None:
    features = ["age", "income", "clicks"]
    subsets = all_subsets(features)
    same = sorted(subsets) == sorted(list(c) for r in range(4) for c in combinations(features, r))
    print(f"{len(subsets)} feature subsets of {features} (itertools agrees: {same})")
    orders = all_orders(features)
    same = orders == [list(order) for order in permutations(features)]
    print(f"{len(orders)} orders (itertools agrees: {same})")
    print(f"6 queens: {len(n_queens(6))} solutions, first {n_queens(6)[0]}")

    deep: list = []
    for _ in range(5000):  # 5000 nested lists: deeper than the default limit of 1000 frames
        deep = [deep]
    try:
        depth_of(deep)
    except RecursionError:
        print(f"depth_of: RecursionError; depth_with_stack: {depth_with_stack(deep)}")

    for memoise in (False, True):
        total, calls = count_paths(12, 12, memoise)
        print(f"paths in a 12x12 grid: {total}, memoise={memoise}: {calls} calls")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
