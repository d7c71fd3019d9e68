"""Big-O in data code: count the work of a nested-loop join, a hash join and pandas apply."""

# --8<-- [start:example]
import pandas as pd

Row = tuple[int, float]  # (customer id, value)
Joined = tuple[int, float, float]  # (customer id, left value, right value)


def nested_loop_join(left: list[Row], right: list[Row]) -> tuple[list[Joined], int]:
    """Compare every pair: O(n·m) time, O(1) extra space. Returns (joined rows, comparisons)."""
    joined: list[Joined] = []
    comparisons = 0
    for key, a in left:
        for other_key, b in right:
            comparisons += 1
            if key == other_key:
                joined.append((key, a, b))
    return joined, comparisons


def hash_join(left: list[Row], right: list[Row]) -> tuple[list[Joined], int]:
    """Index `right`, then probe it: O(n + m + output) time, O(m) memory. Returns (rows, steps)."""
    index: dict[int, list[float]] = {}
    for key, b in right:
        index.setdefault(key, []).append(b)  # one step per row of `right`
    joined = [(key, a, b) for key, a in left for b in index.get(key, [])]
    return joined, len(right) + len(left)  # one step per row of `left`


def main() -> None:
    print("   n  nested-loop comparisons  hash-join steps  same rows as pandas merge")
    for n in (100, 200, 400, 800):
        orders = [(i % (n // 2), float(i)) for i in range(n)]  # n orders from n/2 customers
        customers = [(c, float(c % 7)) for c in range(n // 2)]
        slow, comparisons = nested_loop_join(orders, customers)
        fast, steps = hash_join(orders, customers)
        left = pd.DataFrame(orders, columns=["customer", "amount"])
        merged = left.merge(pd.DataFrame(customers, columns=["customer", "segment"]))
        same = sorted(slow) == sorted(fast) == sorted(merged.itertuples(index=False, name=None))
        print(f"{n:>4}  {comparisons:>23}  {steps:>15}  {same}")

    calls = 0

    def add_tax(amount: float) -> float:
        nonlocal calls
        calls += 1
        return amount * 1.25

    df = pd.DataFrame({"amount": [float(i) for i in range(1000)]})
    by_apply = df["amount"].apply(add_tax)  # one Python function call per row
    vectorised = df["amount"] * 1.25  # one call into compiled code for the whole column
    same = by_apply.equals(vectorised)
    print(f"1000 rows: apply made {calls} Python calls, the vectorised version 0; same: {same}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
