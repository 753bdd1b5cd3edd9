"""Render one example block: highlighted code, a slot for the live runner, recorded output.

The block is plain HTML so that it reads fine without JavaScript; the runner (page JS)
finds it by ``data-example`` and mounts its controls into ``.example__live``.
"""

from __future__ import annotations

import json
from collections import Counter
from html import escape

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from sitebuild.examples import Example

MAX_SPREAD_ROWS = 8


def code_html(source: str) -> str:
    """Pygments markup in the structure Material styles (and adds copy buttons to)."""
    inner = highlight(source, PythonLexer(), HtmlFormatter(nowrap=True))
    return (
        f'<div class="language-python highlight"><pre><span></span><code>{inner}</code></pre></div>'
    )


def output_html(run: dict) -> str:
    """A run's output in the order it was printed; stderr lines marked as such."""
    lines = run.get("lines")
    if not lines:
        text = run.get("stdout", "") + run.get("stderr", "")
        return escape(text.rstrip("\n"))
    parts = []
    for line in lines:
        text = escape(line["text"])
        if line["stream"] == "stderr":
            text = f'<span class="example__stderr">{text}</span>'
        parts.append(text)
    return "\n".join(parts)


def provenance_label(recording: dict) -> str:
    py = recording.get("python", {})
    build = "free-threaded build" if py.get("build") == "free-threaded" else "GIL build"
    when = recording.get("recorded_at", "")[:10]
    return (
        f"Recorded on {escape(py.get('implementation', 'CPython'))} "
        f"{escape(py.get('version', '?'))} ({build}, {escape(py.get('platform', '?'))})"
        f" · {escape(when)}"
        f' · source sha256 <code title="{escape(recording["source_sha256"])}">'
        f"{escape(recording['source_sha256'][:12])}</code>"
    )


def spread_html(runs: list[dict]) -> str:
    """How the last line varied across runs: honest about nondeterminism."""
    last_lines = Counter((run["stdout"].rstrip("\n").splitlines() or [""])[-1] for run in runs)
    total = len(runs)
    if len(last_lines) == 1:
        return f'<p class="example__spread">All {total} recorded runs ended with the same line.</p>'
    rows = "".join(
        f"<tr><td><code>{escape(line)}</code></td><td>{count}</td></tr>"
        for line, count in last_lines.most_common(MAX_SPREAD_ROWS)
    )
    more = len(last_lines) - MAX_SPREAD_ROWS
    extra = f'<p class="example__spread">… and {more} other endings.</p>' if more > 0 else ""
    return (
        f'<p class="example__spread">This example is nondeterministic: {total} recorded runs '
        f"ended in {len(last_lines)} different ways. Above is run 1; the endings were:</p>"
        f'<table class="example__spread-table"><thead><tr><th>Last line</th><th>Runs</th></tr>'
        f"</thead><tbody>{rows}</tbody></table>{extra}"
    )


def versions_html(others: dict[str, dict]) -> str:
    blocks = []
    for version, recording in others.items():
        blocks.append(
            f'<details class="example__version"><summary>Recorded on CPython {escape(version)}'
            f'</summary><p class="example__label">{provenance_label(recording)}</p>'
            f'<pre class="example__output"><code>{output_html(recording["runs"][0])}</code>'
            f"</pre>{spread_html(recording['runs']) if len(recording['runs']) > 1 else ''}"
            "</details>"
        )
    return "".join(blocks)


def data_json(example: Example, recording: dict) -> str:
    """What the page JS needs, as JSON for an attribute.

    Not a <script type="application/json">: Material's instant navigation re-creates
    every script in new content without its type, and would run the JSON as code.
    """
    first = recording["runs"][0]
    data = {
        "name": example.name,
        "threads": example.uses_threads,
        "deterministic": example.deterministic,
        "exit_code": example.exit_code,
        "live": example.live_check,
        "live_note": example.live_note,
        "recorded": {
            "python": recording.get("python", {}).get("version"),
            "stdout": first["stdout"],
            "stderr": first["stderr"],
        },
    }
    return escape(json.dumps(data, ensure_ascii=False), quote=True)


def render(example: Example, recording: dict, others: dict[str, dict] | None = None) -> str:
    runs = recording["runs"]
    title = f" — {escape(example.title)}" if example.title else ""
    note = f'<p class="example__note">{escape(example.note)}</p>' if example.note else ""
    spread = spread_html(runs) if len(runs) > 1 else ""
    exit_note = (
        f'<p class="example__exit">Exit code {runs[0]["exit_code"]} (expected: this example '
        "ends with an error on purpose).</p>"
        if example.exit_code
        else ""
    )
    # One line per tag: Markdown must see this as a single raw HTML block.
    return (
        f'<div class="example" id="example-{example.name}" data-example="{example.name}" '
        f'data-threads="{str(example.uses_threads).lower()}" '
        f'data-json="{data_json(example, recording)}">'
        f'<div class="example__head"><span class="example__file">examples/{example.name}.py'
        f"</span>{title}</div>"
        f'<div class="example__code">{code_html(example.source)}</div>'
        '<div class="example__live"></div>'
        '<noscript><p class="example__nojs">Running this example in the page needs JavaScript '
        "and WebAssembly; the output recorded from a real CPython run is below.</p></noscript>"
        '<div class="example__recorded">'
        f'<p class="example__label">{provenance_label(recording)}</p>'
        f'<pre class="example__output"><code>{output_html(runs[0])}</code></pre>'
        f"{exit_note}{spread}{note}{versions_html(others or {})}</div></div>"
    )


PLAYGROUND_START = """\
# Paste any threading program here and press Run.
import threading
import time


def worker(name, delay):
    time.sleep(delay)
    print(f"{name} finished after {delay} s")


threads = [threading.Thread(target=worker, args=(f"T{i}", 0.25 * i)) for i in (3, 1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("all done")
"""


def render_playground() -> str:
    """An editor with no recording: the reader's own program, run live and shareable."""
    data = escape(json.dumps({"name": "playground", "threads": True, "playground": True}))
    return (
        '<div class="example example--playground" id="playground" data-example="playground" '
        f'data-threads="true" data-json="{data}">'
        '<div class="example__head"><span class="example__file">playground.py</span>'
        " — your program</div>"
        f'<div class="example__code">{code_html(PLAYGROUND_START)}</div>'
        '<div class="example__live"></div>'
        '<noscript><p class="example__nojs">The playground runs Python in your browser, which '
        "needs JavaScript and WebAssembly.</p></noscript></div>"
    )
