"""CPython's own threading tests (Lib/test/lock_tests.py, test_threading.py), run in
Chromium by the live runtime on Pyodide's Python. Every test must pass except those
listed, with a reason, in tests/cpython_suite/excluded.toml; a listed test that
passes or no longer exists fails too, so the list stays honest."""

from __future__ import annotations

import pytest

from tests.browser.threads_page import ThreadsPage, open_threads_page
from tests.cpython_suite import suite

EXCLUDED = suite.excluded()


@pytest.fixture(scope="module")
def page(browser):
    if not suite.SUITE_DIR.joinpath("lock_tests.py").exists():
        pytest.fail(f"{suite.SUITE_DIR} is missing: run `make test` (installs it)")
    with open_threads_page(browser) as threads:
        yield threads


def run_class(page: ThreadsPage, cls: str) -> dict[str, list[str]]:
    installed = page.page.evaluate("(r) => window.runThreads(r)", {"py": suite.install_script()})
    assert "error" not in installed, installed["error"]
    not_run = [
        name for name, entry in EXCLUDED.items() if entry.not_run and name.startswith(cls + ".")
    ]
    result = page.run(suite.program([cls], not_run), timeout_ms=240_000, events=False)
    assert "error" not in result, result["error"]
    try:
        return suite.parse(result["stdout"])
    except ValueError:
        pytest.fail(
            f"{cls}: no results\nstdout: {result['stdout'][-2000:]}\n"
            f"stderr: {result['stderr'][-3000:]}"
        )


@pytest.mark.parametrize("cls", suite.CLASSES)
def test_cpython_suite_class(page, cls):
    outcomes = run_class(page, cls)
    assert outcomes, f"{cls}: no tests found"
    mine = {name: entry for name, entry in EXCLUDED.items() if name.startswith(cls + ".")}
    problems = []
    for name, (outcome, detail) in sorted(outcomes.items()):
        if name in mine:
            if outcome == "passed":
                problems.append(f"{name}: passes now; remove it from excluded.toml")
        elif outcome != "passed":
            problems.append(f"{name}: {outcome}\n{detail}")
    for name in sorted(set(mine) - set(outcomes)):
        problems.append(f"{name}: listed in excluded.toml but no such test")
    counts = suite.count(outcomes, mine)
    print(f"{cls}: {counts}")
    assert not problems, f"{cls} ({counts}):\n" + "\n".join(problems)
