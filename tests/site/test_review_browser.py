"""Spaced review and notes in a real browser (Debian's Chromium driven by Playwright, against the
built site): the schedule an answer sets, the review page, notes, export and import, storage
failures and progress saved by the site's first version. The browser's clock is set with
Playwright's, so "today" is a known day."""

import json
import re

from browser_support import KEY, fill_storage, launch_blocking_storage, open_page, saved
from playwright.sync_api import expect

SKILL = "dsa/binary-search/"
NOTES = 'textarea[data-notes="binary-search"]'
DAY = "2027-03-01"
QUIZ = "binary-search"


def on_day(context, day, hour="10:00:00"):
    """Fix the browser's clock (every page of the context) at `day`, a local time."""
    context.clock.set_fixed_time(f"{day}T{hour}")


def question_ids(page):
    return page.eval_on_selector_all(
        f'[data-quiz="{QUIZ}"] [data-question]', "els => els.map(e => e.dataset.question)"
    )


def answer(page, question_id, right):
    """Answer a question on its skill page, rightly or wrongly."""
    question = page.locator(f'[data-question="{question_id}"]')
    pick = "li[data-correct]" if right else "li[data-option]:not([data-correct])"
    question.locator(f"{pick} button[data-choice]").first.click()
    expect(question.locator("[data-verdict]")).to_have_text(
        "Right." if right else "Not quite: see why below."
    )


def store(page, envelope):
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps(envelope)])


def envelope(**fields):
    return {"format": "ml-engineer-roadmap-progress", "version": 2, "items": {}, "skipped": {}} | (
        fields
    )


def shown_question(page):
    return page.locator("[data-review-question]:visible").get_attribute("data-review-question")


def test_a_wrong_answer_is_due_the_next_day_and_a_right_one_later(context, site_url):
    on_day(context, DAY)
    page = open_page(context, site_url + SKILL)
    first, second = question_ids(page)[:2]
    answer(page, first, right=True)
    answer(page, second, right=False)
    assert saved(page)["review"] == {
        first: {"box": 1, "due": "2027-03-04"},
        second: {"box": 0, "due": "2027-03-02"},
    }

    page.goto(site_url + "review/")  # the same day: nothing due yet
    status = page.locator("[data-review-status]")
    expect(status).to_have_text(
        "Nothing is due for review today. The next question is due on 2027-03-02."
    )
    expect(page.locator("[data-review-question]:visible")).to_have_count(0)

    on_day(context, "2027-03-02")  # the next day: the wrong one only
    page.reload()
    expect(status).to_have_text("Question 1 of 1 due today.")
    assert shown_question(page) == second
    # Right this time: up to box 1, three days on; the one answered right is still not due.
    page.locator("[data-review-question]:visible li[data-correct] button").click()
    expect(page.locator("[data-review-question]:visible .roadmap-quiz__verdict")).to_have_text(
        "Right: asked again on 2027-03-05."
    )
    assert saved(page)["review"][second] == {"box": 1, "due": "2027-03-05"}
    assert saved(page)["review"][first] == {"box": 1, "due": "2027-03-04"}
    page.get_by_role("button", name="Finish").click()
    expect(status).to_have_text(
        "Done: nothing more is due today. The next question is due on 2027-03-04."
    )

    on_day(context, "2027-03-04")  # the right one comes back three days after its answer
    page.reload()
    expect(status).to_have_text("Question 1 of 1 due today.")
    assert shown_question(page) == first


