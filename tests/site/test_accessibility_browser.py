"""Accessibility: axe-core (pinned in package.json) on the key pages, light and dark palettes.
No serious or critical violation is allowed; an exception must be named below with its reason."""

import json

import pytest
from browser_support import open_page
from site_tools import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
KEY_PAGES = [
    "",
    "dsa/",
    "dsa/binary-search/",
    "planner/",
    "reading-list/",
    "progress/",
    "map/",
    "checklists/",
    "practice/communication/",  # a quiz, and a skill page without code
    "portfolio-rubric/",
    "notebooks/evaluation-trade-offs/",
]
# rule id -> why it is allowed (none so far)
ALLOWED: dict[str, str] = {}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make test does it)")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", KEY_PAGES)
def test_no_serious_accessibility_violations(browser, site_url, axe_source, path, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = open_page(context, site_url + path)
    page.wait_for_load_state("networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == expected
    page.evaluate(axe_source)  # evaluated through the DevTools protocol, outside the page's CSP
    violations = page.evaluate(
        """() => axe.run(document, {resultTypes: ["violations"]}).then((result) =>
            result.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.map((n) => n.target.join(" ")),
            })))"""
    )
    context.close()
    serious = [
        v for v in violations if v["impact"] in ("serious", "critical") and v["id"] not in ALLOWED
    ]
    assert serious == [], json.dumps(serious, indent=1)
