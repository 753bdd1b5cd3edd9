"""Browser fixtures: one Chromium per session, the site served under a sub-path.

``open_page(path)`` gives a page that records console errors and every request and
WebSocket (the page's and its workers'), so a test can assert that nothing failed and
nothing left the site's own host.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, sync_playwright

from tests.browser.chromium import build_site, launch
from tests.browser.server import SiteServer


@dataclass
class Watched:
    page: Page
    host: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [
            u
            for u in self.requests
            if urlsplit(u).scheme in ("http", "https", "ws", "wss")
            and urlsplit(u).netloc != self.host
        ]

    def assert_clean(self) -> None:
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.foreign_requests() == [], f"requests to other hosts: {self.foreign_requests()}"


def watch(page: Page, host: str) -> Watched:
    watched = Watched(page, host)
    page.on("console", lambda m: m.type == "error" and watched.errors.append(m.text))
    page.on("pageerror", lambda e: watched.errors.append(f"pageerror: {e}"))
    page.on("request", lambda r: watched.requests.append(r.url))
    # WebSockets are no requests to Playwright (Pyodide's sockets would open one).
    page.on("websocket", lambda ws: watched.requests.append(ws.url))
    return watched


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site, built for and served at http://127.0.0.1:PORT/threading-in-python/."""
    site_dir = tmp_path_factory.mktemp("site")
    with SiteServer(site_dir) as server:  # bound first: the build needs the port
        build_site(site_dir, server.url)
        yield server


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, site):
    """Open a site path (relative to the site root) in a fresh context; closed afterwards."""
    contexts = []

    def _open(path: str = "", init_script: str | None = None, **context_args) -> Watched:
        context = browser.new_context(**context_args)
        if init_script:
            context.add_init_script(init_script)
        contexts.append(context)
        watched = watch(context.new_page(), site.host)
        watched.page.goto(site.url + path)
        return watched

    yield _open
    for context in contexts:
        context.close()