def test_the_review_page_asks_exactly_the_questions_due_one_at_a_time(context, site_url):
    on_day(context, DAY)
    page = open_page(context, site_url)
    review = {
        "binary-search/invariant": {"box": 2, "due": "2027-02-20"},  # overdue: asked first
        "binary-search/bisect-left-right": {"box": 0, "due": DAY},
        "graphs/bfs-fewest-hops": {"box": 3, "due": DAY},
        "two-pointers/sorted-pair": {"box": 1, "due": "2027-03-02"},  # tomorrow: not asked
        "gone-skill/old-question": {"box": 0, "due": "2027-01-01"},  # no longer in the roadmap
    }
    known = set(
        page.evaluate(
            "() => fetch('page-data.json').then(r => r.json()).then(d =>"
            " d.skills.flatMap(s => s.quiz.map(q => s.id + '/' + q)))"
        )
    )
    assert set(review) - known == {"gone-skill/old-question"}, "the test's ids are real"
    store(page, envelope(quiz={}, review=review))
    page.reload()
    due = page.locator("[data-review-due]")
    expect(due).to_have_text("3 quiz questions due for review today")
    fetched = []
    page.on("request", lambda r: "/review/questions/" in r.url and fetched.append(r.url))
    due.get_by_role("link").click()
    page.wait_for_url("**/review/")
    status = page.locator("[data-review-status]")
    expect(status).to_have_text("Question 1 of 3 due today.")
    # Only the questions of the skills with one due are fetched, and nothing after that.
    assert sorted(url.rsplit("/", 1)[1] for url in fetched) == ["binary-search.json", "graphs.json"]
    context.set_offline(True)

    asked = []
    for n in range(1, 4):
        expect(status).to_have_text(f"Question {n} of 3 due today.")
        expect(page.locator("[data-review-question]:visible")).to_have_count(1)
        question = page.locator("[data-review-question]:visible")
        asked.append(question.get_attribute("data-review-question"))
        # The same choices and explanations as on the skill page, and a link to the skill.
        if n > 1:  # after "Next question", focus is on the new question's first choice
            expect(question.locator("button[data-review-choice]").first).to_be_focused()
        expect(question.locator("details")).to_be_hidden()
        question.locator("li:not([data-correct]) > button[data-review-choice]").first.click()
        expect(question.locator("details")).to_be_visible()
        expect(question.locator(".roadmap-quiz__verdict")).to_have_text(
            "Not quite: see why below. Asked again tomorrow."
        )
        expect(question.locator(".roadmap-quiz__verdict")).to_be_focused()  # read out first
        page.get_by_role("button", name="Next question" if n < 3 else "Finish").click()
    assert asked == [
        "binary-search/invariant",
        "binary-search/bisect-left-right",
        "graphs/bfs-fewest-hops",
    ]
    expect(status).to_have_text(
        "Done: nothing more is due today. The next question is due on 2027-03-02."
    )
    after = saved(page)["review"]
    for qid in asked:
        assert after[qid] == {"box": 0, "due": "2027-03-02"}
    assert after["two-pointers/sorted-pair"] == review["two-pointers/sorted-pair"]
    assert after["gone-skill/old-question"] == review["gone-skill/old-question"]  # kept
    assert saved(page)["quiz"] == dict.fromkeys(asked, False)
    context.set_offline(False)

    # Each question links to its skill page's quiz. The next day, all four are due.
    on_day(context, "2027-03-02")
    page.reload()
    expect(status).to_have_text("Question 1 of 4 due today.")
    question = page.locator("[data-review-question]:visible")
    expect(question).to_have_attribute("data-review-question", "binary-search/bisect-left-right")
    question.get_by_role("link", name="Binary search").click()
    page.wait_for_url("**/dsa/binary-search/#check-yourself")
    expect(page.locator('[data-question="binary-search/invariant"]')).to_be_visible()


def test_notes_are_saved_as_typed_survive_reload_and_reach_a_second_tab(context, site_url):
    page = open_page(context, site_url + SKILL)
    box = page.get_by_role("textbox", name="My notes on this skill")
    expect(box).to_be_visible()
    box.press_sequentially("bisect_left: first place")
    # Saved while typing, half a second after the last key, with no blur.
    page.wait_for_function(
        f"() => JSON.parse(localStorage.getItem({json.dumps(KEY)}) || '{{}}').notes"
        "?.['binary-search'] === 'bisect_left: first place'"
    )
    expect(box).to_be_focused()
    page.reload()
    expect(page.locator(NOTES)).to_have_value("bisect_left: first place")

    other = open_page(context, site_url + SKILL)
    expect(other.locator(NOTES)).to_have_value("bisect_left: first place")
    # A change in the first tab reaches the open second tab (the storage event).
    page.locator(NOTES).fill("<img src=x onerror=alert(1)> changed")
    page.locator(NOTES).blur()
    expect(other.locator(NOTES)).to_have_value("<img src=x onerror=alert(1)> changed")

    # The progress page shows notes as text, never as markup.
    other.goto(site_url + "progress/")
    notes = other.locator("[data-notes-list]")
    expect(notes).to_contain_text("Binary search")
    expect(notes.locator(".roadmap-note")).to_have_text("<img src=x onerror=alert(1)> changed")
    expect(notes.locator("img")).to_have_count(0)

    # Emptied, a note is gone.
    page.locator(NOTES).fill("")
    page.locator(NOTES).blur()
    assert "binary-search" not in saved(page)["notes"]
    other.reload()
    expect(other.locator("[data-notes-list]")).to_have_text(
        "No notes yet: each skill page has a box for them."
    )


def test_a_note_typed_just_before_leaving_is_saved(context, site_url):
    page = open_page(context, site_url + SKILL)
    page.locator(NOTES).press_sequentially("last words")
    page.goto(site_url + "progress/")  # within the debounce: pagehide saves it
    expect(page.locator("[data-notes-list] .roadmap-note")).to_have_text("last words")
    assert saved(page)["notes"] == {"binary-search": "last words"}


