"""Binary search: the first position where a value fits in sorted data, in O(log n) steps."""

# --8<-- [start:example]
from bisect import bisect_left


def lower_bound(items: list[int], target: int) -> int:
    """Index of the first item >= target, or len(items) if there is none.

    Time O(log n), space O(1). Invariant: the answer always lies in [lo, hi].
    """
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] < target:
            lo = mid + 1  # everything up to mid is too small
        else:
            hi = mid  # mid could be the answer; keep it in range
    return lo


def count_in_range(timestamps: list[int], start: int, end: int) -> int:
    """How many sorted timestamps fall in [start, end): two searches, no scan."""
    return max(0, lower_bound(timestamps, end) - lower_bound(timestamps, start))


def main() -> None:
    # Sorted event times (seconds) from a log, as a data pipeline would see them.
    timestamps = [3, 8, 8, 15, 21, 21, 21, 34, 55, 89]
    for target in (8, 22, 100):
        index = lower_bound(timestamps, target)
        expected = bisect_left(timestamps, target)
        print(f"first index with time >= {target}: {index} (bisect_left: {expected})")
    print(f"events in [8, 34): {count_in_range(timestamps, 8, 34)}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
