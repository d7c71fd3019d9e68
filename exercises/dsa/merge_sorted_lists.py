"""Exercise (linked lists): replace the body of `merge_sorted_lists`, then run
`make exercise NAME=merge_sorted_lists` until every test passes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(eq=False)
class ListNode:
    """One node of a singly linked list: a value and a link to the next node (None at the end)."""

    value: int
    next: ListNode | None = None


def from_values(values: list[int]) -> ListNode | None:
    """Build a linked list holding values, in order (given: use it to try your code)."""
    head = None
    for value in reversed(values):
        head = ListNode(value, head)
    return head


def to_values(head: ListNode | None) -> list[int]:
    """The values of a linked list, in order (given: use it to try your code)."""
    values = []
    while head is not None:
        values.append(head.value)
        head = head.next
    return values


def merge_sorted_lists(a: ListNode | None, b: ListNode | None) -> ListNode | None:
    """Merge two sorted linked lists into one sorted list and return its head.

    Relink the nodes you are given instead of creating new ones: every node of the result
    must be a node of `a` or of `b` (a temporary placeholder node that is not part of the
    result is fine). When two values are equal, the node from `a` comes first.

    Examples:
        >>> to_values(merge_sorted_lists(from_values([1, 3, 5]), from_values([2, 3, 4])))
        [1, 2, 3, 3, 4, 5]
        >>> to_values(merge_sorted_lists(None, from_values([1])))
        [1]
        >>> merge_sorted_lists(None, None) is None
        True

    Constraints: each list holds up to 10**4 nodes, deeper than Python's recursion limit:
    use a loop, not one recursive call per node.

    Expected complexity: O(n + m) time, O(1) extra space.
    """
    raise NotImplementedError(
        "Write merge_sorted_lists - see the docstring; run: make exercise NAME=merge_sorted_lists"
    )
