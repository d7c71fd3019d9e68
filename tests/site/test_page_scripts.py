"""The page scripts' pure functions, unit-tested with Node's own test runner (`node --test`).

The tests live in tests/js/*.test.js and load the scripts in docs/assets/javascripts/ (and the
service worker's template, roadmap/templates/sw.js) as CommonJS modules. Tests that need the
real roadmap read page-data.json, the data every page loads, from the site built for the
browser tests, named by the PAGE_DATA_JSON variable.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from roadmap import offline
from roadmap.devtools import ROOT

JS_TESTS = ROOT / "tests" / "js"


def run_node_tests(tests: Path, site: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is missing: install it (apt-get install nodejs) to run tests/js")
    files = sorted(str(path) for path in tests.glob("*.test.js"))
    assert files, f"no Node tests found in {tests}"
    result = subprocess.run(
        [node, "--test", *files],
        capture_output=True,
        text=True,
        env=os.environ | {"PAGE_DATA_JSON": str(site / "page-data.json")},
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout, result.stdout


def test_page_scripts_pass_their_node_tests(site):
    run_node_tests(JS_TESTS, site)


def test_the_minified_scripts_the_site_serves_pass_the_same_tests(site, tmp_path):
    """The build minifies the scripts (roadmap/speed.py): the copies in the built site must
    behave as the sources do. The tests are run beside them, in the same folder layout."""
    shutil.copytree(JS_TESTS, tmp_path / "tests" / "js")
    scripts = tmp_path / "docs" / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    for source in (ROOT / "docs" / "assets" / "javascripts").glob("*.js"):  # not the theme's
        shutil.copy(site / "assets" / "javascripts" / source.name, scripts)
    # And the service worker, as the build filled it in and minified it (roadmap/offline.py).
    worker = tmp_path / offline.WORKER_SOURCE.relative_to(ROOT)
    worker.parent.mkdir(parents=True)
    shutil.copy(site / offline.WORKER, worker)
    run_node_tests(tmp_path / "tests" / "js", site)
