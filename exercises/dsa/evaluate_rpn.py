"""Exercise (stacks and queues): replace the body of `evaluate_rpn`, then run
`make exercise NAME=evaluate_rpn` until every test passes."""


def evaluate_rpn(tokens: list[str]) -> int:
    """Return the value of an expression in reverse Polish notation (operators after operands).

    A token is an integer such as "3" or "-2", or one of the operators "+", "-" and "*". Each
    operator applies to the two values before it: ["7", "2", "-"] means 7 - 2.

    Examples:
        >>> evaluate_rpn(["2", "3", "+", "4", "*"])  # (2 + 3) * 4
        20
        >>> evaluate_rpn(["5", "1", "2", "+", "4", "*", "+", "3", "-"])  # 5 + (1 + 2) * 4 - 3
        14
        >>> evaluate_rpn(["-3"])
        -3

    Constraints: the expression is always valid; up to 10**4 tokens.

    Expected complexity: O(n) time, O(n) space, with a stack of the values waiting for an
    operator.
    """
    raise NotImplementedError(
        "Write evaluate_rpn - see the docstring; run: make exercise NAME=evaluate_rpn"
    )
