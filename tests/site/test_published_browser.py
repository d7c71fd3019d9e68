"""The site as the deploy workflow builds it: `site_url` set (from SITE_URL, mkdocs.yml) to
the address it is published at, a sub-path as for a project site (`user.github.io/name/`).
The host shows 404.html at any missing address, so that page links the site's files from
the site's root; sitemap.xml lists every page at its published address."""

import re
import xml.etree.ElementTree as ET

from playwright.sync_api import expect

from roadmap.devtools import ROOT, build, serve

PREFIX = "/ml-engineer-roadmap/"


def test_the_published_site_shows_a_styled_404_page_at_any_missing_address(
    browser, tmp_path, monkeypatch
):
    folder = tmp_path / "site"
    folder.mkdir()
    with serve(folder, prefix=PREFIX) as url:  # the address first: the build needs it
        monkeypatch.setenv("SITE_URL", url)
        result = build(ROOT, folder)
        assert result.returncode == 0, result.stderr

        pages = re.findall(r"<loc>(.*?)</loc>", (folder / "sitemap.xml").read_text("utf-8"))
        ET.fromstring((folder / "sitemap.xml").read_text("utf-8"))
        assert url in pages and f"{url}dsa/binary-search/" in pages, pages[:3]
        assert all(page.startswith(url) for page in pages)

        missing = f"{url}a/missing/page/"
        not_found = (folder / "404.html").read_text("utf-8")
        context = browser.new_context()
        page = context.new_page()
        page.route(missing, lambda route: route.fulfill(status=404, body=not_found))
        failed, errors = [], []
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.on("response", lambda answer: answer.status >= 400 and failed.append(answer.url))
        page.on("console", lambda msg: msg.type == "error" and errors.append(msg))
        page.goto(missing)
        page.wait_for_load_state("networkidle")
        # Only the page itself is missing (Chromium logs its status); every file it links loads.
        assert failed == [missing]
        assert [msg.location["url"] for msg in errors] == [missing], [m.text for m in errors]
        expect(page.locator("h1")).to_have_text("404 - Not found")
        # The theme's stylesheet applies (its header stays at the top), and the logo links home.
        header = page.locator("header.md-header")
        assert header.evaluate("(h) => getComputedStyle(h).position") == "sticky"
        assert page.locator("a.md-header__button.md-logo").evaluate("(a) => a.href") == url
        context.close()
