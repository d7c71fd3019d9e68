"""Before MkDocs reads a page, wait until `python -m roadmap build`, which generates the pages
while MkDocs starts, has written them (roadmap/handoff.py). First of all hooks and plugins."""

from __future__ import annotations

import os

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from roadmap import handoff


@event_priority(100)
def on_pre_build(config) -> None:
    try:
        handoff.wait_for_pages(os.environ)
    except handoff.NotGenerated as exc:
        raise Abort(str(exc)) from None
