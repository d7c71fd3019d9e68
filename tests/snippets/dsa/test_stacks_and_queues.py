import pytest
from hypothesis import given
from hypothesis import strategies as st

from snippets.dsa.stacks_and_queues import balanced, next_greater, rolling_averages


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", True),
        ("()[]{}", True),
        ("{[()]}", True),
        ("(]", False),
        ("((", False),
        (")(", False),
        ("a(b)c", True),
    ],
)
def test_balanced_examples(text, expected):
    assert balanced(text) is expected


def brute_balanced(text):
    """Repeatedly delete innermost pairs; balanced iff nothing is left."""
    text = "".join(c for c in text if c in "()[]{}")
    while any(pair in text for pair in ("()", "[]", "{}")):
        for pair in ("()", "[]", "{}"):
            text = text.replace(pair, "")
    return text == ""


@given(st.text("()[]{}x", max_size=16))
def test_balanced_agrees_with_deleting_pairs(text):
    assert balanced(text) == brute_balanced(text)


@given(st.lists(st.floats(-1e6, 1e6), max_size=30), st.integers(1, 6))
def test_rolling_averages_agree_with_recomputing(stream, k):
    expected = [sum(stream[max(0, i - k + 1) : i + 1]) / min(k, i + 1) for i in range(len(stream))]
    assert rolling_averages(stream, k) == pytest.approx(expected, abs=1e-6)


@given(st.lists(st.integers(0, 9), max_size=25))
def test_next_greater_agrees_with_scanning_ahead(values):
    expected = [
        next((v for v in values[i + 1 :] if v > value), None) for i, value in enumerate(values)
    ]
    assert next_greater(values) == expected
