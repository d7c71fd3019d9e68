from collections import OrderedDict

from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.dsa.linked_lists import (
    LRUCache,
    from_values,
    has_cycle,
    middle,
    reverse,
    to_values,
)

value_lists = st.lists(st.integers(-50, 50), max_size=30)


def test_empty_and_single_node_lists():
    assert from_values([]) is None and to_values(None) == []
    assert reverse(None) is None and middle(None) is None and not has_cycle(None)
    single = from_values([7])
    assert to_values(reverse(single)) == [7] and middle(single).value == 7
    assert not has_cycle(single)
    single.next = single
    assert has_cycle(single)


def test_middle_of_an_even_length_list_is_the_second_middle():
    assert middle(from_values([1, 2, 3, 4])).value == 3


@settings(max_examples=50, deadline=None)
@given(value_lists)
def test_reverse_agrees_with_slicing_and_reuses_the_nodes(values):
    head = from_values(values)
    nodes = set()
    node = head
    while node is not None:
        nodes.add(id(node))
        node = node.next
    reversed_head = reverse(head)
    assert to_values(reversed_head) == values[::-1]
    node = reversed_head
    while node is not None:
        assert id(node) in nodes
        node = node.next


@settings(max_examples=50, deadline=None)
@given(value_lists.filter(bool))
def test_middle_agrees_with_indexing(values):
    assert middle(from_values(values)).value == values[len(values) // 2]


@settings(max_examples=50, deadline=None)
@given(value_lists.filter(bool), st.data())
def test_has_cycle_finds_any_loop_and_no_false_alarm(values, data):
    head = from_values(values)
    assert not has_cycle(head)
    nodes, node = [], head
    while node is not None:
        nodes.append(node)
        node = node.next
    target = data.draw(st.integers(0, len(nodes) - 1), label="loop back to")
    nodes[-1].next = nodes[target]
    assert has_cycle(head)


def reference_lru(capacity, operations):
    """The same cache on OrderedDict: move_to_end on use, popitem(last=False) to evict."""
    cache, results = OrderedDict(), []
    for key, value in operations:
        if value is None:
            results.append(cache.get(key))
            if key in cache:
                cache.move_to_end(key)
        else:
            cache[key] = value
            cache.move_to_end(key)
            if len(cache) > capacity:
                cache.popitem(last=False)
    return results, list(cache)


operations = st.lists(
    st.tuples(st.sampled_from("abcde"), st.one_of(st.none(), st.floats(0, 1))), max_size=40
)


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 4), operations)
def test_lru_cache_agrees_with_ordered_dict(capacity, ops):
    cache, results = LRUCache(capacity), []
    for key, value in ops:
        if value is None:  # a None value stands for a get
            results.append(cache.get(key))
        else:
            cache.put(key, value)
    assert (results, cache.keys()) == reference_lru(capacity, ops)
