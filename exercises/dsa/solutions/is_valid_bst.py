"""Reference solution: check the binary-search-tree rule with an iterative in-order walk."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(eq=False)
class TreeNode:
    """One node of a binary tree: a value and up to two children."""

    value: int
    left: TreeNode | None = None
    right: TreeNode | None = None


def is_valid_bst(root: TreeNode | None) -> bool:
    """True if an in-order walk meets strictly increasing values. Time O(n), space O(h).

    An in-order walk (left subtree, node, right subtree) of a binary search tree visits the
    values in sorted order, and only then; an explicit stack replaces recursion, so a
    10 000-deep chain is fine.
    """
    stack: list[TreeNode] = []
    previous: int | None = None
    node = root
    while stack or node is not None:
        while node is not None:  # go as far left as possible, remembering the way back
            stack.append(node)
            node = node.left
        node = stack.pop()
        if previous is not None and node.value <= previous:
            return False
        previous = node.value
        node = node.right
    return True
