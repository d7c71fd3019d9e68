"""Progress in a real browser: Debian's Chromium driven by Playwright, against the built site
served on localhost. Every test starts with empty storage in a fresh browser context."""

import json
import re

import pytest
import yaml
from browser_support import KEY, fill_storage, launch_blocking_storage, open_page, saved
from playwright.sync_api import expect

from roadmap.devtools import ROOT

ITEM = "binary-search/lower-bound"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
ITEM_BOX = f'li[data-item="{ITEM}"] input[type=checkbox]'


def toggle(page, item=ITEM):
    """Click the item's box as a reader does: the label is what a reader clicks or taps."""
    page.locator(f'li[data-item="{item}"] label').click()


def test_a_tick_survives_reload_navigation_and_shows_in_a_second_tab(context, site_url):
    page = open_page(context, site_url + "dsa/binary-search/")
    expect(page.locator(ITEM_BOX)).to_be_enabled()
    toggle(page)
    expect(page.locator(ITEM_BOX)).to_be_checked()
    envelope = saved(page)
    assert envelope["format"] == "ml-engineer-roadmap-progress" and envelope["version"] == 2
    assert envelope["items"] == {ITEM: True}
    expect(page.locator('[data-progress="skill:binary-search"]')).to_contain_text(
        "1 of 4 items (25%)"
    )

    page.reload()
    expect(page.locator(ITEM_BOX)).to_be_checked()

    # Instant navigation: follow a link inside the site, the page is swapped without a reload.
    page.locator("nav.md-nav a[href$='checklists/']").first.click()
    page.wait_for_url("**/checklists/")
    expect(page.locator(ITEM_BOX)).to_be_checked()

    other = open_page(context, site_url + "dsa/")
    expect(other.locator('[data-progress="track:dsa"]')).to_contain_text("1 of")
    # Untick in the first tab: the second tab follows through the storage event.
    other.goto(site_url + "checklists/")
    expect(other.locator(ITEM_BOX)).to_be_checked()
    toggle(page)
    expect(other.locator(ITEM_BOX)).not_to_be_checked()


def test_keyboard_only_ticking(context, site_url):
    page = open_page(context, site_url + "dsa/binary-search/")
    box = page.locator(ITEM_BOX)
    expect(box).to_be_enabled()
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    assert saved(page)["items"] == {ITEM: True}
    expect(
        page.get_by_role("checkbox", name="I can write a lower-bound binary search")
    ).to_be_checked()


def test_skip_marks_a_whole_skill_as_known(context, site_url):
    page = open_page(context, site_url + "dsa/two-pointers/")
    page.get_by_role("button", name="I already know this skill").click()
    for box in page.locator(".roadmap-checklist input[type=checkbox]").all():
        expect(box).to_be_checked()
    assert saved(page)["skipped"] == {"two-pointers": True}
    page.get_by_role("button", name="Marked as already known: undo").click()
    assert saved(page)["skipped"] == {}


def test_export_clear_import_restores_the_same_state(context, site_url, tmp_path):
    page = open_page(context, site_url + "dsa/binary-search/")
    toggle(page)
    expect(page.locator(ITEM_BOX)).to_be_checked()
    page.goto(site_url + "progress/")
    page.wait_for_function("() => window.RoadmapProgress !== undefined")
    with page.expect_download() as download_info:  # keyboard only: focus and Enter
        page.get_by_role("button", name="Export as JSON").focus()
        page.keyboard.press("Enter")
    exported = tmp_path / "progress.json"
    download_info.value.save_as(exported)
    assert json.loads(exported.read_text())["items"] == {ITEM: True}

    with page.expect_download() as markdown_info:
        page.get_by_role("button", name="Export as a Markdown task list").click()
    markdown = tmp_path / "progress.md"
    markdown_info.value.save_as(markdown)
    assert "- [x] I can write a lower-bound binary search" in markdown.read_text()

    page.evaluate("() => localStorage.clear()")
    page.reload()
    page.set_input_files("input[type=file][data-action=import]", str(exported))
    expect(page.locator("[data-import-summary]")).to_contain_text("Importing it: 1 item ticked")
    assert saved(page) is None  # nothing changes before the reader applies
    page.get_by_role("button", name="Apply import").click()
    assert saved(page)["items"] == {ITEM: True}


