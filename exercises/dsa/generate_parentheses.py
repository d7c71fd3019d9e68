"""Exercise (recursion and backtracking): replace the body of `generate_parentheses`, then run
`make exercise NAME=generate_parentheses` until every test passes."""


def generate_parentheses(n: int) -> list[str]:
    """Return every string of n pairs of correctly nested parentheses, sorted.

    Correctly nested means that, reading left to right, no ")" closes more pairs than have
    been opened, and every "(" is closed by the end. Sorted means Python's order for strings,
    where "(" comes before ")".

    Examples:
        >>> generate_parentheses(2)
        ['(())', '()()']
        >>> generate_parentheses(3)
        ['((()))', '(()())', '(())()', '()(())', '()()()']
        >>> generate_parentheses(0)
        ['']

    Constraints: 0 <= n <= 10. For n = 10 there are 16 796 answers among 2**20 strings of
    brackets: build only valid prefixes (backtracking) instead of filtering all of them.

    Expected complexity: time proportional to n times the number of answers; O(n) space for
    the recursion besides the answers.
    """
    raise NotImplementedError(
        "Write generate_parentheses - see the docstring; "
        "run: make exercise NAME=generate_parentheses"
    )
