"""Dynamic programming: edit distance in one row of memory, and the fewest coins for an amount."""

# --8<-- [start:example]


def edit_distance(a: str, b: str) -> int:
    """Fewest single-character inserts, deletes or substitutions that turn a into b.

    Time O(m·n), space O(min(m, n)): only the previous row of the table is kept.
    """
    if len(b) > len(a):
        a, b = b, a  # the distance is symmetric, so let the row run over the shorter string
    previous = list(range(len(b) + 1))  # from "" to each prefix of b: j inserts
    for i, a_char in enumerate(a, start=1):
        current = [i]  # from a[:i] to "": i deletes
        for j, b_char in enumerate(b, start=1):
            current.append(
                min(
                    previous[j] + 1,  # delete a_char
                    current[j - 1] + 1,  # insert b_char
                    previous[j - 1] + (a_char != b_char),  # substitute, free if equal
                )
            )
        previous = current
    return previous[-1]


def fewest_coins(coins: list[int], amount: int) -> int | None:
    """Fewest coins adding up to amount, or None if impossible.

    Time O(amount·len(coins)), space O(amount): best[v] is the answer for the value v.
    """
    best: list[int | None] = [0] + [None] * amount
    for value in range(1, amount + 1):
        options = [best[value - c] for c in coins if c <= value and best[value - c] is not None]
        best[value] = min(options) + 1 if options else None
    return best[amount]


def main() -> None:
    # Fuzzy label matching: map a misspelt annotation to the closest known class name.
    classes = ["pneumonia", "pneumothorax", "normal"]
    noisy = "pnuemonia"
    for name in classes:
        print(f"edit_distance({noisy!r}, {name!r}) = {edit_distance(noisy, name)}")
    print(f"closest class: {min(classes, key=lambda name: edit_distance(noisy, name))}")
    # Greedy (largest coin first) would pay 6 as 4 + 1 + 1; the table finds 3 + 3.
    print(f"fewest coins for 6 with [1, 3, 4]: {fewest_coins([1, 3, 4], 6)}")
    print(f"fewest coins for 3 with [2]: {fewest_coins([2], 3)}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
