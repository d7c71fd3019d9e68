"""How the site scales: the real roadmap against one five times as large, built from it.

    .venv/bin/python -m scripts.bench_scale [--runs 3]     (part of `make bench`)

The 5x roadmap is generated in a copy of the project (`roadmap.devtools.copy_project`): every skill
gets four copies, `<id>-copy-2` to `<id>-copy-5`, titled "... (copy 2)" and so on, each with its
own page `docs/<track>/<id>-copy-<n>.md` in the same track. A copy's prerequisites are the
copies of the same generation (`graphs-copy-3` needs `trees-copy-3`), so each generation is the
real graph again: acyclic, and of the same shape. The copies are made from the loaded data, not
from the page text: the loader reads each page into its `Skill` record, a copy is that record
with a new id, title and prerequisites, validated again by the schema, and its front matter is
the record written back as YAML above the original page's body. A field added to `Skill` is
copied with the rest. What a copy keeps as it is:

- its checklist and quiz ids: the site names an item `<skill-id>/<item-id>` (progress, the
  checklists page, `roadmap.json`), so a new skill id already makes them unique site-wide;
- its resources, its other snippets and the exercise its page includes: the copy shows the same
  files. Its own snippet, which carries the skill's name, is copied under the copy's name (with
  its output), so the copy's page shows the same code; no test or exercise file is added;
- the data files: goals, profiles and projects name the real skills only.

The copy is checked with the project's own validator before anything is timed. Then:

- build time: the strict build (`roadmap.devtools.build`, as `python -m roadmap build` runs it) of
  the real roadmap and of the 5x one, each in its own copy of the project, median of --runs builds,
  interleaved so both see the same machine load. Printed: pages built (`index.html` files) and, for
  three measures of a build, seconds, milliseconds per page, and the ratio of the two roadmaps'
  times against the ratio of their page counts (build time should grow no faster than the number of
  pages). The measures: the build process from start to finish; MkDocs's own "built in" figure,
  which leaves out the process's fixed start (imports, loading plugins); and the CPU time the
  process used (user + system, from `getrusage`), the steadiest of the three when other work shares
  the machine, as it slows the wall clock but not the CPU time much.
  The HTML written per page is printed beside them: Material puts the navigation of a page's
  section (here its track) in every page, so a page's size grows with its track.
- bytes: `bench_weight.measure` on both sites (the same key page paths exist in both): a first
  visit and a second page of each key page, in Chromium, counted by a local gzip server. For each
  page, how much the 5x site's first visit grows, and the files that grew, so the cause is
  visible (the search index and `page-data.json`, the data every page loads, grow with the skills).

Figures, not a test: nothing here passes or fails on time or size.
"""

from __future__ import annotations

import argparse
import gzip
import re
import resource
import shutil
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

from roadmap.conventions import docs_file, skill_src, snippet_name
from roadmap.devtools import build, copy_project
from roadmap.load import Roadmap, Snippet, split_front_matter
from roadmap.model import Skill
from roadmap.validate import load_and_check

COPIES = 4  # copies of every skill: the generated roadmap is COPIES + 1 times as large
_BUILT_IN = re.compile(r"Documentation built in ([\d.]+) seconds")


def copy_id(skill_id: str, generation: int) -> str:
    """The id of a skill's copy in a generation (2 and up; the real roadmap is generation 1)."""
    return f"{skill_id}-copy-{generation}"


def copy_skill(skill: Skill, generation: int) -> Skill:
    """The skill's copy in a generation: new id and title, prerequisites of the same generation,
    no exercises (each belongs to one skill, its original), every other field as it is;
    validated by the schema like a page's front matter."""
    data = skill.model_dump()
    data["id"] = copy_id(skill.id, generation)
    data["title"] = f"{skill.title} (copy {generation})"
    data["prerequisites"] = [copy_id(needed, generation) for needed in skill.prerequisites]
    own, renamed = snippet_name(skill.id), snippet_name(data["id"])
    data["snippets"] = [renamed if name == own else name for name in skill.snippets]
    data["exercises"] = []
    return Skill.model_validate(data)


