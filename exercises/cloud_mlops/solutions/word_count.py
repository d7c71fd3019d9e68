"""Reference solution: word count as map, shuffle and reduce, with keys spread over reducers."""

import zlib
from collections import defaultdict


def map_line(line: str) -> list[tuple[str, int]]:
    """(word, 1) for every word of the line. Time O(length of the line)."""
    return [(word, 1) for word in line.lower().split()]


def shuffle(pairs: list[tuple[str, int]], n_reducers: int) -> list[dict[str, list[int]]]:
    """Group the values by word, each word at reducer crc32(word) % n_reducers. Time O(pairs).

    crc32 gives the same number for a word on every machine and in every run.
    """
    reducers: list[defaultdict[str, list[int]]] = [defaultdict(list) for _ in range(n_reducers)]
    for word, value in pairs:
        reducers[zlib.crc32(word.encode()) % n_reducers][word].append(value)
    return [dict(groups) for groups in reducers]


def reduce_counts(groups: dict[str, list[int]]) -> dict[str, int]:
    """The sum of each word's values. Time O(values)."""
    return {word: sum(values) for word, values in groups.items()}


def word_count(lines: list[str], n_reducers: int = 2) -> dict[str, int]:
    """Word counts through map, shuffle and reduce. Time and extra space O(total words)."""
    pairs = [pair for line in lines for pair in map_line(line)]  # map: each line on its own
    counts: dict[str, int] = {}
    for groups in shuffle(pairs, n_reducers):  # reduce: each reducer on its own
        counts.update(reduce_counts(groups))  # the reducers hold disjoint words
    return counts
