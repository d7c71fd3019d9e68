"""page-scripts.js: a page loads only the scripts for what it shows, and a script first needed
after the theme's instant navigation still works there."""

import re

from browser_support import open_page, saved
from playwright.sync_api import expect

SCRIPTS = re.compile(r"/assets/javascripts/([\w-]+\.js)$")


def scripts_requested(context) -> list[str]:
    found: list[str] = []
    context.on("request", lambda r: (m := SCRIPTS.search(r.url)) and found.append(m.group(1)))
    return found


def test_the_reading_list_loads_its_filters_and_no_progress_or_planner(context, site_url):
    requested = scripts_requested(context)
    open_page(context, site_url + "reading-list/")
    assert sorted(requested) == ["filters.js", "page-scripts.js"]


def test_progress_first_needed_after_instant_navigation_works(context, site_url):
    requested = scripts_requested(context)
    page = open_page(context, site_url + "reading-list/")
    page.locator('a[href$="dsa/binary-search/"]').first.click()  # instant navigation
    page.wait_for_url("**/dsa/binary-search/")
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1
    box = page.locator('li[data-item="binary-search/lower-bound"] input[type=checkbox]')
    expect(box).to_be_enabled()
    page.locator('li[data-item="binary-search/lower-bound"] label').click()
    expect(page.locator('[data-progress="skill:binary-search"]')).to_contain_text("1 of 4")
    assert saved(page)["items"] == {"binary-search/lower-bound": True}
    assert requested.count("progress.js") == 1 and "plan.js" not in requested


def test_a_stylesheet_first_needed_after_instant_navigation_applies(context, site_url):
    """map.css is linked only from pages with a map (speed.PAGE_STYLESHEETS); the theme's
    instant navigation brings the new page's links into <head>."""
    page = open_page(context, site_url + "reading-list/")
    assert page.locator('link[href$="stylesheets/map.css"]').count() == 0
    page.locator('.md-nav a[href$="map/"]').first.click()  # instant navigation
    page.wait_for_url("**/map/")
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1
    controls = page.locator(".roadmap-map-controls")
    expect(controls).to_be_visible()
    expect(controls).to_have_css("display", "flex")  # map.css; without it, a block
    page.go_back()
    page.wait_for_url("**/reading-list/")
    expect(page.locator('link[href$="stylesheets/map.css"]')).to_have_count(0)


def test_the_404_page_shown_at_any_missing_address_runs_its_scripts_from_the_root(
    browser, site, site_url
):
    """404.html names the site's root absolutely ("/"), not relatively as pages do."""
    missing = site_url + "no/such/page/"
    not_found = (site / "404.html").read_text("utf-8")
    context = browser.new_context()
    page = context.new_page()
    page.route(missing, lambda route: route.fulfill(status=404, body=not_found))
    requested, errors = [], []
    page.on("request", lambda r: SCRIPTS.search(r.url) and requested.append(r.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Chromium logs the page's own status as an error; any other is the page's.
    page.on(
        "console",
        lambda m: m.type == "error" and m.location["url"] != missing and errors.append(m.text),
    )
    page.goto(missing)
    page.wait_for_load_state("networkidle")
    expect(page.locator("h1")).to_have_text("404 - Not found")
    assert page.evaluate("() => window.RoadmapPages.siteRoot.href") == site_url
    assert requested == [site_url + "assets/javascripts/page-scripts.js"]
    assert errors == []
    context.close()