def test_export_clear_import_restores_the_schedule_and_notes(context, site_url, tmp_path):
    on_day(context, DAY)
    page = open_page(context, site_url + SKILL)
    first, second = question_ids(page)[:2]
    answer(page, first, right=True)
    answer(page, second, right=False)
    page.locator(NOTES).fill("line one\nline two")
    page.locator(NOTES).blur()
    before = saved(page)
    assert before["notes"] == {"binary-search": "line one\nline two"}

    page.goto(site_url + "progress/")
    expect(page.locator("[data-review-due]")).to_have_text(
        "No quiz questions due for review today; next on 2027-03-02"
    )
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export as JSON").click()
    exported = tmp_path / "progress.json"
    download_info.value.save_as(exported)
    data = json.loads(exported.read_text())
    assert data["version"] == 2
    assert data["review"] == before["review"] and data["notes"] == before["notes"]

    with page.expect_download() as markdown_info:
        page.get_by_role("button", name="Export as a Markdown task list").click()
    markdown = tmp_path / "progress.md"
    markdown_info.value.save_as(markdown)
    text = markdown.read_text()
    assert "Quiz questions due for review: 0; the next on 2027-03-02." in text
    assert "My notes:\n\n> line one\n> line two\n" in text

    page.evaluate("() => localStorage.clear()")
    page.reload()
    expect(page.locator("[data-notes-list]")).to_contain_text("No notes yet")
    page.set_input_files("input[type=file][data-action=import]", str(exported))
    expect(page.locator("[data-import-summary]")).to_contain_text("1 skill note changed")
    page.get_by_role("button", name="Apply import").click()
    after = saved(page)
    assert after["review"] == before["review"] and after["notes"] == before["notes"]
    assert after["quiz"] == before["quiz"]
    expect(page.locator("[data-notes-list] .roadmap-note")).to_have_text("line one\nline two")
    page.goto(site_url + SKILL)
    expect(page.locator(NOTES)).to_have_value("line one\nline two")


def test_a_note_that_cannot_be_saved_is_reported_and_kept_on_the_page(context, site_url):
    page = open_page(context, site_url + SKILL)
    fill_storage(page)
    page.locator(NOTES).fill("a note the full storage refuses" + "!" * 200)
    page.locator(NOTES).blur()
    expect(page.get_by_role("alert")).to_contain_text("storage for this site is full")
    expect(page.locator(NOTES)).to_have_value(re.compile("^a note the full storage refuses"))
    assert saved(page) is None


def test_blocked_storage_is_reported_and_notes_and_answers_work_for_the_visit(
    playwright, site_url, tmp_path
):
    with launch_blocking_storage(playwright, tmp_path) as context:
        page = context.new_page()
        page.goto(site_url + SKILL)
        expect(page.get_by_role("alert")).to_contain_text("does not let this site use its storage")
        page.locator(NOTES).fill("kept for this visit")
        page.locator(NOTES).blur()
        expect(page.get_by_role("alert")).to_contain_text("could not be saved")
        expect(page.locator(NOTES)).to_have_value("kept for this visit")


VERSION_1 = {
    "format": "ml-engineer-roadmap-progress",
    "version": 1,
    "updated": "2027-02-10T18:30:00.000Z",
    "items": {"binary-search/lower-bound": True, "probability/bayes": True},
    "skipped": {"arrays-and-hashing": True, "complexity-analysis": True},
    "quiz": {"binary-search/invariant": True, "binary-search/bisect-left-right": False},
    "profile": {"id": "software-engineer", "marked": ["complexity-analysis"]},
    "planner": {"hoursPerWeek": 8, "start": "2027-01-04", "goal": "first-ml-job"},
}
UPGRADED_REVIEW = {
    "binary-search/invariant": {"box": 1, "due": "2027-02-13"},  # right on 2027-02-10
    "binary-search/bisect-left-right": {"box": 0, "due": "2027-02-11"},  # wrong
}


def _kept(envelope):
    """Everything a version 1 file holds, as saved now."""
    return {key: envelope[key] for key in VERSION_1 if key not in ("version", "updated")}


def test_progress_saved_by_version_1_is_kept_whole_and_scheduled_for_review(context, site_url):
    on_day(context, DAY)
    page = open_page(context, site_url)
    store(page, VERSION_1)
    page.goto(site_url + SKILL)
    upgraded = saved(page)
    assert upgraded["version"] == 2
    assert _kept(upgraded) == _kept(VERSION_1)
    assert upgraded["review"] == UPGRADED_REVIEW and upgraded["notes"] == {}
    expect(page.locator('li[data-item="binary-search/lower-bound"] input')).to_be_checked()
    expect(page.locator('[data-question="binary-search/invariant"] [data-verdict]')).to_have_text(
        "Right."
    )
    page.goto(site_url)
    expect(page.locator("[data-profile-current]").first).to_contain_text(
        "I come from software engineering"
    )
    expect(page.locator("[data-review-due]")).to_have_text("2 quiz questions due for review today")


def test_a_version_1_file_imports_whole(context, site_url, tmp_path):
    on_day(context, DAY)
    page = open_page(context, site_url + "progress/")
    path = tmp_path / "old.json"
    path.write_text(json.dumps(VERSION_1))
    page.locator("input[name=import-mode][value=replace]").check()
    page.set_input_files("input[type=file][data-action=import]", str(path))
    expect(page.locator("[data-import-summary]")).to_contain_text(
        "Importing it: 2 items ticked, 2 skills marked as known"
    )
    page.get_by_role("button", name="Apply import").click()
    imported = saved(page)
    assert imported["version"] == 2 and _kept(imported) == _kept(VERSION_1)
    assert imported["review"] == UPGRADED_REVIEW
