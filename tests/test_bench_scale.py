"""scripts/bench_scale.py's generator on the real roadmap: five times the skills, the same graph
in every generation, and pages the project's own validator accepts."""

import shutil
from collections import Counter
from pathlib import Path

import pytest

from roadmap.conventions import docs_file, skill_src
from roadmap.graph import find_cycles
from roadmap.load import load_roadmap
from roadmap.render import checklist_item_id
from roadmap.validate import load_and_check
from scripts.bench_scale import COPIES, copy_id, copy_skill, scaled_pages

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def real():
    roadmap, problems = load_roadmap(ROOT)
    assert not problems
    return roadmap


@pytest.fixture(scope="module")
def scaled(real, tmp_path_factory):
    """The real data, docs and snippets with the generated pages added, as the validator
    loads them (it raises RoadmapError, listing every problem, if it refuses them)."""
    project = tmp_path_factory.mktemp("scaled")
    for folder in ("data", "docs", "snippets", "exercises"):
        shutil.copytree(ROOT / folder, project / folder)
    pages = scaled_pages(real)
    for path, text in pages.items():
        assert not (project / path).exists(), f"{path} would overwrite a real page"
        (project / path).write_text(text, encoding="utf-8")
    return load_and_check(project)


def test_five_times_the_skills_with_unique_ids(real, scaled):
    assert COPIES == 4
    assert len(scaled.skills) == 5 * len(real.skills)
    ids = [page.skill.id for page in scaled.skills]
    assert len(set(ids)) == len(ids)
    expected = {page.skill.id for page in real.skills}
    expected |= {copy_id(page.skill.id, n) for page in real.skills for n in range(2, 6)}
    assert set(ids) == expected


def test_every_track_is_five_times_as_large(real, scaled):
    before = Counter(page.skill.track for page in real.skills)
    after = Counter(page.skill.track for page in scaled.skills)
    assert after == Counter({track: 5 * size for track, size in before.items()})
    for page in scaled.skills:  # each page in its track's folder
        assert page.src_path == f"{page.skill.track}/{page.skill.id}.md"


def test_prerequisites_resolve_within_their_generation(real, scaled):
    skills = {page.skill.id: page.skill for page in scaled.skills}
    for original in real.skills:
        for generation in range(2, 6):
            copy = skills[copy_id(original.skill.id, generation)]
            assert copy.prerequisites == [
                copy_id(needed, generation) for needed in original.skill.prerequisites
            ]
            assert all(needed in skills for needed in copy.prerequisites)
    graph = {skill_id: skill.prerequisites for skill_id, skill in skills.items()}
    assert find_cycles(graph) == []
    edges = sum(len(needs) for needs in graph.values())
    assert edges == 5 * sum(len(page.skill.prerequisites) for page in real.skills)


def test_a_copy_is_its_original_under_a_new_name(real, scaled):
    skills = {page.skill.id: page.skill for page in scaled.skills}
    original = next(page.skill for page in real.skills if page.skill.prerequisites)
    copy = skills[copy_id(original.id, 3)]
    assert copy == copy_skill(original, 3)  # the page written reads back as the record made
    assert copy.title == f"{original.title} (copy 3)"
    changed = {"id", "title", "prerequisites", "snippets", "exercises"}
    assert copy.model_dump(exclude=changed) == original.model_dump(exclude=changed)
    page = scaled.pages[docs_file(skill_src(original.track, copy.id))]
    body = real.pages[docs_file(skill_src(original.track, original.id))].split("\n---\n")[1]
    assert page.endswith(body)


def test_a_copy_shows_its_own_snippet_under_its_name_and_shares_the_others(real, scaled):
    skills = {page.skill.id: page.skill for page in scaled.skills}
    assert skills["evaluation-metrics"].snippets == ["evaluation_metrics", "ndcg"]
    assert skills["evaluation-metrics-copy-4"].snippets == ["evaluation_metrics_copy_4", "ndcg"]
    for suffix in (".py", ".out"):
        own = scaled.root / f"snippets/data_science/evaluation_metrics{suffix}"
        copied = scaled.root / f"snippets/data_science/evaluation_metrics_copy_4{suffix}"
        assert copied.read_bytes() == own.read_bytes()
    assert not (scaled.root / "snippets/data_science/ndcg_copy_4.py").exists()


def test_checklist_items_are_unique_site_wide(scaled):
    items = [
        checklist_item_id(page.skill.id, name)
        for page in scaled.skills
        for item in page.skill.checklist
        for name in [item.id, *item.aliases]
    ]
    assert len(set(items)) == len(items)


def test_a_copy_lists_no_exercise_its_original_owns(real, scaled):
    # An exercise belongs to one skill (the check refuses a name listed twice).
    owners = [page.skill.id for page in scaled.skills if page.skill.exercises]
    assert owners == [page.skill.id for page in real.skills if page.skill.exercises]
    assert owners
