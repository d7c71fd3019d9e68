"""`python -m roadmap build` (roadmap/cli.py and roadmap/build.py) when the build fails: the
command says so, exits non-zero, and leaves neither a site nor a half-built folder behind.
The successful build is the site tests' own (tests/site/)."""

from fixture_project import make_project

from roadmap.cli import main


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
