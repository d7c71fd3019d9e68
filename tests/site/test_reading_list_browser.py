"""The reading list's filters in a real browser."""

import json

import yaml
from browser_support import open_page
from playwright.sync_api import expect
from site_tools import ROOT


def resources():
    return yaml.safe_load((ROOT / "data/resources.yml").read_text())["resources"]


def test_filters_show_only_matching_entries_and_hide_empty_groups(context, site_url):
    page = open_page(context, site_url + "reading-list/")
    total = len(resources())
    count = page.locator("[data-filter-count]")
    expect(count).to_have_text(f"Showing {total} of {total} resources.")

    page.get_by_label("Type").select_option("course")
    courses = [r for r in resources() if r["type"] == "course"]
    expect(count).to_have_text(f"Showing {len(courses)} of {total} resources.")
    visible = page.locator(".roadmap-resource:visible")
    expect(visible).to_have_count(len(courses))
    for entry in visible.all():
        assert entry.get_attribute("data-type") == "course"
    expect(page.locator("h2.roadmap-group:visible")).to_have_attribute("id", "courses")

    page.get_by_label("Cost").select_option("paid")
    paid_courses = [r for r in courses if r["cost"] == "paid"]
    expect(count).to_have_text(f"Showing {len(paid_courses)} of {total} resources.")

    page.get_by_label("Type").select_option("")
    page.get_by_label("Cost").select_option("")
    page.get_by_label("Track").select_option("dsa")
    roadmap = json.loads(page.evaluate("() => fetch('../roadmap.json').then(r => r.text())"))
    track_of = {skill["id"]: skill["track"] for skill in roadmap["skills"]}
    in_dsa = [r for r in roadmap["resources"] if any(track_of[s] == "dsa" for s in r["skills"])]
    expect(count).to_have_text(f"Showing {len(in_dsa)} of {total} resources.")


def test_without_javascript_the_list_is_plain_and_complete(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "reading-list/")
    expect(page.locator("[data-roadmap-filters]")).to_be_hidden()
    expect(page.locator(".roadmap-resource:visible")).to_have_count(len(resources()))
    context.close()
