"""Tests for exercises/dsa/is_valid_bst.py. Run them with: make exercise NAME=is_valid_bst"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def is_valid_bst(exercise):
    return exercise.is_valid_bst


@pytest.fixture(scope="module")
def build(exercise):
    """Turn a nested tuple (value, left, right), or None, into the exercise's TreeNode."""

    def build(shape):
        if shape is None:
            return None
        value, left, right = shape
        return exercise.TreeNode(value, build(left), build(right))

    return build


def in_order(shape):
    """The reference: the values of a nested-tuple tree, left subtree first."""
    if shape is None:
        return []
    value, left, right = shape
    return [*in_order(left), value, *in_order(right)]


def brute_force(shape):
    values = in_order(shape)
    return all(a < b for a, b in zip(values, values[1:], strict=False))


def leaf(value):
    return (value, None, None)


CASES = [
    pytest.param((2, leaf(1), leaf(3)), True, "1 < 2 < 3", id="small-valid"),
    pytest.param(None, True, "an empty tree is a valid BST", id="empty"),
    pytest.param(leaf(7), True, "a single node is a valid BST", id="single-node"),
    pytest.param((2, leaf(3), leaf(1)), False, "the children are swapped", id="swapped"),
    pytest.param(
        (5, leaf(1), (4, leaf(3), leaf(6))),
        False,
        "4 is in the right subtree of 5 but smaller than 5",
        id="right-child-too-small",
    ),
    pytest.param(
        (5, (3, None, leaf(6)), leaf(8)),
        False,
        "6 is in the LEFT subtree of 5, so it must be smaller than 5: "
        "comparing each node with its children only misses this",
        id="grandchild-breaks-the-rule",
    ),
    pytest.param(
        (5, leaf(1), (8, leaf(4), None)),
        False,
        "4 is in the right subtree of 5: it must be larger than 5, not just smaller than 8",
        id="deep-left-of-right",
    ),
    pytest.param((2, leaf(2), None), False, "repeated values are not allowed", id="repeat-left"),
    pytest.param((2, None, leaf(2)), False, "repeated values are not allowed", id="repeat-right"),
    pytest.param(
        (8, (4, leaf(2), leaf(6)), (12, leaf(10), leaf(14))),
        True,
        "a full tree in order 2, 4, 6, 8, 10, 12, 14",
        id="full-valid",
    ),
]


@pytest.mark.parametrize(("shape", "expected", "why"), CASES)
def test_examples(is_valid_bst, build, shape, expected, why):
    got = is_valid_bst(build(shape))
    assert got is expected, f"is_valid_bst should return {expected} for {shape}: {why}"


@pytest.mark.parametrize("valid", [True, False], ids=["valid", "invalid-at-the-bottom"])
def test_a_chain_deeper_than_the_recursion_limit(is_valid_bst, exercise, valid):
    root = node = exercise.TreeNode(0)
    for value in range(1, 5000):  # inserting sorted values: every node is a right child
        node.right = exercise.TreeNode(value)
        node = node.right
    if not valid:
        node.right = exercise.TreeNode(-1)
    try:
        got = is_valid_bst(root)
    except RecursionError:
        pytest.fail(
            "RecursionError on a 5000-node chain: recursion goes past Python's limit of about "
            "1000 frames; keep the nodes still to visit on a list used as a stack"
        )
    chain = "0, 1, ..., 4999" + ("" if valid else ", then -1 as the last right child")
    assert got is valid, f"is_valid_bst should return {valid} for the chain {chain}"


# Random shapes: None (an empty subtree) or (value, left, right).
shapes = st.recursive(
    st.none(),
    lambda inner: st.tuples(st.integers(0, 9), inner, inner),
    max_leaves=10,
)


def insert(shape, value):
    """Insert into a nested-tuple BST, ignoring repeats: builds valid trees to test too."""
    if shape is None:
        return leaf(value)
    root, left, right = shape
    if value < root:
        return (root, insert(left, value), right)
    if value > root:
        return (root, left, insert(right, value))
    return shape


def insert_all(values):
    shape = None
    for value in values:
        shape = insert(shape, value)
    return shape


valid_shapes = st.lists(st.integers(0, 30), max_size=12).map(insert_all)


@settings(max_examples=50, deadline=None)
@given(st.one_of(shapes, valid_shapes))
def test_agrees_with_an_in_order_walk(is_valid_bst, build, shape):
    expected = brute_force(shape)
    got = is_valid_bst(build(shape))
    assert got is expected, f"is_valid_bst should return {expected} for {shape}"
