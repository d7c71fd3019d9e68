"""Cycles and study order of the prerequisite graph (roadmap.graph)."""

import pytest

from roadmap.graph import find_cycles, reverse_edges, topological_order


def test_a_cycle_stops_the_study_order_with_a_message_that_says_so():
    with pytest.raises(ValueError) as raised:
        topological_order({"a": ["b"], "b": ["a"], "c": []})
    assert str(raised.value) == "the prerequisite graph has a cycle"


def test_each_skill_comes_after_its_prerequisites_and_ties_go_by_key():
    graph = {"d": ["b", "c"], "c": ["a"], "b": ["a"], "a": [], "e": ["outside"]}
    assert topological_order(graph) == ["a", "b", "c", "d", "e"]
    assert topological_order(graph, key=lambda node: -ord(node)) == ["e", "a", "c", "b", "d"]


def test_cycles_are_reported_once_each_from_their_first_node_in_name_order():
    graph = {"a": ["b"], "b": ["c", "a"], "c": ["b"], "d": ["d"], "e": []}
    assert find_cycles(graph) == [["a", "b", "a"], ["b", "c", "b"], ["d", "d"]]


def test_what_each_skill_unlocks_is_listed_sorted():
    assert reverse_edges({"c": ["a"], "b": ["a"], "a": [], "d": ["gone"]}) == {
        "c": [],
        "b": [],
        "a": ["b", "c"],
        "d": [],
    }
