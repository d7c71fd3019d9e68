"""Driving Debian's Chromium with Playwright for the browser tests."""

import json
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from playwright.sync_api import expect

from roadmap import devtools
from roadmap.devtools import (
    CHROMIUM,
    FLAGS,
    open_page,  # noqa: F401 (the tests import it from here too)
)

KEY = "ml-engineer-roadmap/progress"
RUN_TIMEOUT = 120_000  # ms: an exercise's first run loads Python, on 2 busy cores


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


# An init script that records the page's security policy violations in window.__violations.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
    (event) => window.__violations.push(event.violatedDirective + " " + event.blockedURI));
"""


@contextmanager
def watched(context, site_url):
    """`context`, closed at the end, then failing the test on console errors or on any request
    that left the site."""
    watch = Watch(site_url)
    context.on("page", watch.attach)
    yield context
    context.close()
    assert watch.foreign == [], "requests left the site"
    assert watch.errors == [], "console errors"


def search_results(page, query: str) -> list[str]:
    """The links the theme's search shows for `query`, in order, without the `?h=` that asks
    the target page to highlight the words.

    The theme searches on each key released. Typed letter by letter, the first results to show
    would be those of the first letters; so the box is cleared until no result shows, and the
    query goes in with one key press, its last letter."""
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("")
    box.press("Backspace")
    links = page.locator(".md-search-result__list a")
    expect(links).to_have_count(0)
    box.fill(query[:-1])
    box.press(query[-1])
    links.first.wait_for()
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    return [urlunsplit(urlsplit(href)._replace(query="")) for href in hrefs]


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


def editor_of(page):
    """An exercise's editor on its page, once exercise.js has set it up."""
    box = page.locator("[data-exercise]")
    box.scroll_into_view_if_needed()  # exercise.js loads once the exercise is near
    expect(box.locator("textarea")).to_be_enabled()
    return box


def run(box, code: str) -> str:
    """Type `code` into the editor, run the tests and return the status line."""
    runs = int(box.get_attribute("data-runs") or 0)
    box.locator("textarea").fill(code)
    box.get_by_role("button", name="Run tests").click()
    expect(box).to_have_attribute("data-runs", str(runs + 1), timeout=RUN_TIMEOUT)
    return box.locator("[data-exercise-status]").inner_text()


solution = devtools.solution  # the reference solution of an exercise, by its id
