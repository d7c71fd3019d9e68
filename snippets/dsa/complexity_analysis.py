"""Counting the work of a quadratic and a linear duplicate check as the input grows."""

# --8<-- [start:example]


def has_duplicate_quadratic(ids: list[int]) -> tuple[bool, int]:
    """Compare every pair: O(n²) time, O(1) extra space. Returns (answer, comparisons)."""
    comparisons = 0
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            comparisons += 1
            if ids[i] == ids[j]:
                return True, comparisons
    return False, comparisons


def has_duplicate_linear(ids: list[int]) -> tuple[bool, int]:
    """Remember what was seen in a set: O(n) time, O(n) space. Returns (answer, lookups)."""
    seen: set[int] = set()
    lookups = 0
    for feature_id in ids:
        lookups += 1
        if feature_id in seen:
            return True, lookups
        seen.add(feature_id)
    return False, lookups


def main() -> None:
    previous = None
    for n in (10, 100, 1000):
        ids = list(range(n))  # no duplicates: the worst case for both functions
        slow, pairs = has_duplicate_quadratic(ids)
        fast, lookups = has_duplicate_linear(ids)
        growth = "" if previous is None else f", pairs grew x{pairs / previous:.0f}"
        print(f"n={n:>4}: duplicate={slow}/{fast}, pairs={pairs:>6}, set lookups={lookups}{growth}")
        previous = pairs


# --8<-- [end:example]


if __name__ == "__main__":
    main()
