import functools
from pathlib import Path

import pytest
from browser_support import launch, watched
from playwright.sync_api import sync_playwright

from roadmap.devtools import ROOT, build, serve


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The project's own site, built once for all site tests."""
    site_dir = tmp_path_factory.mktemp("build") / "site"
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def site_url(site) -> str:
    """The built site served over HTTP on the loopback interface, as a static host would."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def playwright():
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright):
    """Chromium, whose contexts leave out the site's service worker unless a test allows it
    (`service_workers="allow"`, as test_offline_browser.py does). Seconds after a page has
    loaded, the worker downloads the whole site for reading offline (roadmap/offline.py): every
    other test would pay for that on busy cores, and see the worker's requests beside the
    page's own."""
    browser = launch(playwright)
    browser.new_context = functools.partial(browser.new_context, service_workers="block")
    yield browser
    browser.close()


@pytest.fixture
def context(browser, site_url):
    """A fresh browser context (empty storage) that fails the test on console errors or on
    any request leaving the site."""
    with watched(browser.new_context(accept_downloads=True), site_url) as context:
        yield context
