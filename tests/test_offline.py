"""The offline copy's pure parts (roadmap/offline.py): which files it keeps, its version, the
worker the build writes, and the web app manifest."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from mkdocs.config import load_config

from roadmap import offline
from roadmap.devtools import ROOT

SITE_PATHS = [
    "index.html",
    "404.html",
    "dsa/binary-search/index.html",
    "planner/index.html",
    "assets/javascripts/bundle.a5f9d56c.min.js",
    "assets/javascripts/bundle.a5f9d56c.min.js.map",
    "assets/javascripts/workers/search.a7633da7.min.js",
    "assets/javascripts/workers/search.a7633da7.min.js.map",
    "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    "assets/javascripts/lunr/min/lunr.de.min.js",
    "assets/javascripts/lunr/min/lunr.ja.min.js",
    "assets/javascripts/lunr/min/lunr.multi.min.js",
    "assets/javascripts/lunr/tinyseg.js",
    "assets/javascripts/lunr/wordcut.js",
    "assets/javascripts/page-scripts.js",
    "assets/stylesheets/main.0123abcd.min.css",
    "assets/stylesheets/roadmap.css",
    "assets/images/favicon.svg",
    "assets/notebooks/0595d95de915f512.png",
    "assets/exercise/worker.js",
    "assets/pyodide/pyodide.asm.wasm",
    "assets/pyodide/wheels/pytest-9.2.0-py3-none-any.whl",
    "assets/pyodide/wheels.json",
    "exercises/dsa/binary_search.py",
    "notebooks/eda-walkthrough/index.html",
    "notebooks/eda-walkthrough/eda-walkthrough.ipynb",
    "page-data.json",
    "roadmap.json",
    "review/questions/linked-lists.json",
    "search/search_index.json",
    "sitemap.xml",
    "sitemap.xml.gz",
    "manifest.webmanifest",
    "sw.js",
]


def test_the_copy_keeps_every_page_and_what_pages_load_and_leaves_out_the_rest():
    kept = offline.offline_files(SITE_PATHS, ["en"])
    assert kept == [
        "assets/exercise/worker.js",
        "assets/images/favicon.svg",
        "assets/javascripts/bundle.a5f9d56c.min.js",
        "assets/javascripts/page-scripts.js",
        "assets/javascripts/workers/search.a7633da7.min.js",
        "assets/notebooks/0595d95de915f512.png",
        "assets/stylesheets/main.0123abcd.min.css",
        "assets/stylesheets/roadmap.css",
        "dsa/binary-search/index.html",
        "exercises/dsa/binary_search.py",
        "index.html",
        "manifest.webmanifest",
        "notebooks/eda-walkthrough/index.html",
        "page-data.json",
        "planner/index.html",
        "review/questions/linked-lists.json",
        "roadmap.json",
        "search/search_index.json",
        "sitemap.xml",
    ]
    assert [path for path in SITE_PATHS if path not in kept and not offline.left_out(path)] == []


def test_the_exercises_runtime_source_maps_and_downloads_are_left_out():
    for path in (
        "assets/pyodide/pyodide.asm.wasm",
        "assets/pyodide/wheels.json",
        "assets/javascripts/bundle.a5f9d56c.min.js.map",
        "notebooks/eda-walkthrough/eda-walkthrough.ipynb",
        "sitemap.xml.gz",
        "404.html",
        "sw.js",
    ):
        assert offline.left_out(path), path
    # Only at the site's root, or only the file itself, not a page that merely resembles it.
    for path in ("docs/404.html", "guide/sw.js/index.html", "maps/index.html", "pyodide/x.html"):
        assert not offline.left_out(path), path


def test_a_search_in_another_language_keeps_the_files_its_worker_loads():
    lunr = "assets/javascripts/lunr/"
    assert offline.search_files(["en"]) == []
    assert offline.search_files(["de"]) == [
        f"{lunr}min/lunr.stemmer.support.min.js",
        f"{lunr}min/lunr.de.min.js",
    ]
    assert offline.search_files(["en", "ja"]) == [
        f"{lunr}min/lunr.stemmer.support.min.js",
        f"{lunr}tinyseg.js",
        f"{lunr}min/lunr.ja.min.js",
        f"{lunr}min/lunr.multi.min.js",
    ]
    kept = offline.offline_files(SITE_PATHS, ["en", "de"])
    assert [path for path in kept if path.startswith(lunr)] == [
        f"{lunr}min/lunr.de.min.js",
        f"{lunr}min/lunr.multi.min.js",
        f"{lunr}min/lunr.stemmer.support.min.js",
    ]
    assert offline.search_languages(json.dumps({"config": {"lang": ["en", "de"]}}).encode()) == [
        "en",
        "de",
    ]
    assert offline.search_languages(None) == []


def test_urls_are_relative_to_the_site_root_as_links_write_them():
    assert offline.url("index.html") == "./"
    assert offline.url("dsa/binary-search/index.html") == "dsa/binary-search/"
    assert offline.url("page-data.json") == "page-data.json"
    assert offline.url("about/not-index.html") == "about/not-index.html"


def test_the_version_changes_with_any_file_and_stays_when_none_changes():
    files = {"index.html": b"<p>Hello</p>", "page-data.json": b"{}"}
    same = offline.version(files)
    assert same == offline.version(dict(reversed(files.items())))
    assert same == offline.version({path: bytes(data) for path, data in files.items()})
    assert offline.version(files | {"index.html": b"<p>Hello!</p>"}) != same
    assert offline.version(files | {"new/index.html": b""}) != same
    assert offline.version({"index.html": b"<p>Hello</p>"}) != same
    # A file's bytes cannot pass for its neighbour's name.
    assert offline.version({"a": b"bc"}) != offline.version({"ab": b"c"})
    assert len(same) == 16


def exports(script: Path) -> dict:
    """What a script exports when Node runs it, through JSON."""
    node = shutil.which("node")
    assert node, "Node.js is needed (make test installs it)"
    code = f"console.log(JSON.stringify(require({json.dumps(str(script))})))"
    out = subprocess.run([node, "-e", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_the_worker_holds_the_build_s_version_and_urls_and_still_runs(tmp_path):
    source = offline.WORKER_SOURCE.read_text(encoding="utf-8")
    text = offline.worker(source, "0123abcd", ["./", "dsa/binary-search/", "a\u2028b.json"])
    assert len(text) < len(source)  # minified
    (tmp_path / "sw.js").write_text(text, encoding="utf-8")
    assert exports(tmp_path / "sw.js")["BUILD"] == {
        "version": "0123abcd",
        "files": ["./", "dsa/binary-search/", "a\u2028b.json"],
    }


def test_a_worker_source_without_its_build_line_is_refused():
    with pytest.raises(ValueError, match=r"sw\.js has no `const BUILD = \.\.\.;` line"):
        offline.worker("self.addEventListener('fetch', () => {});", "v", [])


STYLESHEETS = [
    ":root,[data-md-color-scheme=default]{--md-hue:225deg;--md-default-bg-color:#fff}"
    ":root{--md-primary-fg-color:#4051b5}"
    "@media screen{[data-md-color-primary=teal]{--md-primary-fg-color:#000}}",
    "[data-md-color-primary=teal]{--md-typeset-a-color:#009485}"
    "[data-md-color-primary=red],[data-md-color-primary=teal]{--md-primary-fg-color: #009485 }"
    "[data-md-color-scheme=slate]{--md-default-bg-color:hsla(var(--md-hue),15%,14%,1)}",
]


def test_the_colours_come_from_the_theme_s_rules_for_the_palette():
    assert offline.theme_colours(STYLESHEETS, "teal", "default") == offline.Colours(
        theme="#009485", background="#fff"
    )
    # A colour the theme gives no rule of its own falls back to the theme's defaults.
    assert offline.theme_colours(STYLESHEETS, "custom", "default").theme == "#4051b5"


def test_a_colour_a_manifest_cannot_read_is_refused_with_its_setting():
    with pytest.raises(ValueError, match=r"--md-default-bg-color as 'hsla\(var"):
        offline.theme_colours(STYLESHEETS, "teal", "slate")
    with pytest.raises(ValueError, match=r"give no --md-primary-fg-color"):
        offline.theme_colours(STYLESHEETS[1:], "indigo", "default")


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


def test_the_site_s_manifest_says_what_mkdocs_yml_and_the_theme_say(config):
    site = offline.site_settings(config, config.theme, config.theme.dirs)
    # Material's indigo and light background, read from the theme as installed.
    assert site.colours == offline.Colours(theme="#4051b5", background="#fff")
    data = json.loads(offline.manifest(site))
    assert data == {
        "name": config.site_name,
        "short_name": config.extra["short_name"],
        "description": config.site_description,
        "lang": "en",
        "dir": "ltr",
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": "#4051b5",
        "background_color": "#fff",
        "icons": [
            {
                "src": "assets/images/favicon.svg",
                "sizes": "any",
                "type": "image/svg+xml",
                "purpose": "any",
            }
        ],
    }
    assert len(data["short_name"]) <= 12


def test_a_bad_short_name_or_palette_names_its_setting(config):
    theme = dict(config.theme)
    with pytest.raises(ValueError, match=r"^mkdocs.yml, extra.short_name: .* found 12"):
        offline.site_settings({"site_name": "X", "extra": {"short_name": 12}}, theme, [])
    with pytest.raises(ValueError, match=r"^mkdocs.yml, extra.short_name: .* found ' '"):
        offline.site_settings({"site_name": "X", "extra": {"short_name": " "}}, theme, [])
    with pytest.raises(ValueError, match=r"^mkdocs.yml, theme.palette: .*no --md-primary"):
        offline.site_settings({"site_name": "X"}, theme, [])
    site = offline.site_settings({"site_name": "Docs"}, theme, config.theme.dirs)
    assert (site.name, site.short_name, site.description) == ("Docs", "Docs", "")


def test_every_page_links_the_manifest_and_names_the_worker():
    tags = offline.head_tags("../../manifest.webmanifest", offline.Colours("#4051b5", "#fff"))
    page = "<html><head><title>t</title></head><body></head></body></html>"
    assert offline.add_head_tags(page, tags) == (
        '<html><head><title>t</title><link rel="manifest" href="../../manifest.webmanifest" '
        'data-worker="sw.js"><meta name="theme-color" content="#4051b5">\n</head><body></head>'
        "</body></html>"
    )
    assert offline.add_head_tags("no head", tags) == "no head"


def fake_site(root: Path, files: dict[str, str]) -> Path:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


SITE = offline.Site("Roadmap", "Roadmap", "", "en", "favicon.svg", offline.Colours("#000", "#fff"))


def test_writing_the_copy_into_a_built_site(tmp_path):
    files = {
        "index.html": "<p>Home</p>",
        "dsa/index.html": "<p>Track</p>",
        "search/search_index.json": json.dumps({"config": {"lang": ["en"]}, "docs": []}),
        "assets/pyodide/pyodide.asm.wasm": "runtime",
        "assets/javascripts/lunr/wordcut.js": "thai",
        "favicon.svg": "<svg/>",
    }
    site_dir = fake_site(tmp_path / "site", files)
    source = offline.WORKER_SOURCE.read_text(encoding="utf-8")
    copy = offline.write(site_dir, SITE, source)
    assert json.loads((site_dir / offline.MANIFEST).read_text())["name"] == "Roadmap"
    kept = ["dsa/index.html", "favicon.svg", "index.html", offline.MANIFEST]
    kept.append("search/search_index.json")
    assert sorted(copy.files) == kept
    assert copy.size == sum(len((site_dir / path).read_bytes()) for path in kept)
    # Every URL relative to the site's root: the worker resolves them against its scope, so
    # the site works under any base path.
    assert exports(site_dir / offline.WORKER)["BUILD"] == {
        "version": copy.version,
        "files": [
            "dsa/",
            "favicon.svg",
            "./",
            offline.MANIFEST,
            "search/search_index.json",
        ],
    }
    assert offline.write(site_dir, SITE, source) == copy  # a rebuild of the same site

    (site_dir / "dsa/index.html").write_text("<p>Track, changed</p>", encoding="utf-8")
    assert offline.write(site_dir, SITE, source).version != copy.version
    (site_dir / "assets/pyodide/pyodide.asm.wasm").write_text("another runtime", encoding="utf-8")
    changed = offline.write(site_dir, SITE, source)
    assert changed.version == offline.write(site_dir, SITE, source).version
    assert changed.version == offline.version(
        {path: (site_dir / path).read_bytes() for path in kept}
    )
