"""The scheduled link check's classification of LinkChecker results (the crawl needs a network)."""

import pytest

from scripts.check_links import classify, report, same_resource


@pytest.mark.parametrize(
    ("original", "final", "same"),
    [
        ("http://example.org/book", "https://example.org/book", True),
        ("https://example.org/book", "https://www.example.org/book/", True),
        ("https://Example.org/a?x=1", "https://example.org/a?x=1", True),
        ("https://example.org/book", "https://example.org/", False),
        ("https://example.org/a?x=1", "https://example.org/a?x=2", False),
        ("https://example.org/book", "https://example.com/book", False),
    ],
)
def test_same_resource(original, final, same):
    assert same_resource(original, final) is same


def row(urlname, url, valid="True", warning="", result="200 OK", parent="http://127.0.0.1/x/"):
    return {
        "urlname": urlname,
        "url": url,
        "valid": valid,
        "warningstring": warning,
        "result": result,
        "parentname": parent,
    }


def test_classify_reports_broken_and_moved_but_not_normalising_redirects():
    rows = [
        row("https://a.org/ok", "https://a.org/ok"),
        row("http://a.org/b", "https://a.org/b", warning="Redirected to `https://a.org/b'."),
        row("https://a.org/moved", "https://a.org/", warning="Redirected to `https://a.org/'."),
        row("https://gone.org/", "https://gone.org/", valid="False", result="404 Not Found"),
    ]
    broken, moved = classify(rows)
    assert [r["urlname"] for r in broken] == ["https://gone.org/"]
    assert [r["urlname"] for r in moved] == ["https://a.org/moved"]
    text = report(broken, moved)
    assert "| https://gone.org/ | http://127.0.0.1/x/ | 404 Not Found |" in text
    assert "| https://a.org/moved | http://127.0.0.1/x/ | https://a.org/ |" in text
    assert report([], []) == "# Link check\n\nEvery link resolves.\n"
