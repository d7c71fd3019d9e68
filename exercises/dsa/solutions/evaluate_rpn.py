"""Reference solution: evaluate reverse Polish notation with a stack."""

OPERATIONS = {
    "+": lambda left, right: left + right,
    "-": lambda left, right: left - right,
    "*": lambda left, right: left * right,
}


def evaluate_rpn(tokens: list[str]) -> int:
    """Value of a valid RPN expression. Time O(n), space O(n) for the stack."""
    stack: list[int] = []
    for token in tokens:
        if token in OPERATIONS:
            right = stack.pop()  # the last value pushed is the right-hand operand
            left = stack.pop()
            stack.append(OPERATIONS[token](left, right))
        else:
            stack.append(int(token))
    return stack.pop()
