"""Search in the browser, with the index the site ships: a skill by its title, a checklist
item by its words and a resource by its title each lead to the right page. Only the search page
loads the index; every other page's header takes the reader there (roadmap/search.py)."""

import json

import pytest
from browser_support import search_results as results
from playwright.sync_api import expect

from roadmap.devtools import KEY_PAGES
from roadmap.offline import SEARCH_INDEX
from roadmap.search import SEARCH_URL

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
WORKER = "assets/javascripts/workers/search."


@pytest.fixture(scope="module")
def roadmap(site):
    return json.loads((site / "roadmap.json").read_text(encoding="utf-8"))


def test_search_finds_a_skill_a_checklist_item_and_a_resource(context, site_url, roadmap):
    skill = next(s for s in roadmap["skills"] if s["id"] == "binary-search")
    item = next(i for i in skill["checklist"] if "bisect" in i["text"])
    page = context.new_page()
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + SEARCH_URL)

    found = results(page, skill["title"])
    assert site_url + skill["url"] in found[:3]

    found = results(page, "bisect module insert sorted")
    assert site_url + skill["url"] + "#checklist" in found[:2], item["text"]

    # The words that set the title apart: the theme's search matches any of the words typed, so
    # "in Machine Learning Systems" would rank every page about ML systems too.
    assert any(r["title"].startswith("Hidden Technical Debt") for r in roadmap["resources"])
    found = results(page, "Hidden Technical Debt")
    assert found[0] == site_url + "reading-list/" and found[1] == site_url + "reading-list/#papers"


def requests_of_a_first_visit(context, url: str) -> list[str]:
    page = context.new_page()
    page.set_viewport_size(PHONE)
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.close()
    return asked


@pytest.mark.parametrize("path", KEY_PAGES.values(), ids=KEY_PAGES.keys())
def test_a_page_other_than_search_loads_neither_the_index_nor_the_worker(context, site_url, path):
    asked = requests_of_a_first_visit(context, site_url + path)
    assert site_url + path in asked  # the page itself was counted
    assert not [url for url in asked if SEARCH_INDEX in url or WORKER in url]


def test_the_search_page_loads_the_index_and_the_worker(context, site_url):
    asked = requests_of_a_first_visit(context, site_url + SEARCH_URL)
    assert site_url + SEARCH_INDEX in asked
    assert any(url.startswith(site_url + WORKER) for url in asked)


def test_the_header_box_takes_the_words_to_the_search_page_with_results(context, site_url):
    page = context.new_page()
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "dsa/binary-search/")
    expect(page.locator("a.roadmap-search__button")).to_be_hidden()
    box = page.get_by_role("search").get_by_role("textbox", name="Search")
    hint = page.locator(".roadmap-search__hint")
    expect(box).to_have_accessible_description("Press Enter to see the results")
    box.focus()
    expect(hint).to_be_hidden()  # shown once there are words to send
    box.fill("Hidden Technical Debt")
    expect(hint).to_be_visible()
    hint_box, box_box = hint.bounding_box(), box.bounding_box()
    assert hint_box["y"] >= box_box["y"] + box_box["height"]  # under the box, not over it
    box.press("Enter")

    page.wait_for_url(f"{site_url}{SEARCH_URL}?q=Hidden+Technical+Debt")
    query = page.locator("input[data-md-component=search-query]")
    expect(query).to_be_focused()
    expect(query).to_have_value("Hidden Technical Debt")
    first = page.locator(".md-search-result__list a").first
    expect(first).to_be_visible()
    assert first.evaluate("a => a.href").split("?")[0] == site_url + "reading-list/"


def test_on_a_phone_the_header_button_opens_the_search_ready_to_type(context, site_url):
    page = context.new_page()
    page.set_viewport_size(PHONE)
    page.goto(site_url + "planner/")
    expect(page.get_by_role("search")).to_be_hidden()
    page.get_by_role("banner").get_by_role("link", name="Search").click()

    page.wait_for_url(f"{site_url}{SEARCH_URL}?q=")
    query = page.locator("input[data-md-component=search-query]")
    expect(query).to_be_focused()
    expect(query).to_be_visible()
    page.keyboard.type("bisect")
    expect(page.locator(".md-search-result__list a").first).to_be_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_theme_search_keys_work_on_every_page(context, site_url, viewport):
    page = context.new_page()
    page.set_viewport_size(viewport)
    page.goto(site_url + "map/")
    page.keyboard.press("/")
    if viewport is PHONE:
        page.wait_for_url(f"{site_url}{SEARCH_URL}?q=")
        expect(page.locator("input[data-md-component=search-query]")).to_be_focused()
    else:
        expect(page.get_by_role("search").get_by_role("textbox", name="Search")).to_be_focused()
        page.keyboard.type("s")  # typed into the box, not taken as the key again
        expect(page.get_by_role("search").get_by_role("textbox")).to_have_value("s")
