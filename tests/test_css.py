"""roadmap/css.py: stylesheets cut down to the rules the site's pages can use."""

from __future__ import annotations

from roadmap import css

CssRule = css.CssRule
TRICKY_CSS = (
    '@charset "UTF-8";/* .gone { color: red } */\n'
    '.a, .b:not(.c, .d) { content: "}{"; color: red } /* a rule\'s comment */\n'
    "@media (min-width: 30em) { .e { top: 0 } @supports (display: grid) { .f { left: 0 } } }\n"
    "[title='{'] > .g\\{ { margin: 0 }\n"
    "['a string never closed { .h { } }"
)


def test_split_rules_finds_where_each_rule_starts_and_ends():
    rules = css.split_rules(TRICKY_CSS)
    assert rules == [
        CssRule('@charset "UTF-8"', None),
        CssRule(".a, .b:not(.c, .d)", ' content: "}{"; color: red '),
        CssRule(
            "@media (min-width: 30em)",
            " .e { top: 0 } @supports (display: grid) { .f { left: 0 } } ",
        ),
        CssRule("[title='{'] > .g\\{", " margin: 0 "),
    ]  # the last prelude, all in a string, has no block: a browser drops it too
    assert css.split_rules(rules[2].block) == [
        CssRule(".e", " top: 0 "),
        CssRule("@supports (display: grid)", " .f { left: 0 } "),
    ]
    assert [str(rule) for rule in rules[:2]] == [
        '@charset "UTF-8";',
        '.a, .b:not(.c, .d){ content: "}{"; color: red }',
    ]
    # A block left open at the end closes there, as in a browser; a statement needs no ";".
    assert css.split_rules(".x { a: b") == [CssRule(".x", " a: b")]
    assert css.split_rules('@import "x.css"') == [CssRule('@import "x.css"', None)]


def test_split_top_level_leaves_parentheses_brackets_strings_and_comments_whole():
    split = css.split_top_level
    assert split(".a, .b:not(.c, .d), [x=','], .e /* , */", ",") == [
        ".a",
        " .b:not(.c, .d)",
        " [x=',']",
        " .e /* , */",
    ]
    assert split('color: red; background: url("a;b") ;--x: 1', ";") == [
        "color: red",
        ' background: url("a;b") ',
        "--x: 1",
    ]


def test_required_classes_are_those_outside_parentheses_and_attributes():
    required = css.required_classes
    assert required(".a .b:not(.c) > p[class~='d'].e::before") == {"a", "b", "e"}
    assert required(":is(.x, .y) .sm\\:p-4") == {"sm:p-4"}
    assert required(".\\31 0x") == {"10x"}
    assert required("body > p") == set()


def test_prune_stylesheets_drops_rules_and_custom_properties_nothing_uses():
    sheets = [
        "@charset 'UTF-8';\n"
        ".used { color: var(--ink) }\n"
        ".unused, .also-unused .used { color: blue }\n"
        ".unused, .used .inner:not(.unused) { margin: 0 }\n"
        "@media print { .unused { top: 0 } }\n"
        "@media (max-width: 10em) { .used { left: 0 } .unused { right: 0 } }\n"
        "@keyframes spin { from { rotate: 0 } }\n"
        ".wrapper { --ink: var(--base); --base: var(--black); --black: #000; --red: red }\n"
        ".wrapper { --width: 1px }\n"
        ".wrapper { --nobody: 1 }",
        ".wrapper .used { border-width: var(--width) }",  # reads a property the first one sets
    ]
    classes = {"used", "inner", "wrapper"}
    assert css.prune_stylesheets(sheets, classes) == [
        "@charset 'UTF-8';\n"
        ".used{ color: var(--ink) }\n"
        ".unused, .used .inner:not(.unused){ margin: 0 }\n"
        "@media (max-width: 10em){.used{ left: 0 }}\n"
        "@keyframes spin{ from { rotate: 0 } }\n"
        ".wrapper{ --ink: var(--base); --base: var(--black); --black: #000}\n"
        ".wrapper{ --width: 1px }",
        ".wrapper .used{ border-width: var(--width) }",
    ]


def test_class_names_read_every_way_html_writes_an_attribute():
    page = (
        '<a title="1 > 0" class="after-gt"><b class=bare></b>'
        "<i data-x='class=\"not-this\"' class='single'></i><br/>"
        '<span\nCLASS = "upper a&#45;b"></span></a>'
    )
    assert css.class_names(page) == {"after-gt", "bare", "single", "upper", "a-b"}


