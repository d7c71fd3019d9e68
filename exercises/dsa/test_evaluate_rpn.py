"""Tests for exercises/dsa/evaluate_rpn.py. Run them with: make exercise NAME=evaluate_rpn"""

import operator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def evaluate_rpn(exercise):
    return exercise.evaluate_rpn


CASES = [
    pytest.param(["2", "3", "+", "4", "*"], 20, "(2 + 3) * 4", id="add-then-multiply"),
    pytest.param(
        ["5", "1", "2", "+", "4", "*", "+", "3", "-"], 14, "5 + (1 + 2) * 4 - 3", id="longer"
    ),
    pytest.param(["42"], 42, "a lone number is its own value", id="single-number"),
    pytest.param(["-3"], -3, '"-3" is a number, not an operator', id="negative-number"),
    pytest.param(
        ["7", "2", "-"], 5, "7 - 2: the first value popped is the RIGHT operand", id="order"
    ),
    pytest.param(["2", "-5", "*"], -10, "2 * -5", id="multiply-negative"),
    pytest.param(["1", "2", "3", "4", "+", "+", "+"], 10, "1 + (2 + (3 + 4))", id="deep-stack"),
    pytest.param(["10", "3", "-", "2", "-"], 5, "(10 - 3) - 2", id="subtract-twice"),
]


@pytest.mark.parametrize(("tokens", "expected", "why"), CASES)
def test_examples(evaluate_rpn, tokens, expected, why):
    got = evaluate_rpn(list(tokens))
    assert got == expected, f"evaluate_rpn({tokens}) should be {expected}: {why}"


# Random expression trees: a number, or (operator, left, right).
expressions = st.recursive(
    st.integers(-20, 20),
    lambda inner: st.tuples(st.sampled_from("+-*"), inner, inner),
    max_leaves=12,
)


def to_rpn(tree):
    if isinstance(tree, int):
        return [str(tree)]
    symbol, left, right = tree
    return [*to_rpn(left), *to_rpn(right), symbol]


def to_infix(tree):
    if isinstance(tree, int):
        return str(tree)
    symbol, left, right = tree
    return f"({to_infix(left)} {symbol} {to_infix(right)})"


def value_of(tree):
    """The reference: evaluate the tree itself, recursively, with no stack of tokens."""
    if isinstance(tree, int):
        return tree
    symbol, left, right = tree
    apply = {"+": operator.add, "-": operator.sub, "*": operator.mul}[symbol]
    return apply(value_of(left), value_of(right))


@settings(max_examples=50, deadline=None)
@given(expressions)
def test_agrees_with_evaluating_the_expression_tree(evaluate_rpn, tree):
    tokens, expected = to_rpn(tree), value_of(tree)
    got = evaluate_rpn(tokens)
    assert got == expected, f"evaluate_rpn({tokens}) should be {expected}: {to_infix(tree)}"
