"""Search in the browser, with the index the site ships: a skill by its title, a checklist
item by its words and a resource by its title each lead to the right page."""

import json

import pytest
from browser_support import search_results as results


@pytest.fixture(scope="module")
def roadmap(site):
    return json.loads((site / "roadmap.json").read_text(encoding="utf-8"))


def test_search_finds_a_skill_a_checklist_item_and_a_resource(context, site_url, roadmap):
    skill = next(s for s in roadmap["skills"] if s["id"] == "binary-search")
    item = next(i for i in skill["checklist"] if "bisect" in i["text"])
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url)

    found = results(page, skill["title"])
    assert site_url + skill["url"] in found[:3]

    found = results(page, "bisect module insert sorted")
    assert site_url + skill["url"] + "#checklist" in found[:2], item["text"]

    # The words that set the title apart: the theme's search matches any of the words typed, so
    # "in Machine Learning Systems" would rank every page about ML systems too.
    assert any(r["title"].startswith("Hidden Technical Debt") for r in roadmap["resources"])
    found = results(page, "Hidden Technical Debt")
    assert found[0] == site_url + "reading-list/" and found[1] == site_url + "reading-list/#papers"
