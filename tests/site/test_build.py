"""The real site: strict build, links and anchors, roadmap.json, code and output on pages."""

import html
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import yaml
from fixture_project import fixture_config, make_project

from roadmap import csp, css, exercise_tables, notebooks, render, search, speed
from roadmap.anchors import broken_anchors
from roadmap.conventions import exercise_files
from roadmap.devtools import ROOT, build, link_runtime
from roadmap.load import split_front_matter
from roadmap.validate import load_and_check

TAGS = re.compile(r"<[^>]+>")


def page_text(path: Path) -> str:
    return html.unescape(TAGS.sub("", path.read_text(encoding="utf-8")))


def test_the_site_folder_has_the_mode_of_any_new_folder(site):
    """Built in a private temporary folder, the site is swapped in readable as a new folder is
    (a server running as another user must read it)."""
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(site.stat().st_mode) == 0o777 & ~umask


def skill_front_matter() -> dict[str, dict]:
    """Skill data read straight from the pages, independently of the roadmap package's models."""
    tracks = {t["id"] for t in yaml.safe_load((ROOT / "data/tracks.yml").read_text())["tracks"]}
    skills = {}
    for track in tracks:
        for page in sorted((ROOT / "docs" / track).glob("*.md")):
            if page.name != "index.md":
                front, _ = split_front_matter(page.read_text(encoding="utf-8"))
                skills[page.stem] = yaml.safe_load(front) | {"src": f"{track}/{page.name}"}
    return skills


