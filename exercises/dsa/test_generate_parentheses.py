"""Tests for exercises/dsa/generate_parentheses.py.
Run them with: make exercise NAME=generate_parentheses"""

from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def generate_parentheses(exercise):
    return exercise.generate_parentheses


def nested(text):
    depth = 0
    for char in text:
        depth += 1 if char == "(" else -1
        if depth < 0:
            return False
    return depth == 0


def filter_every_string(n):
    """The brute force: all 2**(2n) strings of brackets, keeping the nested ones."""
    return sorted(s for s in map("".join, product("()", repeat=2 * n)) if nested(s))


CASES = [
    pytest.param(0, [""], "zero pairs: only the empty string", id="zero-pairs"),
    pytest.param(1, ["()"], "one pair", id="one-pair"),
    pytest.param(2, ["(())", "()()"], "nested, or side by side", id="two-pairs"),
    pytest.param(
        3,
        ["((()))", "(()())", "(())()", "()(())", "()()()"],
        "five strings, sorted with ( before )",
        id="three-pairs",
    ),
]


def check(generate_parentheses, n, expected, why=""):
    got = generate_parentheses(n)
    missing = sorted(set(expected) - set(got))
    extra = sorted(set(got) - set(expected))
    assert not missing, f"generate_parentheses({n}) misses {missing[:5]}{why}"
    assert not extra, f"generate_parentheses({n}) should not contain {extra[:5]}{why}"
    assert len(got) == len(expected), f"generate_parentheses({n}) repeats some strings"
    assert got == expected, f"generate_parentheses({n}) is not sorted: return sorted(...)"


@pytest.mark.parametrize(("n", "expected", "why"), CASES)
def test_examples(generate_parentheses, n, expected, why):
    check(generate_parentheses, n, expected, f": {why}")


@pytest.mark.parametrize(("n", "count"), [(5, 42), (8, 1430), (10, 16796)])
def test_counts(generate_parentheses, n, count):
    got = generate_parentheses(n)
    assert len(got) == count == len(set(got)), (
        f"there are {count} strings of {n} nested pairs; got {len(got)}, {len(set(got))} distinct"
    )
    assert all(nested(text) for text in got), (
        f"a string from generate_parentheses({n}) is not nested"
    )


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 6))
def test_agrees_with_filtering_every_string(generate_parentheses, n):
    check(generate_parentheses, n, filter_every_string(n), " (all strings, filtered)")
