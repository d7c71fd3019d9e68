"""Verified skills, in Chromium: a skill whose quiz is passed and whose exercise passed (run on
its page, or reported by the reader after `make exercise`) shows as verified, apart from its
ticked items, on its header, its track's page, the home page, the map and the progress page; a
wrong answer when the quiz is taken again takes the mark away; a self-reported pass says so, and
travels with exported progress. The quizzes and the counts come from the built site's data."""

import json
import re
from datetime import UTC, datetime

import pytest
from browser_support import editor_of, open_page, run, saved, solution
from playwright.sync_api import expect

from roadmap.devtools import ROOT
from roadmap.load import load_roadmap

LINE = "[data-verification]"


@pytest.fixture(scope="module")
def roadmap():
    loaded, problems = load_roadmap(ROOT)
    assert not problems
    return {page.skill.id: page.skill for page in loaded.skills}


@pytest.fixture(scope="module")
def published(site) -> dict:
    """roadmap.json as built: each skill's quiz and exercises."""
    return json.loads((site / "roadmap.json").read_text(encoding="utf-8"))


def verifiable(published: dict, track: str | None = None) -> int:
    """How many skills (of a track, or of the whole roadmap) have a quiz or an exercise."""
    skills = [s for s in published["skills"] if track in (None, s["track"])]
    return sum(1 for s in skills if s["quiz"] or s["exercises"])


def answer_quiz(page, skill, wrong: int | None = None):
    """Pick the right option of every question of the skill's quiz, but the wrong one at
    question number `wrong`."""
    for number, question in enumerate(skill.quiz):
        pick = next(
            i for i, option in enumerate(question.options) if option.correct is (number != wrong)
        )
        element = page.locator(f'[data-question="{skill.id}/{question.id}"]')
        element.locator(f'li[data-option="{pick}"] button').click()
        expect(element.locator("[data-verdict]")).to_be_visible()


@pytest.mark.pyodide
def test_a_quiz_passed_and_an_exercise_run_in_the_browser_verify_the_skill_everywhere(
    context, site_url, roadmap, published
):
    skill = roadmap["binary-search"]
    total = len(skill.quiz)
    page = open_page(context, site_url + "dsa/binary-search/")
    line = page.locator(LINE)
    expect(line).to_have_text("Not verified yet: quiz not taken, exercise not passed.")

    answer_quiz(page, skill)
    expect(line).to_have_text(
        f"Not verified yet: quiz passed ({total} of {total} right), exercise not passed."
    )
    box = editor_of(page)
    status = run(box, solution("dsa/binary_search"))
    assert re.fullmatch(r"\d+ passed\.", status), status
    expect(line).to_have_text(f"Verified: quiz passed ({total} of {total} right), exercise passed.")
    expect(line).to_have_class(re.compile("roadmap-verification--verified"))
    # Verified is not ticked: the checklist is untouched.
    items = len(skill.checklist)
    expect(page.locator('[data-progress="skill:binary-search"] span')).to_have_text(
        f"Your progress: 0 of {items} items (0%)"
    )

    in_track, everywhere = verifiable(published, "dsa"), verifiable(published)
    page.goto(site_url + "dsa/")
    expect(page.locator('[data-progress="track:dsa"] span')).to_contain_text(
        f" · 1 of {in_track} skills verified"
    )
    page.goto(site_url)
    expect(page.locator('[data-progress="all"] span')).to_have_text(
        re.compile(rf"^Whole roadmap: 0 of \d+ items \(0%\) · 1 of {everywhere} skills verified$")
    )
    expect(page.locator('[data-progress="track:dsa"] span')).to_contain_text(
        f"1 of {in_track} skills verified"
    )

    page.goto(site_url + "map/")
    node = page.locator('a.roadmap-node[data-skill="binary-search"]')
    expect(node).to_have_class(re.compile(r"\broadmap-verified\b"))
    expect(node).to_have_attribute("aria-label", re.compile(r"^Binary search\. .* Verified\.$"))
    expect(page.locator("a.roadmap-node.roadmap-verified")).to_have_count(1)
    legend = page.locator(".roadmap-legend li", has_text="Verified")
    expect(legend).to_have_text("Verified: quiz and exercises passed, shield mark")

    page.goto(site_url + "progress/")
    expect(page.locator('[data-skill-verified="binary-search"]')).to_have_text("yes")
    expect(page.locator('[data-skill-verified="arrays-and-hashing"]')).to_have_text(
        "not yet: quiz, exercise"
    )
    expect(page.locator("[data-verified-total]")).to_have_text(
        f"1 of {everywhere} skills verified."
    )
    expect(page.locator("[data-quiz-pass-rule]")).to_have_text(
        "every question answered and at least 80% of your last answers right"
    )

    # Taking the quiz again and getting one wrong takes the mark away, here and on the map.
    page.goto(site_url + "dsa/binary-search/")
    page.get_by_role("button", name="Try the quiz again").click()
    answer_quiz(page, skill, wrong=0)
    expect(line).to_have_text(
        f"Not verified yet: quiz not passed ({total - 1} of {total} right; it needs all "
        "answered, 80% right), exercise passed."
    )
    page.goto(site_url + "map/")
    expect(page.locator("a.roadmap-node.roadmap-verified")).to_have_count(0)
    expect(page.locator('a.roadmap-node[data-skill="binary-search"]')).not_to_have_attribute(
        "aria-label", re.compile("Verified")
    )
    page.goto(site_url + "progress/")
    expect(page.locator('[data-skill-verified="binary-search"]')).to_have_text("not yet: quiz")


