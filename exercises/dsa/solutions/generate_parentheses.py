"""Reference solution: all nested parenthesis strings by backtracking over valid prefixes."""


def generate_parentheses(n: int) -> list[str]:
    """Every string of n nested pairs, sorted. Time O(n · answers), recursion depth 2n.

    A prefix stays valid while it opens at most n pairs and never closes more than it opened;
    trying "(" before ")" produces the answers already in sorted order.
    """
    answers: list[str] = []
    prefix: list[str] = []

    def extend(opened: int, closed: int) -> None:
        if len(prefix) == 2 * n:  # base case: a complete string
            answers.append("".join(prefix))
            return
        for char, allowed in (("(", opened < n), (")", closed < opened)):
            if allowed:
                prefix.append(char)  # choose
                extend(opened + (char == "("), closed + (char == ")"))  # explore
                prefix.pop()  # un-choose, so the next option starts from the same prefix

    extend(0, 0)
    return answers
