"""How Stop reaches a busy program in each mode (runner/stop_channel.js): on a first
visit the stop file (stop_file.js), in a private context (Playwright's contexts are
incognito-like: the file lives in the browser process) and in a normal profile; the
blob URL where the file cannot be shared; shared memory in a cross-origin isolated page.
And the stop files of several tabs: each its own, none left by a closed one.
"""

from __future__ import annotations

import functools

import pytest

from tests.browser.chromium import ARGS, CHROMIUM
from tests.browser.conftest import watch
from tests.browser.runner_session import THREADED, RunnerSession, open_runner_session
from tests.browser.server import SiteHandler, SiteServer
from tests.browser.test_stop import (
    IGNORES_CTRL_C,
    JOINS_A_SPINNING_DAEMON,
    kept_python,
    run_and_stop,
    stopped_busy,
)

# The stop files in the origin's file system once they are `want` (a list of names), or
# whatever they are after `ms`. Polled in the page: Playwright does not await an async
# predicate of wait_for_function.
_STOP_FILES = """async ([want, ms]) => {
  const names = async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle("stop-flags", { create: true });
    const found = [];
    for await (const name of dir.keys()) found.push(name);
    return found.sort();
  };
  const end = performance.now() + ms;
  for (;;) {
    const found = await names();
    if (JSON.stringify(found) === JSON.stringify([...want].sort()) || performance.now() > end) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}"""


def stop_files(page, want: list[str] = (), ms: int = 0) -> list[str]:
    return page.evaluate(_STOP_FILES, [list(want), ms])


def own_file(session: RunnerSession, site_url: str) -> str:
    """The name of the page's stop file (its writer is one per page)."""
    module = site_url + "assets/js/runner/stop_file.js"
    return session.page.evaluate("async (url) => (await import(url)).stopFileWriter().name", module)


def tab(context, site) -> RunnerSession:
    watched = watch(context.new_page(), site.host)
    watched.page.goto(site.url)
    session = RunnerSession(watched, site.url)
    assert session.run("print('warm')")["stdout"] == "warm\n"
    return session


@pytest.fixture(scope="module")
def session(browser, site):
    with open_runner_session(browser, site) as runner:
        yield runner


def test_a_private_context_hears_the_stop_through_the_file(session, site):
    assert session.page.evaluate("crossOriginIsolated") is False
    kept_python(session, lambda: stopped_busy(session, "file"))
    assert stop_files(session.page) == [own_file(session, site.url)]


def test_a_busy_thread_hears_the_stop_through_the_file(session):
    """Threaded runs read the flag through the threads runtime's time slices. Only the
    flag is raised: the runtime turns the event loop now and then, where the "stop"
    message could arrive first (the page did not press Stop: the status is the
    program's own)."""

    def run():
        out = run_and_stop(session, JOINS_A_SPINNING_DAEMON, "spinning", True, **THREADED)
        assert out["result"]["exit_code"] == 130 and not out["result"].get("restarted")
        assert out["heard"] == "file"
        assert out["stderr"].endswith("\nKeyboardInterrupt\n")

    kept_python(session, run)


def test_a_normal_profile_hears_the_stop_through_the_file(browser, site, tmp_path):
    """A profile on disk, as a reader's: its stop file is a real file."""
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path), executable_path=CHROMIUM, args=ARGS, headless=True
    )
    try:
        session = tab(context, site)
        kept_python(session, lambda: stopped_busy(session, "file"))
    finally:
        context.close()


def test_without_the_stop_file_the_blob_url_is_probed(browser, site):
    """A browser that cannot share the stop file (here: its writer never loads) still
    stops a busy program and keeps Python, through the blob URL probe."""
    context = browser.new_context()
    context.route("**/stop_writer.js", lambda route: route.abort())
    try:
        session = tab(context, site)
        kept_python(session, lambda: stopped_busy(session, "url"))
        assert stop_files(session.page) == []
    finally:
        context.close()


class IsolatedHandler(SiteHandler):
    """Cross-origin isolation headers: the page gets SharedArrayBuffer."""

    def end_headers(self) -> None:
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        super().end_headers()


def test_with_shared_memory_the_flag_is_a_shared_cell(browser, site):
    """Cross-origin isolated hosting: the stop flag is shared memory, no file, no URL."""
    with SiteServer(site.site_dir) as server:
        server.httpd.RequestHandlerClass = functools.partial(
            IsolatedHandler, directory=str(site.site_dir)
        )
        context = browser.new_context()
        try:
            watched = watch(context.new_page(), server.host)
            watched.page.goto(server.url)
            assert watched.page.evaluate("crossOriginIsolated") is True
            session = RunnerSession(watched, server.url)
            kept_python(session, lambda: stopped_busy(session, "cell"))
            assert stop_files(session.page) == []
            out = run_and_stop(session, IGNORES_CTRL_C, "stubborn")
            assert out["result"] == {"status": "stopped", "restarted": True}, out
        finally:
            context.close()


# Start a busy run in this tab and return once it runs; window.__busy follows it, and
# _STOP_BUSY raises its stop flag (only: see test_stop.stopped_busy).
_START_BUSY = """async (source) => {
  let seen;
  const shown = new Promise((resolve) => (seen = resolve));
  const run = window.__session.run(source, "main.py", {}, { onOutput: seen });
  window.__busy = { run, done: false };
  run.done.then(() => (window.__busy.done = true));
  await shown;
}"""
_STOP_BUSY = """async () => {
  window.__session.active.channel.raise();
  const { exit_code } = await window.__busy.run.done;
  return [exit_code, window.__busy.run.flag.heard];
}"""
# Until no lock is held for `name`'s file (its tab is gone): true, or false after `ms`.
_LOCK_FREED = """async ([name, ms]) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const { held } = await navigator.locks.query();
    if (!held.some((lock) => lock.name === `stop-flags/${name}`)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}"""


def test_tabs_have_their_own_stop_files_and_closed_tabs_leave_none(browser, site):
    # Without the service worker: it would isolate every tab after the first.
    context = browser.new_context(service_workers="block")
    try:
        first, second = tab(context, site), tab(context, site)
        names = [own_file(first, site.url), own_file(second, site.url)]
        assert names[0] != names[1]
        assert stop_files(first.page, names, 10_000) == sorted(names)
        # The same runs in both tabs, so their runs' nonces match: a Stop written to the
        # wrong file would stop the other tab's run.
        second.page.evaluate(_START_BUSY, "print('busy', flush=True)\nwhile True:\n    pass\n")
        stopped_busy(first, "file")
        second.page.wait_for_timeout(300)  # many reads of the second tab's file
        assert second.page.evaluate("window.__busy.done") is False, "the other tab stopped too"
        assert second.page.evaluate(_STOP_BUSY) == [130, "file"]
        # A closed tab's writer lets go of its lock; the next tab's writer removes its file.
        first.page.close()
        assert second.page.evaluate(_LOCK_FREED, [names[0], 10_000])
        third = tab(context, site)
        left = [names[1], own_file(third, site.url)]
        assert stop_files(third.page, left, 10_000) == sorted(left)
        kept_python(second, lambda: stopped_busy(second, "file"))
    finally:
        context.close()
