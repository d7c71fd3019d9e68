from graphlib import CycleError, TopologicalSorter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from snippets.dsa.graph_traversal import reachable, shortest_path, topological_order

NODES = "abcdefg"
graphs = st.dictionaries(
    st.sampled_from(NODES), st.lists(st.sampled_from(NODES), max_size=3), max_size=7
)


def distances(graph, start):
    """Bellman-Ford style relaxation over unit edges: a slow but obviously correct reference."""
    dist = {start: 0}
    for _ in range(len(NODES)):
        for node, neighbours in graph.items():
            for n in neighbours:
                if node in dist and dist[node] + 1 < dist.get(n, 99):
                    dist[n] = dist[node] + 1
    return dist


def test_shortest_path_examples():
    assert shortest_path({}, "a", "a") == ["a"]
    assert shortest_path({"a": ["b"]}, "a", "c") is None
    assert shortest_path({"a": ["b", "c"], "b": ["d"], "c": ["d"]}, "a", "d") == ["a", "b", "d"]


@given(graphs, st.sampled_from(NODES), st.sampled_from(NODES))
def test_shortest_path_is_a_real_path_of_minimal_length(graph, start, goal):
    path = shortest_path(graph, start, goal)
    expected = distances(graph, start)
    if goal not in expected:
        assert path is None
    else:
        assert path[0] == start and path[-1] == goal
        assert all(b in graph.get(a, []) for a, b in zip(path, path[1:], strict=False))
        assert len(path) - 1 == expected[goal]


@given(graphs, st.sampled_from(NODES))
def test_reachable_matches_the_reference(graph, start):
    assert reachable(graph, start) == set(distances(graph, start))


@given(graphs)
def test_topological_order_is_valid_or_a_cycle_is_reported_like_graphlib(graph):
    try:
        list(TopologicalSorter(graph).static_order())
    except CycleError:
        with pytest.raises(ValueError, match="cycle"):
            topological_order(graph)
        return
    order = topological_order(graph)
    position = {node: i for i, node in enumerate(order)}
    assert len(position) == len(order)
    assert all(position[dep] < position[node] for node, deps in graph.items() for dep in deps)
