"""Timelines in the page: the build-time SVG of every example, and a live run's own.

The recorded chart must be there without JavaScript and agree with its events table;
the live chart is drawn by overrides/assets/js/timeline/ with the same layout rules,
checked here against sitebuild/timeline_layout.py on every recording's events.
"""

from __future__ import annotations

import json
import math

import pytest
from playwright.sync_api import expect

from sitebuild import EXAMPLES_DIR, RECORDED_DIR
from sitebuild.examples import discover
from sitebuild.recorder import load_recording
from sitebuild.timeline_layout import layout
from tests.browser import axe
from tests.browser.test_runner import example_paths

EXAMPLES = discover(EXAMPLES_DIR)
RUN_TIMEOUT = 90_000


@pytest.fixture(scope="module")
def pages(site) -> dict[str, str]:
    return example_paths(site.site_dir)


@pytest.fixture(scope="module")
def no_js_page(browser, site):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


READ_FIGURE = """(figure) => ({
  rows: [...figure.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.cells].map((td) => td.textContent)),
  declared: Number(figure.dataset.events),
  lanes: [...figure.querySelectorAll('.tl-lane')].map((g) => g.dataset.thread),
  markers: [...figure.querySelectorAll('.tl-marker')].map((m) =>
    ({row: Number(m.dataset.row), label: m.getAttribute('aria-label')})),
  segments: figure.querySelectorAll('.tl-seg').length,
  caption: figure.querySelector('figcaption').textContent,
  width: figure.querySelector('svg.timeline__svg').getBoundingClientRect().width,
})"""


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_static_timeline_is_present_and_agrees_with_its_table(no_js_page, site, pages, name):
    assert name in pages, f"example {name} is on no page"
    if no_js_page.url != site.url + pages[name]:
        no_js_page.goto(site.url + pages[name])
    figure = no_js_page.locator(f"#timeline-{name}")
    expect(figure).to_have_count(1)
    seen = figure.evaluate(READ_FIGURE)
    assert seen["width"] > 0 and seen["segments"] > 0
    assert len(seen["rows"]) == seen["declared"] > 0
    # One lane per thread the table names (as far as the table goes: it may be capped).
    assert set(seen["lanes"]) >= {thread for _, thread, _, _ in seen["rows"] if thread}
    assert "MainThread" in seen["lanes"]
    for marker in seen["markers"]:
        if marker["row"] < len(seen["rows"]):
            time, thread, what, _ = seen["rows"][marker["row"]]
            assert marker["label"].startswith(f"{time} · {thread} · ")
            if not what.startswith("acquired"):  # a hand-off says more than its row
                assert what in marker["label"]
    outputs = [r for r in seen["rows"] if r[2].startswith("printed")]
    markers = [m for m in seen["markers"] if "printed" in m["label"]]
    if len(seen["rows"]) < 400 and not any("×" in m["label"] for m in markers):
        assert len(markers) == len(outputs)
    assert seen["caption"].startswith("Timeline (")


def _close(a, b, path="$"):
    """Python's and JS's layouts equal, floats to within rounding."""
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool):
        assert math.isclose(a, b, abs_tol=0.011), f"{path}: {a} != {b}"
    elif isinstance(a, dict):
        assert a.keys() == b.keys(), f"{path}: keys {sorted(a)} != {sorted(b)}"
        for key in a:
            _close(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, list):
        assert len(a) == len(b), f"{path}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _close(x, y, f"{path}[{i}]")
    else:
        assert a == b, f"{path}: {a!r} != {b!r}"


LONG_RUN = [{"type": "thread-start", "t": 0.0, "thread": "MainThread"}] + [
    event
    for i in range(6000)
    for event in (
        {"type": "lock-wait", "t": i * 1.0, "thread": f"T{i % 3}", "lock": "L"},
        {"type": "lock-acquire", "t": i + 0.37, "thread": f"T{i % 3}", "lock": "L"},
        {"type": "lock-release", "t": i + 0.71, "thread": f"T{i % 3}", "lock": "L"},
    )
]


