"""Accessibility: axe-core (pinned in package.json) on the key pages, light and dark palettes,
and again at a phone's size with WCAG 2.2's target-size rule. No serious or critical violation
is allowed; an exception must be named below with its reason. Then what axe cannot judge: every
control the site adds is at least 24 by 24 CSS pixels on a phone, with a boundary of 3:1 against
the page in both palettes, and the exercise stubs are folded so a phone reaches the checklist."""

import json
import re
from html.parser import HTMLParser

import pytest
from browser_support import KEY, open_page
from playwright.sync_api import expect

from roadmap.devtools import ROOT
from roadmap.load import load_roadmap

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
KEY_PAGES = [
    "",
    "dsa/",
    "dsa/binary-search/",
    "planner/",
    "reading-list/",
    "progress/",
    "review/",
    "map/",
    "checklists/",
    "practice/communication/",  # a quiz, and a skill page without code
    "portfolio-rubric/",
    "notebooks/evaluation-trade-offs/",
    "search/?q=bisect",  # the theme's search open, with results
]
# rule id -> why it is allowed (none so far)
ALLOWED: dict[str, str] = {}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make test does it)")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", KEY_PAGES)
def test_no_serious_accessibility_violations(browser, site_url, axe_source, path, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = open_page(context, site_url + path)
    page.wait_for_load_state("networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == expected
    violations = run_axe(page, axe_source)
    context.close()
    assert serious(violations) == [], json.dumps(serious(violations), indent=1)


def run_axe(page, axe_source: str, rules: dict | None = None) -> list[dict]:
    """axe's violations on the page; `rules` turns rules on or off ({"target-size": True}).

    axe finds an element's background by what lies under it on the screen. Long pages draw a
    part (a reading list entry, a notebook cell) only when it nears the screen, and until then
    it stands in at an estimated size, so the page is scrolled through once first: each part
    then keeps its real size, and nothing moves while axe looks."""
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
                scrollTo(0, y);
                await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
            }
            scrollTo(0, 0);
        }"""
    )
    page.evaluate(axe_source)  # evaluated through the DevTools protocol, outside the page's CSP
    options = {
        "resultTypes": ["violations"],
        "rules": {rule: {"enabled": on} for rule, on in (rules or {}).items()},
    }
    return page.evaluate(
        """(options) => axe.run(document, options).then((result) =>
            result.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.map((n) => n.target.join(" ")),
            })))""",
        options,
    )


def serious(violations: list[dict]) -> list[dict]:
    return [
        v for v in violations if v["impact"] in ("serious", "critical") and v["id"] not in ALLOWED
    ]


# A phone's viewport in portrait (an iPhone 14's), which is also what a desktop window zoomed to
# 400% gives (WCAG's reflow case), where keyboard users are. Not Chromium's touch emulation:
# Material makes code blocks that scroll sideways focusable only where the device can hover,
# since on a touch screen a finger scrolls them.
PHONE = {"viewport": {"width": 390, "height": 844}}


def phone_context(browser, scheme: str = "light"):
    return browser.new_context(**PHONE, color_scheme=scheme)


def test_a_page_title_that_fits_a_phone_takes_one_line(browser, site_url):
    """The home page's title fills a phone's width: its permanent link (which would lead to the
    top of the page it is on) is left out rather than wrapped to a line of its own. The
    section headings keep theirs."""
    context = phone_context(browser)
    page = open_page(context, site_url)
    title = page.locator("h1")
    line = title.evaluate("(h) => parseFloat(getComputedStyle(h).lineHeight)")
    assert title.bounding_box()["height"] < 1.5 * line
    expect(title.locator(".headerlink")).to_be_hidden()
    expect(page.locator("h2 > .headerlink").first).to_have_css("display", "inline-block")
    context.close()


@pytest.mark.parametrize("path", KEY_PAGES)
def test_no_serious_accessibility_violations_on_a_phone(browser, site_url, axe_source, path):
    """At a phone's width, with axe's `target-size` rule (WCAG 2.2 AA, 2.5.8), which axe 4
    leaves off unless asked: every target is 24 by 24 CSS pixels or has room around it."""
    context = phone_context(browser)
    page = open_page(context, site_url + path)
    page.wait_for_load_state("networkidle")
    violations = run_axe(page, axe_source, rules={"target-size": True})
    context.close()
    assert serious(violations) == [], json.dumps(serious(violations), indent=1)


# Progress with one question due on 2027-03-01, so that the review page shows a question.
DUE_TODAY = {
    "format": "ml-engineer-roadmap-progress",
    "version": 2,
    "items": {},
    "skipped": {},
    "review": {"binary-search/invariant": {"box": 0, "due": "2027-03-01"}},
}


def test_the_review_page_passes_axe_with_a_question_shown(browser, site_url, axe_source):
    for scheme in ("light", "dark"):
        context = phone_context(browser, scheme)
        context.clock.set_fixed_time("2027-03-01T10:00:00")
        page = open_page(context, site_url)
        page.evaluate(
            "([key, text]) => localStorage.setItem(key, text)",
            [KEY, json.dumps(DUE_TODAY)],
        )
        page.goto(site_url + "review/")
        question = page.locator("[data-review-question]:visible")
        expect(question).to_have_count(1)
        violations = run_axe(page, axe_source, rules={"target-size": True})
        question.locator("button[data-review-choice]").first.click()
        violations += run_axe(page, axe_source, rules={"target-size": True})
        context.close()
        assert serious(violations) == [], json.dumps(serious(violations), indent=1)


# Progress in which binary search is verified by its quiz and its exercise's run, NumPy by its
# quiz and a self-reported exercise, and complexity analysis is started with a wrong answer:
# every kind of verified mark and line the pages show.
EXERCISES = {
    "dsa/binary_search": {"code": "", "passed": "2027-03-01T10:00:00.000Z"},
    "data_science/standardise": {"code": None, "passed": "2027-03-01T10:00:00.000Z", "self": True},
}
# Each page with what shows that the progress above was read.
VERIFIED_PAGES = {
    "progress/": "[data-skill-verified=binary-search]:text('yes')",
    "dsa/binary-search/": ".roadmap-verification--verified",
    "data-science/numpy-pandas-and-plotting/": "button[data-self-report][aria-pressed=true]",
    "map/": "a.roadmap-node.roadmap-verified",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_verified_marks_pass_axe(browser, site, site_url, axe_source, scheme):
    """The progress page, two skill pages and the map with skills verified, on a phone."""
    skills = json.loads((site / "page-data.json").read_text(encoding="utf-8"))["skills"]
    quiz = {s["id"]: [f"{s['id']}/{q}" for q in s["quiz"]] for s in skills}
    answers = {q: True for sid in ("binary-search", "numpy-pandas-and-plotting") for q in quiz[sid]}
    answers[quiz["complexity-analysis"][0]] = False
    progress = {"format": "ml-engineer-roadmap-progress", "version": 2, "items": {}}
    progress |= {"skipped": {}, "quiz": answers, "exercises": EXERCISES}
    context = phone_context(browser, scheme)
    page = open_page(context, site_url)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps(progress)])
    violations = []
    for path, shown in VERIFIED_PAGES.items():
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        expect(page.locator(shown).first).to_be_attached()
        violations += run_axe(page, axe_source, rules={"target-size": True})
    context.close()
    assert serious(violations) == [], json.dumps(serious(violations), indent=1)


MIN_TARGET = 24  # CSS pixels, WCAG 2.2 success criterion 2.5.8 (AA)
MIN_BOUNDARY_CONTRAST = 3.0  # WCAG 1.4.11, non-text contrast
# Where the site adds controls, what they are; each selector must match at least one shown
# control. Checkboxes and radio buttons are the browser's own, drawn with a visible edge; the
# others draw their boundary with a CSS border, whose contrast is measured; the theme's copy
# buttons are icons. A disabled control (the planner's, for a way to plan not chosen) is
# measured for its size only.
CONTROLS = {
    "dsa/binary-search/": {
        ".roadmap-checklist input[type=checkbox]": "native",
        ".roadmap-quiz__choice": "border",
        "button[data-skip]": "border",
        "textarea[data-notes]": "border",
        ".md-code__button": "icon",  # the theme's copy button: an icon, measured for its size
    },
    "reading-list/": {"[data-roadmap-filters] select": "border"},
    "data-science/numpy-pandas-and-plotting/": {"button[data-self-report]": "border"},
    "portfolio-rubric/": {
        ".roadmap-rubric input[type=text]": "border",
        ".roadmap-rubric input[type=radio]": "native",
        ".roadmap-rubric button": "border",
    },
    "planner/": {
        ".roadmap-planner input[type=radio]": "native",
        ".roadmap-planner input[type=checkbox]": "native",
        ".roadmap-planner input[type=number]": "border",
        ".roadmap-planner input[type=date]": "border",
        ".roadmap-planner select": "border",
        ".roadmap-planner button": "border",
    },
    "progress/": {
        ".roadmap-tools button": "border",
        ".roadmap-profiles button": "border",
        ".roadmap-tools input[type=radio]": "native",
        ".roadmap-tools input[type=file]": "native",
    },
}

# Each shown control matching the selector: its size, its opacity, and for a bordered control
# the contrast between its border (painted over its own background) and the page behind it.
MEASURE = r"""(selector) => {
  const parse = (text) => {
    const m = text.match(/rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)/);
    if (!m) throw new Error(`unreadable colour ${text}`);
    return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
  };
  const over = ([r, g, b, a], [R, G, B]) =>
    [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a), 1];
  const background = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      layers.push(parse(getComputedStyle(e).backgroundColor));
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.slice(0, 3).map((c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (x, y) => {
    const [a, b] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (a + 0.05) / (b + 0.05);
  };
  return [...document.querySelectorAll(selector)]
    .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden")
    .map((e) => {
      const box = e.getBoundingClientRect();
      const style = getComputedStyle(e);
      const page = background(e.parentElement);
      const border = over(parse(style.borderTopColor), over(parse(style.backgroundColor), page));
      return {
        html: e.outerHTML.slice(0, 80),
        width: box.width,
        height: box.height,
        opacity: +style.opacity,
        disabled: e.disabled === true,
        borderWidth: parseFloat(style.borderTopWidth),
        borderContrast: contrast(border, page),
      };
    });
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", list(CONTROLS))
def test_the_sites_controls_are_big_enough_and_visible_on_a_phone(browser, site_url, path, scheme):
    context = phone_context(browser, scheme)
    page = open_page(context, site_url + path)
    for selector in CONTROLS[path]:  # the scripts enable the checkboxes, build the quiz...
        expect(page.locator(selector).first).to_be_visible()
    expect(page.locator(".roadmap-checklist input[type=checkbox]:disabled")).to_have_count(0)
    problems = []
    for selector, boundary in CONTROLS[path].items():
        controls = page.evaluate(MEASURE, selector)
        assert controls, f"no control shown for {selector}"
        for control in controls:
            if control["width"] < MIN_TARGET or control["height"] < MIN_TARGET:
                problems.append(f"{control['width']:.1f} x {control['height']:.1f} px: {control}")
            if control["disabled"]:
                continue  # an inactive control may be drawn faint (WCAG 1.4.11); only its size
            if control["opacity"] < 1:
                problems.append(f"drawn transparent: {control}")
            if boundary == "border" and (
                control["borderWidth"] < 1 or control["borderContrast"] < MIN_BOUNDARY_CONTRAST
            ):
                problems.append(f"faint boundary: {control}")
    context.close()
    assert problems == [], "\n".join(problems)


class _Stubs(HTMLParser):
    """The file names of the code blocks a built page shows, each with whether it sits in a
    closed <details> (Material's `???` block), and the order of the page's h2 headings."""

    def __init__(self):
        super().__init__()
        self.details: list[bool] = []  # open attribute of each enclosing <details>
        self.in_filename = False
        self.blocks: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "details":
            self.details.append("open" in attributes)
        elif tag == "span" and attributes.get("class") == "filename":
            self.in_filename = True

    def handle_endtag(self, tag):
        if tag == "details" and self.details:
            self.details.pop()
        elif tag == "span":
            self.in_filename = False

    def handle_data(self, data):
        if self.in_filename:
            folded = bool(self.details) and not any(self.details)
            self.blocks.append((data.strip(), folded))


# The pages of the skills that list exercises in their front matter.
EXERCISE_SOURCES = sorted(
    ROOT / "docs" / page.src_path for page in load_roadmap(ROOT)[0].skills if page.skill.exercises
)


def test_every_exercise_stub_is_folded_on_its_page(site):
    assert EXERCISE_SOURCES
    for source in EXERCISE_SOURCES:
        built = site / source.relative_to(ROOT / "docs").with_suffix("") / "index.html"
        parser = _Stubs()
        parser.feed(built.read_text(encoding="utf-8"))
        stubs = [(name, folded) for name, folded in parser.blocks if name.startswith("exercises/")]
        assert stubs, f"{built.relative_to(site)} shows no exercise"
        assert all(folded for _, folded in stubs), f"{built.relative_to(site)}: {stubs}"


def test_a_phone_reaches_the_checklist_past_a_folded_exercise(browser, site_url):
    """On dsa/binary-search/ the stub stays closed: the instructions and the command to run
    show, the code only once the reader opens it, and folded it no longer stands between the
    reader and the checklist."""
    context = phone_context(browser)
    page = open_page(context, site_url + "dsa/binary-search/")
    expect(page.locator("#exercise + p")).to_contain_text("Edit exercises/dsa/binary_search.py")
    command = page.locator(
        "pre code", has_text=re.compile(r"^make exercise NAME=binary_search\s*$")
    )
    expect(command).to_be_visible()
    stub = page.locator("details").filter(
        has=page.locator(".filename", has_text=re.compile(r"^exercises/dsa/binary_search\.py$"))
    )
    expect(stub).to_have_count(1)
    expect(stub.locator("summary")).to_have_text("The stub: exercises/dsa/binary_search.py")
    code = stub.locator("pre")
    checklist = page.locator("#checklist")
    expect(code).to_be_hidden()
    folded_top = checklist.evaluate("(h) => h.getBoundingClientRect().top + scrollY")

    stub.locator("summary").click()
    expect(code).to_be_visible()
    expect(code).to_contain_text("def binary_search(nums: list[int], target: int) -> int:")
    code_height = code.evaluate("(pre) => pre.getBoundingClientRect().height")
    open_top = checklist.evaluate("(h) => h.getBoundingClientRect().top + scrollY")
    context.close()
    # Folded, the checklist sits higher by at least the height of the code it no longer shows:
    # about 400 px on this phone (the checklist's heading moved from about 3420 px down the page
    # to about 3020 px). Relative, so that prose added to the page does not break the test.
    assert code_height > 300
    assert open_top - folded_top >= code_height
