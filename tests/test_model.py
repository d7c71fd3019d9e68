"""The field rules every data file shares: URLs a link cannot be broken out of, plain text with
no raw HTML, checklist items a learner can tick. Each refusal says what is allowed."""

import pytest
from pydantic import TypeAdapter, ValidationError

from roadmap.model import ICanText, Text, Url

URL, TEXT, I_CAN = TypeAdapter(Url), TypeAdapter(Text), TypeAdapter(ICanText)


def refusal(adapter: TypeAdapter, value: str) -> str:
    with pytest.raises(ValidationError) as error:
        adapter.validate_python(value)
    return error.value.errors()[0]["msg"].removeprefix("Value error, ")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org",
        "  https://example.org/page  ",  # surrounding spaces are trimmed
        "HTTPS://Example.org/A",
        "https://en.wikipedia.org/wiki/Tree_(data_structure)",  # balanced parentheses
        "https://example.org/a?q=1&r=2#part",
    ],
)
def test_https_urls_with_a_host_are_accepted_as_written(url):
    assert URL.validate_python(url) == url.strip()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "javascript: URLs are not allowed; use an https:// URL"),
        ("JavaScript:alert(1)", "javascript: URLs are not allowed; use an https:// URL"),
        ("http://example.org", "must be an https:// URL"),
        ("//example.org", "must be an https:// URL"),
        ("https://example.org/a b", "must not contain spaces, quotes, backticks or angle brackets"),
        (
            "https://example.org/a\tb",
            "must not contain spaces, quotes, backticks or angle brackets",
        ),
        ('https://example.org/"x', "must not contain spaces, quotes, backticks or angle brackets"),
        ("https://example.org/'x", "must not contain spaces, quotes, backticks or angle brackets"),
        ("https://example.org/<x", "must not contain spaces, quotes, backticks or angle brackets"),
        ("https://example.org/x>", "must not contain spaces, quotes, backticks or angle brackets"),
        ("https://example.org/`x", "must not contain spaces, quotes, backticks or angle brackets"),
        ("https://example.org/a)", "has unbalanced parentheses; write ( and ) as %28 and %29"),
        ("https://example.org/(a", "has unbalanced parentheses; write ( and ) as %28 and %29"),
        # balanced in number, but a ")" closes the link before its "(" opens
        ("https://example.org/a)(b", "has unbalanced parentheses; write ( and ) as %28 and %29"),
        (
            "https://example.org/a)[x](javascript:alert(1)",
            "has unbalanced parentheses; write ( and ) as %28 and %29",
        ),
        ("https://[::1", "is not a valid URL (Invalid IPv6 URL)"),
        ("https://", "needs a host name after https://, e.g. https://example.org/page"),
        ("https://localhost/x", "needs a host name after https://, e.g. https://example.org/page"),
    ],
)
def test_unsafe_or_incomplete_urls_are_refused_saying_what_is_allowed(url, message):
    assert refusal(URL, url) == message


def test_plain_text_is_trimmed_and_may_hold_comparisons_and_quotes():
    assert TEXT.validate_python('  x < y, <3 and "quoted"  ') == 'x < y, <3 and "quoted"'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "see <img src=x onerror=alert(1)>",
            "raw HTML ('<img src=x'...) is not allowed here; write plain text "
            "(Markdown `code` is fine)",
        ),
        (
            "a </b> tag",
            "raw HTML ('</b'...) is not allowed here; write plain text (Markdown `code` is fine)",
        ),
        (
            "<!-- note -->",
            "raw HTML ('<!-- note '...) is not allowed here; write plain text "
            "(Markdown `code` is fine)",
        ),
        ("   ", "must not be empty"),
        (
            'text ending in a quote"',
            "ends in a quote that opens nothing: a YAML quote left over? Remove it, or quote "
            "the whole text",
        ),
    ],
)
def test_text_with_raw_html_blank_or_a_stray_quote_is_refused(text, message):
    assert refusal(TEXT, text) == message


def test_checklist_items_start_with_i_can():
    assert I_CAN.validate_python("I can sort a list.") == "I can sort a list."
    assert refusal(I_CAN, "Sort a list.") == (
        'must start with "I can ": an observable statement a learner can honestly tick'
    )
    assert refusal(I_CAN, "I canned it.").startswith('must start with "I can "')