def test_js_layout_is_the_python_layout_on_every_recording(open_page):
    watched = open_page("")
    runs = []
    for path in sorted(RECORDED_DIR.glob("*.json")):
        for run in load_recording(path)["runs"][:2]:
            runs.append((path.name, run["events"], run["duration"] * 1000))
    runs.append(("a long run (summarised)", LONG_RUN, None))
    js = watched.page.evaluate(
        """async (runs) => {
            const { layout } = await import(new URL("assets/js/timeline/layout.js",
                                                    document.baseURI).href);
            return runs.map(([, events, ms]) => layout(events, ms));
        }""",
        runs,
    )
    for (name, events, ms), from_js in zip(runs, js, strict=True):
        expected = json.loads(json.dumps(layout(events, ms)))
        _close(expected, from_js, name)
    watched.assert_clean()


def test_focus_on_a_marker_or_a_wait_shows_its_details(open_page, pages):
    watched = open_page(pages["semaphore_limit"])
    page = watched.page
    figure = page.locator("#timeline-semaphore_limit")
    assert figure.locator('[tabindex="0"]').count() == 1  # one tab stop per chart
    first = figure.locator('.tl-marker[tabindex="0"]')
    first.focus()
    details = figure.locator(".timeline__details")
    expect(details).to_be_visible()
    expect(details).to_have_text(first.get_attribute("aria-label"))
    focused = page.locator("#timeline-semaphore_limit :focus")
    seen = []
    for _ in range(40):  # arrow keys walk markers and waits in time order
        page.keyboard.press("ArrowRight")
        label = focused.get_attribute("aria-label")
        expect(details).to_have_text(label)
        row = focused.get_attribute("data-row")
        expect(figure.locator(f'tr[data-row="{row}"]')).to_have_class("tl-current")
        seen.append((focused.get_attribute("class"), label))
    waits = [label for cls, label in seen if "tl-seg--waiting" in cls]
    handoffs = [label for cls, label in seen if "tl-marker--handoff" in cls]
    assert waits and handoffs, seen
    assert all(" ms – " in w and "(line " in w for w in waits)  # from, to, what, line
    assert all(" · line " in h and "released by" in h for h in handoffs)
    watched.assert_clean()


AXE_ON = """async (selector) => (await axe.run(document.querySelector(selector),
    { resultTypes: ['violations'] })).violations.map((v) => [v.id, v.impact, v.help])"""


def test_a_live_run_draws_its_own_timeline(open_page, pages, site):
    watched = open_page(pages["create_threads"])
    page = watched.page
    block = page.locator('.example[data-example="create_threads"]')
    block.get_by_role("button", name="Run", exact=True).click()
    live = block.locator("figure.timeline--live")
    expect(live).to_have_count(1, timeout=RUN_TIMEOUT)
    expect(live).to_have_attribute("data-state", "done")
    printed = live.locator(".tl-marker--output").first.get_attribute("aria-label")
    assert printed.endswith(
        "· MainThread · printed: main: started A (sleeps 2 s) and B (sleeps 1 s) · line 15"
    )
    first = live.locator('.tl-marker[tabindex="0"]')
    # Hover shows details too: park the pointer (left where Run was clicked) off the chart.
    page.mouse.move(0, 0)
    first.focus()
    expect(live.locator(".timeline__details")).to_have_text(first.get_attribute("aria-label"))
    lanes = live.evaluate(
        """(f) => [...f.querySelectorAll('.tl-lane')].map((g) => ({
            thread: g.dataset.thread,
            end: Number(g.querySelector('.tl-end')?.getAttribute('x1') ?? NaN),
            label: g.querySelector('.tl-label').textContent,
        }))"""
    )
    ends = {lane["thread"]: lane["end"] for lane in lanes}
    assert set(ends) == {"MainThread", "Thread-1 (worker)", "Thread-2 (worker)"}
    assert ends["Thread-2 (worker)"] < ends["Thread-1 (worker)"] - 100  # B before A
    labels = {lane["thread"]: lane["label"] for lane in lanes}
    assert labels["Thread-1 (worker)"] == "Thread-1 (worker) · worker('A', 2)"  # as recorded
    rows = live.locator("tbody tr")
    assert rows.count() == int(live.get_attribute("data-events")) > 5
    sleeping = live.locator(".tl-seg--sleeping")
    assert sleeping.count() >= 2
    expect(live.locator("figcaption")).to_contain_text("Timeline of this live run")
    # Both charts pass axe-core (serious and critical rules), the live one included.
    axe.install(site.site_dir)
    page.add_script_tag(url=site.url + axe.AXE_PATH)
    for selector in ("figure.timeline--live", "#timeline-create_threads"):
        found = page.evaluate(AXE_ON, selector)
        assert [v for v in found if v[1] in axe.BLOCKING] == [], (selector, found)
    watched.assert_clean()
