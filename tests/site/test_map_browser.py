"""The roadmap map in a real browser: fitted on a laptop screen, zoom by buttons, keys, pinch
and Ctrl + wheel, the highlighted chain of prerequisites, the view kept when the reader comes
back from a skill page, and a phone-sized screen. Debian's Chromium driven by Playwright,
against the built site served on localhost."""

import json
import re

import pytest
from browser_support import KEY, Watch, open_page
from playwright.sync_api import expect

from roadmap.devtools import ROOT

LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
WRAP = ".roadmap-map--full .roadmap-graph-wrap"
# binary-search needs complexity-analysis and arrays-and-hashing; arrays-and-hashing needs
# complexity-analysis (docs/dsa/*.md).
CHAIN = {"binary-search", "arrays-and-hashing", "complexity-analysis"}
# recursion-and-backtracking needs only stacks-and-queues, which needs arrays-and-hashing.
DEEP_CHAIN = {
    "recursion-and-backtracking",
    "stacks-and-queues",
    "arrays-and-hashing",
    "complexity-analysis",
}


@pytest.fixture
def new_context(browser, site_url):
    """Fresh browser contexts of a chosen size that fail the test on console errors or on any
    request leaving the site."""
    made = []

    def make(**options):
        context = browser.new_context(**options)
        watch = Watch(site_url)
        context.on("page", watch.attach)
        made.append((context, watch))
        return context

    yield make
    for context, watch in made:
        context.close()
        assert watch.foreign == [], "requests left the site"
        assert watch.errors == [], "console errors"


def open_map(context, site_url, path="map/"):
    page = open_page(context, site_url + path)
    page.wait_for_selector("[data-roadmap-map][data-map-attached] .roadmap-graph-wrap[data-zoom]")
    return page


def view(page, wrap=WRAP):
    """What the reader sees of the map: its zoom, the picture's size and the scroll."""
    return page.evaluate(
        """(selector) => {
            const wrap = document.querySelector(selector);
            const svg = wrap.querySelector("svg");
            return {
                zoom: Number(wrap.dataset.zoom),
                width: svg.getBoundingClientRect().width,
                clientWidth: wrap.clientWidth,
                scrollWidth: wrap.scrollWidth,
                left: wrap.scrollLeft,
                top: wrap.scrollTop,
            };
        }""",
        wrap,
    )


def chain(page):
    return set(
        page.evaluate(
            """() => [...document.querySelectorAll(".roadmap-node.roadmap-chain")]
                .map((node) => node.dataset.skill)"""
        )
    )


def test_the_map_opens_with_every_column_on_a_laptop_screen(new_context, site_url):
    page = open_map(new_context(viewport=LAPTOP), site_url)
    shown = view(page)
    assert shown["width"] <= shown["clientWidth"], shown
    assert shown["scrollWidth"] <= shown["clientWidth"], "no sideways scrolling"
    assert shown["zoom"] < 1
    right = page.evaluate(
        """() => {
            const boxes = [...document.querySelectorAll(".roadmap-node")]
                .map((node) => node.getBoundingClientRect());
            const box = boxes.reduce((a, b) => (b.right > a.right ? b : a));
            return {left: box.left, right: box.right, top: box.top, bottom: box.bottom};
        }"""
    )
    assert right["left"] >= 0 and right["right"] <= LAPTOP["width"], right
    assert right["top"] >= 0 and right["bottom"] <= LAPTOP["height"], right
    # the sidebars are hidden on this page, and the map is wider than the theme's text column
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    assert shown["clientWidth"] > 1220
    # every arrow ends in the arrowhead (inherited from the edges' group)
    markers = page.evaluate(
        """() => [...document.querySelectorAll(".roadmap-edge")]
            .map((edge) => getComputedStyle(edge).markerEnd)"""
    )
    assert len(markers) > 50 and set(markers) == {'url("#arrow")'}, set(markers)


