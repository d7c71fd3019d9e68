"""The page scripts' pure functions, unit-tested with Node's own test runner (`node --test`).

The tests live in tests/js/*.test.js and load the scripts in docs/assets/javascripts/ as
CommonJS modules. Tests that need the real roadmap read page-data.json, the data every page
loads, from the site built for the browser tests, named by the PAGE_DATA_JSON variable.
"""

import os
import shutil
import subprocess

import pytest
from site_tools import ROOT

JS_TESTS = ROOT / "tests" / "js"


def test_page_scripts_pass_their_node_tests(site):
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is missing: install it (apt-get install nodejs) to run tests/js")
    files = sorted(str(path) for path in JS_TESTS.glob("*.test.js"))
    assert files, "no Node tests found in tests/js"
    result = subprocess.run(
        [node, "--test", *files],
        capture_output=True,
        text=True,
        env=os.environ | {"PAGE_DATA_JSON": str(site / "page-data.json")},
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout, result.stdout
