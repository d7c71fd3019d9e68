"""Reference solution: the items two lists share, found with sets instead of nested loops."""


def common_items(a: list[int], b: list[int]) -> list[int]:
    """Values in both lists, once each, in order of first appearance in a.

    Time O(len(a) + len(b)), space O(len(a) + len(b)): one set of b, one set of what was kept.
    """
    in_b = set(b)  # O(1) membership instead of scanning b for each item of a
    kept: set[int] = set()
    result = []
    for value in a:
        if value in in_b and value not in kept:
            kept.add(value)
            result.append(value)
    return result