def skill_page(skill: Skill, body: str) -> str:
    """A skill page's text: the record as YAML front matter (fields at their defaults left out,
    as a writer would), then the body."""
    front = skill.model_dump(mode="json", exclude_defaults=True)
    text = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{text}---\n{body}"


def scaled_pages(roadmap: Roadmap, copies: int = COPIES) -> dict[str, str]:
    """The files to add to a project so its roadmap is `copies + 1` times as large: path
    relative to the project root -> text. The pages, and each copy's own snippet (the original's
    file and output under the copy's name, since a skill's own snippet carries its name)."""
    pages = {}
    for page in roadmap.skills:
        _front, body = split_front_matter(roadmap.pages[docs_file(page.src_path)])
        own = Snippet(page.skill.track, snippet_name(page.skill.id))
        for generation in range(2, copies + 2):
            copy = copy_skill(page.skill, generation)
            pages[docs_file(skill_src(copy.track, copy.id))] = skill_page(copy, body)
            if own.name in page.skill.snippets:  # its own snippet, under the copy's name
                renamed = Snippet(copy.track, snippet_name(copy.id))
                for source, target in (
                    (own.path, renamed.path),
                    (own.output_path, renamed.output_path),
                ):
                    pages[target] = (roadmap.root / source).read_text(encoding="utf-8")
    return pages


def scale_project(project: Path, copies: int = COPIES) -> Roadmap:
    """Add the copies to the project at `project` (a copy, never the real one); returns the
    scaled roadmap as the project's validator loads it (RoadmapError if it refuses it)."""
    roadmap = load_and_check(project)
    for path, text in scaled_pages(roadmap, copies).items():
        (project / path).write_text(text, encoding="utf-8")
    return load_and_check(project)


# What is timed of each build: the build process from start to finish, MkDocs's own "built in"
# figure (the process's start, imports and plugin loading left out), and the CPU time the process
# used, which other work on a shared machine disturbs far less than the other two.
MEASURES = ("build", "MkDocs's own", "CPU")


def timed_build(project: Path, site: Path) -> tuple[float, float, float]:
    """A strict build of `project` into `site`: seconds, one figure per MEASURES."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = build(project, site)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result.check_returncode()
    own = _BUILT_IN.search(result.stderr)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return seconds, float(own.group(1)) if own else float("nan"), cpu


def _sizes(path: Path) -> tuple[int, int]:
    """A file's bytes on disk and gzip-compressed as the local server sends it."""
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6))


def _kib(size: float) -> str:
    return f"{size / 1024:.1f} KiB"


def _growth(before: float, after: float) -> str:
    return f"{(after - before) / 1024:+.1f} KiB ({(after / before - 1) * 100:+.0f} %)"


def report_builds(times: dict[str, list[tuple[float, ...]]], sites: dict[str, Path]) -> None:
    pages = {name: sum(1 for _ in site.rglob("index.html")) for name, site in sites.items()}
    html = {
        name: sum(f.stat().st_size for f in site.rglob("*.html")) for name, site in sites.items()
    }
    medians = {
        name: [statistics.median(run[i] for run in runs) for i in range(len(MEASURES))]
        for name, runs in times.items()
    }
    for name, figures in medians.items():
        print(f"{name}: {pages[name]} pages built, medians of {len(times[name])} builds:")
        for i, (label, seconds) in enumerate(zip(MEASURES, figures, strict=True)):
            runs = ", ".join(f"{run[i]:.2f}" for run in times[name])
            print(
                f"    {label + ' time:':18} {seconds:6.2f} s, "
                f"{seconds / pages[name] * 1000:5.1f} ms a page (runs: {runs})"
            )
        print(
            f"    HTML written: {html[name] / 2**20:.1f} MiB, {_kib(html[name] / pages[name])} "
            "a page on average (each page carries the navigation of its track)"
        )
    (real, big), (real_pages, big_pages) = medians.values(), pages.values()
    page_ratio = big_pages / real_pages
    print(
        f"page count ratio (5x / real): {page_ratio:.2f}; build time must grow no faster than "
        "the number of pages:"
    )
    for label, before, after in zip(MEASURES, real, big, strict=True):
        ratio = after / before
        verdict = "no faster than" if ratio <= page_ratio else "FASTER than"
        print(
            f"    {label + ' time ratio:':24} {ratio:.2f}, {ratio / page_ratio:.2f} of the page "
            f"ratio: grows {verdict} the pages; each added page cost "
            f"{(after - before) / (big_pages - real_pages) * 1000:.1f} ms against "
            f"{before / real_pages * 1000:.1f} ms a page of the real build"
        )


