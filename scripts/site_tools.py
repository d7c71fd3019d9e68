"""Build the site and serve it on localhost: shared by the tests and the dev scripts."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(project: Path, site_dir: Path, config: Path | None = None) -> subprocess.CompletedProcess:
    """A strict build (never with -v: verbose mode skips anchor validation)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config:
        command += ["--config-file", str(config)]
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        command, cwd=project, capture_output=True, text=True, check=False, env=env
    )


class _Handler(SimpleHTTPRequestHandler):
    def end_headers(self):
        # LinkChecker lifts its 10 requests/second limit for servers that send this header.
        self.send_header("LinkChecker", "local server")
        super().end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve a built site on the loopback interface, as a static host would; yields its URL."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Handler, directory=str(site_dir))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
