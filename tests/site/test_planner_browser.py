"""The study planner in a real browser."""

import json
from datetime import date

import pytest
from browser_support import open_page, saved
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
    [({"start": "next monday"}, "is not a date"), ({"hoursPerWeek": 0}, "from 1 to 100")],
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


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])


def set_plan(page, goal, hours, start, finish_by=""):
    page.get_by_label("a goal:").check()
    page.get_by_label("Goal", exact=True).select_option(goal)
    page.get_by_label("Hours of study per week").fill(str(hours))
    page.get_by_label("Start date").fill(start)
    page.get_by_label("Finish by (optional)").fill(finish_by)


@VIEWPORTS
def test_a_deadline_that_does_not_fit_says_what_it_needs_and_what_to_leave(
    context, site_url, viewport
):
    page = open_page(context, site_url + "planner/")
    page.set_viewport_size(viewport)
    set_plan(page, "first-ml-job", 8, "2027-01-04", "2027-09-30")
    fit = page.locator("[data-planner-fit]")
    expect(fit).to_have_attribute("data-planner-fit", "short")
    roadmap = json.loads(page.evaluate("() => fetch('../roadmap.json').then(r => r.text())"))
    skills = {s["id"]: s for s in roadmap["skills"]}
    goal = next(g for g in roadmap["goals"] if g["id"] == "first-ml-job")
    hours = sum(sum(skills[s]["effort_hours"]) / 2 for s in goal["skills"])
    days = (date(2027, 9, 30) - date(2027, 1, 4)).days + 1  # both days included
    weeks = days // 7  # whole weeks only
    needed = -(-hours * 2 // weeks) / 2  # to the half hour above
    expect(fit.locator("[data-planner-needed]")).to_have_attribute(
        "data-planner-needed", f"{needed:g}"
    )
    expect(fit).to_contain_text(f"needs {needed:g} hours a week (you have 8)")
    later = fit.locator("[data-planner-later] [data-skill]")
    expect(later.first).to_be_visible()
    left = [later.nth(n).get_attribute("data-skill") for n in range(later.count())]
    assert left and all(skills[s]["priority"] != "core" for s in left)
    kept = set(goal["skills"]) - set(left)
    assert not [(s, k) for k in kept for s in skills[k]["prerequisites"] if s in left]
    # Text content, not inner text: a week far down the list is not laid out until it comes near
    # the screen (planner.css), and has no inner text until then.
    titles = set(page.locator(".roadmap-plan a").all_text_contents())
    assert titles == {skills[s]["title"] for s in kept}
    # The export controls come before the long week-by-week list.
    actions = page.locator("[data-planner-actions]").bounding_box()
    assert actions["y"] < page.locator(".roadmap-plan").bounding_box()["y"]


@VIEWPORTS
def test_the_last_week_of_a_long_plan_is_drawn_where_the_reader_scrolls_to_it(
    context, site_url, viewport
):
    """The weeks are laid out only near the screen (planner.css): scrolled to, the last one is
    drawn in full and stays where the scroll put it, whatever the estimate of the weeks above."""
    page = open_page(context, site_url + "planner/")
    page.set_viewport_size(viewport)
    weeks = page.locator("[data-week]")
    expect(weeks.nth(60)).to_be_attached()  # the whole roadmap: over a hundred weeks
    last = weeks.last
    number = weeks.count()
    last.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # time for the weeks drawn on the way to take their real size
    expect(last).to_be_in_viewport()
    expect(last).to_contain_text(f"Week {number} (from ")
    box = last.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]
    link = last.get_by_role("link").last
    href = link.get_attribute("href")
    link.click()
    expect(page).to_have_url(href)


@VIEWPORTS
def test_without_a_deadline_the_core_path_and_the_whole_goal_finish_apart(
    context, site_url, viewport
):
    page = open_page(context, site_url + "planner/")
    page.set_viewport_size(viewport)
    set_plan(page, "first-ml-job", 10, "2027-01-04")
    finishes = page.locator("[data-planner-finishes]")
    expect(finishes).to_contain_text("The core path alone")
    dates = finishes.inner_text().split(" by ")
    core, whole = dates[1][:10], dates[2][:10]
    assert core < whole
    expect(page.locator("[data-planner-summary]")).to_contain_text(f"to {whole}.")
    expect(page.locator("[data-planner-this-week]")).to_contain_text("First week (from 2027-01-04)")


@VIEWPORTS
def test_settings_survive_a_reload_and_a_bad_value_replaces_the_plan(context, site_url, viewport):
    page = open_page(context, site_url + "planner/")
    page.set_viewport_size(viewport)
    set_plan(page, "from-data-science", 12.5, "2027-03-01", "2028-03-01")
    expect(page.locator("[data-planner-summary]")).to_contain_text("12.5 hours a week")
    page.reload()
    page.wait_for_function("() => document.querySelector('[data-planner-summary]')")
    expect(page.get_by_label("Hours of study per week")).to_have_value("12.5")
    expect(page.get_by_label("Start date")).to_have_value("2027-03-01")
    expect(page.get_by_label("Finish by (optional)")).to_have_value("2028-03-01")
    expect(page.get_by_label("Goal", exact=True)).to_have_value("from-data-science")
    assert saved(page)["planner"]["hoursPerWeek"] == 12.5

    page.get_by_label("Hours of study per week").fill("0")
    expect(page.locator("[data-planner-error]")).to_contain_text(
        "hours per week must be a number from 1 to 100"
    )
    expect(page.locator("[data-planner-summary]")).to_have_count(0)
    expect(page.locator("[data-week]")).to_have_count(0)


