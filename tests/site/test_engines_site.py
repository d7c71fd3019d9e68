"""The site MkDocs builds passes the check `make engines` puts another engine's build to, so a
problem that check reports is the other engine's, not the check's."""

from roadmap import engines
from roadmap.devtools import ROOT
from roadmap.validate import load_and_check


def test_the_mkdocs_site_shows_every_skills_checklist_prerequisites_and_resources(site):
    wanted = engines.expected(load_and_check(ROOT))
    assert sum(len(items) for items in wanted.values()) > 5 * len(wanted)
    assert engines.check_site(site, wanted) == []
