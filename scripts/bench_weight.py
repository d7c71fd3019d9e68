"""What a reader's browser transfers: first visits and second pages of the key pages.

    .venv/bin/python -m scripts.bench_weight [--site DIR]     (part of `make bench`)

Serves the built site on localhost as GitHub Pages serves it (gzip, cacheable for 10 minutes)
and opens each key page in Debian's Chromium at a phone's viewport with an empty cache. The
server counts every byte it sends (status line, headers and compressed body) until the
network has been idle for half a second, so what scripts fetch after the load (the progress
data) counts too. The search index loads on the search page only (roadmap/search.py): a last
line gives what the first search costs, the search page opened from the home page's header.
The server counts rather than the browser because Chromium's DevTools protocol reports the
search worker's script without its body.
The second-page figure is the page opened from a link on another page visited first (the home
page, or the skill page for the home page), as a reader taps it, so the theme's instant
navigation and the browser's cache apply. Figures, not a test: budgets are printed beside them.

Both figures are the page's own load: the site's service worker is kept out of them
(roadmap/offline.py). Registered seconds after the page has loaded, it downloads the whole site
in the background for reading offline; that copy is measured apart, from a third visit with the
worker allowed, until the worker is active (its download done) and the network is idle: the
bytes beyond the first visit's.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from roadmap.devtools import CHROMIUM, FLAGS, KEY_PAGES, ROOT, build, serve
from roadmap.search import SEARCH_URL

FIRST_VISIT_BUDGET = 150 * 1024
SECOND_PAGE_BUDGET = 30 * 1024
PHONE = {"width": 412, "height": 823}  # Lighthouse's mobile viewport (a Moto G Power)
IDLE = 0.5  # seconds without a request in flight


class Meter:
    """Counts the requests in flight in one browser context (its pages and their workers),
    so that a visit is measured until the network is idle."""

    def __init__(self, context):
        self.pending = 0
        self.last = time.monotonic()
        context.on("request", self._started)
        context.on("requestfinished", self._ended)
        context.on("requestfailed", self._ended)

    def _started(self, request):
        self.pending += 1
        self.last = time.monotonic()

    def _ended(self, request):
        self.pending -= 1
        self.last = time.monotonic()

    def settle(self, page):
        """Wait until nothing has been in flight for IDLE seconds."""
        while self.pending > 0 or time.monotonic() - self.last < IDLE:
            page.wait_for_timeout(50)


def new_tab(browser, service_workers: str = "block"):
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, service_workers=service_workers
    )
    return context, Meter(context), context.new_page()


def first_visit(browser, base: str, path: str, sent: dict[str, int]) -> Counter:
    """Bytes per path of a visit to `path` with an empty cache."""
    context, meter, page = new_tab(browser)
    sent.clear()
    page.goto(base + path)
    meter.settle(page)
    context.close()
    return Counter(sent)


def with_offline_copy(browser, base: str, path: str, sent: dict[str, int]) -> Counter:
    """Bytes per path of a visit to `path` with an empty cache and the service worker allowed,
    until the worker is active, so its copy of the site is downloaded, and the network idle.
    A site without the worker (no manifest link naming it) is measured until the network is
    idle."""
    context, meter, page = new_tab(browser, service_workers="allow")
    sent.clear()
    page.goto(base + path)
    if page.locator("link[rel=manifest][data-worker]").count():
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    meter.settle(page)
    context.close()
    return Counter(sent)


def second_page(browser, base: str, path: str, before: str, sent: dict[str, int]) -> Counter:
    """Bytes per path of opening `path` from a link on `before`, visited first."""
    context, meter, page = new_tab(browser)
    page.goto(base + before)
    meter.settle(page)
    sent.clear()
    # A reader's tap on a link to it, when `before` has one (as pages link pages: relatively).
    tapped = page.evaluate(
        "url => { const a = [...document.links].find((link) => link.href === url);"
        " a?.click(); return Boolean(a); }",
        base + path,
    )
    if not tapped:
        page.goto(base + path)
    page.wait_for_url(base + path)
    meter.settle(page)
    context.close()
    return Counter(sent)


def measure(site: Path) -> dict[str, tuple[Counter, Counter, Counter]]:
    figures = {}
    sent: dict[str, int] = {}
    with serve(site, compress=True, sent=sent) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        root = urlsplit(base).path
        for name, path in KEY_PAGES.items():
            before = KEY_PAGES["skill page"] if path == "" else ""
            figures[name] = tuple(
                Counter({key.removeprefix(root) or "/": size for key, size in sizes.items()})
                for sizes in (
                    first_visit(browser, base, path, sent),
                    second_page(browser, base, path, before, sent),
                    with_offline_copy(browser, base, path, sent),
                )
            )
        browser.close()
    return figures


SEARCH = f"{SEARCH_URL}?q="  # where the header's search button leads, on every other page


def first_search(site: Path) -> Counter:
    """Bytes per path of the first search: the search page opened from the home page's header
    button, with its index and the theme's search worker."""
    sent: dict[str, int] = {}
    with serve(site, compress=True, sent=sent) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        sizes = second_page(browser, base, SEARCH, "", sent)
        browser.close()
    return sizes


def report(figures: dict[str, tuple[Counter, Counter, Counter]], detail: bool) -> list[str]:
    lines = []
    for name, (first, second, with_copy) in figures.items():
        copy = with_copy - first  # what the service worker downloaded beyond the page's own
        lines.append(
            f"{name}: first visit {sum(first.values()) / 1024:.1f} KiB in {len(first)} requests "
            f"(budget {FIRST_VISIT_BUDGET // 1024}); as a second page "
            f"{sum(second.values()) / 1024:.1f} KiB (budget {SECOND_PAGE_BUDGET // 1024}); "
            f"then the offline copy in the background {sum(copy.values()) / 1024:.1f} KiB "
            f"in {len(copy)} requests"
        )
        if detail:
            for label, sizes in (("first visit", first), ("as a second page", second)):
                lines.append(f"  {label}:")
                for url, size in sizes.most_common():
                    lines.append(f"    {size / 1024:7.1f} KiB  {url}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--detail", action="store_true", help="list each first visit's requests")
    args = parser.parse_args()
    if args.site:
        figures, search = measure(args.site), first_search(args.site)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            build(ROOT, site).check_returncode()
            figures, search = measure(site), first_search(site)
    print("\n".join(report(figures, args.detail)))
    print(
        f"search, first used from the home page: {sum(search.values()) / 1024:.1f} KiB in "
        f"{len(search)} requests (the search page, its index and the theme's search worker)"
    )


if __name__ == "__main__":
    main()