def test_the_plan_downloads_as_markdown_and_the_link_copies(context, site_url, tmp_path):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = open_page(context, site_url + "planner/")
    set_plan(page, "first-ml-job", 10, "2027-01-04")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download as Markdown").click()
    path = tmp_path / "plan.md"
    download_info.value.save_as(path)
    text = path.read_text()
    weeks = page.locator("[data-week]").count()
    assert text.startswith("# Study plan: A first ML engineering job\n")
    assert text.count("\n## Week ") == weeks
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator("[data-planner-copied]")).to_have_text("Link copied.")
    link = page.evaluate("() => navigator.clipboard.readText()")
    assert link == page.locator("[data-planner-link]").input_value()
    assert "goal=first-ml-job" in link


def test_only_the_chosen_way_to_plan_can_be_changed_and_no_track_chosen_says_so(context, site_url):
    page = open_page(context, site_url + "planner/")
    summary = page.locator("[data-planner-summary]")
    goal, target = page.get_by_label("Goal", exact=True), page.get_by_label("Target skill")
    boxes = page.locator("input[name=tracks]")
    expect(summary).to_contain_text("skills")
    expect(page.get_by_label("a goal:")).to_be_checked()
    expect(goal).to_be_enabled()
    expect(target).to_be_disabled()
    for box in boxes.all():
        expect(box).to_be_disabled()

    page.get_by_label("these tracks").check()
    expect(goal).to_be_disabled()
    for box in boxes.all():
        expect(box).to_be_enabled()
        box.uncheck()
    expect(summary).to_have_text("Choose at least one track to plan.")
    page.get_by_label("Data structures & algorithms").check()
    expect(summary).to_contain_text("skills")

    # Back to a goal: the tracks cannot be changed, and are kept for later, across a reload.
    page.get_by_label("a goal:").check()
    expect(boxes.first).to_be_disabled()
    assert saved(page)["planner"]["tracks"] == ["dsa"]
    page.reload()
    page.wait_for_function("() => document.querySelector('[data-planner-summary]')")
    expect(page.get_by_label("Data structures & algorithms")).to_be_disabled()
    page.get_by_label("these tracks").check()
    expect(page.locator("input[name=tracks]:checked")).to_have_count(1)
    expect(page.get_by_label("Data structures & algorithms")).to_be_checked()


def test_the_progress_table_shows_every_state_column_on_a_phone(context, site_url):
    """The theme lets a wide table scroll sideways inside itself, where a reader on a phone does
    not look: the state, quiz and verified columns must be on the screen."""
    page = open_page(context, site_url + "progress/")
    page.set_viewport_size(PHONE)
    table = page.locator("table:has([data-skill-state])")
    expect(table.locator("[data-skill-verified]").first).not_to_have_text("…")
    for name in ("Skill", "State", "Quiz", "Verified"):
        header = table.get_by_role("columnheader", name=name)
        box = header.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (name, box)
    assert table.evaluate("(t) => t.scrollWidth <= t.clientWidth")
    page.set_viewport_size(DESKTOP)
    expect(table.get_by_role("columnheader", name="Track")).to_be_visible()


@pytest.mark.parametrize("path", ["", "planner/", "progress/"])
def test_the_planning_pages_fit_a_phone_without_sideways_scrolling(context, site_url, path):
    page = open_page(context, site_url + path)
    page.set_viewport_size(PHONE)
    page.wait_for_function(
        "() => document.querySelector('[data-roadmap-tools], [data-planner-summary]')"
    )
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_goal_for_a_background_points_to_its_starting_point_and_uses_it(context, site_url):
    page = open_page(context, site_url + "planner/")
    set_plan(page, "from-software-engineering", 10, "2027-01-04")
    hint = page.locator("[data-planner-profile]")
    expect(hint).to_contain_text(
        "This goal assumes you start from “I come from software engineering”"
    )
    summary = page.locator("[data-planner-summary]")
    before = int(summary.inner_text().split(" skills")[0])

    page.goto(site_url)
    page.get_by_role("button", name="I come from software engineering").click()
    page.get_by_role("button", name="Apply this starting point").click()
    page.goto(site_url + "planner/")
    expect(page.get_by_label("Goal", exact=True)).to_have_value("from-software-engineering")
    expect(hint).to_be_hidden()
    covered = len(saved(page)["profile"]["marked"])
    goal = json.loads(page.evaluate("() => fetch('../roadmap.json').then(r => r.text())"))["goals"]
    in_goal = set(next(g for g in goal if g["id"] == "from-software-engineering")["skills"])
    known = in_goal & set(saved(page)["profile"]["marked"])
    assert covered and known
    expect(summary).to_contain_text(f"{before - len(known)} skills,")