def test_keys_and_buttons_zoom_in_out_and_fit(new_context, site_url):
    page = open_map(new_context(viewport=LAPTOP), site_url)
    fitted = view(page)
    page.locator(WRAP).focus()
    page.keyboard.press("+")
    bigger = view(page)
    assert bigger["width"] > fitted["width"] * 1.2 and bigger["zoom"] > fitted["zoom"]
    assert bigger["scrollWidth"] > bigger["clientWidth"]
    page.keyboard.press("=")
    assert view(page)["width"] > bigger["width"]
    page.keyboard.press("-")
    assert view(page)["width"] == pytest.approx(bigger["width"], abs=1)
    page.keyboard.press("0")
    assert view(page)["width"] == pytest.approx(fitted["width"], abs=1)
    expect(page.locator("[data-map-level]").first).to_have_text(f"{round(fitted['zoom'] * 100)}%")

    page.get_by_role("button", name="Zoom in").first.click()
    assert view(page)["width"] > fitted["width"] * 1.2
    page.get_by_role("button", name="Zoom out").first.click()
    page.get_by_role("button", name="Zoom out").first.click()
    assert view(page)["width"] < fitted["width"]
    page.get_by_role("button", name="Fit the map to the screen").first.click()
    assert view(page)["width"] == pytest.approx(fitted["width"], abs=1)


