"""The in-browser runner: edit an example, run it in Pyodide, stop it, read its output.

Pyodide costs seconds to start, so most tests share one page (module-scoped) and run
one after another on it, as a reader would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Locator, expect

from browser_runtime.facts import MAX_CHARS, MAX_LINES
from sitebuild import ROOT
from tests.browser.conftest import Watched, watch

RUN_TIMEOUT = 60_000  # ms; a cold Pyodide start is 2-5 s, a loaded CI machine is slower
MOD = "Control"  # CodeMirror's Mod key on Linux


@dataclass(frozen=True)
class ExampleOnPage:
    path: str  # site path, relative to the site root
    name: str


def examples_in_site(site_dir: Path, threads: bool) -> list[ExampleOnPage]:
    """Every example block in the built site whose data-threads matches."""
    found = []
    pattern = re.compile(r'data-example="([\w-]+)" data-threads="(true|false)"')
    for html in sorted(site_dir.rglob("index.html")):
        path = html.parent.relative_to(site_dir).as_posix()
        path = "" if path == "." else path + "/"
        for name, flag in pattern.findall(html.read_text()):
            if (flag == "true") == threads:
                found.append(ExampleOnPage(path, name))
    return found


def example_paths(site_dir: Path) -> dict[str, str]:
    """Example name -> the site path of the first page showing it (plain examples first)."""
    paths: dict[str, str] = {}
    for threads in (False, True):
        for example in examples_in_site(site_dir, threads):
            paths.setdefault(example.name, example.path)
    return paths


@pytest.fixture(scope="module")
def plain_example(site) -> ExampleOnPage:
    examples = examples_in_site(site.site_dir, threads=False)
    assert examples, "the site has no example without threads to run live"
    return examples[0]


@pytest.fixture(scope="module")
def threaded_example(site) -> ExampleOnPage:
    examples = examples_in_site(site.site_dir, threads=True)
    assert examples, "the site has no threaded example"
    return examples[0]


@pytest.fixture(scope="module")
def runner_page(browser, site, plain_example):
    """One page, kept across tests, with long tasks recorded from the first paint."""
    context = browser.new_context()
    context.add_init_script(LONG_TASK_RECORDER)
    watched = watch(context.new_page(), site.host)
    watched.page.goto(site.url + plain_example.path)
    yield watched
    context.close()


# Every main-thread task over 200 ms, recorded by the page itself.
LONG_TASK_RECORDER = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.duration > 200) window.__longTasks.push(e.duration);
}).observe({ type: "longtask", buffered: true });
"""


def block_of(page, name: str) -> Locator:
    return page.locator(f'.example[data-example="{name}"]')


def runner_workers(page) -> list:
    """The runner's workers (Material's search has a worker of its own)."""
    return [w for w in page.workers if w.url.endswith("/runner/worker.js")]


def output_of(block: Locator) -> Locator:
    return block.locator(".runner__output")


def wait_until_finished(block: Locator, state: str) -> None:
    expect(block.locator(".runner")).to_have_attribute("data-state", state, timeout=RUN_TIMEOUT)


def replace_code(block: Locator, source: str) -> None:
    """Type new code into the example's editor, as a reader would."""
    block.locator(".example__code").hover()  # intent: the editor swaps in
    content = block.locator(".cm-content")
    expect(content).to_be_visible(timeout=10_000)
    content.click()
    block.page.keyboard.press(f"{MOD}+a")
    block.page.keyboard.press("Delete")
    # insert_text, not type: the editor would auto-indent and auto-close brackets.
    block.page.keyboard.insert_text(source)
    expect(content).to_have_text(re.compile(re.escape(source.splitlines()[0])))


def run_code(block: Locator, source: str, state: str = "ok") -> str:
    replace_code(block, source)
    block.get_by_role("button", name="Run", exact=True).click()
    wait_until_finished(block, state)
    return output_of(block).inner_text()


def test_nothing_loads_before_interaction(open_page, plain_example):
    watched = open_page(plain_example.path)
    watched.page.wait_for_load_state("networkidle")
    loaded = [u for u in watched.requests if "/pyodide/" in u or "/assets/runner/" in u]
    assert loaded == []
    assert "worker.js" not in " ".join(watched.requests)
    assert runner_workers(watched.page) == []
    block = block_of(watched.page, plain_example.name)
    for name in ("Run", "Stop", "Reset"):
        expect(block.get_by_role("button", name=name, exact=True)).to_be_attached()
    watched.assert_clean()


def test_run_example_shows_live_output_next_to_recorded(runner_page, plain_example):
    """Cold: the click comes before Python is loaded, and is queued, not dropped."""
    block = block_of(runner_page.page, plain_example.name)
    block.get_by_role("button", name="Run", exact=True).click()
    wait_until_finished(block, "ok")
    output = output_of(block)
    expect(output).to_have_attribute("aria-live", "polite")
    assert output.inner_text().strip(), "the live run printed nothing"
    expect(block.locator(".runner__label")).to_contain_text(
        re.compile(r"Live run in this browser · Python 3\.\d+\.\d+ \(Pyodide")
    )
    recorded = block.locator(".example__recorded .example__label").first
    expect(recorded).to_be_visible()
    expect(recorded).to_contain_text("Recorded on CPython")
    runner_page.assert_clean()


