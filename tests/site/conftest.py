import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
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


class _QuietHandler(SimpleHTTPRequestHandler):
    def end_headers(self):
        # LinkChecker lifts its 10 requests/second limit for servers that send this header.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(site) -> str:
    """The built site served over HTTP on the loopback interface, as a static host would."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()
