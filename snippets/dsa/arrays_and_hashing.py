"""One-pass lookups and counting with Python's hash tables (dict, set, Counter)."""

# --8<-- [start:example]
from collections import Counter, defaultdict
from itertools import combinations


def two_sum(values: list[int], target: int) -> tuple[int, int] | None:
    """Indices (i, j), i < j, of the first pair summing to target: O(n) time, O(n) space."""
    seen: dict[int, int] = {}  # value -> index where it was seen
    for j, value in enumerate(values):
        i = seen.get(target - value)
        if i is not None:
            return i, j
        seen.setdefault(value, j)
    return None


def group_by_label(rows: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Group (item, label) rows under each label: O(n) time and space."""
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for item, label in rows:
        groups[label].append(item)
    return dict(groups)


def main() -> None:
    latencies = [40, 15, 72, 25, 60]
    pair = two_sum(latencies, 100)
    brute = next(
        (i, j)
        for i, j in combinations(range(len(latencies)), 2)
        if latencies[i] + latencies[j] == 100
    )
    print(f"two_sum -> {pair}, brute force -> {brute}")

    rows = [("a.jpg", "cat"), ("b.jpg", "dog"), ("c.jpg", "cat"), ("d.jpg", "cat")]
    print(f"groups: {group_by_label(rows)}")
    print(f"label counts: {Counter(label for _, label in rows).most_common()}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
