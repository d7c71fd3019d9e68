"""Tests for exercises/dsa/merge_sorted_lists.py.
Run them with: make exercise NAME=merge_sorted_lists"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def merge(exercise):
    return exercise.merge_sorted_lists


@pytest.fixture(scope="module")
def build(exercise):
    """Build a linked list from values with the exercise's own ListNode class."""

    def build(values):
        head = None
        for value in reversed(values):
            head = exercise.ListNode(value, head)
        return head

    return build


def nodes_of(head, limit):
    """The nodes of a list, in order; stops with a clear message on a cycle."""
    nodes = []
    while head is not None:
        nodes.append(head)
        assert len(nodes) <= limit, "the result has more nodes than the inputs: is there a loop?"
        head = head.next
    return nodes


def check(merge, build, a, b, why=""):
    list_a, list_b = build(a), build(b)
    given_nodes = nodes_of(list_a, len(a)) + nodes_of(list_b, len(b))
    result = nodes_of(merge(list_a, list_b), len(a) + len(b))
    expected = sorted(a + b)
    values = [node.value for node in result]
    assert values == expected, f"merging {a} and {b} should give {expected}{why}"
    assert {id(node) for node in result} == {id(node) for node in given_nodes}, (
        "every node of the result must be one of the given nodes: relink them, "
        "don't create new ones (and don't return a placeholder node)"
    )


CASES = [
    pytest.param([1, 3, 5], [2, 3, 4], ": interleave the nodes", id="interleaved"),
    pytest.param([], [], ": two empty lists merge into None", id="both-empty"),
    pytest.param([], [1, 2], ": an empty a leaves b", id="a-empty"),
    pytest.param([1, 2], [], ": an empty b leaves a", id="b-empty"),
    pytest.param([1, 2], [3, 4], ": all of a comes first", id="a-before-b"),
    pytest.param([5, 6], [1, 2], ": all of b comes first", id="b-before-a"),
    pytest.param([1, 9], [2, 3, 4, 5], ": b's nodes fill the gap", id="long-gap"),
    pytest.param([-3, 0], [-5, 0], ": negative values and a tie", id="negatives"),
]


@pytest.mark.parametrize(("a", "b", "why"), CASES)
def test_examples(merge, build, a, b, why):
    check(merge, build, a, b, why)


def test_ties_take_the_node_from_a_first(merge, build):
    list_a, list_b = build([2]), build([2])
    head = merge(list_a, list_b)
    assert head is list_a and head.next is list_b, (
        "on equal values the node from a comes first (a stable merge)"
    )


def test_long_lists(merge, build):
    a, b = list(range(0, 10000, 2)), list(range(1, 10000, 2))
    try:
        check(merge, build, a, b)
    except RecursionError:
        pytest.fail(
            "RecursionError on two 5000-node lists: one recursive call per node goes past "
            "Python's recursion limit; walk the lists with a loop"
        )


sorted_values = st.lists(st.integers(-20, 20), max_size=15).map(sorted)


@settings(max_examples=50, deadline=None)
@given(sorted_values, sorted_values)
def test_agrees_with_sorted(merge, build, a, b):
    check(merge, build, a, b, " (the sorted values of both)")