def test_edit_and_run_with_ctrl_enter(runner_page, plain_example):
    block = block_of(runner_page.page, plain_example.name)
    replace_code(block, 'print(sum(range(10)))\nprint("héllo ✓")')
    runner_page.page.keyboard.press(f"{MOD}+Enter")
    wait_until_finished(block, "ok")
    assert output_of(block).inner_text().strip() == "45\nhéllo ✓"


def test_each_run_gets_a_fresh_namespace(runner_page, plain_example):
    block = block_of(runner_page.page, plain_example.name)
    run_code(block, "leftover = 1\nprint(__name__)")
    out = run_code(block, "print('leftover' in globals(), __name__, __file__)")
    assert out.strip() == f"False __main__ examples/{plain_example.name}.py"


def test_output_streams_while_the_program_runs(runner_page, plain_example):
    block = block_of(runner_page.page, plain_example.name)
    replace_code(block, 'import time\nprint("before")\ntime.sleep(2)\nprint("after")')
    block.get_by_role("button", name="Run", exact=True).click()
    expect(output_of(block)).to_contain_text("before", timeout=RUN_TIMEOUT)
    assert block.locator(".runner").get_attribute("data-state") == "running"
    assert "after" not in output_of(block).inner_text()
    wait_until_finished(block, "ok")
    assert output_of(block).inner_text().split() == ["before", "after"]


def test_reset_restores_the_original_example(runner_page, plain_example):
    block = block_of(runner_page.page, plain_example.name)
    replace_code(block, "print('changed')")
    block.get_by_role("button", name="Reset", exact=True).click()
    original = (ROOT / "examples" / f"{plain_example.name}.py").read_text()
    shown = "\n".join(block.locator(".cm-line").all_text_contents())
    assert shown.strip() == original.strip()


def test_stop_ends_an_infinite_loop_and_the_next_run_works(runner_page, plain_example):
    block = block_of(runner_page.page, plain_example.name)
    replace_code(block, 'print("looping")\nwhile True:\n    pass')
    block.get_by_role("button", name="Run", exact=True).click()
    expect(output_of(block)).to_contain_text("looping", timeout=RUN_TIMEOUT)
    stop = block.get_by_role("button", name="Stop", exact=True)
    expect(stop).to_be_enabled()
    stop.click()
    # Stop interrupts the loop (KeyboardInterrupt): the run ends at once (1 s is the promise).
    wait_until_finished_fast = block.locator('.runner[data-state="stopped"]')
    expect(wait_until_finished_fast).to_be_attached(timeout=1_000)
    expect(stop).to_be_disabled()
    assert run_code(block, "print(6 * 7)").strip() == "42"


def test_a_run_over_the_time_limit_is_stopped_with_a_message(open_page, plain_example):
    # The real limit is 30 s; the page reads a shorter one from this global (tests only).
    watched = open_page(plain_example.path, init_script="window.__RUNNER_TIME_LIMIT_MS = 1500;")
    block = block_of(watched.page, plain_example.name)
    out = run_code(
        block, "import time\nprint('working')\nwhile True:\n    time.sleep(0.01)", state="timeout"
    )
    assert out.startswith("working\n")
    assert "Stopped: time limit of 1.5 s reached." in out
    expect(block.locator(".runner__status")).to_contain_text("1.5 s time limit")
    assert run_code(block, "print('after')").strip() == "after"  # a fresh Python runs
    watched.assert_clean()


def test_a_million_lines_are_capped_and_the_page_stays_responsive(runner_page, plain_example):
    page = runner_page.page
    block = block_of(page, plain_example.name)
    page.evaluate("window.__longTasks.length = 0")
    out = run_code(block, "for i in range(1_000_000):\n    print(i)", state="output-limit")
    lines = out.rstrip("\n").split("\n")
    assert lines[:3] == ["0", "1", "2"]
    assert lines[MAX_LINES - 1] == str(MAX_LINES - 1)
    assert f"output cut at {MAX_LINES:,} lines" in lines[-1]
    assert len(lines) == MAX_LINES + 1
    expect(block.locator(".runner__status")).to_contain_text("Output limit reached")
    # A single huge write is cut too.
    out = run_code(block, 'print("x" * 10_000_000)', state="output-limit")
    assert out.count("x") == MAX_CHARS
    assert page.evaluate("window.__longTasks") == []


def test_syntax_error_shows_a_clean_message(runner_page, plain_example):
    block = block_of(runner_page.page, plain_example.name)
    out = run_code(block, "x = 1\nprint(x\n", state="syntax-error")
    assert f'File "examples/{plain_example.name}.py", line 2' in out
    assert "SyntaxError" in out
    assert "Traceback" not in out  # nothing ran: no frames to show
    assert "browser_runtime" not in out and "pyodide" not in out.lower()
    expect(block.locator(".runner__stderr").first).to_be_visible()


