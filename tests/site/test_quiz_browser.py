"""Quizzes on skill pages, in Chromium: explanations hidden until the reader answers, the
score kept with the reader's progress, a retry, and a plain list of folded answers without
JavaScript. The quiz used is read from the roadmap data, not copied here."""

import re

import pytest
from browser_support import Watch, open_page, saved
from playwright.sync_api import expect

from roadmap.devtools import ROOT
from roadmap.load import load_roadmap


@pytest.fixture(scope="module")
def quizzed():
    """The first skill with a quiz: its page URL and its questions."""
    roadmap, problems = load_roadmap(ROOT)
    assert not problems
    page = next(p for p in roadmap.skills if len(p.skill.quiz) >= 2)
    url = page.src_path.removesuffix(".md") + "/"
    return page.skill, url


def question(page, skill, number):
    q = skill.quiz[number]
    return q, page.locator(f'[data-question="{skill.id}/{q.id}"]')


def choice(question_element, index):
    return question_element.locator(f'li[data-option="{index}"] button')


def test_answers_reveal_explanations_keep_a_score_and_can_be_retried(context, site_url, quizzed):
    skill, url = quizzed
    page = open_page(context, site_url + url)
    first, first_el = question(page, skill, 0)
    second, second_el = question(page, skill, 1)
    total = len(skill.quiz)
    expect(choice(first_el, 0)).to_be_enabled()
    expect(first_el.locator("details")).to_be_hidden()
    expect(page.locator("[data-quiz-retry]")).to_be_hidden()

    wrong = next(i for i, option in enumerate(first.options) if not option.correct)
    right = next(i for i, option in enumerate(second.options) if option.correct)
    choice(first_el, wrong).click()
    expect(first_el.locator("[data-verdict]")).to_have_text("Not quite: see why below.")
    expect(first_el.locator(f'[data-why="{wrong}"]')).to_be_visible()
    expect(first_el.locator("li[data-correct]")).to_have_class(re.compile("roadmap-quiz__right"))
    expect(choice(first_el, wrong)).to_be_disabled()
    choice(second_el, right).click()
    expect(second_el.locator("[data-verdict]")).to_have_text("Right.")
    score = page.locator("[data-quiz-score]")
    expect(score).to_have_text(f"2 of {total} answered, 1 right so far.")
    assert saved(page)["quiz"] == {f"{skill.id}/{first.id}": False, f"{skill.id}/{second.id}": True}

    page.reload()
    expect(score).to_have_text(f"2 of {total} answered, 1 right so far.")
    expect(choice(first_el, wrong)).to_be_disabled()
    expect(first_el.locator("details")).to_be_visible()

    page.get_by_role("button", name="Try the quiz again").click()
    expect(score).to_have_text(f"{total} questions; pick an answer to check it.")
    expect(first_el.locator("details")).to_be_hidden()
    expect(choice(first_el, wrong)).to_be_enabled()
    assert saved(page)["quiz"] == {}


def test_quiz_answers_travel_with_exported_progress(context, site_url, quizzed):
    skill, url = quizzed
    page = open_page(context, site_url + url)
    first, first_el = question(page, skill, 0)
    right = next(i for i, option in enumerate(first.options) if option.correct)
    choice(first_el, right).click()
    expect(first_el.locator("[data-verdict]")).to_have_text("Right.")
    envelope = saved(page)
    checks = page.evaluate(
        """(envelope) => {
          const P = window.RoadmapProgress;
          const older = { ...envelope };
          delete older.quiz;
          return {
            roundTrip: P.readEnvelope(JSON.parse(JSON.stringify(envelope))).state.quiz,
            older: P.readEnvelope(older).state.quiz,
            bad: P.readEnvelope({ ...envelope, quiz: { "a/b": 1 } }).error,
          };
        }""",
        envelope,
    )
    assert checks["roundTrip"] == {f"{skill.id}/{first.id}": True}
    assert checks["older"] == {}  # files exported before quizzes existed still import
    assert checks["bad"] == '"quiz.a/b" must be true or false, not 1'


def test_without_javascript_the_quiz_is_a_list_with_folded_answers(browser, site_url, quizzed):
    skill, url = quizzed
    context = browser.new_context(java_script_enabled=False)
    watch = Watch(site_url)
    context.on("page", watch.attach)
    page = context.new_page()
    page.goto(site_url + url)
    first, first_el = question(page, skill, 0)
    expect(first_el.locator(".roadmap-quiz__prompt")).to_be_visible()
    for index in range(len(first.options)):
        expect(first_el.locator(f'li[data-option="{index}"]')).to_be_visible()
    why = first_el.locator('[data-why="0"]')
    expect(why).to_be_hidden()
    first_el.locator("summary").click()
    expect(why).to_be_visible()
    expect(first_el.locator("li[data-correct] button")).to_have_count(0)
    context.close()
    assert watch.foreign == []
