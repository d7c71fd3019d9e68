from graphlib import CycleError, TopologicalSorter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from snippets.dsa.graphs import reachable, shortest_path, topological_order

NODES = "abcdefg"
node = st.sampled_from(NODES)
# Small random directed graphs: repeated edges, self-loops and cycles all occur.
graphs = st.dictionaries(node, st.lists(node, max_size=3), max_size=len(NODES))


def hop_distances(graph, start):
    """Reference: relax every edge V times (Bellman-Ford with unit weights), no queue involved."""
    dist = {start: 0}
    for _ in range(len(NODES)):
        for source, targets in graph.items():
            for target in targets:
                if source in dist and dist[source] + 1 < dist.get(target, len(NODES) + 1):
                    dist[target] = dist[source] + 1
    return dist


def assert_valid_order(order, graph):
    nodes = set(graph) | {dep for deps in graph.values() for dep in deps}
    assert sorted(order) == sorted(nodes)  # every node exactly once
    position = {step: i for i, step in enumerate(order)}
    assert all(position[dep] < position[step] for step, deps in graph.items() for dep in deps)


def test_shortest_path_examples():
    assert shortest_path({}, "a", "a") == ["a"]
    assert shortest_path({"a": ["b"]}, "a", "c") is None
    assert shortest_path({"a": ["b"]}, "b", "a") is None  # edges are directed
    assert shortest_path({"a": ["a", "b"]}, "a", "b") == ["a", "b"]
    diamond = {"a": ["b", "c"], "b": ["d"], "c": ["d"]}
    assert shortest_path(diamond, "a", "d") == ["a", "b", "d"]
    detour = {"a": ["b", "e"], "b": ["c"], "c": ["d"], "e": ["d"]}
    assert shortest_path(detour, "a", "d") == ["a", "e", "d"]


def test_reachable_examples():
    assert reachable({}, "a") == {"a"}
    assert reachable({"a": ["b"], "b": ["a"], "c": ["a"]}, "a") == {"a", "b"}


def test_topological_order_examples():
    assert topological_order({}) == []
    assert topological_order({"a": []}) == ["a"]
    assert topological_order({"b": ["a", "a"]}) == ["a", "b"]
    with pytest.raises(ValueError, match="cycle"):
        topological_order({"a": ["a"]})
    with pytest.raises(ValueError, match="cycle"):
        topological_order({"a": ["b"], "b": ["c"], "c": ["a"], "d": []})


@given(graphs, node, node)
def test_shortest_path_is_a_real_path_of_fewest_hops(graph, start, goal):
    path = shortest_path(graph, start, goal)
    expected = hop_distances(graph, start)
    if goal not in expected:
        assert path is None
    else:
        assert path[0] == start and path[-1] == goal
        assert all(b in graph.get(a, []) for a, b in zip(path, path[1:], strict=False))
        assert len(path) - 1 == expected[goal]


@given(graphs, node)
def test_reachable_matches_the_reference(graph, start):
    assert reachable(graph, start) == set(hop_distances(graph, start))


@given(graphs)
def test_topological_order_agrees_with_graphlib(graph):
    try:
        assert_valid_order(list(TopologicalSorter(graph).static_order()), graph)
    except CycleError as cycle_error:
        with pytest.raises(ValueError, match="cycle") as ours:
            topological_order(graph)
        # Every node on the cycle graphlib found is among the steps we report as blocked.
        assert all(f"'{n}'" in str(ours.value) for n in cycle_error.args[1])
        return
    assert_valid_order(topological_order(graph), graph)
