"""Small accessibility repairs to the HTML that the theme writes."""

from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def name_search_dialog(page: str) -> str:
    """Give Material's search dialog the accessible name that assistive technology announces."""
    return page.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search">', 1)
