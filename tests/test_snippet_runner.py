"""The snippet runner sets up a script as `python <script>` does (tests/snippet_runner.py)."""

import subprocess
import sys

from snippet_runner import ROOT, run_script

PROBE = """\
import json, os, sys
print(json.dumps({
    "argv": sys.argv,
    "path": sys.path,
    "cwd": os.getcwd(),
    "name": __name__,
    "main_file": sys.modules["__main__"].__file__,
}))
print("to stderr", file=sys.stderr)
sys.exit(3)
"""


def test_a_script_sees_what_it_sees_under_python(tmp_path):
    script = tmp_path / "probe.py"
    script.write_text(PROBE, encoding="utf-8")
    expected = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    result = run_script(script)
    assert (result.returncode, result.stdout, result.stderr) == (
        expected.returncode,
        expected.stdout,
        expected.stderr,
    )
    assert result.returncode == 3


def test_an_exception_fails_the_run_with_its_traceback(tmp_path):
    script = tmp_path / "broken.py"
    script.write_text('print("before")\nraise ValueError("the snippet broke")\n', encoding="utf-8")
    result = run_script(script)
    assert result.returncode == 1
    assert result.stdout == "before\n"
    assert "ValueError: the snippet broke" in result.stderr
