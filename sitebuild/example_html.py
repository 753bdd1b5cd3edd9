"""Render one example block: highlighted code, a slot for the live runner, recorded output.

The markup is in ``sitebuild/templates/example*.html``; this module turns an example and
its recordings into the plain values those templates show.
"""

from __future__ import annotations

import json
from collections import Counter

from markupsafe import Markup
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from sitebuild.examples import Example
from sitebuild.templating import render as render_template
from sitebuild.templating import trusted
from sitebuild.timeline_html import render_recorded as timeline_html

MAX_SPREAD_ROWS = 8


def code_html(source: str) -> Markup:
    """Pygments markup in the structure Material styles (and adds copy buttons to)."""
    highlighted = trusted(highlight(source, PythonLexer(), HtmlFormatter(nowrap=True)))
    return render_template("code.html", highlighted=highlighted)


def output_lines(run: dict) -> list[dict]:
    """A run's output in the order it was printed, each line marked stderr or not."""
    lines = run.get("lines")
    if not lines:
        text = run.get("stdout", "") + run.get("stderr", "")
        return [{"text": text.rstrip("\n"), "stderr": False}]
    return [{"text": line["text"], "stderr": line["stream"] == "stderr"} for line in lines]


def spread_view(runs: list[dict]) -> dict | None:
    """How the last line varied across runs (None for a single run)."""
    if len(runs) < 2:
        return None
    last_lines = Counter((run["stdout"].rstrip("\n").splitlines() or [""])[-1] for run in runs)
    return {
        "total": len(runs),
        "endings": last_lines.most_common(),
        "max_rows": MAX_SPREAD_ROWS,
    }


def recording_view(recording: dict) -> dict:
    """What the templates show of one recording: provenance, run 1's output, the spread."""
    py = recording.get("python", {})
    runs = recording["runs"]
    return {
        "implementation": py.get("implementation", "CPython"),
        "version": py.get("version", "?"),
        "build": "free-threaded build" if py.get("build") == "free-threaded" else "GIL build",
        "platform": py.get("platform", "?"),
        "date": recording.get("recorded_at", "")[:10],
        "sha256": recording["source_sha256"],
        "lines": output_lines(runs[0]),
        "exit_code": runs[0]["exit_code"],
        "spread": spread_view(runs),
    }


def data_json(example: Example, recording: dict) -> str:
    """What the page JS needs, as JSON for an attribute (the template escapes it).

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
    return json.dumps(data, ensure_ascii=False)


def render(example: Example, recording: dict, others: dict[str, dict] | None = None) -> Markup:
    versions = [
        {"recorded_with": version, **recording_view(other)}
        for version, other in (others or {}).items()
    ]
    return render_template(
        "example.html",
        example=example,
        recording=recording,
        name=example.name,
        threads=example.uses_threads,
        data_json=data_json(example, recording),
        title=example.title,
        note=example.note,
        exit_code=example.exit_code,
        code=code_html(example.source),
        recorded=recording_view(recording),
        versions=versions,
        timeline=timeline_html(recording, f"timeline-{example.name}"),
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


def render_playground() -> Markup:
    """An editor with no recording: the reader's own program, run live and shareable."""
    data = json.dumps({"name": "playground", "threads": True, "playground": True})
    return render_template(
        "example_playground.html", data_json=data, code=code_html(PLAYGROUND_START)
    )
