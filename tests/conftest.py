import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))  # tests/fixture_project.py, browser_support.py
sys.path.insert(0, str(ROOT / "scripts"))  # site_tools.py: build and serve the site


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT
