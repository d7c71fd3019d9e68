"""Graph search: BFS fewest hops, DFS reachability and a topological order by Kahn's algorithm."""

# --8<-- [start:example]
from collections import deque
from graphlib import TopologicalSorter

Graph = dict[str, list[str]]  # adjacency dict: node -> the nodes its edges point to


def shortest_path(graph: Graph, start: str, goal: str) -> list[str] | None:
    """Fewest-hops path from start to goal by BFS, or None: O(V + E) time, O(V) space."""
    parent = {start: start}  # also the visited set: a node gets a parent when first reached
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for neighbour in graph.get(node, []):
            if neighbour not in parent:
                parent[neighbour] = node
                queue.append(neighbour)
    if goal not in parent:
        return None
    path = [goal]
    while path[-1] != start:  # walk back along the parents
        path.append(parent[path[-1]])
    return path[::-1]


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
    """Every step after its dependencies (Kahn's algorithm): O(V + E) time and space.

    Raises ValueError if a cycle means some steps can never run.
    """
    missing: dict[str, int] = {}  # step -> how many of its dependencies have not run yet
    users: Graph = {}  # dependency -> the steps waiting for it
    for step, deps in depends_on.items():
        missing[step] = len(set(deps))
        for dep in dict.fromkeys(deps):  # drop repeated edges, keep their order
            users.setdefault(dep, []).append(step)
            missing.setdefault(dep, 0)
    ready = deque(step for step, count in missing.items() if count == 0)
    order = []
    while ready:
        step = ready.popleft()
        order.append(step)
        for user in users.get(step, []):
            missing[user] -= 1
            if missing[user] == 0:
                ready.append(user)
    if len(order) < len(missing):
        blocked = [step for step, count in missing.items() if count > 0]
        raise ValueError(f"cycle: these steps can never run: {blocked}")
    return order


def main() -> None:
    # Feature lineage: an edge points from a column to the columns computed from it.
    lineage: Graph = {
        "events": ["clicks", "session_length"],
        "clicks": ["ctr"],
        "ctr": ["ctr_7d"],
        "ctr_7d": ["ranker_input"],
        "session_length": ["ranker_input"],
    }
    print(f"fewest hops: {shortest_path(lineage, 'events', 'ranker_input')}")
    print(f"affected if clicks changes: {sorted(reachable(lineage, 'clicks'))}")

    pipeline: Graph = {  # step -> the steps it depends on
        "ingest": [],
        "clean": ["ingest"],
        "features": ["clean"],
        "train": ["features"],
        "evaluate": ["train", "features"],
        "deploy": ["evaluate"],
    }
    order = topological_order(pipeline)
    valid = all(order.index(d) < order.index(s) for s, deps in pipeline.items() for d in deps)
    print(f"pipeline order: {order} (valid: {valid})")
    print(f"graphlib order: {list(TopologicalSorter(pipeline).static_order())}")
    try:  # a feature computed from evaluation results closes a loop
        topological_order(pipeline | {"features": ["clean", "evaluate"]})
    except ValueError as error:
        print(f"refused: {error}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
