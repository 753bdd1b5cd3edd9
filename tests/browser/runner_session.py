"""Drive the site's own runner (session.js -> worker.js -> browser_runtime.execute) from a page.

Faster than typing into an example's editor, and the same code path a Run click takes
after the editor: one PythonSession per page, one worker, many runs.
"""

from __future__ import annotations

from contextlib import contextmanager

from tests.browser.conftest import Watched, watch

# Same options as block.js sends for a threaded example ("Like CPython" schedule).
THREADED = {"threads": True, "mode": "gil", "seed": None, "events": False}

_INSTALL = """async (url) => {
  const { PythonSession } = await import(url + "session.js");
  await (await import(url + "facts.js")).loadFacts();  // as the run controller does first
  window.__session = new PythonSession();
  window.__runOnce = async (source, filename, options) => {
    const chunks = [];
    const t0 = performance.now();
    const run = window.__session.run(source, filename, options, {
      onOutput: (batch) => chunks.push(...batch.map(([s, t]) => [s, t])),
    });
    const result = await run.done;
    const text = (name) => chunks.filter(([s]) => s === name).map(([, t]) => t).join("");
    return { result, stdout: text("stdout"), stderr: text("stderr"),
             ms: performance.now() - t0 };
  };
}"""


class RunnerSession:
    def __init__(self, watched: Watched, site_url: str):
        self.watched = watched
        self.page = watched.page
        self.page.evaluate(_INSTALL, site_url + "assets/js/runner/")

    def run(self, source: str, filename: str = "main.py", timeout_ms: int = 90_000, **options):
        """Run once; returns {result, stdout, stderr, ms}."""
        self.page.set_default_timeout(timeout_ms)
        return self.page.evaluate(
            "([s, f, o]) => window.__runOnce(s, f, o)", [source, filename, options]
        )

    def threaded(self, source: str, filename: str = "main.py", **options):
        return self.run(source, filename, **{**THREADED, **options})

    def plain_or_threaded(self, source: str, threaded: bool):
        """Run ``source`` plainly, or on the threads runtime: with ``import threading``
        added at its end (its lines unchanged), as a program importing it would."""
        if threaded:
            out = self.threaded(source + "import threading\n")
        else:
            out = self.run(source)
        assert bool(out["result"].get("mode")) is threaded  # the runtime it meant to test
        return out


@contextmanager
def open_runner_session(browser, site):
    """The site's home page in its own context, with a RunnerSession installed (one per
    test module: the worker and its Pyodide are shared by the module's runs)."""
    context = browser.new_context()
    watched = watch(context.new_page(), site.host)
    watched.page.goto(site.url)
    yield RunnerSession(watched, site.url)
    context.close()
