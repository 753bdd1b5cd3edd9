"""Download progress speaks of the bytes that travel: served like GitHub Pages (gzip), the
page counts Python's files in compressed megabytes, and its total never changes mid-way.

The same built site, served a second time by a Pages-like server (tests/browser/server.py);
one cold Python load, then a second visit with the HTTP cache warm.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import watch
from tests.browser.server import PagesLikeHandler, SiteServer
from tests.browser.test_runner import block_of, plain_example, wait_until_finished

__all__ = ["plain_example"]  # a fixture, used by name


PROGRESS_PROBE = """(name) => {
  window.__progress = [];
  const status = document.querySelector(`.example[data-example="${name}"] .runner__status`);
  new MutationObserver(() => window.__progress.push(status.textContent))
    .observe(status, { childList: true, characterData: true, subtree: true });
}"""
DOWNLOADED = re.compile(r"(\d+\.\d) of (\d+\.\d) MB downloaded")
CACHED = re.compile(r"(\d+\.\d) of \1 MB loaded from this browser's cache")


@pytest.fixture(scope="module")
def gzip_server(site):
    with SiteServer(site.site_dir, pages_like=True) as server:
        yield server


def test_progress_counts_compressed_megabytes(browser, gzip_server, plain_example):
    pyodide = gzip_server.site_dir / "assets" / "pyodide"
    # What travels: the wasm gzipped, the stdlib zip as it is (already compressed).
    sent = len(PagesLikeHandler.gzipped(pyodide / "pyodide.asm.wasm"))
    sent += (pyodide / "python_stdlib.zip").stat().st_size
    on_disk = sum((pyodide / n).stat().st_size for n in ("pyodide.asm.wasm", "python_stdlib.zip"))
    assert sent < 0.8 * on_disk  # the server really compresses

    context = browser.new_context()
    watched = watch(context.new_page(), gzip_server.host)
    page = watched.page
    page.goto(gzip_server.url + plain_example.path)
    first_visit = run_and_collect(page, plain_example.name)
    shown = [m.groups() for m in map(DOWNLOADED.search, first_visit) if m]

    # A second visit in the same browser: Python's files come from its HTTP cache
    # (max-age=600), and the page says so instead of "downloaded".
    again = watch(context.new_page(), gzip_server.host)
    again.page.goto(gzip_server.url + plain_example.path)
    second_visit = run_and_collect(again.page, plain_example.name)
    context.close()

    assert shown, "no download progress was shown"
    assert {total for _, total in shown} == {f"{sent / 1e6:.1f}"}, shown
    assert shown[-1][0] == shown[-1][1], f"the last progress is not complete: {shown[-1]}"
    assert not any(CACHED.search(text) for text in first_visit), first_visit
    progress = [text for text in second_visit if " MB " in text]
    assert progress, second_visit
    assert not any(DOWNLOADED.search(text) for text in progress), progress
    assert CACHED.search(progress[-1]), progress
    watched.assert_clean()
    again.assert_clean()


def run_and_collect(page, name: str) -> list[str]:
    """Click Run on a fresh page; every text its status showed until the run ended."""
    block = block_of(page, name)
    block.locator(".runner__status").wait_for(state="attached")
    page.evaluate(PROGRESS_PROBE, name)
    block.get_by_role("button", name="Run", exact=True).click()
    wait_until_finished(block, "ok")
    return page.evaluate("window.__progress")
