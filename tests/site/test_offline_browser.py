"""Installing the site and reading it offline (roadmap/offline.py), in Chromium.

The built site is served under a sub-path, as GitHub Pages serves a project site
(`user.github.io/name/`). After one visit, with the network gone, five other pages open from
the copy the service worker kept, scripts, data, images and search included. A rebuilt site is
then seen on the next reload, and its copy replaces the old one, leaving the caches of another
site on the same origin alone."""

import html
import json
import re
import shutil
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest
from browser_support import RECORD_VIOLATIONS, open_page, search_results, watched
from playwright.sync_api import expect

from roadmap import offline
from roadmap.devtools import build, copy_project, serve

PREFIX = "/ml-engineer-roadmap/"
LAPTOP = {"width": 1366, "height": 768}
HOME_TEXT = "A sentence that only the rebuilt site has."


def page_title(site: Path, path: str) -> str:
    text = (site / path / "index.html").read_text(encoding="utf-8")
    return html.unescape(re.search(r"<title>(.*?)</title>", text, re.S).group(1))


def worker_build(site: Path) -> dict:
    """The version and URLs the build wrote into the site's service worker."""
    text = (site / offline.WORKER).read_text(encoding="utf-8")
    return json.loads(re.search(r"const BUILD=(\{.*?\});", text).group(1))


def site_file(site: Path, url: str) -> Path:
    """The file of the site at `url`, a URL relative to its root."""
    return site / url / "index.html" if url.endswith("/") else site / url


def skill_page(page):
    expect(page.locator("[data-progress]").first).to_contain_text("Your progress: 0 of")


def planner(page):
    expect(page.locator("[data-planner-summary]")).to_contain_text("hours a week")


def site_map(page):
    expect(page.locator("[data-roadmap-map][data-map-attached] svg").first).to_be_visible()


def reading_list(page):
    expect(page.locator("[data-filter-count]")).to_contain_text("resources.")


def notebook(page):
    images = page.locator("article img")
    expect(images.first).to_be_visible()
    for image in images.all():  # each loads once scrolled near (loading="lazy")
        image.scroll_into_view_if_needed()
        expect(image).to_have_js_property("complete", True)
    loaded = images.evaluate_all("all => all.map(img => img.naturalWidth > 0)")
    assert len(loaded) > 1 and all(loaded), loaded


# Five pages other than the one visited, each with what its scripts or assets must show.
OTHER_PAGES = {
    "dsa/binary-search/": skill_page,
    "planner/": planner,
    "map/": site_map,
    "reading-list/": reading_list,
    "notebooks/eda-walkthrough/": notebook,
}


def test_the_manifest_is_valid_and_every_page_links_it(site):
    data = json.loads((site / offline.MANIFEST).read_text(encoding="utf-8"))
    assert data["start_url"] == data["scope"] == data["id"] == "./"
    assert data["display"] == "standalone"
    assert data["name"] and data["short_name"] and data["theme_color"] and data["background_color"]
    assert [(site / icon["src"]).is_file() for icon in data["icons"]] == [True]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        text = page.read_text(encoding="utf-8")
        head = text[: text.index("</head>")]
        root = "/" if page.name == "404.html" else "../" * (len(page.relative_to(site).parts) - 1)
        link = f'<link rel="manifest" href="{root}{offline.MANIFEST}" data-worker="sw.js">'
        assert head.count(link) == 1, page
        assert head.count(f'<meta name="theme-color" content="{data["theme_color"]}">') == 1, page


def test_the_worker_keeps_every_page_and_leaves_out_the_exercises_runtime(site):
    built = worker_build(site)
    urls = set(built["files"])
    pages = {offline.url(p.relative_to(site).as_posix()) for p in site.rglob("index.html")}
    assert pages <= urls
    for url in ("page-data.json", "roadmap.json", "search/search_index.json", offline.MANIFEST):
        assert url in urls
    assert {"assets/images/favicon.svg", "assets/javascripts/page-scripts.js"} <= urls
    assert not [url for url in urls if url.startswith("assets/pyodide/") or url.endswith(".map")]
    assert not [url for url in urls if url.startswith("/") or "://" in url]  # any base path
    for url in urls:
        assert site_file(site, url).is_file(), url
    assert len(built["version"]) == 16