def test_exception_traceback_is_trimmed_to_the_readers_code(runner_page, plain_example):
    block = block_of(runner_page.page, plain_example.name)
    out = run_code(block, 'print("start")\ndef f():\n    return 1 / 0\nf()', state="error")
    file = f'File "examples/{plain_example.name}.py"'
    assert out.startswith("start\nTraceback (most recent call last):")
    assert f"{file}, line 4, in <module>" in out
    assert f"{file}, line 3, in f" in out
    assert out.rstrip().endswith("ZeroDivisionError: division by zero")
    assert out.count('File "') == 2, out  # no runner or Pyodide frames
    stderr = block.locator(".runner__stderr").first
    assert "Traceback" in stderr.inner_text()
    color = stderr.evaluate("e => getComputedStyle(e).color")
    plain = output_of(block).locator("code").evaluate("e => getComputedStyle(e).color")
    assert color != plain, "stderr must look different from stdout"


# What a browser without WebAssembly stack switching (JSPI) looks like to the page and
# to Pyodide: live threads are impossible there.
NO_JSPI = "delete WebAssembly.Suspending; delete WebAssembly.Suspender;"


def test_without_jspi_starting_a_thread_gets_a_friendly_explanation(open_page, plain_example):
    watched = open_page(plain_example.path, init_script=NO_JSPI)
    block = block_of(watched.page, plain_example.name)
    out = run_code(
        block,
        'import threading\nprint("before")\nthreading.Thread(target=print).start()',
        state="threads",
    )
    assert out.startswith("before\n")
    assert "Traceback" not in out
    expect(block.locator(".runner__status")).to_contain_text("stack switching (JSPI)")
    watched.assert_clean()


def test_without_jspi_a_threaded_example_points_at_the_recorded_output(open_page, threaded_example):
    watched = open_page(threaded_example.path, init_script=NO_JSPI)
    block = block_of(watched.page, threaded_example.name)
    block.get_by_role("button", name="Run", exact=True).click()
    expect(block.locator(".runner")).to_have_attribute("data-state", "threads")
    expect(block.locator(".runner__status")).to_contain_text("recorded on CPython")
    assert "Traceback" not in output_of(block).inner_text()
    expect(block.locator(".example__recorded .example__output").first).to_be_visible()
    # Nothing to run, so Python was not even downloaded.
    assert not [u for u in watched.requests if u.endswith("pyodide.asm.wasm")]
    watched.assert_clean()


def test_run_after_instant_navigation(open_page, plain_example):
    watched = open_page(plain_example.path)
    page = watched.page
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    with page.expect_worker(lambda w: w.url.endswith("/runner/worker.js")) as first_worker:
        block_of(page, plain_example.name).locator(".runner__run").hover()  # intent
    # The previous page's worker must close. terminate() is immediate for the page, but
    # Chromium may finish a WebAssembly compile before the worker thread is really gone:
    # allow it a few seconds.
    with first_worker.value.expect_event("close", timeout=5_000):
        page.locator("nav.md-nav--primary a.md-nav__link[href]").first.click()  # home page
        page.wait_for_function(f"() => !location.pathname.endsWith({plain_example.path!r})")
    link = page.locator(f"nav.md-nav--primary a[href$='{plain_example.path}']").first
    link.click()
    page.wait_for_url(f"**/{plain_example.path}")
    assert page.evaluate("window.__sameDocument === true")  # instant, not a reload
    block = block_of(page, plain_example.name)
    block.get_by_role("button", name="Run", exact=True).click()
    wait_until_finished(block, "ok")
    assert output_of(block).inner_text().strip()
    assert len(runner_workers(page)) == 1
    watched.assert_clean()


def test_without_webassembly_the_page_says_why(open_page, plain_example):
    watched = open_page(plain_example.path, init_script="delete window.WebAssembly;")
    block = block_of(watched.page, plain_example.name)
    expect(block.locator(".runner__unsupported")).to_contain_text("needs WebAssembly")
    expect(block.get_by_role("button", name="Run", exact=True)).to_have_count(0)
    expect(block.locator(".example__recorded .example__output").first).to_be_visible()


def test_mobile_width_has_no_horizontal_scroll(open_page, plain_example):
    watched = open_page(plain_example.path, viewport={"width": 390, "height": 844})
    page = watched.page
    block = block_of(page, plain_example.name)
    block.get_by_role("button", name="Run", exact=True).click()
    wait_until_finished(block, "ok")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = block.get_by_role("button", name="Reset", exact=True).bounding_box()
    assert box and box["x"] + box["width"] <= 390


def test_no_request_leaves_the_site(runner_page: Watched):
    """Runs last on the shared page: everything above loaded from the site's own host."""
    assert any(u.endswith("pyodide.asm.wasm") for u in runner_page.requests)
    runner_page.assert_clean()
