"""The portfolio rubric in Chromium: the form totals the chosen levels, keeps them across a
reload, exports them as Markdown, and sets aside an unreadable saved value. The criteria come
from data/rubric.yml, read here independently of the engine."""

import json

import pytest
import yaml
from browser_support import Watch
from playwright.sync_api import expect

from roadmap.devtools import ROOT

KEY = "ml-engineer-roadmap/rubric"


@pytest.fixture(scope="module")
def criteria():
    return yaml.safe_load((ROOT / "data/rubric.yml").read_text())["criteria"]


def open_rubric(context, site_url):
    page = context.new_page()
    page.goto(site_url + "portfolio-rubric/")
    page.wait_for_function("() => window.RoadmapRubric !== undefined")
    expect(page.locator("[data-rubric-tools]")).to_be_visible()
    return page


def choose(page, criterion_id, points):
    page.locator(f'[data-criterion="{criterion_id}"] input[value="{points}"]').check()


def test_the_form_totals_saves_and_exports_the_chosen_levels(context, site_url, criteria):
    page = open_rubric(context, site_url)
    first, second = criteria[0], criteria[1]
    most = sum(c["levels"][-1]["points"] for c in criteria)
    top = first["levels"][-1]
    choose(page, first["id"], top["points"])
    choose(page, second["id"], 0)
    page.get_by_role("textbox", name="Project").fill("Churn | with a cost matrix")
    total = page.locator("[data-rubric-total]")
    expect(total).to_have_text(
        f"Total: {top['points']} of {most} points (2 of {len(criteria)} criteria scored)."
    )

    page.reload()
    expect(total).to_contain_text(f"Total: {top['points']} of {most} points")
    expect(page.get_by_role("textbox", name="Project")).to_have_value("Churn | with a cost matrix")

    with page.expect_download() as download:
        page.get_by_role("button", name="Export as Markdown").click()
    text = download.value.path().read_text()
    assert text.startswith("# Portfolio rubric: Churn \\| with a cost matrix\n")
    assert (
        f": {top['points']} of {most} points ({len(criteria) - 2} criteria not scored yet)." in text
    )
    assert f"| {first['title']} | {top['points']} of {top['points']} | {top['text']} |" in text
    assert f"| {criteria[2]['title']} | not scored | |" in text

    page.get_by_role("button", name="Clear the form").click()
    expect(total).to_have_text(f"Total: 0 of {most} points (0 of {len(criteria)} criteria scored).")
    saved = json.loads(page.evaluate(f"() => localStorage.getItem({json.dumps(KEY)})"))
    assert saved["scores"] == {} and saved["project"] == ""


def test_an_unreadable_saved_rubric_is_kept_aside_and_reported(context, site_url):
    page = open_rubric(context, site_url)
    page.evaluate(f"() => localStorage.setItem({json.dumps(KEY)}, '{{not json')")
    page.reload()
    expect(page.locator("[data-rubric-status]")).to_contain_text("could not be read")
    keys = page.evaluate("() => Object.keys(localStorage)")
    backups = [key for key in keys if key.startswith(KEY + "/unreadable-")]
    assert len(backups) == 1
    assert page.evaluate(f"() => localStorage.getItem({json.dumps(backups[0])})") == "{not json"


def test_without_javascript_every_criterion_and_level_reads_as_a_form(browser, site_url, criteria):
    context = browser.new_context(java_script_enabled=False)
    watch = Watch(site_url)
    context.on("page", watch.attach)
    page = context.new_page()
    page.goto(site_url + "portfolio-rubric/")
    for criterion in criteria:
        fieldset = page.locator(f'[data-criterion="{criterion["id"]}"]')
        expect(fieldset.locator("legend")).to_contain_text(criterion["title"])
        expect(fieldset.locator("input[type=radio]")).to_have_count(len(criterion["levels"]))
    expect(page.locator("[data-rubric-tools]")).to_be_hidden()
    context.close()
    assert watch.foreign == []