def test_a_numpy_exercise_passed_with_make_exercise_is_self_reported_and_travels(
    context, site_url, roadmap, tmp_path
):
    skill = roadmap["numpy-pandas-and-plotting"]
    total = len(skill.quiz)
    page = open_page(context, site_url + "data-science/numpy-pandas-and-plotting/")
    report = page.get_by_role("button", name="I ran make exercise NAME=standardise and it passed")
    expect(report).to_have_attribute("aria-pressed", "false")
    answer_quiz(page, skill)
    line = page.locator(LINE)
    expect(line).to_have_text(
        f"Not verified yet: quiz passed ({total} of {total} right), exercise not passed."
    )

    report.click()
    today = datetime.now(UTC).date().isoformat()
    expect(report).to_have_attribute("aria-pressed", "true")
    expect(report).to_have_accessible_description(
        f"Self-reported as passed on {today}; press again to take it back."
    )
    expect(line).to_have_text(
        f"Verified: quiz passed ({total} of {total} right), exercise passed (self-reported)."
    )
    entry = saved(page)["exercises"]["data_science/standardise"]
    assert entry["self"] is True and entry["code"] is None and entry["passed"].startswith(today)

    page.goto(site_url + "progress/")
    expect(page.locator('[data-skill-verified="numpy-pandas-and-plotting"]')).to_have_text(
        "yes (exercise self-reported)"
    )
    expect(page.locator("[data-verified-total]")).to_contain_text("1 with a self-reported exercise")
    with page.expect_download() as json_info:
        page.get_by_role("button", name="Export as JSON").click()
    exported = tmp_path / "progress.json"
    json_info.value.save_as(exported)
    assert json.loads(exported.read_text())["exercises"]["data_science/standardise"] == entry
    with page.expect_download() as markdown_info:
        page.get_by_role("button", name="Export as a Markdown task list").click()
    markdown = tmp_path / "progress.md"
    markdown_info.value.save_as(markdown)
    assert (
        f"Verified: quiz passed ({total} of {total} right), exercise passed (self-reported)."
    ) in markdown.read_text()

    # Cleared, then imported back: the self-reported pass comes back with it.
    page.evaluate("() => localStorage.clear()")
    page.reload()
    expect(page.locator('[data-skill-verified="numpy-pandas-and-plotting"]')).to_have_text(
        "not yet: quiz, exercise"
    )
    page.set_input_files("input[type=file][data-action=import]", str(exported))
    expect(page.locator("[data-import-summary]")).to_contain_text("1 exercise changed")
    page.get_by_role("button", name="Apply import").click()
    expect(page.locator('[data-skill-verified="numpy-pandas-and-plotting"]')).to_have_text(
        "yes (exercise self-reported)"
    )

    # Taken back: the pass is gone, and with it the mark.
    page.goto(site_url + "data-science/numpy-pandas-and-plotting/")
    report.click()
    expect(report).to_have_attribute("aria-pressed", "false")
    expect(line).to_have_text(
        f"Not verified yet: quiz passed ({total} of {total} right), exercise not passed."
    )
    assert "data_science/standardise" not in saved(page)["exercises"]


def test_an_exercise_that_runs_on_its_page_offers_no_self_report(context, site_url, published):
    """Only the exercises that run with `make exercise` alone can be reported by hand: the
    others are verified by their run on the page."""
    shown = {s["url"]: s["exercises"] for s in published["skills"] if s["exercises"]}
    page = open_page(context, site_url)
    for url, exercises in shown.items():
        page.goto(site_url + url)
        for exercise in exercises:
            button = page.locator(f'button[data-self-report="{exercise["id"]}"]')
            expect(button).to_have_count(0 if exercise["in_browser"] else 1)
    # Both kinds are on the site, so both branches above ran.
    assert {e["in_browser"] for exercises in shown.values() for e in exercises} == {True, False}
