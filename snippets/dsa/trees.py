"""Trees: a binary search tree, four traversals, a trie, and a decision tree walked by hand."""

# --8<-- [start:example]
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import numpy as np
from sklearn.datasets import load_iris
from sklearn.tree import DecisionTreeClassifier


@dataclass(eq=False)
class TreeNode:
    value: int
    left: TreeNode | None = None
    right: TreeNode | None = None


def insert(root: TreeNode | None, value: int) -> TreeNode:
    """Add value to a binary search tree (repeats ignored): O(h) time for height h."""
    if root is None:
        return TreeNode(value)
    node = root
    while True:
        if value == node.value:
            return root
        side = "left" if value < node.value else "right"
        child = getattr(node, side)
        if child is None:
            setattr(node, side, TreeNode(value))
            return root
        node = child


def in_order(node: TreeNode | None) -> list[int]:
    """Left subtree, node, right subtree: sorted order for a BST. O(n) time, O(h) stack."""
    return [] if node is None else [*in_order(node.left), node.value, *in_order(node.right)]


def pre_order(node: TreeNode | None) -> list[int]:
    """Node before its subtrees: the order to copy or serialise a tree."""
    return [] if node is None else [node.value, *pre_order(node.left), *pre_order(node.right)]


def post_order(node: TreeNode | None) -> list[int]:
    """Subtrees before their node: the order to free a tree or total up its sizes."""
    return [] if node is None else [*post_order(node.left), *post_order(node.right), node.value]


def level_order(root: TreeNode | None) -> list[list[int]]:
    """Level by level with a queue (breadth-first): O(n) time, O(width) space."""
    levels: list[list[int]] = []
    queue = deque([root] if root else [])
    while queue:
        levels.append([node.value for node in queue])
        queue = deque(child for node in queue for child in (node.left, node.right) if child)
    return levels


@dataclass
class Trie:
    """A prefix tree: one node per letter, so a prefix lookup costs O(len(prefix))."""

    children: dict[str, Trie] = field(default_factory=dict)
    is_word: bool = False

    def add(self, word: str) -> None:
        node = self
        for char in word:
            node = node.children.setdefault(char, Trie())
        node.is_word = True

    def words_with_prefix(self, prefix: str) -> list[str]:
        node = self
        for char in prefix:
            if char not in node.children:
                return []
            node = node.children[char]
        found, stack = [], [(node, prefix)]
        while stack:  # collect every word below the prefix's node
            node, word = stack.pop()
            found += [word] if node.is_word else []
            stack += [(child, word + char) for char, child in node.children.items()]
        return sorted(found)


def leaf_of(model: DecisionTreeClassifier, x: np.ndarray) -> int:
    """Walk a fitted decision tree from the root to a leaf: O(depth) comparisons."""
    tree, node = model.tree_, 0
    while tree.children_left[node] != -1:  # -1 marks a leaf: it has no children
        go_left = x[tree.feature[node]] <= tree.threshold[node]
        node = tree.children_left[node] if go_left else tree.children_right[node]
    return int(node)


def main() -> None:
    keys = [50, 30, 70, 20, 40, 60, 80]
    root = None
    for key in keys:
        root = insert(root, key)
    print(f"in-order:    {in_order(root)} (sorted: {in_order(root) == sorted(keys)})")
    print(f"pre-order:   {pre_order(root)}")
    print(f"post-order:  {post_order(root)}")
    print(f"level order: {level_order(root)}")
    chain = None
    for key in sorted(keys):  # sorted input: every node is a right child
        chain = insert(chain, key)
    print(f"levels from sorted input: {len(level_order(chain))}, not {len(level_order(root))}")

    trie = Trie()
    for name in ["learning_rate", "leaky_relu", "max_depth", "max_features", "layers"]:
        trie.add(name)
    print(f"hyperparameters starting 'max': {trie.words_with_prefix('max')}")

    # A decision tree is a binary tree: each inner node asks "feature <= threshold?".
    X, y = load_iris(return_X_y=True)
    model = DecisionTreeClassifier(max_depth=3, random_state=0).fit(X, y)
    X32 = X.astype(np.float32)  # scikit-learn's trees compare features as float32
    leaves = np.array([leaf_of(model, x) for x in X32])
    y_hat = model.tree_.value[leaves, 0].argmax(axis=1)  # the majority class in each leaf
    print(f"tree: {model.tree_.node_count} nodes, depth {model.get_depth()}")
    print(f"same leaves as model.apply: {np.array_equal(leaves, model.apply(X))}")
    print(f"same classes as model.predict: {np.array_equal(y_hat, model.predict(X))}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
