"""Exercise (distributed computing): replace the bodies of `map_line`, `shuffle`,
`reduce_counts` and `word_count`, then run `make exercise NAME=word_count` until every test
passes."""


def map_line(line: str) -> list[tuple[str, int]]:
    """Map: return a (word, 1) pair for every word of one line, in order.

    The words are what `line.lower().split()` gives.

    Examples:
        >>> map_line("The cat saw the dog")
        [('the', 1), ('cat', 1), ('saw', 1), ('the', 1), ('dog', 1)]
        >>> map_line("   ")
        []
    """
    raise NotImplementedError(
        "Write map_line - see the docstring; run: make exercise NAME=word_count"
    )


def shuffle(pairs: list[tuple[str, int]], n_reducers: int) -> list[dict[str, list[int]]]:
    """Shuffle: send every (word, value) pair to one of n_reducers reducers, grouped by word.

    The pairs of word w go to reducer number `zlib.crc32(w.encode()) % n_reducers`, so equal
    words always meet at the same reducer. (Python's own hash() would not do: it salts strings
    differently in every process, so two machines would disagree.) Return a list of
    n_reducers dicts, one per reducer: {word: [its values, in the order they came]}.

    Examples:
        >>> shuffle([("the", 1), ("cat", 1), ("the", 1), ("dog", 1)], 2)
        [{'the': [1, 1], 'cat': [1]}, {'dog': [1]}]
        >>> shuffle([("a", 1)], 3)
        [{'a': [1]}, {}, {}]
    """
    raise NotImplementedError(
        "Write shuffle - see the docstring; run: make exercise NAME=word_count"
    )


def reduce_counts(groups: dict[str, list[int]]) -> dict[str, int]:
    """Reduce: return each word of one reducer's groups with the sum of its values.

    Examples:
        >>> reduce_counts({"the": [1, 1], "cat": [1]})
        {'the': 2, 'cat': 1}
    """
    raise NotImplementedError(
        "Write reduce_counts - see the docstring; run: make exercise NAME=word_count"
    )


def word_count(lines: list[str], n_reducers: int = 2) -> dict[str, int]:
    """Count the words of lines with the three phases above, the way a cluster would.

    Map every line, shuffle all the pairs to n_reducers reducers with one call to `shuffle`,
    reduce each reducer's groups on their own, then merge the reducers' results into one dict
    (no word reaches two reducers). The counts must equal those of
    `collections.Counter(word for line in lines for word in line.lower().split())`.

    Examples:
        >>> sorted(word_count(["The cat", "saw the dog"]).items())
        [('cat', 1), ('dog', 1), ('saw', 1), ('the', 2)]
        >>> word_count([])
        {}

    Constraints: up to 10**6 lines and 1 <= n_reducers <= 100. Write each phase as if it ran
    on another machine: map_line sees one line, reduce_counts one reducer's groups.

    Expected complexity: O(total words) time; the shuffle holds every pair, so O(total words)
    extra space.
    """
    raise NotImplementedError(
        "Write word_count - see the docstring; run: make exercise NAME=word_count"
    )
