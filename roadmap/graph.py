"""The prerequisite graph: cycles, a stable study order, and what each skill unlocks."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence


def find_cycles(graph: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Every elementary cycle found by depth-first search, each once, as [a, b, ..., a].

    `graph` maps a node to the nodes it depends on. Nodes are visited in sorted order so
    the report is the same on every run.
    """
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(graph, WHITE)
    cycles: list[list[str]] = []
    seen: set[frozenset[str]] = set()

    for start in sorted(graph):
        if colour[start] != WHITE:
            continue
        path: list[str] = [start]
        stack = [iter(sorted(graph[start]))]
        colour[start] = GREY
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                colour[path.pop()] = BLACK  # pragma: no mutate (only WHITE and GREY are tested)
            elif colour.get(child) == GREY:
                cycle = path[path.index(child) :] + [child]
                if frozenset(cycle) not in seen:
                    seen.add(frozenset(cycle))
                    cycles.append(cycle)
            elif colour.get(child) == WHITE:
                colour[child] = GREY
                path.append(child)
                stack.append(iter(sorted(graph[child])))
    return cycles


def topological_order(
    graph: Mapping[str, Sequence[str]], key: Callable[[str], object] = str
) -> list[str]:
    """Nodes ordered so that each comes after its prerequisites; ties broken by `key`.

    Prerequisites outside `graph` are ignored (a track's order only looks inside the track).
    Raises ValueError on a cycle; validation reports cycles before this is ever called.
    """
    inside = {node: [p for p in deps if p in graph] for node, deps in graph.items()}
    waiting = {node: len(deps) for node, deps in inside.items()}
    unlocks: dict[str, list[str]] = {node: [] for node in graph}
    for node, deps in inside.items():
        for dep in deps:
            unlocks[dep].append(node)
    ready = [(key(node), node) for node, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        _, node = heapq.heappop(ready)
        order.append(node)
        for child in unlocks[node]:
            waiting[child] -= 1
            if waiting[child] == 0:
                heapq.heappush(ready, (key(child), child))
    if len(order) != len(graph):
        raise ValueError("the prerequisite graph has a cycle")
    return order


def reverse_edges(graph: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """For each node, the nodes that list it as a prerequisite (what it unlocks), sorted."""
    unlocks: dict[str, list[str]] = {node: [] for node in graph}
    for node, deps in graph.items():
        for dep in deps:
            if dep in unlocks:
                unlocks[dep].append(node)
    return {node: sorted(children) for node, children in unlocks.items()}
