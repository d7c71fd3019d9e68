"""Breadth-first search, depth-first search and topological order on small graphs."""

# --8<-- [start:example]
from collections import deque
from graphlib import TopologicalSorter

Graph = dict[str, list[str]]


def shortest_path(graph: Graph, start: str, goal: str) -> list[str] | None:
    """Fewest-hops path from start to goal by BFS: O(V + E) time, O(V) space."""
    parent: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path = []
            while node is not None:
                path.append(node)
                node = parent[node]
            return path[::-1]
        for neighbour in graph.get(node, []):
            if neighbour not in parent:
                parent[neighbour] = node
                queue.append(neighbour)
    return None


def reachable(graph: Graph, start: str) -> set[str]:
    """Every node reachable from start, by iterative DFS: O(V + E) time, O(V) space."""
    seen, stack = {start}, [start]
    while stack:
        for neighbour in graph.get(stack.pop(), []):
            if neighbour not in seen:
                seen.add(neighbour)
                stack.append(neighbour)
    return seen


def topological_order(depends_on: Graph) -> list[str]:
    """Steps ordered after their dependencies (Kahn): O(V + E). Raises ValueError on a cycle."""
    nodes = set(depends_on) | {d for deps in depends_on.values() for d in deps}
    waiting = {n: len(set(depends_on.get(n, []))) for n in nodes}
    users: Graph = {n: [] for n in nodes}
    for node, deps in depends_on.items():
        for dep in set(deps):
            users[dep].append(node)
    ready = deque(sorted(n for n in nodes if waiting[n] == 0))
    order = []
    while ready:
        node = ready.popleft()
        order.append(node)
        for user in sorted(users[node]):
            waiting[user] -= 1
            if waiting[user] == 0:
                ready.append(user)
    if len(order) != len(nodes):
        raise ValueError(f"cycle among: {sorted(n for n in nodes if waiting[n] > 0)}")
    return order


def main() -> None:
    links = {"ana": ["bo", "cy"], "bo": ["di"], "cy": ["di", "ed"], "di": ["fay"], "ed": ["fay"]}
    print(f"fewest hops ana -> fay: {shortest_path(links, 'ana', 'fay')}")
    print(f"reachable from cy: {sorted(reachable(links, 'cy'))}")

    pipeline = {
        "clean": ["ingest"],
        "features": ["clean"],
        "train": ["features"],
        "evaluate": ["train", "features"],
        "deploy": ["evaluate"],
    }
    order = topological_order(pipeline)
    print(f"pipeline order: {order}")
    print(f"graphlib order: {list(TopologicalSorter(pipeline).static_order())}")
    try:
        topological_order({"train": ["evaluate"], "evaluate": ["train"]})
    except ValueError as error:
        print(f"refused: {error}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
