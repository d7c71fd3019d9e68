"""Reference solution: merge two sorted linked lists by relinking their nodes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(eq=False)
class ListNode:
    """One node of a singly linked list: a value and a link to the next node (None at the end)."""

    value: int
    next: ListNode | None = None


def from_values(values: list[int]) -> ListNode | None:
    """Build a linked list holding values, in order."""
    head = None
    for value in reversed(values):
        head = ListNode(value, head)
    return head


def to_values(head: ListNode | None) -> list[int]:
    """The values of a linked list, in order."""
    values = []
    while head is not None:
        values.append(head.value)
        head = head.next
    return values


def merge_sorted_lists(a: ListNode | None, b: ListNode | None) -> ListNode | None:
    """One sorted list from two, stable, no new nodes kept. Time O(n + m), space O(1).

    A placeholder node before the head means the first node needs no special case.
    """
    placeholder = ListNode(0)
    tail = placeholder
    while a is not None and b is not None:
        if b.value < a.value:  # strictly less: on a tie, a's node goes first
            tail.next, b = b, b.next
        else:
            tail.next, a = a, a.next
        tail = tail.next
    tail.next = a if a is not None else b  # append whatever is left, already sorted
    return placeholder.next
