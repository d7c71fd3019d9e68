import pytest

from roadmap import speed

THEME = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'


def test_only_the_theme_script_is_deferred():
    page = f'<body><script src="x.js"></script>{THEME}</body>'
    out = speed.defer_theme_script(page)
    assert '<script src="../assets/javascripts/bundle.a5f9d56c.min.js" defer></script>' in out
    assert '<script src="x.js"></script>' in out
    assert speed.defer_theme_script(out) == out


def test_minified_scripts_and_stylesheets_lose_comments_and_keep_their_code():
    script = "/* what it does */\nconst a = `x  ${1 + 2}  // kept`; // gone\nconst b = a?.length;\n"
    assert speed.minified(script, ".js") == "const a=`x  ${1 + 2}  // kept`;const b=a?.length;"
    sheet = "/* why */\n.a > b ,\n.c {\n  color : red ;\n}\n"
    assert speed.minified(sheet, ".css") == ".a>b,.c{color:red}"


def test_only_scripts_and_stylesheets_are_minified():
    with pytest.raises(ValueError, match=r"\.svg"):
        speed.minified("<svg/>", ".svg")
