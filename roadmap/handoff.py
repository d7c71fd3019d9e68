"""The pages, handed from `python -m roadmap build` to the MkDocs it starts.

MkDocs spends about a second importing its plugins before it reads a page, and generating the
pages takes about as long, so the build starts MkDocs first and generates meanwhile, on the
other core (roadmap/build.py). MkDocs waits before it reads a page (the first event of
roadmap/hooks/pages_ready.py) until the build writes READY into a pipe it passed down, or
stops if the build closes the pipe without it (generating failed: the build reports why).
MkDocs run by hand gets no pipe and reads the pages already generated.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

# The variable that names, to MkDocs, the pipe it waits on.
PIPE_VARIABLE = "ROADMAP_PAGES_READY_FD"
READY = b"ready"


class NotGenerated(Exception):
    """The build closed the pipe without READY: the pages were not generated."""


def wait_for_pages(environ: MutableMapping[str, str]) -> None:
    """Return once the pages are written (at once without a pipe); raise NotGenerated if the
    build said nothing before closing the pipe. The pipe is read once: its variable goes."""
    descriptor = environ.pop(PIPE_VARIABLE, None)
    if descriptor is None:
        return
    with os.fdopen(int(descriptor), "rb") as pipe:
        said = pipe.read()
    if said != READY:
        raise NotGenerated("the pages were not generated; `python -m roadmap build` says why")


def tell(pipe: int, ready: bool) -> None:
    """Say to MkDocs that the pages are written (or, not `ready`, that they will not be), then
    close the pipe. MkDocs may have stopped already (a broken mkdocs.yml): it hears nothing."""
    try:
        if ready:
            os.write(pipe, READY)
    except BrokenPipeError:
        pass
    finally:
        os.close(pipe)
