"""A recorded run's timeline as inline SVG, rendered at build time (no JavaScript needed).

The layout comes from timeline_layout.py; the markup is the ``timeline.html`` template.
"""

from __future__ import annotations

from markupsafe import Markup

from sitebuild.templating import render, trusted
from sitebuild.timeline_layout import layout


def heading(recording: dict, run_index: int = 0) -> str:
    py = recording.get("python", {})
    runs = len(recording.get("runs", []))
    which = f"run {run_index + 1} of {runs}, " if runs > 1 else ""
    return f"Timeline ({which}recorded on CPython {py.get('version', '?')}):"


def render_recorded(recording: dict, chart_id: str, run_index: int = 0) -> Markup:
    """The timeline of one recorded run; empty for a recording without events."""
    run = recording["runs"][run_index]
    if not run.get("events"):
        return trusted("")
    plan = layout(run["events"], run.get("duration", 0) * 1000)
    return render(
        "timeline.html",
        layout=plan,
        id=chart_id,
        source="recorded",
        heading=heading(recording, run_index),
    )
