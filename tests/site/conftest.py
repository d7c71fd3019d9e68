from pathlib import Path

import pytest
from site_build import ROOT, build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The project's own site, built once for all site tests."""
    site_dir = tmp_path_factory.mktemp("build") / "site"
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site_dir
