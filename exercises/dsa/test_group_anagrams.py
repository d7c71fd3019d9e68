"""Tests for exercises/dsa/group_anagrams.py. Run them with: make exercise NAME=group_anagrams"""

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def group_anagrams(exercise):
    return exercise.group_anagrams


def pairwise_groups(words):
    """The slow reference: compare each word's letter counts with each group's first word."""
    groups = []
    for word in words:
        for group in groups:
            if Counter(group[0]) == Counter(word):
                group.append(word)
                break
        else:
            groups.append([word])
    return groups


CASES = [
    pytest.param(
        ["tea", "eat", "tan", "ate", "nat", "bat"],
        [["tea", "eat", "ate"], ["tan", "nat"], ["bat"]],
        "three groups, in the order their first word appears",
        id="classic",
    ),
    pytest.param([], [], "no words, no groups", id="no-words"),
    pytest.param(["a"], [["a"]], "one word is a group of its own", id="one-word"),
    pytest.param(["ab", "ba", "ab"], [["ab", "ba", "ab"]], "repeats stay in", id="repeats"),
    pytest.param(["", "", "a"], [["", ""], ["a"]], "the empty word is a word", id="empty-word"),
    pytest.param(
        ["aab", "abb", "bab"],
        [["aab"], ["abb", "bab"]],
        "same letters but different counts are not anagrams",
        id="letter-counts-matter",
    ),
    pytest.param(["ab", "abc"], [["ab"], ["abc"]], "lengths differ", id="different-lengths"),
]


@pytest.mark.parametrize(("words", "expected", "why"), CASES)
def test_examples(group_anagrams, words, expected, why):
    got = group_anagrams(list(words))
    assert got == expected, f"group_anagrams({words}) should be {expected}: {why}"


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(alphabet="abc", max_size=4), max_size=20))
def test_agrees_with_pairwise_comparison(group_anagrams, words):
    expected = pairwise_groups(words)
    got = group_anagrams(list(words))
    assert got == expected, f"group_anagrams({words}) should be {expected}"
