"""Two pointers on sorted data and sliding windows over a series, each in one O(n) pass."""

# --8<-- [start:example]


def pair_with_sum(sorted_values: list[int], target: int) -> tuple[int, int] | None:
    """Indices (i, j), i < j, with values summing to target: O(n) time, O(1) space."""
    i, j = 0, len(sorted_values) - 1
    while i < j:
        total = sorted_values[i] + sorted_values[j]
        if total == target:
            return i, j
        if total < target:
            i += 1  # only a larger left value can help
        else:
            j -= 1  # only a smaller right value can help
    return None


def rolling_sums(values: list[int], k: int) -> list[int]:
    """Sum of every window of k consecutive values: O(n) time, O(1) extra space."""
    if k <= 0 or k > len(values):
        return []
    window = sum(values[:k])
    sums = [window]
    for right in range(k, len(values)):
        window += values[right] - values[right - k]  # one value enters, one leaves
        sums.append(window)
    return sums


def longest_without_repeat(items: list[str]) -> int:
    """Length of the longest stretch with no repeated item: O(n) time, O(n) space."""
    last_seen: dict[str, int] = {}
    left = best = 0
    for right, item in enumerate(items):
        if last_seen.get(item, -1) >= left:
            left = last_seen[item] + 1  # move past the earlier copy
        last_seen[item] = right
        best = max(best, right - left + 1)
    return best


def main() -> None:
    scores = [1, 3, 4, 6, 8, 11]
    print(f"pair summing to 10: indices {pair_with_sum(scores, 10)}")

    daily_signups = [5, 2, 7, 1, 3, 9, 4]
    brute = [sum(daily_signups[i : i + 3]) for i in range(len(daily_signups) - 2)]
    print(f"3-day rolling sums: {rolling_sums(daily_signups, 3)} (brute force: {brute})")

    sessions = ["ana", "bo", "cy", "bo", "di", "ed", "ana"]
    print(f"longest run of distinct users: {longest_without_repeat(sessions)}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
