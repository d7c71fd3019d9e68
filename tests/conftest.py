import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Spark starts Python workers with `python3` from PATH unless told otherwise; use this
# interpreter, so they match the driver's version and packages (snippets run as scripts inherit it).
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
# The fixture projects hold exercises, whose tests are data for the checks, not tests to run.
collect_ignore = ["fixtures"]


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT
