"""roadmap/conventions.py: the one place each path of a skill, a snippet or an exercise is
derived, and the snippet search the loader, `make outputs` and the snippet tests share."""

import pytest

from roadmap import conventions


def touch(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("", encoding="utf-8")


def test_a_track_id_and_its_package_name_are_each_others_inverse():
    assert conventions.package_name("data-science") == "data_science"
    assert conventions.track_of_package("data_science") == "data-science"
    for track in ("dsa", "ml-systems", "cloud-mlops"):
        assert conventions.track_of_package(conventions.package_name(track)) == track


def test_one_name_runs_through_a_skill():
    assert conventions.snippet_name("binary-search") == "binary_search"
    assert conventions.skill_src("dsa", "binary-search") == "dsa/binary-search.md"
    assert conventions.docs_file("dsa/binary-search.md") == "docs/dsa/binary-search.md"
    assert conventions.docs_src("docs/dsa/binary-search.md") == "dsa/binary-search.md"
    assert conventions.docs_src(conventions.docs_file("index.md")) == "index.md"
    assert conventions.data_file("tracks") == "data/tracks.yml"
    assert conventions.snippet_path("data-science", "ndcg") == "snippets/data_science/ndcg.py"
    assert conventions.snippet_output_path("data-science", "ndcg") == (
        "snippets/data_science/ndcg.out"
    )
    assert conventions.snippet_test_path("data-science", "ndcg") == (
        "tests/snippets/data_science/test_ndcg.py"
    )


def test_find_snippets_lists_the_scripts_one_folder_down_as_track_and_name(tmp_path):
    for path in (
        "snippets/dsa/graphs.py",
        "snippets/dsa/graphs.out",  # its output, not a snippet
        "snippets/dsa/_shared.py",  # a helper
        "snippets/data_science/ndcg.py",
        "snippets/data_science/deeper/nested.py",  # not one folder down
        "snippets/top_level.py",
    ):
        touch(tmp_path / path)
    assert conventions.find_snippets(tmp_path) == [("data-science", "ndcg"), ("dsa", "graphs")]


def test_find_snippets_without_a_snippets_folder_finds_none(tmp_path):
    assert conventions.find_snippets(tmp_path) == []


def test_find_snippets_paths_are_the_snippets_paths(tmp_path):
    touch(tmp_path / "snippets/ml_systems/feature_store.py")
    [(track, name)] = conventions.find_snippets(tmp_path)
    assert (tmp_path / conventions.snippet_path(track, name)).is_file()


def test_an_exercises_three_files_and_its_id():
    assert conventions.exercise_id("dsa", "binary_search") == "dsa/binary_search"
    assert conventions.exercise_files("dsa", "binary_search") == {
        "stub": "exercises/dsa/binary_search.py",
        "solution": "exercises/dsa/solutions/binary_search.py",
        "tests": "exercises/dsa/test_binary_search.py",
    }


@pytest.mark.parametrize("role", ["stub", "solution", "tests"])
def test_exercise_of_finds_the_exercise_from_each_of_its_files(role):
    path = conventions.exercise_files("data_science", "log_loss")[role]
    assert conventions.exercise_of(path) == ("data_science", "log_loss")


@pytest.mark.parametrize(
    "path",
    [
        "snippets/dsa/binary_search.py",  # not under exercises/
        "exercises/conftest.py",  # too shallow
        "exercises/dsa/conftest.py",
        "exercises/dsa/_helpers.py",
        "exercises/dsa/test_.py",  # no name after the prefix
        "exercises/dsa/README.md",
        "exercises/dsa/notes/binary_search.py",  # a folder other than solutions/
        "exercises/dsa/solutions/deeper/binary_search.py",
    ],
)
def test_exercise_of_is_none_for_any_other_file(path):
    assert conventions.exercise_of(path) is None
