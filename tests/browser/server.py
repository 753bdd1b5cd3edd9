"""Serve the built site on 127.0.0.1 (port 0) under a sub-path, as GitHub Pages would."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

SUB_PATH = "/threading-in-python/"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".zip": "application/zip",
    }

    def translate_path(self, path: str) -> str:
        # Anything outside the sub-path is a 404: proves the site never assumes "/".
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "__outside_sub_path__")
        return super().translate_path("/" + path[len(SUB_PATH) :])

    def log_message(self, *args) -> None:  # keep test output readable
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A page that navigates away mid-download resets its connections: not an error.
        if not isinstance(sys.exception(), ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    def __init__(self, site_dir: Path):
        handler = functools.partial(SiteHandler, directory=str(site_dir))
        self.httpd = QuietServer(("127.0.0.1", 0), handler)
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.url = f"http://{self.host}{SUB_PATH}"
        self.site_dir = site_dir
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self.thread.start()  # serving an empty folder until the build fills it is harmless
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