def test_linkchecker_finds_no_broken_internal_link(site_url):
    """Crawl from the site root over HTTP, as a reader's browser resolves directory URLs."""
    config = str(ROOT / "tests/site/linkcheckerrc")
    result = subprocess.run(
        [sys.executable, "-m", "linkcheck", "--config", config, site_url],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    checked = re.search(r"(\d+) links? in (\d+) URLs? checked", result.stdout)
    assert checked and int(checked.group(2)) > 20, result.stdout  # it really crawled the site


def test_every_link_to_an_anchor_finds_it(site):
    checked, broken = broken_anchors(site)
    assert broken == []
    assert checked > 500  # the table of contents alone links every heading of every page


def test_roadmap_json_matches_the_skill_pages(site):
    data = json.loads((site / "roadmap.json").read_text(encoding="utf-8"))
    pages = skill_front_matter()
    by_id = {skill["id"]: skill for skill in data["skills"]}
    assert set(by_id) == set(pages)
    for skill_id, front in pages.items():
        skill = by_id[skill_id]
        assert skill["title"] == front["title"]
        assert skill["track"] == front["track"]
        assert skill["level"] == front["level"]
        assert skill["effort_hours"] == list(front["effort_hours"])
        assert skill["prerequisites"] == front.get("prerequisites", [])
        assert skill["priority"] == front["priority"]
        assert skill["priority_reason"] == front["priority_reason"]
        assert skill["start_early"] == front.get("start_early", False)
        assert skill["quiz"] == [f"{front['id']}/{q['id']}" for q in front.get("quiz", [])]
        assert skill["resources"] == front.get("resources", [])
        assert [(c["id"], c["text"]) for c in skill["checklist"]] == [
            (f"{skill_id}/{item['id']}", item["text"]) for item in front["checklist"]
        ]
        assert skill["source"] == f"docs/{front['src']}"
        page = site / skill["url"] / "index.html"
        assert f"<h1>{html.escape(front['title'], quote=False)}</h1>" in page.read_text(
            encoding="utf-8"
        )
    resources = yaml.safe_load((ROOT / "data/resources.yml").read_text())["resources"]
    assert [r["id"] for r in data["resources"]] == [r["id"] for r in resources]
    for track in data["tracks"]:
        assert set(track["skills"]) == {s for s, f in pages.items() if f["track"] == track["id"]}
    goals = yaml.safe_load((ROOT / "data/goals.yml").read_text())["goals"]
    assert [g["id"] for g in data["goals"]] == [g["id"] for g in goals]
    for goal, published in zip(goals, data["goals"], strict=True):
        reached, stack = set(), list(goal["targets"])
        while stack:
            skill_id = stack.pop()
            if skill_id not in reached:
                reached.add(skill_id)
                stack += pages[skill_id].get("prerequisites", [])
        assert published["targets"] == goal["targets"]
        assert set(published["skills"]) == reached and len(published["skills"]) == len(reached)


def test_skill_pages_show_their_code_output_and_checklist(site):
    data = json.loads((site / "roadmap.json").read_text(encoding="utf-8"))
    for skill in data["skills"]:
        page = site / skill["url"] / "index.html"
        markup, text = page.read_text(encoding="utf-8"), page_text(page)
        for item in skill["checklist"]:
            assert f'data-item="{item["id"]}"' in markup
        for snippet in skill["snippets"]:
            source = (ROOT / snippet).read_text(encoding="utf-8")
            shown = source.split("# --8<-- [start:example]\n")[1].split("# --8<-- [end:example]")[0]
            for line in filter(str.strip, shown.splitlines()):
                assert line in text, f"{skill['url']}: code line missing: {line!r}"
            for line in filter(
                str.strip, (ROOT / snippet).with_suffix(".out").read_text().splitlines()
            ):
                assert line in text, f"{skill['url']}: output line missing: {line!r}"


def test_every_page_loads_only_the_part_of_roadmap_json_its_scripts_read(site):
    """page-data.json is roadmap.json without the text no script shows: same skills, ids and
    checklist ids, and no summary (of a skill or an entry profile), checklist wording or
    resource."""
    whole = json.loads((site / "roadmap.json").read_text(encoding="utf-8"))
    part = json.loads((site / "page-data.json").read_text(encoding="utf-8"))
    assert part == render.page_data(whole)
    assert [s["id"] for s in part["skills"]] == [s["id"] for s in whole["skills"]]
    for mine, full in zip(part["skills"], whole["skills"], strict=True):
        short = [item if isinstance(item, str) else item["id"] for item in mine["checklist"]]
        assert [f"{mine['id']}/{i}" for i in short] == [i["id"] for i in full["checklist"]]
        assert [f"{mine['id']}/{q}" for q in mine["quiz"]] == full["quiz"]
        assert "summary" not in mine and all(isinstance(item, str) for item in mine["checklist"])
        # The URL is left out: the page scripts rebuild it from the track and the id.
        assert "url" not in mine and full["url"] == f"{full['track']}/{full['id']}/"
        # start_early only where true (expandPageData makes the rest false); the same hours.
        assert mine.get("start_early", False) is full["start_early"]
        assert mine["effort_hours"] == full["effort_hours"]
    assert "resources" not in part
    assert [p["id"] for p in part["profiles"]] == [p["id"] for p in whole["profiles"]]
    assert not any("summary" in profile for profile in part["profiles"])
    assert (site / "page-data.json").stat().st_size < (site / "roadmap.json").stat().st_size / 4


def test_the_site_s_own_scripts_and_stylesheets_are_minified(site):
    for source in (ROOT / "docs" / "assets").rglob("*.*s"):  # .js and .css
        built = (site / source.relative_to(ROOT / "docs")).read_text(encoding="utf-8")
        assert source.read_text(encoding="utf-8").startswith("/*"), source.name
        assert not built.startswith("/*") and "\n\n" not in built, source.name


def search_docs(site: Path) -> dict[str, str]:
    """The search index's entries, location -> title and text as plain words."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {
        doc["location"]: words(html.unescape(TAGS.sub("", f"{doc['title']} {doc['text']}")))
        for doc in index["docs"]
    }


def words(text: str) -> str:
    """Text as the index shows it: no Markdown code or emphasis marks, single spaces."""
    return " ".join(text.replace("`", "").replace("*", "").split())


def test_the_search_index_holds_skills_checklists_resources_and_lessons(site):
    data = json.loads((site / "roadmap.json").read_text(encoding="utf-8"))
    docs = search_docs(site)
    indexed = " ".join(docs.values())
    for skill in data["skills"]:
        assert skill["title"] in docs[skill["url"]], skill["id"]
        for item in skill["checklist"]:
            assert words(item["text"]) in docs[f"{skill['url']}#checklist"], item["id"]
    for resource in data["resources"]:
        assert words(resource["title"]) in indexed, resource["id"]
    assert any(location.startswith("lessons/") for location in docs)


def test_the_search_index_leaves_out_code_tools_and_repeats(site):
    data = json.loads((site / "roadmap.json").read_text(encoding="utf-8"))
    docs = search_docs(site)
    indexed = " ".join(docs.values())
    left_out = {
        "the skip button": "I already know this skill",
        "progress bars": "Your progress:",
        "code": "def lower_bound(",
        "a resource note": data["resources"][0]["note"].split(".")[0],
        "a quiz": "Pick an answer to see whether it was right",
    }
    for what, text in left_out.items():
        assert words(text) not in indexed, what
    for page in ("checklists/", "map/", "planner/", "progress/"):  # repeats, or tools
        assert not any(location.startswith(page) for location in docs), page
    pages = [page.read_text(encoding="utf-8") for page in site.glob("*/*/index.html")]
    pages += [page.read_text(encoding="utf-8") for page in site.glob("*/index.html")]
    pages.append((site / "index.html").read_text(encoding="utf-8"))
    for section in search.SKILL_SECTIONS_LEFT_OUT + search.SECTIONS_LEFT_OUT:
        assert any(f'<h2 id="{section}"' in page for page in pages), section  # a real heading
        assert not any(location.endswith(f"#{section}") for location in docs), section


def test_the_theme_stylesheet_is_pruned_and_every_page_links_the_pruned_file(site):
    """The build keeps the rules of Material's stylesheets that the pages can use (roadmap/css.py)
    and renames the files by their new content; every page, the error page too, links them."""
    sheets = sorted(p.name for p in (site / "assets" / "stylesheets").glob("*.min.css"))
    assert [name.split(".")[0] for name in sheets] == ["main", "palette"]
    main = (site / "assets" / "stylesheets" / sheets[0]).read_text(encoding="utf-8")
    assert ".md-header" in main and ".md-search-result__item" in main  # pages; the script
    assert ".md-banner" not in main and ".md-consent" not in main  # features not in use
    assert not list((site / "assets" / "stylesheets").glob("*.map"))
    for page in [*site.rglob("*.html")]:
        links = re.findall(r'<link rel="stylesheet" href="([^"]*\.min\.css)"', page.read_text())
        assert sorted(link.rsplit("/", 1)[1] for link in links) == sheets, page


def test_the_whitespace_the_build_drops_is_whitespace_no_browser_shows(site):
    """speed.without_indentation keeps the whitespace of the elements in KEEPS_WHITESPACE only:
    no stylesheet keeps another element's, and no attribute value holds a line break."""
    keeps = re.compile(r"white-space\s*:\s*(pre|pre-wrap|pre-line|break-spaces)")
    pages = [page.read_text(encoding="utf-8") for page in site.rglob("*.html")]
    classes = {
        name
        for page in pages
        for names in re.findall(r' class="([^"]*)"', page)
        for name in names.split()
    }
    for sheet in site.rglob("*.css"):
        for rule in css._every_rule(css.split_rules(sheet.read_text(encoding="utf-8"))):
            if rule.block is None or not keeps.search(rule.block):
                continue
            for selector in css.split_top_level(rule.prelude, ","):
                element = re.split(r"[\s>+~]+", selector.strip())[-1]
                tag = re.match(r"[a-z]*", element).group()
                # a kept element, or one no page has (`.jp-RenderedMermaid`, in a notebook sheet)
                assert tag in speed.KEEPS_WHITESPACE or not css.required_classes(element) <= classes
    for page in pages:
        assert not re.search(r'<[a-zA-Z][^<>]*="[^"]*\n', page)


def test_every_image_on_the_site_says_what_it_shows(site):
    images = 0
    for page in site.rglob("*.html"):
        for tag in re.findall(r"<img\b[^>]*>", page.read_text(encoding="utf-8")):
            images += 1
            alt = re.search(r'\salt="([^"]*)"', tag)
            assert alt and alt.group(1).strip(), f"{page.relative_to(site)}: {tag}"
            assert notebooks.PLACEHOLDER_ALT not in tag, f"{page.relative_to(site)}: {tag}"
    assert images >= 16  # the notebooks' plots


def test_no_third_party_assets(site):
    """Fonts, scripts, styles and images all come from the site itself."""
    asset = re.compile(
        r'<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)="(https?:)?//', re.I
    )
    for page in site.rglob("*.html"):
        markup = page.read_text(encoding="utf-8")
        for tag in re.finditer(r"<(?:script|link|img|iframe|source)\b[^>]*>", markup, re.I):
            if asset.match(tag.group(0)) and 'rel="canonical"' not in tag.group(0):
                raise AssertionError(f"{page.relative_to(site)}: third-party asset {tag.group(0)}")
    for sheet in site.rglob("*.css"):
        assert "fonts.googleapis" not in sheet.read_text(encoding="utf-8")


def test_every_page_allows_exactly_the_reviewed_inline_scripts_it_carries(site):
    """Each page's policy lists the hash of every inline script on it (none is blocked) and
    nothing else; across the site, those are the theme's and the notebook template's only."""
    from test_csp import NOTEBOOK_SCRIPTS, THEME_SCRIPTS

    fixed = {h for name, h in THEME_SCRIPTS.items() if not name.startswith("scope")}
    seen = set()
    for page in site.rglob("*.html"):
        markup = page.read_text(encoding="utf-8")
        meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', markup)
        script_src = re.search(
            r"script-src 'self' 'wasm-unsafe-eval'((?: '[^']+')*);", meta.group(1)
        ).group(1)
        on_page = [csp.sha256(s) for s in csp.inline_scripts(markup)]
        assert script_src.split() == list(dict.fromkeys(on_page)), page
        assert "<style" not in markup, page
        seen.update(on_page)
        scopes = [s for s in csp.inline_scripts(markup) if s.startswith("__md_scope=")]
        assert len(scopes) == 1, page
    notebooks = set(NOTEBOOK_SCRIPTS.values())
    assert fixed | notebooks <= seen
    # Beyond those, only the scope script, once per folder depth (and the error page's "/").
    assert (
        len(seen - fixed - notebooks)
        == len({len(p.relative_to(site).parent.parts) for p in site.rglob("index.html")}) + 1
    )


def built_fixture(tmp_path):
    """The fixture project, built once: (project, its config, the site folder)."""
    project = make_project(tmp_path / "project")
    config = fixture_config(project)
    site_dir = tmp_path / "site"
    assert build(project, site_dir, config).returncode == 0
    return project, config, site_dir


def test_a_script_smuggled_past_the_check_stops_the_build_and_keeps_the_site(tmp_path):
    """The check reads pages, not the files a snippet include pulls in; the finished page is
    held against the allow-list, so a script arriving that way fails the build."""
    project, config, site_dir = built_fixture(tmp_path)
    before = (site_dir / "index.html").read_bytes()
    (project / "data/note.html").write_text("<script>alert(1)</script>\n")
    (project / "docs/index.md").write_text('# Home\n\n--8<-- "data/note.html"\n')
    result = build(project, site_dir, config)
    assert result.returncode != 0
    assert "docs/index.md: the built page carries inline code the site does not ship" in (
        result.stderr
    )
    assert "'alert(1)'" in result.stderr
    assert (site_dir / "index.html").read_bytes() == before


def test_script_urls_and_handlers_spelled_past_the_check_stop_the_build_all_at_once(tmp_path):
    """`roadmap check` reads the Markdown; an entity or a control character can still spell a
    script URL there that only the browser decodes, so the build reads the HTML too and lists
    every page at once."""
    project, config, site_dir = built_fixture(tmp_path)
    before = (site_dir / "index.html").read_bytes()
    (project / "docs/index.md").write_text("# Home\n\nA [link](javascript&#58;alert(1)).\n")
    page = project / "docs/algo/second.md"
    page.write_text(page.read_text() + "\n![chart](java&#x09;script:alert(2))\n")
    load_and_check(project)  # raises on any problem: the Markdown check does not see these
    result = build(project, site_dir, config)
    assert result.returncode != 0
    assert "pages would run code in the reader's browser:\n" in result.stderr
    assert "  docs/algo/second.md: a javascript: URL in src=\n" in result.stderr
    assert "  docs/index.md: a javascript: URL in href=\n" in result.stderr
    assert "use http:, https:, mailto: or a relative address" in result.stderr
    assert (site_dir / "index.html").read_bytes() == before


def test_external_links_in_content_open_in_the_same_tab(site):
    """No content link opens a new window (where the other site could reach back through
    `window.opener`); the resource links carry no `rel="noopener"`, which only matters there."""
    for page in site.rglob("*.html"):
        markup = page.read_text(encoding="utf-8")
        content = markup[markup.find("<article") : markup.find("</article>")]
        assert not re.search(r"<a\b[^>]*\btarget=", content), page
    reading_list = (site / "reading-list" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<a href="https://[^"]*">', reading_list)) >= 100


def test_a_broken_edit_fails_the_build_and_keeps_the_last_good_site(tmp_path):
    project = make_project(tmp_path / "project")
    config = fixture_config(project)
    site_dir = tmp_path / "site"
    first = build(project, site_dir, config)
    assert first.returncode == 0, first.stderr
    good = (site_dir / "algo" / "second" / "index.html").read_text(encoding="utf-8")

    page = project / "docs/algo/second.md"
    page.write_text(page.read_text().replace("prerequisites: [first]", "prerequisites: [frist]"))
    second = build(project, site_dir, config)
    assert second.returncode != 0
    assert "docs/algo/second.md" in second.stderr
    assert "prerequisites[0]: unknown skill 'frist'; did you mean 'first'?" in second.stderr
    assert (site_dir / "algo" / "second" / "index.html").read_text(encoding="utf-8") == good


def test_a_broken_link_fails_the_build_named_by_its_source_line(tmp_path):
    project, config, site_dir = built_fixture(tmp_path)
    page = project / "docs/algo/second.md"
    page.write_text(page.read_text() + "\nSee [the gone page](gone.md).\n")
    line = len(page.read_text().splitlines())
    result = build(project, site_dir, config)
    assert result.returncode != 0
    named = f"docs/algo/second.md:{line}: the link 'gone.md' finds no page"
    assert result.stderr.startswith(f"{named} (looked for 'algo/gone.md')\n")
    assert "INFO" not in result.stderr


def test_an_unknown_marker_fails_the_build(tmp_path):
    project = make_project(tmp_path / "project")
    config = fixture_config(project)
    (project / "docs/index.md").write_text("# Home\n\n<!-- roadmap:reading-lst -->\n")
    result = build(project, tmp_path / "site", config)
    assert result.returncode != 0
    assert (
        "docs/index.md:3: unknown or malformed marker '<!-- roadmap:reading-lst -->'"
        in result.stderr
    )


def test_a_missing_snippet_section_fails_the_build(tmp_path):
    """pymdownx.snippets with check_paths: an include that points nowhere stops the build."""
    project = make_project(tmp_path / "project")
    config = fixture_config(project)
    (project / "docs/index.md").write_text(
        '# Home\n\n```python\n--8<-- "snippets/algo/nothing.py"\n```\n'
    )
    result = build(project, tmp_path / "site", config)
    assert result.returncode != 0
    assert "snippets/algo/nothing.py" in result.stderr


def test_the_build_works_from_any_working_directory(tmp_path):
    """Snippet paths are anchored to the project, not to where mkdocs is started."""
    project = make_project(tmp_path / "project")
    config = fixture_config(project)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = build(elsewhere, tmp_path / "site", config)
    assert result.returncode == 0, result.stderr
    assert "hello" in (tmp_path / "site/algo/first/index.html").read_text(encoding="utf-8")


def test_durations_on_the_home_and_track_pages_come_from_the_data(tmp_path):
    """Change one skill's hour range and every duration built from it changes with it."""
    project = make_project(tmp_path / "project")
    config = fixture_config(project)
    site_dir = tmp_path / "site"

    def pages() -> tuple[str, str]:
        result = build(project, site_dir, config)
        assert result.returncode == 0, result.stderr
        text = [
            re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (site_dir / p).read_text()))
            for p in ("index.html", "algo/index.html")
        ]
        return text[0], text[1]

    home, track = pages()
    # first: [1, 2] h, second: [2, 4] h; the fixture goal targets first alone.
    assert "2 skills, about" in home and "that is 1 week at 5 h a week" in track
    page = project / "docs/algo/first.md"
    page.write_text(page.read_text().replace("effort_hours: [1, 2]", "effort_hours: [10, 20]"))
    new_home, new_track = pages()
    assert new_home != home and new_track != track
    # The goal: 15 h at the middle of the range: 3, 2 and 1 weeks at 5, 10 and 20 h a week.
    assert (
        "Core path: 1 skill, 15 h: "
        "3 weeks at 5 h a week; 2 weeks at 10 h a week; 1 week at 20 h a week." in new_home
    )
    # The track: 15 + 3 = 18 h: 4, 2 and 1 weeks.
    paces = "4 weeks at 5 h a week, 2 weeks at 10 h a week, 1 week at 20 h a week"
    assert f"2 skills, about 18 h, so {paces}" in new_home
    assert f"(18 h) that is {paces}." in new_track


