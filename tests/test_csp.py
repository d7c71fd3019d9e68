import base64
import hashlib

from roadmap import csp

PAGE = (
    "<html><head><title>t</title><script>var a = 1;</script>"
    '<script id="__config" type="application/json">{"base": "."}</script>'
    '<script src="x.js"></script></head><body><script>go()</script></body></html>'
)


def sha(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_hashes_cover_exactly_the_inline_scripts_that_run():
    assert csp.script_hashes(PAGE) == [sha("var a = 1;"), sha("go()")]


def test_policy_allows_only_the_own_origin_and_those_hashes():
    policy = csp.policy(PAGE)
    assert policy.startswith("default-src 'self'; ")
    assert f"script-src 'self' {sha('var a = 1;')} {sha('go()')};" in policy
    assert "unsafe-inline" not in policy and "http" not in policy


def test_meta_is_the_first_element_of_head():
    out = csp.add_csp(PAGE)
    assert out.startswith(
        '<html><head><meta http-equiv="Content-Security-Policy" content="default-src'
    )
    assert out.count("Content-Security-Policy") == 1
    assert csp.add_csp("no head here") == "no head here"


def test_the_search_dialog_gets_an_accessible_name():
    from roadmap import a11y

    page = f"<body>{a11y.SEARCH_DIALOG}</div></body>"
    assert 'role="dialog" aria-label="Search">' in a11y.name_search_dialog(page)


def test_inline_style_elements_are_allowed_by_hash_and_style_attributes_are_not():
    page = (
        "<html><head><style>.a { color: red; }</style></head>"
        '<body><style scoped>.b{}</style><p style="color: blue">x</p></body></html>'
    )
    assert csp.style_hashes(page) == [sha(".a { color: red; }"), sha(".b{}")]
    policy = csp.policy(page)
    assert f"style-src 'self' {sha('.a { color: red; }')} {sha('.b{}')};" in policy
    assert "unsafe-hashes" not in policy and "unsafe-inline" not in policy
    assert "style-src 'self';" in csp.policy(PAGE)  # no inline style, nothing more allowed