def test_a_broken_import_is_refused_and_changes_nothing(context, site_url, tmp_path):
    page = open_page(context, site_url + "dsa/binary-search/")
    toggle(page)
    before = saved(page)
    page.goto(site_url + "progress/")
    page.wait_for_function("() => window.RoadmapProgress !== undefined")
    for name, content in [
        ("broken.json", '{"format": "ml-engineer-roadmap-progress", "version": 1, "items": {'),
        ("foreign.json", json.dumps({"tasks": ["a"]})),
        (
            "bad-value.json",
            json.dumps(
                {
                    "format": "ml-engineer-roadmap-progress",
                    "version": 1,
                    "items": {ITEM: "yes"},
                    "skipped": {},
                }
            ),
        ),
    ]:
        path = tmp_path / name
        path.write_text(content)
        page.set_input_files("input[type=file][data-action=import]", str(path))
        expect(page.locator("[data-import-preview] ~ [data-roadmap-status]")).to_contain_text(
            f"Import refused: {name}"
        )
        expect(page.locator("[data-import-preview]")).to_be_hidden()
        assert saved(page)["items"] == before["items"]


def test_unreadable_saved_progress_is_set_aside_not_destroyed(context, site_url):
    page = open_page(context, site_url)
    page.evaluate(f"() => localStorage.setItem({json.dumps(KEY)}, '{{not json')")
    page.reload()
    expect(page.get_by_role("alert")).to_contain_text("Saved progress could not be read")
    kept = page.evaluate(
        """() => Object.keys(localStorage)
            .filter(k => k.includes('unreadable'))
            .map(k => localStorage.getItem(k))"""
    )
    assert kept == ["{not json"]


def test_full_storage_is_reported_and_the_tick_kept_on_the_page(context, site_url):
    page = open_page(context, site_url + "dsa/binary-search/")
    toggle(page, "binary-search/bisect")
    expect(page.locator('li[data-item="binary-search/bisect"] input')).to_be_checked()
    fill_storage(page)
    toggle(page)
    expect(page.get_by_role("alert")).to_contain_text("storage for this site is full")
    expect(page.locator(ITEM_BOX)).to_be_checked()
    assert saved(page)["items"] == {"binary-search/bisect": True}  # the earlier save is intact


PROFILES = {
    p["id"]: p for p in yaml.safe_load((ROOT / "data/profiles.yml").read_text())["profiles"]
}


def choose_profile(page, title):
    """Pick a starting point, read the preview, then apply it."""
    page.get_by_role("button", name=title).click()
    preview = page.locator("[data-profile-preview]").first
    expect(preview).to_be_visible()
    text = preview.inner_text()
    preview.get_by_role("button", name="Apply this starting point").click()
    expect(preview).to_be_hidden()
    return text


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_second_starting_point_replaces_the_first_and_undo_restores_it(
    context, site_url, viewport
):
    page = open_page(context, site_url)
    page.set_viewport_size(viewport)
    se, ds = PROFILES["software-engineer"], PROFILES["data-scientist"]
    preview = choose_profile(page, se["title"])
    assert f"marks {len(se['covers'])} skills as already known" in preview
    assert set(saved(page)["skipped"]) == set(se["covers"])
    expect(page.locator("[data-profile-current]").first).to_contain_text(se["title"])

    # The preview of the second says what it replaces, and nothing changes before Apply.
    page.get_by_role("button", name=ds["title"]).click()
    expect(page.locator("[data-profile-preview-text]").first).to_contain_text(
        f"It replaces “{se['title']}”"
    )
    assert set(saved(page)["skipped"]) == set(se["covers"])
    page.get_by_role("button", name="Apply this starting point").click()
    assert set(saved(page)["skipped"]) == set(ds["covers"])
    assert saved(page)["profile"]["id"] == "data-scientist"

    page.locator("[data-roadmap-status]").first.get_by_role("button", name="Undo").click()
    assert set(saved(page)["skipped"]) == set(se["covers"])
    assert saved(page)["profile"]["id"] == "software-engineer"
    expect(page.locator("[data-profile-current]").first).to_contain_text(se["title"])