EXERCISES = """exercises:
  - name: find_it
    title: Find it
    task: Write `find_it(items)`, in O(log n).
  - name: count_it
    title: Count *it* & more
    task: Write `count_it(items)` with `numpy`.
    checked_against: NumPy's `count_nonzero`
"""


def write_exercise(project: Path, name: str, imports: str = "") -> None:
    message = f"Write {name} - see the docstring; run: make exercise NAME={name}"
    texts = {
        "stub": f"{imports}def {name}(items):\n    raise NotImplementedError({message!r})\n",
        "solution": f"{imports}def {name}(items):\n    return 0\n",
        "tests": f"def test_{name}(exercise):\n    assert exercise.{name}([]) == 0\n",
    }
    for what, path in exercise_files("algo", name).items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(texts[what], encoding="utf-8")


def test_removing_an_exercise_from_a_skill_removes_it_from_its_page_and_the_tables(tmp_path):
    """The exercises a skill lists make its page's section, roadmap.json's list and the tables
    of exercises/README.md; take one out of the front matter and it leaves all three, and its
    files, no longer listed, stop the build until they go too."""
    project = link_runtime(make_project(tmp_path / "project"))
    config = fixture_config(project)
    (project / "exercises").mkdir()
    (project / "exercises/conftest.py").write_text("", encoding="utf-8")
    write_exercise(project, "find_it")
    write_exercise(project, "count_it", "import numpy\n")
    page = project / "docs/algo/first.md"
    page.write_text(
        page.read_text().replace("snippets: [first]\n", "snippets: [first]\n" + EXERCISES)
    )
    site_dir = tmp_path / "site"

    def built() -> tuple[str, list[str], str]:
        result = build(project, site_dir, config)
        assert result.returncode == 0, result.stderr
        data = json.loads((site_dir / "roadmap.json").read_text(encoding="utf-8"))
        shown = next(s["exercises"] for s in data["skills"] if s["id"] == "first")
        index = render.Index(load_and_check(project))
        return (
            (site_dir / "algo/first/index.html").read_text(),
            shown,
            exercise_tables.tables(index),
        )

    markup, shown, tables = built()
    assert '<h2 id="exercises">Exercises' in markup
    assert '<h3 id="count-it-more">Count *it* &amp; more' in markup  # the title is escaped
    assert 'data-exercise="algo/find_it" data-file="exercises/algo/find_it.py"' in markup
    assert 'data-exercise-local="algo/count_it"' in markup
    assert (
        "make exercise NAME=count_it</code> only, not on this page: its code or tests use NumPy"
        in markup
    )
    assert markup.index("Find it") < markup.index("Count *it*") < markup.index('id="code"')
    assert shown == [
        {"id": "algo/find_it", "in_browser": True},
        {"id": "algo/count_it", "in_browser": False},
    ]
    assert (site_dir / "exercises/algo/find_it.py").is_file()
    assert (
        "| First skill | `algo/count_it.py` | `count_it(items)` | NumPy; NumPy's `count_nonzero` |"
        in tables
    )
    assert "| First skill | `algo/find_it.py` | `find_it(items)` | plain Python |" in tables

    # Out of the front matter only: its files are listed by no skill, and the build says so.
    page.write_text(page.read_text().replace(EXERCISES, EXERCISES.split("  - name: count_it")[0]))
    result = build(project, site_dir, config)
    assert result.returncode == 1
    assert "exercises/algo/count_it.py\n  (file): no skill lists the exercise 'count_it'" in (
        result.stderr
    )
    for path in exercise_files("algo", "count_it").values():
        (project / path).unlink()
    markup, shown, tables = built()
    assert "count_it" not in markup and "Count *it*" not in markup
    assert '<h2 id="exercise">Exercise<' in markup and 'data-exercise="algo/find_it"' in markup
    assert shown == [{"id": "algo/find_it", "in_browser": True}]
    assert "count_it" not in tables
    assert "| First skill | `algo/find_it.py` | `find_it(items)` |\n" in tables  # no last column
    assert not (site_dir / "exercises/algo/count_it.py").exists()


