"""The worksheets: each page shows its template (included from the file, so they cannot
drift apart) and offers the same file for download, and the built site serves it."""

import re

import pytest

from roadmap.devtools import ROOT

WORKSHEETS = {
    "project-framing": "project-framing-template.txt",
    "daily-update": "daily-update-template.txt",
}


@pytest.mark.parametrize("name", sorted(WORKSHEETS))
def test_the_page_shows_and_offers_its_template(name, site):
    template = WORKSHEETS[name]
    source = (ROOT / f"docs/worksheets/{name}.md").read_text(encoding="utf-8")
    assert f'--8<-- "docs/worksheets/{template}"' in source
    assert re.search(rf"\]\({re.escape(template)}\){{ download=\"{name}\.md\" }}", source)

    text = (ROOT / "docs/worksheets" / template).read_text(encoding="utf-8")
    assert (site / "worksheets" / template).read_text(encoding="utf-8") == text
    page = (site / "worksheets" / name / "index.html").read_text(encoding="utf-8")
    assert f'<a download="{name}.md" href="../{template}">' in page
    first_line = text.splitlines()[0].replace("<", "&lt;").replace(">", "&gt;")
    assert first_line in page  # the template itself is shown on the page
