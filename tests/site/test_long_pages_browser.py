"""The long pages in a real browser: the reading list and a notebook page draw an entry or a
cell only when it comes near the screen (content-visibility in roadmap.css), and links into them
still land where they point; a notebook's "In [n]:" prompts give their width to the code on a
phone."""

import io

import pytest
from browser_support import watched
from PIL import Image
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
NOTEBOOK = "notebooks/eda-walkthrough/"
# What each long page draws in parts.
PARTS = {"reading-list/": "li.roadmap-resource", NOTEBOOK: ".jupyter-wrapper .jp-Notebook-cell"}

# Whether what is inside a part is drawn (a skipped part itself still takes its place).
DRAWN = "(part) => part.firstElementChild.checkVisibility({contentVisibilityAuto: true})"


@pytest.mark.parametrize("path", PARTS)
def test_a_long_page_draws_its_far_parts_only_when_they_come_near(browser, site_url, path):
    with watched(browser.new_context(viewport=PHONE), site_url) as context:
        page = context.new_page()
        page.goto(site_url + path)
        parts = page.locator(PARTS[path])
        assert parts.count() > 5
        assert parts.first.evaluate(DRAWN)
        # The last part skipped at load (far below the screen, though in the page); those
        # just above a heading are always drawn.
        skipped = [
            i
            for i, drawn in enumerate(parts.evaluate_all(f"(all) => all.map({DRAWN})"))
            if not drawn
        ]
        assert len(skipped) >= 5
        last = parts.nth(skipped[-1])
        last.scroll_into_view_if_needed()
        page.wait_for_function(DRAWN, arg=last.element_handle())
        # Drawing the parts above at their real size moved nothing under the reader's eyes.
        expect(last).to_be_in_viewport()


def test_reading_list_entries_keep_their_bullets(browser, site_url):
    """Each entry is contained, and a bullet stands outside its box: the clip is widened."""
    with watched(browser.new_context(viewport=PHONE), site_url) as context:
        page = context.new_page()
        page.goto(site_url + "reading-list/")
        entry = page.locator("li.roadmap-resource").first.bounding_box()
        left_of_it = {"x": entry["x"] - 20, "y": entry["y"], "width": 20, "height": 20}
        colours = Image.open(io.BytesIO(page.screenshot(clip=left_of_it))).convert("L").getextrema()
        assert colours[1] - colours[0] > 100, colours  # a dark bullet on the light page


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP])
@pytest.mark.parametrize("path", PARTS)
def test_a_link_to_a_heading_lands_on_it_under_the_header(browser, site_url, path, viewport):
    """The heading stands just under the header, or lower where the page ends: the parts
    above it, drawn once the link has landed, move nothing."""
    with watched(browser.new_context(viewport=viewport), site_url) as context:
        page = context.new_page()
        page.goto(site_url + path)
        ids = page.locator("article h2[id], article h3[id]").evaluate_all(
            "(all) => all.map((h) => h.id)"
        )
        assert len(ids) > 5
        for heading in ids[1:]:
            page.goto(f"{site_url}{path}#{heading}")
            page.wait_for_timeout(300)
            top, header, at_end = page.evaluate(
                """(id) => [
                    document.getElementById(id).getBoundingClientRect().top,
                    document.querySelector(".md-header").getBoundingClientRect().bottom,
                    scrollY + innerHeight >= document.documentElement.scrollHeight - 1,
                ]""",
                heading,
            )
            assert header <= top <= header + 40 or (at_end and top >= header), (heading, top)


@pytest.mark.parametrize(("viewport", "shown"), [(PHONE, False), (DESKTOP, True)])
def test_notebook_prompts_are_left_out_on_a_phone(browser, site_url, viewport, shown):
    with watched(browser.new_context(viewport=viewport), site_url) as context:
        page = context.new_page()
        page.goto(site_url + NOTEBOOK)
        prompts = page.locator(".jp-InputPrompt, .jp-OutputPrompt").filter(has_text="[")
        assert prompts.count() > 10
        displays = set(prompts.evaluate_all("(all) => all.map((p) => getComputedStyle(p).display)"))
        assert ("none" not in displays) if shown else (displays == {"none"}), displays
