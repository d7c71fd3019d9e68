"""A Content-Security-Policy for each built page, as a <meta> tag (static hosts such as GitHub
Pages cannot send headers).

Only the site's own origin is allowed. Material's few inline scripts are allowed by the SHA-256
hashes of their exact text, computed per page, so no 'unsafe-inline' is needed for scripts; the
inline <style> elements of notebook pages (mkdocs-jupyter inlines its stylesheet) likewise.
Style attributes stay refused.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Inline scripts that run: no src, and no non-JavaScript type such as application/json.
_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"(?!text/javascript|module)[^\"]*\")[^>]*>(.*?)</script>",
    re.S,
)
_INLINE_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
_HEAD = re.compile(r"<head[^>]*>")


def _hashes(pattern: re.Pattern, page: str) -> list[str]:
    hashes = []
    for match in pattern.finditer(page):
        digest = hashlib.sha256(match.group(1).encode("utf-8")).digest()
        token = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if token not in hashes:
            hashes.append(token)
    return hashes


def script_hashes(page: str) -> list[str]:
    return _hashes(_INLINE_SCRIPT, page)


def style_hashes(page: str) -> list[str]:
    return _hashes(_INLINE_STYLE, page)


def policy(page: str) -> str:
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *script_hashes(page)]),
        "style-src": " ".join(["'self'", *style_hashes(page)]),
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def add_csp(page: str) -> str:
    """Insert the policy as the first element of <head>, before any script it governs."""
    head = _HEAD.search(page)
    if not head:
        return page
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page)}">'
    return page[: head.end()] + meta + page[head.end() :]
