"""A page that runs programs with browser_runtime.threads (tests and bench share it).

The harness (tests/browser/threads_harness/) is served from a temp dir that links
Pyodide from node_modules, the runtime from the repo and the JS slice controller.
"""

from __future__ import annotations

import json
import tempfile
from contextlib import contextmanager
from pathlib import Path

from sitebuild import ROOT
from tests.browser.server import SiteServer

HARNESS = ROOT / "tests" / "browser" / "threads_harness"


def stage(site_dir: Path) -> None:
    for item in HARNESS.iterdir():
        (site_dir / item.name).symlink_to(item)
    (site_dir / "pyodide").symlink_to(ROOT / "node_modules" / "pyodide")
    (site_dir / "threads_js").symlink_to(ROOT / "overrides" / "assets" / "js" / "threads")
    # preemption.js imports ../lib/mulberry32.js
    (site_dir / "lib").symlink_to(ROOT / "overrides" / "assets" / "js" / "lib")
    (site_dir / "browser_runtime").symlink_to(ROOT / "browser_runtime")
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "browser_runtime").rglob("*.py"))
    (site_dir / "manifest.json").write_text(json.dumps(files))


@contextmanager
def harness_server():
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp)
        stage(site_dir)
        with SiteServer(site_dir) as server:
            yield server


class ThreadsPage:
    """One loaded harness page (Pyodide loaded once, many runs)."""

    def __init__(self, page, url: str):
        self.page = page
        self.url = url
        self.errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.goto(url)
        self.ready = page.evaluate("() => window.harnessReady", None)

    def run(self, source: str, timeout_ms: int = 60_000, **options) -> dict:
        self.page.set_default_timeout(timeout_ms)
        try:
            return self.page.evaluate(
                "([r, ms]) => Promise.race([window.runThreads(r), new Promise((_, fail) =>"
                " setTimeout(() => fail(new Error(`no result in ${ms} ms`)), ms))])",
                [{"source": source, **options}, timeout_ms],
            )
        except Exception:
            self.reload()  # a hung or crashed worker must not fail every later test too
            raise

    def reload(self) -> None:
        self.page.goto(self.url)
        self.ready = self.page.evaluate("() => window.harnessReady", None)

    def start(self, source: str, **options):
        """Start a run without waiting (for Stop tests); collect it with finish()."""
        self.page.evaluate(
            "(r) => { window.__pending = window.runThreads(r); }", {"source": source, **options}
        )

    def stop(self) -> None:
        self.page.evaluate("() => window.stopThreads()")

    def finish(self) -> dict:
        return self.page.evaluate("() => window.__pending")


@contextmanager
def open_threads_page(browser):
    """A harness page in its own context for a whole test module; on the way out the page
    must have logged no console error or page error."""
    with harness_server() as server:
        context = browser.new_context()
        page = ThreadsPage(context.new_page(), server.url + "index.html")
        yield page
        assert page.errors == [], page.errors
        context.close()
