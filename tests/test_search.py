"""roadmap/search.py: which parts of a page the search index leaves out."""

from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import SearchPlugin

from roadmap import notebooks
from roadmap.search import (
    EXCLUDE,
    SET_ASIDE,
    limit_index,
    put_back,
    search_on_first_use,
    set_aside,
)

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


# A notebook page as roadmap/notebooks.py leaves it: every element of a left-out cell marked.
NOTEBOOK_PAGE = notebooks.exclude_from_search(
    '<div class="jp-Cell jp-MarkdownCell"><h1 id="nb">Notebook</h1><p>What it shows.</p></div>'
    '<div class="jp-Cell jp-CodeCell"><div class="jp-InputArea"><div class="highlight-ipynb">'
    '<pre><span>import</span> numpy</pre></div></div><div class="jp-OutputArea"><pre>[1 2]</pre>'
    '</div></div><h2 id="next">Next</h2><p>More prose.</p>'
)


def indexed(content: str) -> tuple[list[dict], str]:
    """What Material's search plugin (as the site configures it) indexes of a page's content, and
    the content it leaves for the page."""
    plugin = SearchPlugin()
    plugin.load_config({"lang": ["en"], "separator": r"[\s\-]+", "pipeline": []})
    plugin.on_config(None)
    page = SimpleNamespace(content=content, meta={}, toc=[], url="page/", title="Page")
    plugin.on_page_context({}, page=page, config=None, nav=None)
    return plugin.search_index.entries, page.content


@pytest.mark.parametrize(
    "content",
    [limit_index(SKILL_PAGE, skill_page=True), limit_index(SKILL_PAGE, False), NOTEBOOK_PAGE],
    ids=["skill page", "other page", "notebook page"],
)
def test_what_is_set_aside_while_the_page_is_indexed_changes_neither_the_index_nor_the_page(
    content,
):
    shorter, blocks = set_aside(content)
    assert blocks and all(EXCLUDE in block.split(">")[0] for block in blocks)
    assert "highlight" not in shorter and "import" not in shorter and "x = 1" not in shorter
    entries, left = indexed(content)
    entries_set_aside, left_set_aside = indexed(shorter)
    assert entries_set_aside == entries
    assert EXCLUDE not in left
    assert put_back(left_set_aside, blocks) == left


def test_a_notebook_cell_is_set_aside_whole_with_the_elements_inside_it():
    shorter, blocks = set_aside(NOTEBOOK_PAGE)
    assert len(blocks) == 1 and 'class="jp-Cell jp-CodeCell"' in blocks[0].split(">")[0]
    assert shorter.endswith(f'<!--{SET_ASIDE} 0--><h2 id="next">Next</h2><p>More prose.</p>')


def test_a_page_already_holding_the_comment_or_a_div_never_closed_keeps_its_content():
    holding = f"<p><!--{SET_ASIDE} 0--></p>" + limit_index(SKILL_PAGE, skill_page=False)
    assert set_aside(holding) == (holding, [])
    unclosed = f'<p>a</p><div class="highlight" {EXCLUDE}><pre>x = 1</pre><p>and the rest</p>'
    assert set_aside(unclosed) == (unclosed, [])
    assert put_back(unclosed, []) == unclosed  # the plugin itself removes the attribute there
