"""Tests for exercises/cloud_mlops/word_count.py. Run them with: make exercise NAME=word_count"""

import zlib
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def map_line(exercise):
    return exercise.map_line


@pytest.fixture(scope="module")
def shuffle(exercise):
    return exercise.shuffle


@pytest.fixture(scope="module")
def reduce_counts(exercise):
    return exercise.reduce_counts


@pytest.fixture(scope="module")
def word_count(exercise):
    return exercise.word_count


MAP_CASES = [
    pytest.param("the cat", [("the", 1), ("cat", 1)], "one pair per word", id="two-words"),
    pytest.param(
        "The THE the", [("the", 1)] * 3, "lower-case every word; repeats stay", id="lower-case"
    ),
    pytest.param(
        "  a\tb\n", [("a", 1), ("b", 1)], "any run of whitespace separates words", id="whitespace"
    ),
    pytest.param("", [], "an empty line has no words", id="empty"),
]


@pytest.mark.parametrize(("line", "expected", "why"), MAP_CASES)
def test_map_line(map_line, line, expected, why):
    got = map_line(line)
    assert list(got) == expected, f"map_line({line!r}) should be {expected}: {why}"


SHUFFLE_CASES = [
    pytest.param(
        [("a", 1), ("b", 1), ("a", 1)],
        1,
        [{"a": [1, 1], "b": [1]}],
        "one reducer gets every word",
        id="one-reducer",
    ),
    pytest.param(
        [("the", 1), ("cat", 1), ("the", 1), ("dog", 1)],
        2,
        [{"the": [1, 1], "cat": [1]}, {"dog": [1]}],
        "crc32 sends 'the' and 'cat' to reducer 0, 'dog' to reducer 1",
        id="two-reducers",
    ),
    pytest.param(
        [("a", 1)],
        3,
        [{"a": [1]}, {}, {}],
        "one dict per reducer, even an empty one",
        id="idle-reducers",
    ),
    pytest.param(
        [("a", 2), ("a", 5)], 1, [{"a": [2, 5]}], "values keep their order", id="values-in-order"
    ),
    pytest.param([], 2, [{}, {}], "no pairs: every reducer is idle", id="no-pairs"),
]


@pytest.mark.parametrize(("pairs", "n_reducers", "expected", "why"), SHUFFLE_CASES)
def test_shuffle(shuffle, pairs, n_reducers, expected, why):
    got = shuffle(list(pairs), n_reducers)
    assert list(got) == expected, f"shuffle({pairs}, {n_reducers}) should be {expected}: {why}"


@pytest.mark.parametrize(
    ("groups", "expected", "why"),
    [
        pytest.param(
            {"the": [1, 1], "cat": [1]}, {"the": 2, "cat": 1}, "sum each word's values", id="sums"
        ),
        pytest.param(
            {"a": [2, 3]}, {"a": 5}, "values other than 1 add up too", id="partial-counts"
        ),
        pytest.param({}, {}, "an idle reducer returns nothing", id="idle"),
    ],
)
def test_reduce_counts(reduce_counts, groups, expected, why):
    got = reduce_counts(dict(groups))
    assert got == expected, f"reduce_counts({groups}) should be {expected}: {why}"


@pytest.mark.parametrize(
    ("lines", "expected", "why"),
    [
        pytest.param(
            ["The cat", "saw the dog"],
            {"the": 2, "cat": 1, "saw": 1, "dog": 1},
            "'The' and 'the' are one word",
            id="two-lines",
        ),
        pytest.param([], {}, "no lines, no words", id="no-lines"),
        pytest.param(["", "  "], {}, "blank lines have no words", id="blank-lines"),
    ],
)
def test_word_count_examples(word_count, lines, expected, why):
    got = word_count(list(lines))
    assert got == expected, f"word_count({lines}) should be {expected}: {why}"


def test_word_count_shuffles_once_to_n_reducers(word_count, exercise, monkeypatch):
    calls = []
    real_shuffle = exercise.shuffle

    def watched_shuffle(pairs, n_reducers):
        calls.append(n_reducers)
        return real_shuffle(pairs, n_reducers)

    monkeypatch.setattr(exercise, "shuffle", watched_shuffle)
    got = word_count(["a b", "b"], 3)
    assert got == {"a": 1, "b": 2}, "word_count(['a b', 'b'], 3) should be {'a': 1, 'b': 2}"
    assert calls == [3], (
        f"word_count(lines, 3) should call shuffle(pairs, 3) exactly once; calls: {calls}"
    )


words = st.sampled_from(["the", "The", "cat", "CAT", "dog", "a", "b", "data", "spark"])
lines = st.lists(words, max_size=8).map(" ".join)


@settings(max_examples=50, deadline=None)
@given(st.lists(lines, max_size=10), st.integers(1, 4))
def test_word_count_agrees_with_counter(word_count, lines, n_reducers):
    expected = dict(Counter(word for line in lines for word in line.lower().split()))
    got = word_count(list(lines), n_reducers)
    assert got == expected, (
        f"word_count({lines}, {n_reducers}) should be {expected}, as collections.Counter counts"
    )


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(words, st.integers(1, 3)), max_size=20), st.integers(1, 4))
def test_shuffle_sends_each_word_to_its_reducer(shuffle, pairs, n_reducers):
    got = shuffle(list(pairs), n_reducers)
    assert len(got) == n_reducers, f"shuffle(..., {n_reducers}) should return {n_reducers} dicts"
    for number, groups in enumerate(got):
        for word, values in groups.items():
            assert zlib.crc32(word.encode()) % n_reducers == number, (
                f"{word!r} belongs at reducer {zlib.crc32(word.encode()) % n_reducers}, "
                f"not {number}"
            )
            expected = [value for w, value in pairs if w == word]
            assert values == expected, (
                f"reducer {number} should hold {word!r}: {expected}, its values in order"
            )
    assert sum(len(values) for groups in got for values in groups.values()) == len(pairs), (
        "every pair should reach exactly one reducer"
    )