def report_weights(
    figures: dict[str, dict[str, tuple[Counter, ...]]], sites: dict[str, Path]
) -> None:
    """Each key page's first visit and second-page bytes, real against 5x (bench_weight.measure
    also gives the offline copy's download, which is left out here)."""
    real, big = figures["real roadmap"], figures["5x roadmap"]
    for name in real:
        (first, second, *_), (big_first, big_second, *_) = real[name], big[name]
        before, after = sum(first.values()), sum(big_first.values())
        print(
            f"{name}: first visit {_kib(before)} -> {_kib(after)}, {_growth(before, after)}; "
            f"as a second page {_kib(sum(second.values()))} -> {_kib(sum(big_second.values()))}"
        )
        for file in sorted(set(first) | set(big_first), key=lambda f: first[f] - big_first[f]):
            if abs(big_first[file] - first[file]) >= 512:
                print(
                    f"    {file}: {_kib(first[file])} -> {_kib(big_first[file])}, "
                    f"{_growth(first[file], big_first[file]) if first[file] else 'new'}"
                )
    print(
        "the data files pages fetch that grow with the skills: on disk, and gzip-compressed as "
        "served; the copies repeat their originals' text, which gzip packs better than new text "
        "would, so the estimate beside them assumes the real file's compression ratio:"
    )
    for file in ("search/search_index.json", "page-data.json"):
        (raw, packed), (big_raw, big_packed) = (_sizes(sites[name] / file) for name in sites)
        print(
            f"    {file}: {_kib(raw)} -> {_kib(big_raw)}, {_growth(raw, big_raw)}; gzip "
            f"{_kib(packed)} -> {_kib(big_packed)}, {_growth(packed, big_packed)}; with new "
            f"text about {_kib(big_raw * packed / raw)} gzip"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of each roadmap (default 3)")
    parser.add_argument("--no-weight", action="store_true", help="time the builds only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        projects = {
            "real roadmap": copy_project(tmp_path / "real"),
            "5x roadmap": copy_project(tmp_path / "scaled"),
        }
        real = load_and_check(projects["real roadmap"])
        scaled = scale_project(projects["5x roadmap"])
        print(
            f"5x roadmap: {len(scaled.skills)} skills ({len(real.skills)} real, each with "
            f"{COPIES} copies), {sum(len(p.skill.checklist) for p in scaled.skills)} checklist "
            f"items; the project's validator accepts it"
        )
        times: dict[str, list[tuple[float, ...]]] = {name: [] for name in projects}
        sites = {name: tmp_path / f"site-{path.name}" for name, path in projects.items()}
        for run in range(args.runs):  # interleaved, so both see the same machine load
            for name, project in projects.items():
                site = sites[name].with_name(f"{sites[name].name}-{run}")
                times[name].append(timed_build(project, site))
                if run == args.runs - 1:
                    site.rename(sites[name])
                else:
                    shutil.rmtree(site)
        report_builds(times, sites)
        if not args.no_weight:
            from scripts.bench_weight import measure  # Playwright and Chromium: only when measuring

            figures = {name: measure(site) for name, site in sites.items()}
            report_weights(figures, sites)


if __name__ == "__main__":
    main()
