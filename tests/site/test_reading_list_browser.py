"""The reading list's filters in a real browser."""

import json

import yaml
from browser_support import open_page
from playwright.sync_api import expect

from roadmap.devtools import ROOT


def resources():
    return yaml.safe_load((ROOT / "data/resources.yml").read_text())["resources"]


def test_filters_show_only_matching_entries_and_hide_empty_groups(context, site_url):
    page = open_page(context, site_url + "reading-list/")
    total = len(resources())
    count = page.locator("[data-filter-count]")
    expect(count).to_have_text(f"Showing {total} of {total} resources.")

    page.get_by_label("Type").select_option("book")
    books = [r for r in resources() if r["type"] == "book"]
    expect(count).to_have_text(f"Showing {len(books)} of {total} resources.")
    visible = page.locator(".roadmap-resource:visible")
    expect(visible).to_have_count(len(books))
    for entry in visible.all():
        assert entry.get_attribute("data-type") == "book"
    expect(page.locator("h2.roadmap-group:visible")).to_have_attribute("id", "books")

    page.get_by_label("Cost").select_option("paid")
    paid_books = [r for r in books if r["cost"] == "paid"]
    assert 0 < len(paid_books) < len(books)  # the filter leaves some out, and keeps some
    expect(count).to_have_text(f"Showing {len(paid_books)} of {total} resources.")

    page.get_by_label("Type").select_option("")
    page.get_by_label("Cost").select_option("")
    page.get_by_label("Track").select_option("dsa")
    roadmap = json.loads(page.evaluate("() => fetch('../roadmap.json').then(r => r.text())"))
    track_of = {skill["id"]: skill["track"] for skill in roadmap["skills"]}
    in_dsa = [r for r in roadmap["resources"] if any(track_of[s] == "dsa" for s in r["skills"])]
    expect(count).to_have_text(f"Showing {len(in_dsa)} of {total} resources.")


def test_chosen_filters_go_into_the_address_without_new_history_entries(context, site_url):
    page = open_page(context, site_url + "reading-list/")
    expect(page.locator("[data-roadmap-filters]")).to_be_visible()
    entries = page.evaluate("() => history.length")

    page.get_by_label("Type").select_option("book")
    expect(page).to_have_url(site_url + "reading-list/?type=book")
    page.get_by_label("Cost").select_option("free")
    expect(page).to_have_url(site_url + "reading-list/?type=book&cost=free")
    page.get_by_label("Type").select_option("")
    expect(page).to_have_url(site_url + "reading-list/?cost=free")
    page.get_by_label("Cost").select_option("")
    expect(page).to_have_url(site_url + "reading-list/")
    # replaceState: the Back button leaves the page, it does not step through the filters.
    assert page.evaluate("() => history.length") == entries


def expect_only_free_entries(page):
    free = [r for r in resources() if r["cost"] == "free"]
    assert 0 < len(free) < len(resources())
    expect(page.get_by_label("Cost")).to_have_value("free")
    expect(page.get_by_label("Type")).to_have_value("")
    expect(page.get_by_label("Track")).to_have_value("")
    expect(page.locator("[data-filter-count]")).to_have_text(
        f"Showing {len(free)} of {len(resources())} resources."
    )
    visible = page.locator(".roadmap-resource:visible")
    expect(visible).to_have_count(len(free))
    for entry in visible.all():
        assert entry.get_attribute("data-cost") == "free"


def test_a_link_with_filters_opens_the_filtered_list_and_a_reload_keeps_it(context, site_url):
    page = open_page(context, site_url + "reading-list/?cost=free")
    expect_only_free_entries(page)
    page.reload()
    expect(page).to_have_url(site_url + "reading-list/?cost=free")
    expect_only_free_entries(page)


def test_unknown_filter_values_in_the_address_are_ignored(context, site_url):
    page = open_page(context, site_url + "reading-list/?type=book&cost=priceless&colour=red")
    books = [r for r in resources() if r["type"] == "book"]
    expect(page.get_by_label("Type")).to_have_value("book")
    expect(page.get_by_label("Cost")).to_have_value("")
    expect(page.locator(".roadmap-resource:visible")).to_have_count(len(books))
    # The next choice writes only known filters, and keeps what is not a filter.
    page.get_by_label("Cost").select_option("paid")
    expect(page).to_have_url(site_url + "reading-list/?type=book&cost=paid&colour=red")


def test_without_javascript_the_list_is_plain_and_complete(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "reading-list/")
    expect(page.locator("[data-roadmap-filters]")).to_be_hidden()
    expect(page.locator(".roadmap-resource:visible")).to_have_count(len(resources()))
    context.close()


def test_filters_that_match_nothing_say_so_and_one_button_shows_every_resource(context, site_url):
    total = len(resources())
    kinds = {(r["type"], r["cost"]) for r in resources()}
    types = sorted({r["type"] for r in resources()})
    kind, cost = next((t, c) for t in types for c in ("free", "paid") if (t, c) not in kinds)
    page = open_page(context, site_url + "reading-list/")
    show_all = page.get_by_role("button", name="Show every resource")
    expect(show_all).to_be_hidden()
    page.get_by_label("Type").select_option(kind)
    expect(show_all).to_be_visible()
    page.get_by_label("Cost").select_option(cost)
    count = page.locator("[data-filter-count]")
    expect(count).to_have_text(f"No resource of the {total} matches all of these filters.")
    expect(page.locator(".roadmap-resource:visible")).to_have_count(0)

    show_all.click()
    expect(count).to_have_text(f"Showing {total} of {total} resources.")
    expect(page.locator(".roadmap-resource:visible")).to_have_count(total)
    expect(page).to_have_url(site_url + "reading-list/")
    expect(show_all).to_be_hidden()
    expect(page.get_by_label("Type")).to_be_focused()
