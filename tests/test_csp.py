"""The page security policy: exactly the directives below, and inline scripts allowed only from
an allow-list computed from the theme's and mkdocs-jupyter's own sources."""

import base64
import hashlib
import json

import pytest
from mkdocs.config import load_config

from roadmap import csp
from roadmap.devtools import ROOT

PAGE = (
    "<html><head><title>t</title><script>var a = 1;</script>"
    '<script id="__config" type="application/json">{"base": "."}</script>'
    '<script src="x.js"></script></head><body><script>go()</script></body></html>'
)


def sha(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_inline_scripts_are_exactly_those_that_run():
    assert csp.inline_scripts(PAGE) == ["var a = 1;", "go()"]
    assert csp.sha256("go()") == sha("go()")


def test_the_policy_allows_the_own_origin_and_the_given_hashes_only():
    assert csp.policy([sha("go()")]) == (
        f"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {sha('go()')}; "
        "worker-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; "
        "form-action 'self'"
    )
    assert "script-src 'self' 'wasm-unsafe-eval'; " in csp.policy()


def test_the_meta_holds_the_hashes_of_allow_listed_scripts_on_the_page_only():
    out = csp.add_csp(PAGE, {"go()", "var a = 1;", "elsewhere()"})
    assert out.startswith(
        '<html><head><meta http-equiv="Content-Security-Policy" content="default-src'
    )
    assert f"script-src 'self' 'wasm-unsafe-eval' {sha('var a = 1;')} {sha('go()')};" in out
    assert sha("elsewhere()") not in out
    assert f"script-src 'self' 'wasm-unsafe-eval' {sha('go()')};" in csp.add_csp(PAGE, {"go()"})
    assert out.count("Content-Security-Policy") == 1
    assert csp.add_csp("no head here", set()) == "no head here"


def test_scripts_off_the_list_and_every_inline_style_are_reported():
    page = PAGE + "<style>.a{}</style>"
    assert csp.unlisted(page, {"go()"}) == ["var a = 1;", "<style>.a{}</style>"]
    assert csp.unlisted(PAGE, {"go()", "var a = 1;"}) == []


def test_the_preview_server_s_reload_script_is_added_to_the_policy_it_governs():
    page = csp.add_csp(PAGE, {"go()"}).replace("</body>", "<script>reload(7)</script></body>")
    allowed = csp.allow_script(page, "reload(7)")
    assert f"script-src 'self' 'wasm-unsafe-eval' {sha('go()')} {sha('reload(7)')};" in allowed
    assert allowed.replace(f" {sha('reload(7)')}", "", 1) == page  # nothing else changes
    assert csp.allow_script(PAGE, "reload(7)") == PAGE  # no policy: nothing to allow it in


@pytest.fixture(scope="module")
def theme():
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.theme.get_env(), {"config": config, "features": config.theme["features"]}


# The inline scripts of the pinned Material and mkdocs-jupyter releases. When an upgrade changes
# them, these tests fail: read the new scripts, check that THEME_PARTIALS still names every
# partial with an inline script the site includes, then update the hashes.
THEME_SCRIPTS = {
    "scope at the site's root": "'sha256-apoQPHefCNWjxbCm+HzVDOAW4CSVWhY7VylQjgOFyfk='",
    "scope two folders down": "'sha256-/nhm8p50KJxvwWLggwJ1OF8Xgq5W/b3iKECITLASfOg='",
    "palette": "'sha256-DrEMJJ29sL7vIloQzly+VUGMxKcBTMII+OfW7Y8AkG4='",
    "tabs": "'sha256-/8wPdzX9q0NNJXyA5lzsLojXFpkeaXVxhbfkUOQaWy8='",
}
NOTEBOOK_SCRIPTS = {
    "clipboard-copy element": "'sha256-hYwWry2K68f5aBcvC3BG6vS54Pko4osEbHoDLDx+0L0='",
    "copied notice": "'sha256-G5xteHNIIA+S+4XVjNJ0ykVYMuxH+LfdR9YHLxRVvk4='",
    "diagram loader": "'sha256-C7GtXSV09mZ96Se+CbtRm9VgVfWZsCjtLcep0ByMqjA='",
}


def test_the_theme_ships_the_reviewed_inline_scripts(theme):
    env, context = theme
    scripts = csp.theme_scripts(env, context, [".", "../.."])
    assert {csp.sha256(s) for s in scripts} == set(THEME_SCRIPTS.values())
    scope = next(s for s in scripts if s.startswith('__md_scope=new URL("../..",location)'))
    assert scope.replace('"../.."', '"."', 1) in scripts  # the one script naming base_url


def test_the_notebook_template_ships_the_reviewed_inline_scripts():
    assert {csp.sha256(s) for s in csp.notebook_scripts()} == set(NOTEBOOK_SCRIPTS.values())


def test_a_build_renders_the_notebook_scripts_once_for_the_installed_template(tmp_path):
    cache = tmp_path / "build" / "notebook-scripts.json"
    rendered = csp.notebook_scripts(cache)
    assert {csp.sha256(s) for s in rendered} == set(NOTEBOOK_SCRIPTS.values())
    kept = json.loads(cache.read_text())
    assert kept["scripts"] == sorted(rendered)
    # The next build reads the file instead of rendering, while the packages are the same.
    cache.write_text(json.dumps({**kept, "scripts": ["kept()"]}))
    assert csp.notebook_scripts(cache) == {"kept()"}


@pytest.mark.parametrize(
    "kept",
    [
        {"versions": {"mkdocs-jupyter": "0.1", "nbconvert": "6.0"}, "scripts": ["old()"]},
        {"scripts": ["old()"]},
        {"versions": "current", "scripts": "old()"},
        ["old()"],
        "not JSON {",
    ],
    ids=["other versions", "no versions", "not a list", "not an object", "not JSON"],
)
def test_notebook_scripts_kept_for_other_packages_or_broken_are_rendered_again(tmp_path, kept):
    cache = tmp_path / "notebook-scripts.json"
    csp.notebook_scripts(cache)
    if isinstance(kept, dict) and kept.get("versions") == "current":
        kept["versions"] = json.loads(cache.read_text())["versions"]
    cache.write_text(kept if isinstance(kept, str) else json.dumps(kept))
    assert csp.notebook_scripts(cache) == csp.notebook_scripts()
    assert json.loads(cache.read_text())["scripts"] == sorted(csp.notebook_scripts())


def test_a_build_that_cannot_keep_the_notebook_scripts_still_has_them(tmp_path):
    (tmp_path / "build").write_text("a file where the build folder would be")
    cache = tmp_path / "build" / "notebook-scripts.json"
    assert csp.notebook_scripts(cache) == csp.notebook_scripts()
    assert (tmp_path / "build").read_text() == "a file where the build folder would be"


def test_markup_that_would_run_is_found_however_it_is_spelled():
    content = (
        '<p><a href="javascript:run()">a</a> <a href="JAVA&#x09;SCRIPT&#58;run()">b</a>'
        "<img src='data:image/svg+xml,x' alt=''> <a href=vbscript:run>c</a></p>"
        '<div class="x"\n onmouseover="run()">d</div><svg><a xlink:href="javascript:x">e</a></svg>'
    )
    assert csp.active_markup(content) == [
        "the attribute onmouseover=",
        "a javascript: URL in href=",
        "a javascript: URL in href=",
        "a data: URL in src=",
        "a vbscript: URL in href=",
        "a javascript: URL in xlink:href=",
    ]


def test_links_images_and_text_that_only_look_alike_are_not_active():
    content = (
        '<p><a href="https://example.org/javascript:x">a</a> <a href="mailto:a@example.org">b</a>'
        '<img src="../assets/plot.png" alt="on=1"> <a href="#onclick=">c</a> <a href="?q=a:b">d</a>'
        "</p><p>An on-call rota = fine, and onclick=run() as text.</p>"
    )
    assert csp.active_markup(content) == []