@pytest.fixture
def served(tmp_path, site):
    """A copy of the built site, served under PREFIX, that a test may rebuild."""
    folder = tmp_path / "served"
    shutil.copytree(site, folder)
    with serve(folder, prefix=PREFIX) as url:
        yield folder, url


@pytest.fixture
def online(browser, served):
    """A browser context with the service worker allowed, that fails the test on a console
    error, a request leaving the site, or a policy violation."""
    _, url = served
    with watched(browser.new_context(service_workers="allow", viewport=LAPTOP), url) as context:
        context.add_init_script(RECORD_VIOLATIONS)
        yield context


def kept(page) -> dict[str, list[str]]:
    """Each cache of the origin, with the URLs it holds."""
    return page.evaluate(
        """async () => {
            const kept = {};
            for (const name of await caches.keys()) {
                const requests = await (await caches.open(name)).keys();
                kept[name] = requests.map((request) => request.url).sort();
            }
            return kept;
        }"""
    )


def wait_until(page, script: str, arg=None, seconds: float = 60) -> None:
    """Wait until the promise `script` returns resolves true (wait_for_function would take
    the promise itself for true)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {script}"
        page.wait_for_timeout(100)


def wait_for_copy(page, url: str, version: str) -> None:
    """Wait until the worker of this version controls the page, its copy downloaded and every
    other version of it deleted."""
    wait_until(
        page,
        """async ([own, version]) => navigator.serviceWorker.controller !== null
            && (await caches.keys()).filter((name) => name.startsWith(own)).join()
                === own + version""",
        [f"roadmap-offline {url} ", version],
    )


def no_violations(page):
    assert page.evaluate("() => window.__violations") == []


def test_after_one_visit_the_site_reads_offline_and_a_rebuild_replaces_the_copy(
    online, served, site, tmp_path
):
    folder, url = served
    built = worker_build(folder)
    home = open_page(online, url)
    wait_for_copy(home, url, built["version"])
    cache = f"roadmap-offline {url} {built['version']}"
    assert kept(home) == {cache: sorted(urljoin(url, file) for file in built["files"])}
    # Another site on the same origin (GitHub Pages serves every project site of a user from
    # one), with a copy of its own.
    other = f"roadmap-offline {url.removesuffix(PREFIX)}/another-site/ 0123456789abcdef"
    home.evaluate("(name) => caches.open(name).then((c) => c.put('x', new Response('x')))", other)
    no_violations(home)

    online.set_offline(True)
    for path, shows in OTHER_PAGES.items():
        failed = []
        page = online.new_page()
        page.on("requestfailed", lambda request, failed=failed: failed.append(request.url))
        page.goto(url + path)
        assert page.title() == page_title(folder, path)
        page.evaluate("() => window.RoadmapPages.ready.then(() => true)")
        shows(page)
        page.wait_for_load_state("networkidle")
        assert failed == [], path
        no_violations(page)
        page.close()
    # Search, from a page opened offline: its header's box leads to the search page, whose
    # index and worker come from the copy too.
    searching = online.new_page()
    searching.goto(url + "how-to-use/")
    box = searching.get_by_role("search").get_by_role("textbox", name="Search")
    box.fill("Binary search")
    box.press("Enter")
    searching.wait_for_url(url + "search/?q=Binary+search")
    assert url + "dsa/binary-search/" in search_results(searching, "Binary search")[:3]
    no_violations(searching)
    assert HOME_TEXT not in home.content()

    # The site is rebuilt, with a new sentence on its home page, into the folder served.
    project = copy_project(tmp_path / "project")
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + f"\n{HOME_TEXT}\n", encoding="utf-8")
    result = build(project, folder)
    assert result.returncode == 0, result.stderr
    rebuilt = worker_build(folder)
    assert rebuilt["version"] != built["version"] and rebuilt["files"] == built["files"]
    # Nothing else changed: a build is the same from run to run, so a site rebuilt without a
    # change keeps its version, and its readers their copy.
    changed = [
        file
        for file in built["files"]
        if site_file(folder, file).read_bytes() != site_file(site, file).read_bytes()
    ]
    assert changed == ["./", "search/search_index.json"]

    online.set_offline(False)
    home.reload()
    expect(home.get_by_text(HOME_TEXT)).to_be_visible()  # network first: the new site at once
    wait_for_copy(home, url, rebuilt["version"])
    new_cache = f"roadmap-offline {url} {rebuilt['version']}"
    assert kept(home) == {
        new_cache: sorted(urljoin(url, file) for file in rebuilt["files"]),
        other: [urljoin(url, "x")],
    }
    no_violations(home)

    online.set_offline(True)
    again = online.new_page()
    again.goto(url)
    expect(again.get_by_text(HOME_TEXT)).to_be_visible()  # the new copy, offline
    again.goto(url + "dsa/binary-search/")
    skill_page(again)


def test_chromium_reads_the_manifest_without_error_and_finds_the_site_installable(online, served):
    _, url = served
    page = open_page(online, url)
    wait_for_copy(page, url, worker_build(served[0])["version"])
    cdp = online.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"] == url + offline.MANIFEST
    assert manifest["errors"] == []
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # A browser context of the tests is a private window, where nothing can be installed.
    assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == []


def test_a_file_left_out_of_the_copy_is_kept_once_fetched(online, served):
    """A notebook's download, like the exercises' runtime, is not in the copy; fetched once
    online, it opens offline too."""
    folder, url = served
    page = open_page(online, url)
    wait_for_copy(page, url, worker_build(folder)["version"])
    download = url + "notebooks/eda-walkthrough/eda-walkthrough.ipynb"
    size = (folder / "notebooks/eda-walkthrough/eda-walkthrough.ipynb").stat().st_size
    fetch = "(url) => fetch(url).then((r) => r.arrayBuffer()).then((b) => b.byteLength)"
    is_kept = "(url) => caches.match(url).then((found) => found !== undefined)"
    assert page.evaluate(is_kept, download) is False
    assert page.evaluate(fetch, download) == size
    wait_until(page, is_kept, download)
    online.set_offline(True)
    assert page.evaluate(fetch, download) == size


def registrations_after(page, milliseconds: int) -> tuple[float, list]:
    """The service worker registrations `milliseconds` after the page's load event, and the
    time it really was then."""
    return page.evaluate(
        """async (milliseconds) => {
            const loaded = performance.getEntriesByType("navigation")[0].loadEventEnd;
            const until = loaded + milliseconds - performance.now();
            await new Promise((done) => setTimeout(done, Math.max(0, until)));
            return [performance.now() - loaded, await navigator.serviceWorker.getRegistrations()];
        }""",
        milliseconds,
    )


def test_the_copy_starts_only_once_the_reader_has_stayed_a_while(online, served):
    """The worker is registered seconds after the page has loaded (page-scripts.js), so that
    the copy never competes with the page's start-up, and a reader who leaves at once
    downloads nothing."""
    _, url = served
    page = online.new_page()
    page.goto(url)  # returns at the load event
    elapsed, registrations = registrations_after(page, 4000)
    assert 3500 < elapsed < 5000 and registrations == []
    assert page.evaluate("() => navigator.serviceWorker.ready.then((r) => r.active.state)") in (
        "activating",
        "activated",
    )


def test_a_reader_saving_data_gets_no_copy(online, served):
    """With the browser set to save data, no service worker is registered, then or later.
    Headless Chromium has no such setting, so the page is told so as the setting would."""
    _, url = served
    online.add_init_script(
        "Object.defineProperty(navigator, 'connection', {value: {saveData: true}})"
    )
    page = online.new_page()
    page.goto(url)
    elapsed, registrations = registrations_after(page, 7000)
    assert elapsed > 6000 and registrations == []
