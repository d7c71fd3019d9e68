"""Reference solution: group anagrams in one pass with a dict keyed by the sorted letters."""


def group_anagrams(words: list[str]) -> list[list[str]]:
    """Anagram groups in order of first appearance. Time O(n·k log k), space O(n·k).

    Sorting a word's letters gives the same key for all its anagrams; dicts keep insertion
    order, so the groups come out in the order their first word appeared.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault("".join(sorted(word)), []).append(word)
    return list(groups.values())