def test_ctrl_wheel_and_a_two_finger_pinch_zoom(new_context, site_url):
    page = open_map(new_context(viewport=LAPTOP, has_touch=True), site_url)
    fitted = view(page)
    box = page.locator(WRAP).bounding_box()
    page.mouse.move(box["x"] + 400, box["y"] + 200)
    page.keyboard.down("Control")
    page.mouse.wheel(0, -300)
    page.keyboard.up("Control")
    page.wait_for_function(
        f"() => Number(document.querySelector({WRAP!r}).dataset.zoom) > {fitted['zoom']}"
    )
    page.locator(WRAP).focus()
    page.keyboard.press("0")
    assert view(page)["zoom"] == fitted["zoom"]

    cdp = page.context.new_cdp_session(page)
    x, y = box["x"] + 500, box["y"] + 300

    def touch(kind, spread):
        points = [{"x": x - spread, "y": y, "id": 0}, {"x": x + spread, "y": y, "id": 1}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", 50)
    for spread in (60, 80, 100):
        touch("touchMove", spread)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    assert view(page)["zoom"] == pytest.approx(fitted["zoom"] * 2, rel=0.02)


def test_focusing_a_skill_highlights_its_whole_chain_of_prerequisites(new_context, site_url):
    page = open_map(new_context(viewport=LAPTOP), site_url)
    page.locator('.roadmap-node[data-skill="binary-search"]').focus()
    assert chain(page) == CHAIN
    edges = page.evaluate(
        """() => [...document.querySelectorAll(".roadmap-edge.roadmap-chain")]
            .map((edge) => edge.dataset.from + ">" + edge.dataset.to).sort()"""
    )
    assert edges == [
        "arrays-and-hashing>binary-search",
        "complexity-analysis>arrays-and-hashing",
        "complexity-analysis>binary-search",
    ]
    expect(page.locator(".roadmap-graph")).to_have_class("roadmap-graph roadmap-tracing")
    unrelated = page.locator('.roadmap-node[data-skill="graphs"]')
    assert "roadmap-chain" not in unrelated.get_attribute("class")
    expect(unrelated).to_have_css("opacity", "0.35")  # faded, once its transition ends

    page.get_by_role("button", name="Zoom in").first.focus()  # focus leaves the map
    assert chain(page) == set()
    expect(page.locator(".roadmap-graph")).to_have_class("roadmap-graph")

    # by keyboard alone: Tab from the map region reaches the first skill
    page.locator(WRAP).focus()
    page.keyboard.press("Tab")
    first = page.evaluate("() => document.activeElement.dataset.skill")
    assert first and first in chain(page)


def test_pointing_at_a_skill_highlights_its_chain_until_the_pointer_leaves(new_context, site_url):
    page = open_map(new_context(viewport=LAPTOP), site_url)
    page.locator('.roadmap-node[data-skill="recursion-and-backtracking"]').hover()
    assert chain(page) == DEEP_CHAIN, "prerequisites of prerequisites too"
    page.mouse.move(5, 5)
    assert chain(page) == set()


@pytest.mark.parametrize("how", ["instant", "reload"])
def test_coming_back_from_a_skill_restores_zoom_and_scroll(new_context, site_url, how):
    page = open_map(new_context(viewport=LAPTOP), site_url)
    page.locator(WRAP).focus()
    page.keyboard.press("+")
    page.keyboard.press("+")
    page.evaluate(
        f"""() => {{
            const wrap = document.querySelector({WRAP!r});
            wrap.scrollLeft = 400;
            wrap.scrollTop = 120;
        }}"""
    )
    before = view(page)
    assert before["left"] == 400 and before["top"] == 120
    if how == "instant":  # the theme's instant navigation, and the browser's back button
        page.evaluate("""() => document.querySelector('[data-skill="binary-search"]').click()""")
        page.wait_for_url("**/dsa/binary-search/")
        page.go_back()
    else:  # a full page load each way
        page.wait_for_timeout(300)  # past the pause before the view is saved
        page.goto(site_url + "dsa/binary-search/")
        page.goto(site_url + "map/")
    page.wait_for_url("**/map/")
    page.wait_for_selector(f"{WRAP}[data-zoom]")
    after = view(page)
    assert after["zoom"] == before["zoom"]
    assert after["left"] == pytest.approx(400, abs=1)
    assert after["top"] == pytest.approx(120, abs=1)
    stored = page.evaluate("() => sessionStorage.getItem('ml-engineer-roadmap/map-view')")
    assert '"/map/"' in stored


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_map_is_readable_and_its_controls_usable(new_context, site_url, scheme):
    page = open_map(new_context(viewport=PHONE, color_scheme=scheme), site_url)
    shown = view(page)
    assert shown["zoom"] >= 0.65, "opens at a readable zoom, not fitted to 390px"
    assert shown["scrollWidth"] > shown["clientWidth"], "the map scrolls sideways"
    page_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert page_width <= PHONE["width"], "the page itself does not scroll sideways"
    for name in ["Zoom in", "Zoom out", "Fit the map to the screen"]:
        button = page.get_by_role("button", name=name).first
        expect(button).to_be_visible()
        box = button.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, (name, box)
        border = button.evaluate(
            "(b) => [getComputedStyle(b).borderTopWidth, getComputedStyle(b).borderTopStyle]"
        )
        assert border[0] != "0px" and border[1] == "solid"
    # the map starts on the first screen; the legend follows it
    wrap_top = page.locator(WRAP).bounding_box()["y"]
    assert wrap_top < PHONE["height"] / 2
    legend_top = page.locator(".roadmap-map--full .roadmap-legend").bounding_box()["y"]
    assert legend_top > wrap_top


def test_track_pages_get_the_same_controls_in_their_own_column(new_context, site_url):
    page = open_map(new_context(viewport=LAPTOP), site_url, "dsa/")
    assert page.locator(".roadmap-map--full").count() == 0
    expect(page.locator(".md-sidebar--primary")).to_be_visible()
    wrap = ".roadmap-map .roadmap-graph-wrap"
    before = view(page, wrap)
    page.get_by_role("button", name="Zoom in").click()
    assert view(page, wrap)["width"] > before["width"]


def test_without_javascript_the_zoom_buttons_stay_hidden(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=LAPTOP)
    page = context.new_page()
    page.goto(site_url + "map/")
    expect(page.locator(".roadmap-map-controls")).to_be_hidden()
    expect(page.locator(".roadmap-legend")).to_be_visible()
    expect(page.locator('.roadmap-node[data-skill="binary-search"]')).to_be_visible()
    context.close()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PROGRESS = {
    "format": "ml-engineer-roadmap-progress",
    "version": 1,
    "updated": "2026-12-01T00:00:00Z",
    # complexity-analysis started, probability done, arrays-and-hashing marked as known
    "items": {
        "complexity-analysis/read-big-o": True,
        "probability/distributions": True,
        "probability/conditional": True,
        "probability/bayes": True,
        "probability/expectation-variance": True,
    },
    "skipped": {"arrays-and-hashing": True},
    "quiz": {},
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_progress_colours_keep_their_text_readable(new_context, site_url, scheme):
    """axe-core's colour contrast rule on the map and its legend, with nodes in every state."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make test does it)")
    context = new_context(viewport=LAPTOP, color_scheme=scheme)
    saved = f"localStorage.setItem({KEY!r}, {json.dumps(json.dumps(PROGRESS))})"
    # Init scripts also run in the blank first document, where storage is refused.
    context.add_init_script(f"if (location.protocol.startsWith('http')) {saved};")
    page = open_map(context, site_url)
    for skill, state in [
        ("complexity-analysis", "roadmap-started"),
        ("probability", "roadmap-done"),
        ("arrays-and-hashing", "roadmap-known"),
    ]:
        expect(page.locator(f'.roadmap-node[data-skill="{skill}"]')).to_have_class(
            re.compile(rf"\b{state}\b")
        )
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """() => axe.run({include: [[".roadmap-graph"], [".roadmap-legend"]]},
                {runOnly: ["color-contrast"], resultTypes: ["violations"]})
            .then((result) => result.violations.flatMap((v) =>
                v.nodes.map((n) => n.target.join(" ") + ": " + n.failureSummary)))"""
    )
    assert violations == []