def test_starting_from_scratch_clears_a_starting_points_marks_but_not_the_readers(
    context, site_url
):
    page = open_page(context, site_url + "practice/the-two-gaps/")
    page.get_by_role("button", name="I already know this skill").click()
    page.goto(site_url)
    choose_profile(page, PROFILES["software-engineer"]["title"])
    choose_profile(page, PROFILES["newcomer"]["title"])
    assert saved(page)["skipped"] == {"the-two-gaps": True}


def test_a_known_skill_says_why_its_boxes_are_ticked_and_can_be_unmarked(context, site_url):
    page = open_page(context, site_url)
    choose_profile(page, PROFILES["software-engineer"]["title"])
    page.goto(site_url + "dsa/binary-search/")
    note = page.locator("[data-known-note]")
    expect(note).to_contain_text("by your starting point, “I come from software engineering”")
    expect(page.locator(ITEM_BOX)).to_be_disabled()
    expect(page.locator(ITEM_BOX)).to_be_checked()
    note.get_by_role("button", name="Unmark it").click()
    expect(note).to_be_hidden()
    expect(page.locator(ITEM_BOX)).to_be_enabled()
    expect(page.locator(ITEM_BOX)).not_to_be_checked()
    assert "binary-search" not in saved(page)["skipped"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_progress_page_lists_every_skill_and_resets_with_confirmation_and_undo(
    context, site_url, viewport
):
    page = open_page(context, site_url + "dsa/binary-search/")
    page.set_viewport_size(viewport)
    toggle(page)
    page.locator("[data-quiz] button[data-choice]").first.click()
    page.goto(site_url + "progress/")
    roadmap = json.loads(page.evaluate("() => fetch('../roadmap.json').then(r => r.text())"))
    expect(page.locator("[data-skill-state]")).to_have_count(len(roadmap["skills"]))
    expect(page.locator('[data-skill-state="binary-search"]')).to_have_text("in progress (1 of 4)")
    expect(page.locator('[data-skill-quiz="binary-search"]')).to_contain_text("right")
    expect(page.locator('[data-skill-state="graphs"]')).to_have_text("not started")

    page.get_by_role("button", name="Reset my progress…").click()
    confirm = page.locator("[data-reset-confirm]")
    expect(confirm).to_contain_text("1 ticked item, 0 skills marked as known, 1 quiz answer")
    confirm.get_by_role("button", name="Cancel").click()
    assert saved(page)["items"] == {ITEM: True}

    page.get_by_role("button", name="Reset my progress…").click()
    confirm.get_by_role("button", name="Yes, reset").click()
    assert saved(page)["items"] == {} and saved(page)["quiz"] == {}
    expect(page.locator('[data-skill-state="binary-search"]')).to_have_text("not started")
    status = page.locator("[data-reset-confirm] ~ [data-roadmap-status]")
    status.get_by_role("button", name="Undo").click()
    assert saved(page)["items"] == {ITEM: True}
    expect(page.locator('[data-skill-state="binary-search"]')).to_have_text("in progress (1 of 4)")


def test_renamed_items_keep_their_state_and_unknown_ids_are_reported(context, site_url):
    page = open_page(context, site_url)
    result = page.evaluate(
        """() => {
            const P = window.RoadmapProgress;
            const roadmap = {tracks: [], profiles: [], skills: [{id: "s", checklist: [
                {id: "s/new", text: "I can x.", aliases: ["s/old"]}]}]};
            const saved = {items: {"s/old": true, "gone/item": true}, skipped: {}};
            return P.migrate(saved, P.indexRoadmap(roadmap));
        }"""
    )
    assert result == {
        "state": {
            "items": {"s/new": True, "gone/item": True},
            "skipped": {},
            "quiz": {},
            "exercises": {},
        },
        "renamed": ["s/old"],
        "unknown": ["gone/item"],
    }


def test_the_map_colours_skills_by_progress_and_links_to_them(context, site_url):
    page = open_page(context, site_url + "dsa/two-pointers/")
    page.get_by_role("button", name="I already know this skill").click()
    page.goto(site_url + "map/")
    node = page.locator('.roadmap-node[data-skill="two-pointers"]')
    # A skill marked as known has a state of its own on the map, apart from done.
    expect(node).to_have_class(re.compile(r"\broadmap-known\b"))
    expect(node).not_to_have_class(re.compile(r"\broadmap-(done|started)\b"))
    expect(page.locator('.roadmap-node[data-skill="graphs"]')).not_to_have_class(
        re.compile(r"roadmap-(done|known)")
    )
    node.click()
    page.wait_for_url("**/dsa/two-pointers/")


def test_a_renamed_item_keeps_its_tick_end_to_end(context, site_url):
    """The roadmap renames an item and lists the old id as an alias: the saved tick follows."""
    old_id = "binary-search/old-lower-bound"

    def renamed(route):
        """page-data.json names items within their skill (render.page_data)."""
        data = route.fetch().json()
        skill_id, item_id = ITEM.split("/")
        skill = next(skill for skill in data["skills"] if skill["id"] == skill_id)
        at = skill["checklist"].index(item_id)
        skill["checklist"][at] = {"id": item_id, "aliases": [old_id.split("/")[1]]}
        route.fulfill(json=data)

    page = open_page(context, site_url)
    envelope = {
        "format": "ml-engineer-roadmap-progress",
        "version": 1,
        "updated": "2026-01-01T00:00:00Z",
        "items": {old_id: True},
        "skipped": {},
    }
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps(envelope)])
    context.route("**/page-data.json", renamed)
    page.goto(site_url + "dsa/binary-search/")
    expect(page.locator(ITEM_BOX)).to_be_checked()
    assert saved(page)["items"] == {ITEM: True}