def test_class_names_are_those_of_elements_and_the_words_of_inline_scripts():
    page = (
        '<div class="a  b"><p class="c" data-class="not-a-class">x</p>'
        '<script>el.classList.add("added-later")</script></div>'
    )
    assert css.class_names(page) == {"a", "b", "c", "el", "classList", "add", "added-later"}
    # Text that reads like an attribute adds its names: a rule kept, never one lost.
    text = '<pre>&lt;span class="in-text"&gt;</pre><div class="clipboard-copy-txt">x</div>'
    assert css.class_names(text) == {"in-text", "clipboard-copy-txt"}
    scripts = ['x.classList.add("md-typeset__scrollwrap")', "a-b_c 1"]
    assert css.script_words(scripts) == {
        "x",
        "classList",
        "add",
        "md-typeset__scrollwrap",
        "a-b_c",
        "1",
    }


def test_a_custom_property_a_script_reads_stays():
    sheets = [
        ":root { --shown: 1px; --read-by-script: 2px; --unread: 3px } .a { top: var(--shown) }"
    ]
    assert css.prune_stylesheets(sheets, {"a"}, read_elsewhere={"--read-by-script"}) == [
        ":root{ --shown: 1px; --read-by-script: 2px}\n.a{ top: var(--shown) }"
    ]


def test_links_are_relinked_whether_relative_or_from_the_root_and_other_sites_are_left():
    renamed = {
        "assets/stylesheets/main.1234abcd.min.css": "assets/stylesheets/main.5678ef01.min.css"
    }
    link = '<link rel="stylesheet" href="{}">'.format
    old, new = (
        "assets/stylesheets/main.1234abcd.min.css",
        "assets/stylesheets/main.5678ef01.min.css",
    )
    for base in ("", "../", "../../", "/", "/project/"):
        assert css.relink_stylesheets(link(base + old), renamed) == link(base + new)
    for elsewhere in ("https://example.org/" + old, "//example.org/" + old, "x" + old):
        assert css.relink_stylesheets(link(elsewhere), renamed) == link(elsewhere)


THEME = (
    ":root { --md-primary: indigo; --md-tooltip-width: 20rem; --md-unused: red }"
    ".md-header { color: var(--md-primary) }"
    ".md-banner { color: red }"
    ".md-source__fact--stars { margin: 0 }"
    ".md-tag--new { margin: 0 }"
    ".md-search__output { top: 0 }"
)


def test_the_theme_stylesheet_keeps_what_pages_and_scripts_can_use_under_a_new_name():
    sheets = {
        "assets/stylesheets/main.1234abcd.min.css": THEME,
        "assets/stylesheets/roadmap.css": ".roadmap-x { color: var(--md-primary) }",
    }
    scripts = [
        'h("div", {class: "md-search__output"})',  # a class only a script adds
        "e.classList.add(`md-source__fact--${kind}`)",  # a class a script puts together
        'getComputedStyle(e).getPropertyValue("--md-tooltip-width")',
    ]
    pruned = css.prune_theme_stylesheets(sheets, {"md-header", "roadmap-x"}, scripts)
    (old, (new, text)), *more = pruned.items()
    assert more == [] and old == "assets/stylesheets/main.1234abcd.min.css"
    assert {rule.prelude for rule in css.split_rules(text)} == {
        ":root",
        ".md-header",
        ".md-source__fact--stars",
        ".md-search__output",
    }
    assert "--md-tooltip-width" in text and "--md-unused" not in text
    assert new.startswith("assets/stylesheets/main.") and new.endswith(".min.css")
    assert new != old
    # the name follows the content: the same pages give the same name, others another
    again = css.prune_theme_stylesheets(sheets, {"md-header", "roadmap-x"}, scripts)
    assert again[old][0] == new
    more_classes = css.prune_theme_stylesheets(sheets, {"md-header", "md-banner"}, scripts)
    assert more_classes[old][0] != new and ".md-banner" in more_classes[old][1]


def test_the_palette_s_switching_rule_is_left_out_and_nothing_else():
    sheet = (
        "[data-md-color-switching] *,[data-md-color-switching] :after{transition-duration:0s}"
        "[data-md-color-switching] a,.md-header{color:red}"
        "@media print{[data-md-color-switching] *{transition:none}.md-header{color:blue}}"
    )
    sheets = {"assets/stylesheets/palette.1234abcd.min.css": sheet}
    ((_, (_, text)),) = css.prune_theme_stylesheets(sheets, {"md-header"}, []).items()
    assert text == (
        "[data-md-color-switching] a,.md-header{color:red}\n@media print{.md-header{color:blue}}"
    )