def test_a_broken_link_in_prose_fails_the_build_and_leaves_the_site_byte_identical(tmp_path):
    """MkDocs aborts on the warning only after writing pages; the build must not swap them in."""
    project = make_project(tmp_path / "project")
    config = fixture_config(project)
    site_dir = tmp_path / "site"
    assert build(project, site_dir, config).returncode == 0

    def snapshot() -> dict[str, bytes]:
        return {
            p.relative_to(site_dir).as_posix(): p.read_bytes()
            for p in site_dir.rglob("*")
            if p.is_file()
        }

    good = snapshot()
    page = project / "docs/algo/second.md"
    page.write_text(page.read_text() + "\nSee [a page that is not there](missing.md).\n")
    failed = build(project, site_dir, config)
    assert failed.returncode != 0
    assert "missing.md" in failed.stderr
    assert snapshot() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # nothing left over


def test_make_build_command_reports_a_failure_and_keeps_the_site(tmp_path):
    project = make_project(tmp_path / "project")
    fixture_config(project)
    run = [sys.executable, "-m", "roadmap", "build", "--root", str(project)]
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    assert subprocess.run(run, capture_output=True, text=True, env=env).returncode == 0
    index = project / "site" / "index.html"
    before = index.read_bytes()
    (project / "docs/index.md").write_text("# Home\n\n[gone](gone.md)\n")
    result = subprocess.run(run, capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert "The build failed; site is as it was." in result.stderr
    assert index.read_bytes() == before
