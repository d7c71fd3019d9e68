from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.cloud_mlops.distributed_computing import (
    map_phase,
    reduce_phase,
    shuffle_phase,
    start_spark,
    tokenize,
    word_count,
    word_count_spark,
)

# PySpark 4 warns that its pandas support predates pandas 3; these tests never touch pandas.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support:FutureWarning")

lines = st.lists(st.text(alphabet="abc XYZ 019,.-\n\tÉé", max_size=30), max_size=12)


@pytest.fixture(scope="module")
def spark():
    """One Spark session for the whole module: starting one takes seconds."""
    session = start_spark()
    yield session
    session.stop()


def test_tokenize_lowercases_and_splits_on_anything_else():
    assert tokenize("S3, Spark & HDFS-2!") == ["s3", "spark", "hdfs", "2"]
    assert tokenize("  ...  ") == []


def test_each_phase_by_hand():
    pairs = list(map_phase(["a b", "b"]))
    assert pairs == [("a", 1), ("b", 1), ("b", 1)]
    groups = shuffle_phase(pairs)
    assert groups == {"a": [1], "b": [1, 1]}
    assert reduce_phase(groups) == {"a": 1, "b": 2}


def test_no_lines_no_words():
    assert word_count([]) == {}
    assert word_count(["", "!!"]) == {}


@settings(max_examples=50, deadline=None)
@given(lines)
def test_mapreduce_agrees_with_counter(text_lines):
    expected = Counter(word for line in text_lines for word in tokenize(line))
    assert word_count(text_lines) == dict(expected)


@settings(max_examples=50, deadline=None)
@given(lines, st.integers(0, 12))
def test_the_order_and_split_of_lines_do_not_matter(text_lines, cut):
    # Map tasks may run on any machine in any order: the result must not depend on it.
    first, second = text_lines[:cut], text_lines[cut:]
    merged = Counter(word_count(first)) + Counter(word_count(second))
    assert word_count(list(reversed(text_lines))) == dict(merged)


@pytest.mark.parametrize(
    "text_lines",
    [
        ["the cat", "The dog, the END"],
        ["", "   ", "a a a b"],
        ["S3 logs: 3 TB", "logs logs", "tb"],
    ],
)
def test_spark_agrees_with_plain_python(spark, text_lines):
    assert word_count_spark(spark, text_lines) == word_count(text_lines)


def test_spark_with_no_lines(spark):
    assert word_count_spark(spark, []) == {}
