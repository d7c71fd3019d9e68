"""roadmap/build.py's log of a failed build: what a contributor needs, by source line. The
build test in tests/site/test_build.py checks the same against MkDocs's own log."""

from roadmap.build import failed_build_log


def broken(page: str, link: str, target: str) -> str:
    """A broken link as MkDocs 1.6 logs it."""
    return (
        f"WARNING -  Doc file '{page}' contains a link '{link}', but the target '{target}' "
        "is not found among documentation files."
    )


LOG = "\n".join(
    [
        "INFO    -  Cleaning site directory",
        "INFO    -  Building documentation to directory: /tmp/x",
        broken("algo/second.md", "nope.md", "algo/nope.md"),
        broken("algo/second.md", "../gone.md#x", "gone.md"),
        broken("tracks.md", "algo/none.md", "algo/none.md"),
        "ERROR   -  Config value 'plugins': something else went wrong",
        "Aborted with 3 warnings in strict mode!",
    ]
)


def test_a_broken_link_is_named_by_the_source_line_that_writes_it(tmp_path):
    page = tmp_path / "docs/algo/second.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\nid: second\n---\n\nProse.\n\nSee [it](nope.md), [that](../gone.md#x).\n")
    assert failed_build_log(LOG, tmp_path) == (
        "docs/algo/second.md:7: the link 'nope.md' finds no page (looked for 'algo/nope.md')\n"
        "docs/algo/second.md:7: the link '../gone.md#x' finds no page (looked for 'gone.md')\n"
        # a page the build generated: named, without a line
        "docs/tracks.md: the link 'algo/none.md' finds no page (looked for 'algo/none.md')\n"
        "Config value 'plugins': something else went wrong\n"
        "Aborted with 3 warnings in strict mode!\n"
    )
