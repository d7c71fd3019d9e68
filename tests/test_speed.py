import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from roadmap import speed

THEME = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'


def test_only_the_theme_script_is_deferred():
    page = f'<body><script src="x.js"></script>{THEME}</body>'
    out = speed.defer_theme_script(page)
    assert '<script src="../assets/javascripts/bundle.a5f9d56c.min.js" defer></script>' in out
    assert '<script src="x.js"></script>' in out
    assert speed.defer_theme_script(out) == out


def test_the_bench_s_copy_without_the_theme_script_keeps_every_other_script():
    page = speed.defer_theme_script(f'<body><script src="x.js"></script>{THEME}</body>')
    assert speed.without_theme_script(page) == '<body><script src="x.js"></script></body>'


def test_minified_scripts_and_stylesheets_lose_comments_and_keep_their_code():
    script = "/* what it does */\nconst a = `x  ${1 + 2}  // kept`; // gone\nconst b = a?.length;\n"
    assert speed.minified(script, ".js") == "const a=`x  ${1 + 2}  // kept`;const b=a?.length;"
    sheet = "/* why */\n.a > b ,\n.c {\n  color : red ;\n}\n"
    assert speed.minified(sheet, ".css") == ".a>b,.c{color:red}"


def test_only_scripts_and_stylesheets_are_minified():
    with pytest.raises(ValueError, match=r"\.svg"):
        speed.minified("<svg/>", ".svg")


def test_indentation_goes_but_preformatted_text_code_and_scripts_keep_theirs():
    page = (
        "<main>\n    <p>Some\n      text  here</p>  \n\n  <pre><code>a\n    b</code></pre>\n"
        "  <p>Inline <code>x\n   y</code> and <kbd>Ctrl\n  C</kbd></p>\n"
        "  <script>let a = `\n    kept`;</script>\n  <textarea>\n  typed</textarea>\n</main>"
    )
    assert speed.without_indentation(page) == (
        "<main>\n<p>Some\ntext  here</p>\n<pre><code>a\n    b</code></pre>\n"
        "<p>Inline <code>x\n   y</code> and <kbd>Ctrl\n  C</kbd></p>\n"
        "<script>let a = `\n    kept`;</script>\n<textarea>\n  typed</textarea>\n</main>"
    )
    assert speed.without_indentation(speed.without_indentation(page)) == speed.without_indentation(
        page
    )


@given(st.text(alphabet=" \t\n\r\x0b\x0c\xa0\u2003a<", max_size=40))
@example("a \t \n  \n b")
@example("x \r\n y\n")
@example("  \n\n")
def test_a_run_of_whitespace_with_a_line_break_becomes_one_line_break(text):
    """What `without_indentation` does between the elements that keep their whitespace is
    what one regular expression says."""
    assert speed._one_line_break(text) == re.sub(r"[ \t]*\n\s*", "\n", text)


def test_a_page_links_the_stylesheets_of_the_parts_it_has():
    links = (
        '<link rel="stylesheet" href="../assets/stylesheets/roadmap.css">'
        '<link rel="stylesheet" href="../assets/stylesheets/map.css">'
        '<link rel="stylesheet" href="../assets/stylesheets/planner.css">'
    )
    with_map = links + '<div class="roadmap-map" data-roadmap-map><svg></svg></div>'
    assert speed.page_stylesheets_only(with_map) == with_map.replace(
        '<link rel="stylesheet" href="../assets/stylesheets/planner.css">', ""
    )
    planner = links + '<form data-roadmap-planner="x">'
    assert "stylesheets/map.css" not in speed.page_stylesheets_only(planner)
    assert "planner.css" in speed.page_stylesheets_only(planner)
    neither = links + "<p><code>&lt;div data-roadmap-map&gt;</code> data-roadmap-planner</p>"
    assert speed.page_stylesheets_only(neither) == (
        '<link rel="stylesheet" href="../assets/stylesheets/roadmap.css">'
        "<p><code>&lt;div data-roadmap-map&gt;</code> data-roadmap-planner</p>"
    )
