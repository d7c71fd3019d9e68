"""roadmap/devtools.py without a browser: the local server as a static host answers (files,
the site's prefix, gzip and revalidation as GitHub Pages sends them, the bytes counted), the
runtime a project's copy links to, and the reference solutions."""

import gzip
import os
import urllib.error
import urllib.request

import pytest

from roadmap import devtools
from roadmap.conventions import exercise_solution

PAGE = "<!doctype html><title>Home</title><p>" + "words " * 200 + "</p>\n"


@pytest.fixture
def site(tmp_path):
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "dsa").mkdir()
    (tmp_path / "dsa" / "index.html").write_text("<p>track</p>\n", encoding="utf-8")
    (tmp_path / "manifest.webmanifest").write_text('{"name": "Roadmap"}\n', encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return tmp_path


def get(url, **headers):
    """The response's status, headers and body (an HTTP error is a response too)."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_serve_answers_as_a_static_host(site):
    with devtools.serve(site) as url:
        status, headers, body = get(url)
        assert (status, body.decode()) == (200, PAGE)
        assert headers["LinkChecker"] == "local server"  # lifts LinkChecker's rate limit
        assert get(url + "dsa/")[2] == b"<p>track</p>\n"
        status, headers, _ = get(url + "manifest.webmanifest")
        assert headers["Content-Type"] == "application/manifest+json"
        assert get(url + "missing.html")[0] == 404


def test_serve_under_a_prefix_serves_nothing_outside_it(site):
    with devtools.serve(site, prefix="/roadmap/") as url:
        assert url.endswith("/roadmap/")
        assert get(url + "dsa/")[2] == b"<p>track</p>\n"
        outside = url.removesuffix("roadmap/") + "dsa/"
        assert get(outside)[0] == 404


def test_serve_counts_the_bytes_sent_per_path(site):
    sent = {}
    with devtools.serve(site, sent=sent) as url:
        body = get(url + "dsa/")[2]
    assert set(sent) == {"/dsa/"}
    assert sent["/dsa/"] > len(body)  # the status line and headers go on the wire too


def test_compressed_serving_gzips_text_and_revalidates_as_github_pages_does(site):
    with devtools.serve(site, compress=True) as url:
        status, headers, body = get(url, **{"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"
        assert headers["Cache-Control"] == "max-age=600"
        assert gzip.decompress(body).decode() == PAGE
        assert len(body) < len(PAGE)

        later = headers["Last-Modified"]
        assert get(url, **{"Accept-Encoding": "gzip", "If-Modified-Since": later})[0] == 304

        plain = get(url)  # a client that does not accept gzip
        assert "Content-Encoding" not in plain[1] and plain[2].decode() == PAGE
        image = get(url + "logo.png", **{"Accept-Encoding": "gzip"})
        assert "Content-Encoding" not in image[1]  # not text: sent as it is
        assert image[1]["Cache-Control"] == "max-age=600"


def test_a_file_newer_than_the_browser_s_copy_is_sent_again(site):
    os.utime(site / "index.html", (2_000_000_000, 2_000_000_000))
    with devtools.serve(site, compress=True) as url:
        older = "Thu, 01 Jan 2015 00:00:00 GMT"
        status, _, body = get(url, **{"Accept-Encoding": "gzip", "If-Modified-Since": older})
    assert status == 200 and gzip.decompress(body).decode() == PAGE


@pytest.mark.parametrize(
    ("header", "modified", "expected"),
    [
        (None, 0, False),
        ("", 0, False),
        ("not a date", 0, False),
        ("Thu, 01 Jan 2015 00:00:00 GMT", 1_420_070_400, True),  # that very second
        ("Thu, 01 Jan 2015 00:00:00 GMT", 1_420_070_399, True),
        ("Thu, 01 Jan 2015 00:00:00 GMT", 1_420_070_401, False),
    ],
)
def test_not_modified_since(header, modified, expected):
    assert devtools._not_modified_since(header, modified) is expected


def test_solution_reads_the_reference_solution_of_an_exercise():
    text = devtools.solution("dsa/binary_search")
    assert text == (devtools.ROOT / exercise_solution("dsa", "binary_search")).read_text()
    assert "def " in text


def test_link_runtime_links_what_a_build_shares_and_keeps_the_copy_s_own_pins(
    tmp_path, monkeypatch
):
    checkout, copy = tmp_path / "checkout", tmp_path / "copy"
    (checkout / "node_modules" / "pyodide").mkdir(parents=True)  # no .cache/: nothing to link
    (checkout / "package.json").write_text('{"checkout": true}\n', encoding="utf-8")
    (checkout / "requirements.lock").write_text("pytest==9.2.0\n", encoding="utf-8")
    copy.mkdir()
    (copy / "package.json").write_text("{}\n", encoding="utf-8")  # the copy's own
    monkeypatch.setattr(devtools, "ROOT", checkout)

    assert devtools.link_runtime(copy) == copy
    assert (copy / "package.json").read_text(encoding="utf-8") == "{}\n"
    assert (copy / "requirements.lock").read_text(encoding="utf-8") == "pytest==9.2.0\n"
    assert (copy / "node_modules").is_symlink()
    assert (copy / "node_modules").resolve() == (checkout / "node_modules").resolve()
    assert not (copy / ".cache").exists()
    (checkout / ".cache" / "pyodide-wheels").mkdir(parents=True)  # once downloaded, linked too
    other = tmp_path / "other"
    other.mkdir()
    devtools.link_runtime(other)
    assert (other / ".cache" / "pyodide-wheels").resolve() == (
        checkout / ".cache" / "pyodide-wheels"
    ).resolve()


def test_launch_without_chromium_says_where_it_looked(monkeypatch, tmp_path):
    missing = tmp_path / "chromium"
    monkeypatch.setattr(devtools, "CHROMIUM", str(missing))
    with pytest.raises(devtools.ChromiumMissing, match="ROADMAP_CHROMIUM") as raised:
        devtools.launch(playwright=None)
    assert str(missing) in str(raised.value)
