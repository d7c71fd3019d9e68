"""`python -m roadmap build` (roadmap/cli.py and roadmap/build.py) when the build fails or is
interrupted: the command says so, exits non-zero, and leaves neither a site nor a half-built
folder behind. The successful build is the site tests' own (tests/site/)."""

import os
import signal
import subprocess
import sys
import time

from fixture_project import expected_problems, fixture_config, make_project

from roadmap.cli import main
from roadmap.devtools import ROOT


def assert_lists_the_broken_case(err: str) -> None:
    """`err` lists both problems of the "self-prerequisite" case, under their file."""
    assert err.startswith("The roadmap data has 2 problems") and "Traceback" not in err
    for problem in expected_problems("self-prerequisite"):
        file, _, what = problem.partition(": ")
        assert f"\n{file}\n" in err and f"\n  {what}\n" in err


def test_a_failed_build_says_so_and_leaves_the_site_folder_as_it_was(tmp_path, capsys):
    project = make_project(tmp_path / "project")  # no mkdocs.yml: MkDocs stops at once
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site\n", encoding="utf-8")

    assert main(["build", "--root", str(project)]) != 0

    err = capsys.readouterr().err
    assert "mkdocs.yml" in err  # MkDocs' own message, passed on
    assert err.rstrip().endswith("The build failed; site is as it was.")
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site\n"
    assert sorted(path.name for path in project.iterdir() if path.name.startswith(".site")) == []


def test_a_first_build_of_broken_data_lists_every_problem_and_leaves_nothing(tmp_path, capsys):
    """MkDocs starts while the pages are generated; when the data is broken it is stopped, and
    the folders made for the pages go too."""
    project = make_project(tmp_path / "project", "self-prerequisite")
    fixture_config(project)
    before = sorted(path.name for path in project.iterdir())

    assert main(["build", "--root", str(project)]) == 1

    err = capsys.readouterr().err
    assert_lists_the_broken_case(err)
    assert err.rstrip().endswith("The build failed; site is as it was.")
    assert sorted(path.name for path in project.iterdir()) == before  # no build/, no site


def test_ctrl_c_during_a_build_says_so_and_leaves_nothing_behind(tmp_path):
    """Ctrl-C reaches the whole process group, as in a terminal: the command ends with one line,
    no traceback, and neither a site nor a half-built folder is left."""
    command = [sys.executable, "-m", "roadmap", "build", "--site-dir", str(tmp_path / "site")]
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.Popen(
        command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".site-building-*")):  # MkDocs has started
        assert build.poll() is None and time.monotonic() < deadline, "the build never started"
        time.sleep(0.05)
    os.killpg(build.pid, signal.SIGINT)
    _, err = build.communicate(timeout=60)

    assert build.returncode == 130
    assert "Traceback" not in err
    assert err.rstrip().endswith(f"The build was interrupted; {tmp_path / 'site'} is as it was.")
    assert list(tmp_path.iterdir()) == []


def test_serve_refuses_to_start_on_broken_data_or_without_a_config_and_says_why(
    tmp_path, monkeypatch, capsys
):
    """`python -m roadmap serve` before it serves: every problem of the data, or where the
    configuration is missing, in one message each; exit 1, no server and nothing left behind."""
    project = make_project(tmp_path / "project", "self-prerequisite")
    monkeypatch.chdir(project)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))  # where a preview's site would go
    config = project / "mkdocs.yml"

    assert main(["serve"]) == 1
    assert capsys.readouterr().err == (
        f"No mkdocs.yml in {project}: run this in the project's folder, or name the "
        "configuration with -f.\n"
    )
    config.write_text("site_name: Broken\n", encoding="utf-8")
    assert main(["serve", "-f", str(config)]) == 1
    err = capsys.readouterr().err
    assert_lists_the_broken_case(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]
