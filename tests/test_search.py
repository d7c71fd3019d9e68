"""roadmap/search.py: which parts of a page the search index leaves out."""

from roadmap.search import EXCLUDE, limit_index

SKILL_PAGE = """<h1 id="binary-search">Binary search</h1><p>Summary.</p>
<h2 id="why-it-matters-for-an-ml-engineer">Why</h2><p>Prose.</p>
<h2 id="exercises">Exercises</h2>
<h3 id="lower-bound">Lower bound</h3><p>Write it.</p>
<h2 id="checklist">Checklist</h2><ul><li>I can write it.</li></ul>
<h3 id="a-note">A note</h3>
<h2 id="code">Code</h2><div class="highlight"><pre><code>x = 1</code></pre></div>
<h2 id="resources">Resources</h2>"""


def marked_ids(html: str) -> list[str]:
    """The ids of the elements whose own tag carries the attribute."""
    tags = [part.split(">")[0] for part in html.split('id="')[1:]]
    return [tag.split('"')[0] for tag in tags if EXCLUDE in tag]


def test_a_skill_page_keeps_its_title_and_checklist_and_leaves_out_the_rest():
    html = limit_index(SKILL_PAGE, skill_page=True)
    assert marked_ids(html) == [
        "why-it-matters-for-an-ml-engineer",
        "exercises",
        "lower-bound",  # a subsection of a left-out section, up to the next h2
        "code",
        "resources",
    ]
    assert f'<div class="highlight" {EXCLUDE}>' in html


TRACK_PAGE = """<h1 id="dsa">DSA</h1><p>Intro.</p>
<h2 id="the-track-as-a-picture">The track as a picture</h2><p>Boxes.</p><div>graph</div>
<h3 id="legend">Legend</h3><p>Colours.</p>
<h2 id="skills">Skills</h2><p>In order.</p>
<h2 id="tracks">Tracks</h2><ul><li>Each track again.</li></ul>"""


def test_any_page_leaves_out_the_sections_that_repeat_other_pages():
    for skill_page in (False, True):
        html = limit_index(TRACK_PAGE, skill_page=skill_page)
        assert marked_ids(html) == ["the-track-as-a-picture", "legend", "tracks"]


def test_other_pages_keep_every_section_but_not_their_code():
    html = limit_index(SKILL_PAGE, skill_page=False)
    assert marked_ids(html) == []
    assert html.count(EXCLUDE) == 1  # the code block
    assert html.replace(f" {EXCLUDE}", "") == SKILL_PAGE


def test_what_is_kept_is_the_page_unchanged():
    html = limit_index(SKILL_PAGE, skill_page=True)
    assert html.replace(f" {EXCLUDE}", "") == SKILL_PAGE
