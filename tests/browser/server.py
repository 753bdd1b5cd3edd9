"""Serve the built site on 127.0.0.1 (port 0) under a sub-path, as GitHub Pages would.

``SiteServer(site_dir, pages_like=True)`` also answers the way GitHub Pages does where
load speed depends on it (benchmarks): HTTP/1.1 keep-alive, gzip for text and wasm,
``Cache-Control: max-age=600``, ETag and Last-Modified, and 304 to a revalidation.
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import http.server
import io
import sys
import threading
from pathlib import Path

SUB_PATH = "/threading-in-python/"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    # Headers and body go out in separate writes: with Nagle's algorithm the body waited
    # for the client's delayed ACK, 40 ms on every keep-alive response.
    disable_nagle_algorithm = True
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


class PagesLikeHandler(SiteHandler):
    protocol_version = "HTTP/1.1"
    # What GitHub Pages compresses; zip files are compressed already and sent as they are.
    COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".wasm")
    MAX_AGE = 600
    _gzipped: dict[tuple[Path, int], bytes] = {}
    _lock = threading.Lock()

    @classmethod
    def gzipped(cls, path: Path) -> bytes:
        """Compressed once per file version: compressing the 9.6 MB wasm on every request
        would add a second of server time that GitHub Pages' CDN does not have."""
        key = (path, path.stat().st_mtime_ns)
        with cls._lock:
            if key not in cls._gzipped:
                cls._gzipped[key] = gzip.compress(path.read_bytes(), compresslevel=6)
            return cls._gzipped[key]

    def send_head(self):
        url_path = self.path.split("?")[0]
        path = Path(self.translate_path(url_path))
        if path.is_dir() and url_path.endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # redirects and 404s as before
        stat = path.stat()
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compress = wants_gzip and path.suffix in self.COMPRESSIBLE
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{"-gz" if compress else ""}"'
        if self.not_modified(etag, stat.st_mtime):
            self.send_response(304)
            self.validators(etag, stat.st_mtime)
            self.end_headers()
            return None
        body = self.gzipped(path) if compress else path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.validators(etag, stat.st_mtime)
        self.end_headers()
        return io.BytesIO(body)

    def not_modified(self, etag: str, mtime: float) -> bool:
        if "If-None-Match" in self.headers:
            return etag in self.headers["If-None-Match"]
        since = self.headers.get("If-Modified-Since")
        try:
            return since is not None and email.utils.parsedate_to_datetime(
                since
            ).timestamp() >= int(mtime)
        except (TypeError, ValueError):
            return False

    def validators(self, etag: str, mtime: float) -> None:
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(mtime, usegmt=True))
        self.send_header("Cache-Control", f"max-age={self.MAX_AGE}")
        self.send_header("Vary", "Accept-Encoding")


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A page that navigates away mid-download resets its connections: not an error.
        if not isinstance(sys.exception(), ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    def __init__(self, site_dir: Path, pages_like: bool = False):
        handler_class = PagesLikeHandler if pages_like else SiteHandler
        handler = functools.partial(handler_class, directory=str(site_dir))
        self.httpd = QuietServer(("127.0.0.1", 0), handler)
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.url = f"http://{self.host}{SUB_PATH}"
        self.site_dir = site_dir
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self.thread.start()  # serving an empty folder until the build fills it is harmless
        return self

    def precompress(self) -> None:
        """Compress Python's big files before a benchmark's clock runs, as a CDN has them."""
        for path in (self.site_dir / "assets" / "pyodide").glob("pyodide.asm.*"):
            PagesLikeHandler.gzipped(path)

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
