"""Dynamic programming: edit distance in two rows of memory, and the fewest coins for an amount."""

# --8<-- [start:example]


def edit_distance(source: str, target: str) -> int:
    """Fewest single-character inserts, deletes or substitutions turning source into target.

    Time O(m·n), space O(n): only the previous row of the table is kept.
    """
    previous = list(range(len(target) + 1))  # from "" to each prefix of target: j inserts
    for i, s_char in enumerate(source, start=1):
        current = [i]  # from source[:i] to "": i deletes
        for j, t_char in enumerate(target, start=1):
            current.append(
                min(
                    previous[j] + 1,  # delete s_char
                    current[j - 1] + 1,  # insert t_char
                    previous[j - 1] + (s_char != t_char),  # substitute, free if equal
                )
            )
        previous = current
    return previous[-1]


def fewest_coins(coins: list[int], amount: int) -> int | None:
    """Fewest coins adding up to amount, or None if impossible: O(amount·len(coins)) time."""
    best: list[int | None] = [0] + [None] * amount
    for value in range(1, amount + 1):
        options = [best[value - c] for c in coins if c <= value and best[value - c] is not None]
        best[value] = min(options) + 1 if options else None
    return best[amount]


def main() -> None:
    labels = ["pneumonia", "pnuemonia", "pneumothorax"]
    for label in labels[1:]:
        print(f"edit_distance({labels[0]!r}, {label!r}) = {edit_distance(labels[0], label)}")
    print(f"fewest coins for 11 with [1, 2, 5]: {fewest_coins([1, 2, 5], 11)}")
    print(f"fewest coins for 3 with [2]: {fewest_coins([2], 3)}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
