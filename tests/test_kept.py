"""What a build keeps for the next (roadmap/kept.py), and the stylesheet pruning it keeps
(css.kept_pruning): the same results as computing them, computed once."""

import json
import os

from roadmap import css
from roadmap.kept import Kept, code_digest, digest

MADE_BY = {"roadmap/css.py": "abc"}
SHEETS = [".a { color: red }\n.b { color: blue }", ":root { --x: 1 }\n.c { width: var(--x) }"]


def test_a_kept_value_is_reused_only_when_valid_and_only_used_values_are_written(tmp_path):
    path = tmp_path / "build" / "kept.json"
    made = []

    def make(value):
        made.append(value)
        return value

    first = Kept(path, MADE_BY)
    assert first.get("k1", lambda: make("one"), lambda v: isinstance(v, str)) == "one"
    assert first.get("k2", lambda: make("two"), lambda v: isinstance(v, str)) == "two"
    first.save()
    second = Kept(path, MADE_BY)
    assert second.get("k1", lambda: make("new"), lambda v: isinstance(v, str)) == "one"
    assert second.get("k2", lambda: make(2), lambda v: isinstance(v, int)) == 2  # not valid
    assert (made, second.reused) == (["one", "two", 2], 1)
    second.save()
    assert json.loads(path.read_text()) == {"versions": MADE_BY, "values": {"k1": "one", "k2": 2}}
    assert Kept(path, {"roadmap/css.py": "changed"}).kept == {}  # made by other code


def test_a_build_that_used_exactly_what_was_kept_leaves_the_file_alone(tmp_path):
    path = tmp_path / "kept.json"
    first = Kept(path, MADE_BY)
    first.get("k", lambda: "value", lambda v: isinstance(v, str))
    first.save()
    os.utime(path, ns=(0, 0))  # a rewrite would give it the time of now
    same = Kept(path, MADE_BY)
    same.get("k", lambda: "other", lambda v: isinstance(v, str))
    same.save()
    assert path.stat().st_mtime_ns == 0
    fewer = Kept(path, MADE_BY)  # a build that used none of it: the file follows
    fewer.save()
    assert json.loads(path.read_text())["values"] == {}


def test_digests_change_with_what_they_hash(tmp_path):
    assert digest([1, "a"], {"b": 2}) == digest([1, "a"], {"b": 2})
    assert digest([1, "a"]) != digest(["1", "a"])
    source = tmp_path / "module.py"
    source.write_text("x = 1\n")
    before = code_digest(str(source))
    source.write_text("x = 2\n")
    assert code_digest(str(source)) != before


def test_kept_pruning_gives_what_pruning_gives_and_prunes_each_input_once(tmp_path):
    path = tmp_path / "pruned.json"
    expected = css.prune_stylesheets(SHEETS, {"a", "c"})
    first = Kept(path, css.pruning_made_by())
    assert css.kept_pruning(first)(SHEETS, {"c", "a"}) == expected
    first.save()

    second = Kept(path, css.pruning_made_by())
    prune = css.kept_pruning(second)
    assert prune(SHEETS, ["a", "c"]) == expected  # the same classes in another order
    assert second.reused == 1
    # Other classes, or a property read elsewhere, are another result.
    assert prune(SHEETS, {"a"}) == css.prune_stylesheets(SHEETS, {"a"})
    read = css.prune_stylesheets(SHEETS, {"a"}, read_elsewhere={"--x"})
    assert read != css.prune_stylesheets(SHEETS, {"a"})
    assert prune(SHEETS, {"a"}, read_elsewhere={"--x"}) == read
    assert second.reused == 1
    assert css.pruning_made_by() == {"roadmap/css.py": code_digest(css.__file__)}


def test_pruning_kept_in_another_shape_is_pruned_again(tmp_path):
    path = tmp_path / "pruned.json"
    key = digest(list(SHEETS), ["a"], [])
    path.write_text(json.dumps({"versions": css.pruning_made_by(), "values": {key: ["one"]}}))
    kept = Kept(path, css.pruning_made_by())
    assert css.kept_pruning(kept)(SHEETS, {"a"}) == css.prune_stylesheets(SHEETS, {"a"})
    assert kept.reused == 0


def test_the_theme_stylesheets_kept_are_those_pruning_gives(tmp_path):
    path = tmp_path / "theme.json"
    sheets = {
        "assets/stylesheets/main.1234abcd.min.css": ".md-header{color:red}.md-banner{color:blue}",
        "assets/stylesheets/roadmap.css": ".roadmap-x{color:green}",
    }
    scripts = ['x.classList.add("md-search__output")', "let y = 1"]
    expected = css.prune_theme_stylesheets(sheets, {"md-header"}, scripts)
    first = Kept(path, css.pruning_made_by())
    assert css.kept_theme_stylesheets(first, sheets, {"md-header"}, scripts) == expected
    first.save()

    second = Kept(path, css.pruning_made_by())
    # The scripts in another order, as another build lists the site's files, are the same.
    again = css.kept_theme_stylesheets(second, sheets, {"md-header"}, scripts[::-1])
    assert again == expected and second.reused == 1
    other = css.kept_theme_stylesheets(second, sheets, {"md-banner"}, scripts)
    assert other == css.prune_theme_stylesheets(sheets, {"md-banner"}, scripts) != expected
    assert second.reused == 1