def test_blocked_storage_is_reported_and_ticks_work_for_the_visit(playwright, site_url, tmp_path):
    """A browser that refuses site storage (as with site data blocked, or some private modes):
    the reader is told, and ticking still works until they leave the page."""
    with launch_blocking_storage(playwright, tmp_path) as context:
        page = context.new_page()
        page.goto(site_url + "dsa/binary-search/")
        expect(page.get_by_role("alert")).to_contain_text("does not let this site use its storage")
        toggle(page)
        expect(page.locator(ITEM_BOX)).to_be_checked()
        expect(page.locator('[data-progress="skill:binary-search"]')).to_contain_text("1 of 4")


def test_without_javascript_no_control_that_needs_it_shows(browser, site_url):
    """The controls are built into the pages (at their final size, so nothing moves when the
    scripts fill them in) but stay hidden for readers without JavaScript."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    hidden = {
        "": ["[data-roadmap-tools]", '[data-progress="all"]', "[data-profile]"],
        "dsa/binary-search/": [
            '[data-progress="skill:binary-search"]',
            "[data-skip]",
            "[data-verification]",
        ],
        "data-science/numpy-pandas-and-plotting/": ["button[data-self-report]"],
        "dsa/": ['[data-progress="track:dsa"]'],
        "planner/": ["[data-roadmap-planner]"],
    }
    for path, selectors in hidden.items():
        page.goto(site_url + path)
        for selector in selectors:
            assert page.locator(selector).count(), f"{path}: {selector} is not on the page"
            for element in page.locator(selector).all():
                expect(element).to_be_hidden()
    page.goto(site_url + "dsa/binary-search/")
    expect(page.locator(f'li[data-item="{ITEM}"]')).to_be_visible()  # still a plain list
    context.close()
