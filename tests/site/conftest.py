import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from browser_support import Watch, launch
from playwright.sync_api import sync_playwright
from site_build import ROOT, build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The project's own site, built once for all site tests."""
    site_dir = tmp_path_factory.mktemp("build") / "site"
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site_dir


class _QuietHandler(SimpleHTTPRequestHandler):
    def end_headers(self):
        # LinkChecker lifts its 10 requests/second limit for servers that send this header.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(site) -> str:
    """The built site served over HTTP on the loopback interface, as a static host would."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def context(browser, site_url):
    """A fresh browser context (empty storage) that fails the test on console errors or on
    any request leaving the site."""
    context = browser.new_context(accept_downloads=True)
    watch = Watch(site_url)
    context.on("page", watch.attach)
    yield context
    context.close()
    assert watch.foreign == [], "requests left the site"
    assert watch.errors == [], "console errors"
