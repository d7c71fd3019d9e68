"""A Content-Security-Policy for each built page, as a <meta> tag (static hosts such as GitHub
Pages cannot send headers).

Only the site's own origin is allowed. The policy allows the inline scripts the site ships, and
nothing else: an allow-list computed once per build from their sources, never from the finished
page. The sources are Material's inline-script partials (rendered with each `base_url` the
site's pages have, since one of them names it) and mkdocs-jupyter's notebook template (rendered
for an empty notebook). A finished page carrying any other inline script or an inline `<style>`
stops the build: either a page smuggled it past `roadmap check`, or the theme changed what it
ships and the allow-list needs a look (see `THEME_PARTIALS`). Style attributes stay refused.

For the exercises that run on the page (roadmap/pyodide.py), the policy allows workers from the
site (`worker-src 'self'`, which `default-src` implied already) and compiling WebAssembly
(`'wasm-unsafe-eval'`, which allows no JavaScript eval). In Chromium the page's <meta> policy
does not reach into the worker, which runs without it; browsers that apply the page's policy to
its workers need it.

The web app manifest and the service worker that keep the site for reading offline
(roadmap/offline.py) come from the site too: `manifest-src 'self'`, and `worker-src 'self'`
covers the service worker. A <meta> policy does not govern the service worker's own requests
(only headers could, which static hosts do not send); it fetches nothing but the site's files.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import importlib.metadata
import json
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from roadmap.kept import read_kept, write_kept

# Inline scripts that run: no src, and no non-JavaScript type such as application/json.
_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"(?!text/javascript|module)[^\"]*\")[^>]*>(.*?)</script>",
    re.S,
)
_INLINE_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
_HEAD = re.compile(r"<head[^>]*>")

# Material's partials that hold inline scripts the site's pages include. The others in
# partials/javascripts/ (announce, consent, outdated) serve features this site does not use.
THEME_PARTIALS = (
    "partials/javascripts/base.html",
    "partials/javascripts/palette.html",
    "partials/javascripts/content.html",
)

DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self' 'wasm-unsafe-eval'",
    "worker-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "manifest-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script that runs, in page order."""
    return [match.group(1) for match in _INLINE_SCRIPT.finditer(html)]


def sha256(text: str) -> str:
    """A CSP hash source for `text`."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def theme_scripts(env, context: dict, base_urls: Iterable[str]) -> set[str]:
    """Material's inline scripts, rendered from its partials with each of `base_urls`."""
    scripts = set()
    for name in THEME_PARTIALS:
        template = env.get_template(name)
        for base_url in base_urls:
            scripts.update(inline_scripts(template.render(**context, base_url=base_url)))
    return scripts


# What mkdocs-jupyter's inline scripts depend on: its template and nbconvert's, so the versions
# of both packages.
NOTEBOOK_TEMPLATE_PACKAGES = ("mkdocs-jupyter", "nbconvert")


@functools.cache
def _rendered_notebook_scripts() -> frozenset[str]:
    from mkdocs_jupyter.nbconvert2 import nb2html

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "empty.ipynb"
        empty = {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        path.write_text(json.dumps(empty))
        return frozenset(inline_scripts(nb2html(str(path))))


def notebook_scripts(cache: Path | None = None) -> frozenset[str]:
    """mkdocs-jupyter's inline scripts, from its template rendered for an empty notebook.

    Rendering takes about half a second, so a build keeps the result in `cache` (a JSON file)
    with the versions of the packages it came from, and renders again only when they differ or
    the file cannot be read."""
    versions = {name: importlib.metadata.version(name) for name in NOTEBOOK_TEMPLATE_PACKAGES}
    if cache is not None:
        scripts = read_kept(cache, versions, "scripts")
        if isinstance(scripts, list) and all(isinstance(script, str) for script in scripts):
            return frozenset(scripts)
    scripts = _rendered_notebook_scripts()
    if cache is not None:  # a read-only checkout builds as well, rendering each time
        write_kept(cache, versions, "scripts", sorted(scripts))
    return scripts


# In what a page's Markdown became, what would run in the reader's browser, whichever way the
# Markdown spelled it (entities, angle brackets, reference links, a tag over two lines):
# `roadmap check` reads the Markdown first (validate.active_content), and the build looks at the
# HTML too. Elements cannot be smuggled that way (an escaped "<" stays text); inline scripts and
# styles have the allow-list above.
_HANDLER = re.compile(r"<[a-zA-Z][^<>]*?\s(on[a-z]+)\s*=", re.I)
_URL_ATTRIBUTE = re.compile(
    r"""\s(href|src|srcset|action|formaction|poster|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""",
    re.I,
)
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
CONTENT_SCHEMES = ("http", "https", "mailto")  # what a link or image in a page may use


def active_markup(content: str) -> list[str]:
    """What in a page's content HTML would run in the reader's browser: event handler
    attributes, and URLs of another scheme than `CONTENT_SCHEMES` (relative URLs have none)."""
    found = [f"the attribute {m.group(1).lower()}=" for m in _HANDLER.finditer(content)]
    for match in _URL_ATTRIBUTE.finditer(content):
        value = next(group for group in match.groups()[1:] if group is not None)
        # Browsers skip spaces and control characters inside a scheme: "java\tscript:".
        url = re.sub(r"[\x00-\x20]", "", html.unescape(value))
        scheme = _SCHEME.match(url)
        if scheme and scheme.group(1).lower() not in CONTENT_SCHEMES:
            found.append(f"a {scheme.group(1).lower()}: URL in {match.group(1).lower()}=")
    return found


def policy(script_hashes: Iterable[str] = ()) -> str:
    directives = dict(DIRECTIVES)
    directives["script-src"] = " ".join([DIRECTIVES["script-src"], *script_hashes])
    return "; ".join(f"{name} {value}" for name, value in directives.items())


_POLICY_SCRIPTS = re.compile(
    r'(<meta http-equiv="Content-Security-Policy" content="[^"]*?script-src [^;"]*)'
)


def allow_script(html: str, script: str) -> str:
    """`html` with the inline `script` added to the scripts its policy allows: for the live-reload
    script the preview server (roadmap/serve.py) puts on the pages it serves, never in a build."""
    return _POLICY_SCRIPTS.sub(lambda m: f"{m.group(1)} {sha256(script)}", html, count=1)


def unlisted(html: str, allowed: set[str]) -> list[str]:
    """The inline scripts and styles on a finished page that the allow-list does not hold."""
    return [s for s in inline_scripts(html) if s not in allowed] + [
        f"<style>{style}</style>" for style in _INLINE_STYLE.findall(html)
    ]


def add_csp(html: str, allowed: set[str]) -> str:
    """Insert the policy as the first element of <head>, before any script it governs. It holds
    the hashes of the allow-listed scripts this page carries, in page order."""
    head = _HEAD.search(html)
    if not head:
        return html
    hashes = dict.fromkeys(sha256(s) for s in inline_scripts(html) if s in allowed)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    return html[: head.end()] + meta + html[head.end() :]
