"""The pages handed from `python -m roadmap build` to the MkDocs it starts (roadmap/handoff.py):
MkDocs reads no page before the build says they are written, and builds nothing if it never
does."""

import os
import subprocess
import sys

import pytest
from fixture_project import fixture_config, make_project

from roadmap import handoff
from roadmap.build import mkdocs_env
from roadmap.generate import generate


def test_without_a_pipe_mkdocs_reads_the_pages_already_generated():
    assert handoff.wait_for_pages({}) is None


@pytest.mark.parametrize(("said", "ready"), [(handoff.READY, True), (b"", False), (b"re", False)])
def test_mkdocs_goes_on_only_once_the_build_says_ready(said, ready):
    read, write = os.pipe()
    os.write(write, said)
    os.close(write)
    environ = {handoff.PIPE_VARIABLE: str(read)}
    if ready:
        handoff.wait_for_pages(environ)
    else:
        with pytest.raises(handoff.NotGenerated, match="roadmap build"):
            handoff.wait_for_pages(environ)
    with pytest.raises(OSError):  # the pipe is closed either way, and not read again
        os.fstat(read)
    assert environ == {}


@pytest.mark.parametrize("ready", [True, False])
def test_telling_closes_the_pipe_even_when_mkdocs_has_stopped(ready):
    read, write = os.pipe()
    os.close(read)  # MkDocs stopped before it waited (a broken mkdocs.yml, say)
    handoff.tell(write, ready)
    with pytest.raises(OSError):
        os.fstat(write)


def test_mkdocs_told_nothing_builds_nothing_and_told_ready_builds(tmp_path):
    project = make_project(tmp_path / "project")
    config = fixture_config(project)
    generate(project)
    results = {}
    for ready in (False, True):
        read, write = os.pipe()
        site = tmp_path / f"site-{ready}"
        command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
        env = mkdocs_env() | {handoff.PIPE_VARIABLE: str(read)}
        output = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True}
        mkdocs = subprocess.Popen(command, cwd=project, env=env, pass_fds=(read,), **output)
        os.close(read)
        handoff.tell(write, ready)
        log, _ = mkdocs.communicate(timeout=300)
        results[ready] = (mkdocs.returncode, log, site)

    code, err, site = results[False]
    assert code != 0 and "the pages were not generated" in err
    assert not (site / "index.html").exists()
    code, err, site = results[True]
    assert code == 0, err
    assert (site / "algo" / "first" / "index.html").is_file()
