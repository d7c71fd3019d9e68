"""The repairs every HTML file gets, pages and theme templates (such as 404.html) alike, last of
all: the theme's search on the search page only (roadmap/search.py), no template indentation and
only the stylesheets the page uses (roadmap/speed.py), `defer` on the theme's script, an
accessible name for the theme's search dialog (roadmap/a11y.py), and a Content-Security-Policy
(roadmap/csp.py). A page carrying an inline script or style off the allow-list, taken from the
theme's and mkdocs-jupyter's sources, stops the build; so do pages whose content has an event
handler attribute or a script URL (csp.active_markup), all of them listed at once."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from roadmap import a11y, csp, notebooks, offline, search, speed
from roadmap.conventions import NOTEBOOK_SCRIPTS_CACHE, docs_file

# The inline scripts the theme and mkdocs-jupyter ship, from their sources (see csp.py).
_allowed_scripts: set[str] = set()
# What would run in the browser, found in each page's content (docs file -> what).
_active: dict[str, list[str]] = {}


def on_config(config):
    _active.clear()
    return config


def on_page_content(html: str, page: Page, config, files: Files) -> str:
    found = csp.active_markup(html)
    if found:
        _active[docs_file(page.file.src_uri)] = found
    return html


def on_env(env, config, files: Files):
    if _active:  # every page's at once, once every page is converted
        pages = sorted(_active.items())
        listed = "\n".join(f"  {name}: {', '.join(found)}" for name, found in pages)
        raise PluginError(
            "pages would run code in the reader's browser:\n"
            f"{listed}\nPages carry no active content: links and images use "
            f"{', '.join(s + ':' for s in csp.CONTENT_SCHEMES)} or a relative address, and "
            "no element has an on...= attribute (show code in a ``` block instead)."
        )
    pages = files.documentation_pages()
    base_urls = {get_relative_url(".", file.url) for file in pages}
    base_urls.add(offline.site_root_path(config.site_url))  # error pages such as 404.html
    context = {"config": config, "features": config.theme.get("features") or []}
    _allowed_scripts.clear()
    _allowed_scripts.update(csp.theme_scripts(env, context, sorted(base_urls)))
    if any(notebooks.is_notebook(file.src_uri) for file in pages):
        root = Path(config.config_file_path).parent
        _allowed_scripts.update(csp.notebook_scripts(root / NOTEBOOK_SCRIPTS_CACHE))
    return env


def _finish(html: str, name: str, search_page: bool = False) -> str:
    if not search_page:
        try:
            html = search.search_on_first_use(html)
        except ValueError as error:
            raise PluginError(f"{name}: {error}; has the theme changed its header?") from None
    html = speed.page_stylesheets_only(speed.without_indentation(html))
    html = a11y.name_search_dialog(speed.defer_theme_script(html))
    unlisted = csp.unlisted(html, _allowed_scripts)
    if unlisted:
        shown = "\n  ".join(repr(text.strip()[:80]) for text in unlisted)
        raise PluginError(
            f"{name}: the built page carries inline code the site does not ship, which its "
            f"security policy would block:\n  {shown}\nPages may not carry scripts or styles; "
            "if the theme changed its own, review roadmap/csp.py's THEME_PARTIALS."
        )
    return csp.add_csp(html, _allowed_scripts)


def on_post_page(output: str, page: Page, config) -> str:
    src = page.file.src_uri
    return _finish(output, docs_file(src), search_page=src == search.SEARCH_PAGE)


def on_post_template(output: str, template_name: str, config) -> str:
    if not template_name.endswith(".html"):
        return output
    return _finish(output, template_name)
