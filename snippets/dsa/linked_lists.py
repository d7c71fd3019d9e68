"""Linked lists: reversal, fast and slow pointers, and an LRU cache on a doubly linked list."""

# --8<-- [start:example]
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass


@dataclass(eq=False)
class Node:
    """A node of a singly linked list: a value and a link to the next node."""

    value: int
    next: Node | None = None


def from_values(values: list[int]) -> Node | None:
    head = None
    for value in reversed(values):
        head = Node(value, head)
    return head


def to_values(head: Node | None) -> list[int]:
    values = []
    while head is not None:
        values.append(head.value)
        head = head.next
    return values


def reverse(head: Node | None) -> Node | None:
    """Reverse the links in place: O(n) time, O(1) extra space."""
    previous = None
    while head is not None:
        head.next, previous, head = previous, head, head.next  # turn one arrow around
    return previous


def middle(head: Node | None) -> Node | None:
    """The middle node (the second of two middles): O(n) time, O(1) space.

    The fast pointer moves two nodes per step, the slow one one node: when fast reaches the
    end, slow is halfway.
    """
    slow = fast = head
    while fast is not None and fast.next is not None:
        slow, fast = slow.next, fast.next.next
    return slow


def has_cycle(head: Node | None) -> bool:
    """Floyd's check: a fast pointer laps a slow one only on a loop. O(n) time, O(1) space."""
    slow = fast = head
    while fast is not None and fast.next is not None:
        slow, fast = slow.next, fast.next.next
        if slow is fast:
            return True
    return False


@dataclass(eq=False)
class Entry:
    """A node of a doubly linked list: links both ways, so it can unlink itself in O(1)."""

    key: str
    value: float
    prev: Entry | None = None
    next: Entry | None = None


class LRUCache:
    """Keep the `capacity` (>= 1) most recently used keys: get and put in O(1), space O(capacity).

    A dict finds a key's entry; a doubly linked list keeps entries from least to most
    recently used, between two sentinel entries so that no link is ever None.
    """

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.entries: dict[str, Entry] = {}
        self.oldest, self.newest = Entry("", 0.0), Entry("", 0.0)  # sentinels
        self.oldest.next, self.newest.prev = self.newest, self.oldest

    def _unlink(self, entry: Entry) -> None:
        entry.prev.next, entry.next.prev = entry.next, entry.prev

    def _append(self, entry: Entry) -> None:  # as the most recently used
        entry.prev, entry.next = self.newest.prev, self.newest
        self.newest.prev.next = entry
        self.newest.prev = entry

    def get(self, key: str) -> float | None:
        entry = self.entries.get(key)
        if entry is None:
            return None
        self._unlink(entry)
        self._append(entry)
        return entry.value

    def put(self, key: str, value: float) -> None:
        if key in self.entries:
            self._unlink(self.entries.pop(key))
        elif len(self.entries) == self.capacity:
            least_recent = self.oldest.next
            self._unlink(least_recent)
            del self.entries[least_recent.key]
        self.entries[key] = entry = Entry(key, value)
        self._append(entry)

    def keys(self) -> list[str]:
        """Keys from least to most recently used."""
        keys, entry = [], self.oldest.next
        while entry is not self.newest:
            keys.append(entry.key)
            entry = entry.next
        return keys


def main() -> None:
    values = [1, 2, 3, 4, 5]
    head = from_values(values)
    print(f"middle of {values}: {middle(head).value}")
    head = reverse(head)
    print(f"reversed: {to_values(head)} (same as values[::-1]: {to_values(head) == values[::-1]})")
    print(f"has a cycle: {has_cycle(head)}")
    head.next.next.next = head.next  # 5 -> 4 -> 3, and the 3 now points back at the 4
    print(f"after pointing the 3 back at the 4: {has_cycle(head)}")

    # Cache model scores for recent users; OrderedDict does the same bookkeeping for us.
    cache, reference = LRUCache(2), OrderedDict()
    for key, value in [("ana", 0.9), ("ben", 0.4), ("ana", 0.8), ("cai", 0.7)]:
        cache.put(key, value)
        reference[key] = value
        reference.move_to_end(key)
        if len(reference) > 2:
            reference.popitem(last=False)  # drop the least recently used
    print(f"cached keys, oldest first: {cache.keys()} (OrderedDict: {list(reference)})")
    print(f"ben was evicted: {cache.get('ben') is None}; ana -> {cache.get('ana')}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
