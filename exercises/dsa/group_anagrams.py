"""Exercise (arrays and hashing): replace the body of `group_anagrams`, then run
`make exercise NAME=group_anagrams` until every test passes."""


def group_anagrams(words: list[str]) -> list[list[str]]:
    """Group the words that are anagrams of each other: the same letters, each as often.

    Groups come in the order in which their first word appears in `words`; inside a group,
    words keep their input order, repeats included.

    Examples:
        >>> group_anagrams(["tea", "eat", "tan", "ate", "nat", "bat"])
        [['tea', 'eat', 'ate'], ['tan', 'nat'], ['bat']]
        >>> group_anagrams(["ab", "ba", "ab"])
        [['ab', 'ba', 'ab']]
        >>> group_anagrams([])
        []

    Constraints: up to 10**4 words of up to 100 lowercase letters each; "" is a word too.

    Expected complexity: O(n·k log k) time and O(n·k) space for n words of up to k letters:
    one pass, with a dict from a key that all anagrams share to their group.
    """
    raise NotImplementedError(
        "Write group_anagrams - see the docstring; run: make exercise NAME=group_anagrams"
    )
