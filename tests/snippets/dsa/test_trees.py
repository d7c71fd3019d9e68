from collections import deque

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.tree import DecisionTreeClassifier

from snippets.dsa.trees import (
    Trie,
    in_order,
    insert,
    leaf_of,
    level_order,
    post_order,
    pre_order,
)

keys = st.lists(st.integers(-30, 30), max_size=25)


def build(values):
    root = None
    for value in values:
        root = insert(root, value)
    return root


def iterative_orders(root):
    """References with explicit stacks and a queue instead of recursion."""
    pre, stack = [], [root] if root else []
    while stack:
        node = stack.pop()
        pre.append(node.value)
        stack += [child for child in (node.right, node.left) if child]
    # Post-order is the reverse of a pre-order that visits the right subtree first.
    post, stack = [], [root] if root else []
    while stack:
        node = stack.pop()
        post.append(node.value)
        stack += [child for child in (node.left, node.right) if child]
    levels, queue = {}, deque([(root, 0)] if root else [])
    while queue:
        node, depth = queue.popleft()
        levels.setdefault(depth, []).append(node.value)
        queue += [(child, depth + 1) for child in (node.left, node.right) if child]
    return pre, post[::-1], [levels[d] for d in sorted(levels)]


def test_small_tree_and_empty_tree():
    root = build([2, 1, 3, 2])  # the repeated 2 is ignored
    assert (in_order(root), pre_order(root), post_order(root)) == ([1, 2, 3], [2, 1, 3], [1, 3, 2])
    assert level_order(root) == [[2], [1, 3]]
    assert in_order(None) == pre_order(None) == post_order(None) == level_order(None) == []


@settings(max_examples=50, deadline=None)
@given(keys)
def test_in_order_of_a_bst_is_sorted_without_repeats(values):
    assert in_order(build(values)) == sorted(set(values))


@settings(max_examples=50, deadline=None)
@given(keys)
def test_traversals_agree_with_iterative_references(values):
    root = build(values)
    assert (pre_order(root), post_order(root), level_order(root)) == iterative_orders(root)


def test_sorted_input_degenerates_into_a_chain():
    assert len(level_order(build(range(50)))) == 50
    assert len(level_order(build([8, 4, 12, 2, 6, 10, 14]))) == 3


words = st.lists(st.text(alphabet="abc", max_size=5), max_size=15)


@settings(max_examples=50, deadline=None)
@given(words, st.text(alphabet="abcd", max_size=3))
def test_trie_prefix_search_agrees_with_startswith(vocabulary, prefix):
    trie = Trie()
    for word in vocabulary:
        trie.add(word)
    expected = sorted({word for word in vocabulary if word.startswith(prefix)})
    assert trie.words_with_prefix(prefix) == expected


@pytest.mark.parametrize("seed", range(5))
def test_leaf_of_agrees_with_scikit_learn_on_random_data(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(200, 4))
    y = (X[:, 0] + X[:, 1] ** 2 > rng.normal(size=200)).astype(int)
    model = DecisionTreeClassifier(max_depth=5, random_state=0).fit(X, y)
    X_test = rng.normal(size=(100, 4)).astype(np.float32)
    leaves = [leaf_of(model, x) for x in X_test]
    assert leaves == model.apply(X_test).tolist()
