"""The study planner in a real browser."""

import json

import pytest
from browser_support import open_page
from playwright.sync_api import expect

BINARY_SEARCH = {
    "hoursPerWeek": 6,
    "start": "2027-01-04",
    "tracks": [],
    "target": "binary-search",
    "effort": "mean",
    "done": {},
}


def plan(page, options):
    return page.evaluate(
        "(options) => RoadmapProgress.ready.then(c => RoadmapPlanner.plan(c.index, options))",
        options,
    )


def test_a_fixed_input_gives_the_known_plan(context, site_url):
    """Complexity analysis (mean 6 h) and arrays and hashing (9 h) come before binary search
    (6 h); at 6 hours a week that is 21 hours over four weeks. Worked out by hand."""
    page = open_page(context, site_url + "planner/")
    result = plan(page, BINARY_SEARCH)
    assert [[(s["id"], s["hours"]) for s in week["sessions"]] for week in result["weeks"]] == [
        [("complexity-analysis", 6)],
        [("arrays-and-hashing", 6)],
        [("arrays-and-hashing", 3), ("binary-search", 3)],
        [("binary-search", 3)],
    ]
    assert [w["start"] for w in result["weeks"]] == [
        "2027-01-04",
        "2027-01-11",
        "2027-01-18",
        "2027-01-25",
    ]
    assert result["totalHours"] == 21
    assert result["finish"] == "2027-01-31"
    assert [(s["id"], s["firstWeek"], s["lastWeek"]) for s in result["skills"]] == [
        ("complexity-analysis", 1, 1),
        ("arrays-and-hashing", 2, 3),
        ("binary-search", 3, 4),
    ]


def test_progress_shortens_the_plan(context, site_url):
    page = open_page(context, site_url + "planner/")
    half_done = plan(page, BINARY_SEARCH | {"done": {"binary-search": 2, "complexity-analysis": 4}})
    # complexity analysis is fully done; binary search has 2 of 4 items left: 3 of its 6 hours.
    assert [(s["id"], s["hours"]) for s in half_done["skills"]] == [
        ("arrays-and-hashing", 9),
        ("binary-search", 3),
    ]
    assert plan(page, BINARY_SEARCH | {"effort": "max"})["totalHours"] == 8 + 12 + 8


def test_every_skill_comes_after_its_prerequisites_in_a_whole_roadmap_plan(context, site_url):
    page = open_page(context, site_url + "planner/")
    roadmap = json.loads(page.evaluate("() => fetch('../roadmap.json').then(r => r.text())"))
    tracks = [t["id"] for t in roadmap["tracks"]]
    result = plan(page, BINARY_SEARCH | {"target": "", "tracks": tracks})
    order = [s["id"] for s in result["skills"]]
    assert sorted(order) == sorted(s["id"] for s in roadmap["skills"])
    prerequisites = {s["id"]: s["prerequisites"] for s in roadmap["skills"]}
    assert all(order.index(p) < order.index(s) for s in order for p in prerequisites[s])


@pytest.mark.parametrize(
    ("change", "message"),
    [({"start": "next monday"}, "is not a date"), ({"hoursPerWeek": 0}, "between 0 and 100")],
)
def test_bad_options_are_refused_with_a_reason(context, site_url, change, message):
    page = open_page(context, site_url + "planner/")
    with pytest.raises(Exception, match=message):
        plan(page, BINARY_SEARCH | change)


def test_the_page_plans_shares_and_exports_with_the_keyboard(context, site_url, tmp_path):
    page = open_page(context, site_url + "planner/")
    form = page.locator("[data-roadmap-planner] form")
    expect(form).to_be_visible()
    # Keys only: focus a field, type, and move with Tab and the arrow keys.
    page.get_by_label("Hours of study per week").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("6")
    page.keyboard.press("Tab")  # to the start date, typed in the browser's month/day/year order
    page.keyboard.type("01042027")
    page.get_by_label("these tracks").focus()
    page.keyboard.press("ArrowDown")  # to the other choice of the same radio group
    expect(page.get_by_label("one skill and everything it needs")).to_be_checked()
    page.keyboard.press("Tab")  # to the target skill list
    page.keyboard.type("Binary")
    expect(page.get_by_label("Target skill")).to_have_value("binary-search")
    summary = page.locator("[data-planner-summary]")
    expect(summary).to_have_text(
        "3 skills, 21 hours at 6 hours a week: 4 weeks, from 2027-01-04 to 2027-01-31."
    )
    expect(page.locator("[data-week]")).to_have_count(4)

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download as a calendar (.ics)").focus()
        page.keyboard.press("Enter")
    ics = tmp_path / "plan.ics"
    download_info.value.save_as(ics)
    text = ics.read_bytes().decode()  # not read_text(): it would translate the CRLF line ends
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 3
    binary_search = "DTSTART;VALUE=DATE:20270118\r\nDTEND;VALUE=DATE:20270201\r\n"
    assert binary_search + "SUMMARY:Study: Binary search (6 h)" in text

    link = page.locator("[data-planner-link]").input_value()
    other = open_page(context, link)
    expect(other.locator("[data-planner-shared]")).to_be_visible()
    expect(other.locator("[data-planner-summary]")).to_have_text(summary.inner_text())
