"""The Content-Security-Policy in a real browser: no violations on the key pages, and an
injected inline script is refused."""

import pytest
from browser_support import open_page
from playwright.sync_api import expect

KEY_PAGES = [
    "",
    "dsa/binary-search/",
    "planner/",
    "reading-list/",
    "map/",
    "progress/",
    "checklists/",
    "notebooks/",
    "notebooks/eda-walkthrough/",  # mkdocs-jupyter's inline styles and scripts, a pandas table
]
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
    (event) => window.__violations.push(event.violatedDirective));
"""


@pytest.mark.parametrize("path", KEY_PAGES)
def test_key_pages_load_without_policy_violations(context, site_url, path):
    context.add_init_script(RECORD_VIOLATIONS)
    page = open_page(context, site_url + path)
    expect(page.locator("meta[http-equiv=Content-Security-Policy]")).to_have_count(1)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => window.__violations") == []


def test_an_injected_inline_script_is_refused(browser, site_url):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = open_page(context, site_url)
    page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.__injected = true"; document.head.append(s); }"""
    )
    assert page.evaluate("() => window.__injected") is None
    assert page.evaluate("() => window.__violations") == ["script-src-elem"]
    context.close()
