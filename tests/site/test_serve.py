"""`python -m roadmap serve` (roadmap/serve.py) on the fixture project, used as a writer uses it:
a page open in Chromium, files saved, the page reloading by itself."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from fixture_project import fixture_config, make_project

from roadmap.devtools import ROOT


@contextmanager
def serving(project: Path, log: Path):
    """The preview server of `project` on a free port, its messages in `log`: its URL."""
    config = fixture_config(project)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with log.open("w") as messages:
        command = ["serve", "-f", str(config), "-a", f"127.0.0.1:{port}"]
        server = subprocess.Popen(
            [sys.executable, "-m", "roadmap", *command],
            cwd=project,
            stdout=messages,
            stderr=subprocess.STDOUT,
            # The checkout's roadmap package, not another one installed: the command is its own.
            env=os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)},
        )
        try:
            url = f"http://127.0.0.1:{port}/"
            page_until(url, lambda text: True)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)


def page_until(url: str, condition) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                text = response.read().decode()
            if condition(text):
                return text
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} never reached the expected state")


def test_a_prose_save_renders_that_page_alone_and_the_open_page_reloads(tmp_path, browser):
    """The server renders only the saved page, and the page open in the browser reloads by
    itself: the server's reload script runs under the page's security policy."""
    project = make_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    with serving(project, log) as url:
        page = browser.new_page()
        refused = []  # (the fixture project has no stylesheets and scripts: those are 404s)
        page.on(
            "console",
            lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
        )
        page.goto(f"{url}algo/second/")
        page.wait_for_function("() => document.readyState === 'complete'")
        time.sleep(0.5)  # the reload script's first question to the server
        second = project / "docs/algo/second.md"
        with page.expect_event("load", timeout=30_000), second.open("a") as file:
            file.write("\nA sentence saved just now.\n")
        assert "A sentence saved just now." in page.inner_text("article")
        page.close()
    messages = log.read_text()
    assert messages.count("Documentation built in") == 1  # the first build only
    assert "Rendered algo/second.md again" in messages
    assert refused == []


# A page's title shows in every page's navigation; a skill's title, from its data, on its track
# page: either change brings a full build.
@pytest.mark.parametrize(
    ("source", "old", "new", "shown_on"),
    [
        ("docs/planner.md", "Study planner", "Weekly planner", "algo/first/"),
        ("docs/algo/second.md", "title: Second skill", "title: Next skill", "algo/"),
    ],
    ids=["page-title", "skill-data"],
)
def test_a_change_other_pages_show_builds_the_whole_site(tmp_path, source, old, new, shown_on):
    project = make_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    with serving(project, log) as url:
        edited = project / source
        edited.write_text(edited.read_text().replace(old, new))
        shown = page_until(f"{url}{shown_on}", lambda text: new.split(": ")[-1] in text)
        assert old.split(": ")[-1] not in shown
    assert log.read_text().count("Documentation built in") == 2


def test_serve_shows_broken_data_on_every_page_and_recovers_without_a_restart(tmp_path):
    """`make serve` keeps answering while the data is broken: the last good pages, each with
    the problems listed on top; fixing the data brings the page back as it was."""
    project = make_project(tmp_path / "project")
    with serving(project, tmp_path / "serve.log") as url:
        page = f"{url}algo/second/"
        first = page_until(page, lambda text: "Second skill" in text)
        # A preview is never kept for reading offline (roadmap/offline.py): no manifest, so no
        # service worker.
        assert 'rel="manifest"' not in first
        second = project / "docs/algo/second.md"
        good = second.read_text()
        second.write_text(good.replace("prerequisites: [first]", "prerequisites: [frist]"))
        broken = page_until(page, lambda text: "The roadmap data has 1 problem" in text)
        assert "unknown skill &#x27;frist&#x27;" in broken or "unknown skill 'frist'" in broken
        assert "Second skill" in broken  # the last good page is still served
        second.write_text(good)
        page_until(page, lambda text: "Second skill" in text and "roadmap data has" not in text)


def test_a_broken_link_saved_is_a_warning_and_the_page_shows(tmp_path):
    """As in any preview, a broken link is printed and the page shows (`make build` refuses it),
    without a traceback; the fix shows too."""
    project = make_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    with serving(project, log) as url:
        page = f"{url}algo/second/"
        second = project / "docs/algo/second.md"
        good = second.read_text()
        second.write_text(good + "\nSee [the gone page](gone.md).\n")
        page_until(page, lambda text: "the gone page" in text)
        second.write_text(good + "\nFixed now.\n")
        page_until(page, lambda text: "Fixed now." in text and "the gone page" not in text)
    messages = log.read_text()
    assert "contains a link 'gone.md', but the target 'algo/gone.md' is not found" in messages
    assert "Traceback" not in messages
    assert messages.count("Documentation built in") == 1
