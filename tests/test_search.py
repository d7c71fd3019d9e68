"""roadmap/search.py: which parts of a page the search index leaves out."""

import pytest

from roadmap.search import EXCLUDE, limit_index, search_on_first_use

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


# The parts of a page that Material 9.8.1 writes and search_on_first_use changes.
THEME_PAGE = """<header><nav>
<label class="md-header__button md-icon" for="__search">
<svg viewBox="0 0 24 24"><path d="M9.5 3"/></svg>
</label>
<div class="md-search" data-md-component="search" role="dialog">
<label class="md-search__overlay" for="__search"></label>
<div class="md-search__inner" role="search">
<form class="md-search__form" name="search"><input name="query"></form>
<div class="md-search__output"><div class="md-search-result"></div></div>
</div>
</div>
<div class="md-header__source">after</div>
</nav></header>
<script id="__config" type="application/json">{"annotate": null, "base": "../.."}</script>"""


def test_a_page_gets_a_plain_form_to_the_search_page_in_place_of_the_theme_search():
    page = search_on_first_use(THEME_PAGE)
    assert 'data-md-component="search"' not in page and 'name="search"' not in page
    assert "md-search__output" not in page and 'for="__search"' not in page
    form = '<form class="md-search__form" action="../../search/" method="get" role="search">'
    assert form in page
    assert '<input type="text" class="md-search__input" name="q" aria-label="Search"' in page
    assert (
        '<a class="md-header__button md-icon roadmap-search__button" href="../../search/?q=" '
        'title="Search" aria-label="Search"><svg viewBox="0 0 24 24"><path d="M9.5 3"/></svg></a>'
    ) in page
    assert page.count('<path d="M9.5 3"/>') == 2  # the theme's icon, in the button and the box
    # Everything after the dialog is kept, once.
    assert page.endswith(THEME_PAGE[THEME_PAGE.index('\n<div class="md-header__source">') :])


@pytest.mark.parametrize(
    ("base", "action"), [(".", "./search/"), ("/", "/search/"), ("/name/", "/name/search/")]
)
def test_the_form_reaches_the_search_page_from_any_page(base, action):
    page = search_on_first_use(THEME_PAGE.replace('"base": "../.."', f'"base": "{base}"'))
    assert f'action="{action}"' in page and f'href="{action}?q="' in page


def test_a_page_without_the_theme_search_is_left_as_it_is():
    without = THEME_PAGE.replace('data-md-component="search" ', "")
    assert search_on_first_use(without) == without
    assert search_on_first_use("<p>no header</p>") == "<p>no header</p>"


def test_a_dialog_never_closed_is_an_error_not_a_cut_page():
    with pytest.raises(ValueError, match="never closed"):
        search_on_first_use(THEME_PAGE.replace("</div>\n</div>\n<div class", "", 1))
