"""Driving Debian's Chromium with Playwright for the browser tests."""

import json
from contextlib import contextmanager
from pathlib import Path

import pytest

from roadmap import devtools
from roadmap.devtools import (
    CHROMIUM,
    FLAGS,
    open_page,  # noqa: F401 (the tests import it from here too)
)

KEY = "ml-engineer-roadmap/progress"


def launch(playwright):
    try:
        return devtools.launch(playwright)
    except devtools.ChromiumMissing as missing:
        pytest.fail(str(missing))


class Watch:
    """Records console errors, page errors and any request that leaves the site."""

    def __init__(self, site_url):
        self.site_url = site_url
        self.errors = []
        self.foreign = []

    def attach(self, page):
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on(
            "request",
            lambda req: (
                None
                if req.url.startswith((self.site_url, "blob:", "data:"))
                else self.foreign.append(req.url)
            ),
        )
        return page


def saved(page):
    text = page.evaluate(f"() => localStorage.getItem({json.dumps(KEY)})")
    return json.loads(text) if text else None


def fill_storage(page):
    """Fill the page's real localStorage until the browser refuses more."""
    page.evaluate(
        """() => {
            let n = 0;
            for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
                const chunk = "x".repeat(size);
                for (;;) {
                    try { localStorage.setItem("filler-" + n++, chunk); }
                    catch (error) { if (error.name !== "QuotaExceededError") throw error; break; }
                }
            }
        }"""
    )


@contextmanager
def launch_blocking_storage(playwright, profile_dir: Path):
    """Chromium with a real profile whose preferences block all site data, so any use of
    localStorage throws a SecurityError, as it does for readers who block site data."""
    preferences = profile_dir / "Default" / "Preferences"
    preferences.parent.mkdir(parents=True)
    preferences.write_text(
        json.dumps({"profile": {"default_content_setting_values": {"cookies": 2}}})
    )
    context = playwright.chromium.launch_persistent_context(
        str(profile_dir), executable_path=CHROMIUM, args=FLAGS, headless=True
    )
    try:
        yield context
    finally:
        context.close()
