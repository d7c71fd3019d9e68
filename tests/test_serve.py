"""What a save under `python -m roadmap serve` needs (roadmap/serve.py's `plan`), without a
server: the browser tests in tests/site/test_serve.py run the real one."""

from roadmap.generate import Changes
from roadmap.serve import Plan, changed, plan


def test_a_prose_save_renders_only_the_pages_generating_rewrote():
    saved = {"docs/algo/second.md", "docs/planner.md"}
    assert plan(saved, Changes(["algo/second.md"], [])) == Plan("pages", ("algo/second.md",))


def test_a_save_that_changes_no_generated_page_needs_nothing():
    assert plan({"docs/algo/second.md"}, Changes([], [])) == Plan("nothing")
    assert plan(set(), Changes([], [])) == Plan("nothing")  # an editor's hidden swap file


def test_data_snippets_assets_or_a_removed_page_need_a_full_build():
    page = Changes(["algo/second.md"], [])
    assert plan({"data/tracks.yml"}, Changes(["roadmap.json", "algo/index.md"], [])).kind == "full"
    # A snippet changes no generated file: pages include it as MkDocs builds them.
    assert plan({"snippets/algo/first.py", "docs/algo/second.md"}, page).kind == "full"
    assert plan({"docs/assets/stylesheets/roadmap.css"}, Changes([], [])).kind == "full"
    assert plan({"docs/algo/second.md"}, Changes(["roadmap.json"], [])).kind == "full"
    assert plan({"docs/algo/second.md"}, Changes([], ["algo/second.md"])).kind == "full"


def test_changed_lists_what_was_added_removed_or_modified():
    before = {"a.md": (1, 10), "b.md": (1, 10), "c.md": (1, 10)}
    after = {"a.md": (1, 10), "b.md": (2, 10), "d.md": (1, 3)}
    assert changed(before, after) == {"b.md", "c.md", "d.md"}
    assert changed(before, dict(before)) == set()
