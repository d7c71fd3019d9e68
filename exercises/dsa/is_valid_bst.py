"""Exercise (trees): replace the body of `is_valid_bst`, then run
`make exercise NAME=is_valid_bst` until every test passes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(eq=False)
class TreeNode:
    """One node of a binary tree: a value and up to two children."""

    value: int
    left: TreeNode | None = None
    right: TreeNode | None = None


def is_valid_bst(root: TreeNode | None) -> bool:
    """Return True if the tree is a binary search tree.

    In a binary search tree, every value in a node's left subtree is smaller than the node's
    value and every value in its right subtree is larger; so no value appears twice. The
    rule covers whole subtrees, not only a node's children. An empty tree is valid.

    Examples:
        >>> is_valid_bst(TreeNode(2, TreeNode(1), TreeNode(3)))
        True
        >>> is_valid_bst(TreeNode(5, TreeNode(1), TreeNode(4, TreeNode(3), TreeNode(6))))
        False
        >>> is_valid_bst(None)
        True

    Constraints: up to 10**4 nodes. A tree built by inserting sorted values is a chain that
    deep, past Python's recursion limit: walk it with an explicit stack, not recursion.

    Expected complexity: O(n) time, O(h) extra space for a tree of height h.
    """
    raise NotImplementedError(
        "Write is_valid_bst - see the docstring; run: make exercise NAME=is_valid_bst"
    )
