"""The GIL chart: numbers come from the recording (medians), drawn as SVG and a table."""

from __future__ import annotations

import re

import pytest

from sitebuild import gil_chart
from sitebuild.examples import ExampleError
from sitebuild.recorder import FORMAT


def run(cpu: tuple[float, float, float], io: tuple[float, float, float]) -> dict:
    lines = ["cores: 2"]
    for kind, times in (("cpu", cpu), ("io", io)):
        lines += [f"{kind} {way}: {t:.2f} s" for way, t in zip(gil_chart.WAYS, times, strict=True)]
    return {"stdout": "\n".join(lines) + "\n"}


RECORDING = {
    "example": "gil_measured",
    "runs": [
        run((1.0, 1.1, 0.6), (1.0, 0.26, 0.3)),
        run((1.2, 1.3, 0.5), (1.0, 0.25, 0.3)),
        run((1.1, 1.5, 0.7), (1.0, 0.27, 0.4)),
    ],
}


def test_medians_of_the_runs():
    cores, times = gil_chart.measurements(RECORDING)
    assert cores == 2
    assert times["cpu"] == {"sequential": 1.1, "threads": 1.3, "processes": 0.6}
    assert times["io"] == {"sequential": 1.0, "threads": 0.26, "processes": 0.3}


def test_longest_bar_is_full_width_and_the_others_scale():
    _, times = gil_chart.measurements(RECORDING)
    rows, height = gil_chart.bars(times)
    widths = {(r["way"], r["seconds"]): r["width"] for r in rows if "way" in r}
    assert widths[("threads", 1.3)] == gil_chart.BAR_MAX
    assert widths[("processes", 0.6)] == round(gil_chart.BAR_MAX * 0.6 / 1.3)
    assert height > 0 and sum(1 for r in rows if "heading" in r) == 2


def test_svg_and_table_show_the_same_numbers(monkeypatch):
    monkeypatch.setattr(gil_chart, "load_recording", lambda path: {**RECORDING, **PROVENANCE})
    monkeypatch.setattr(gil_chart.examples, "get", lambda d, name: FakeExample())
    html = gil_chart.render("gil_measured")
    assert html.count("<rect ") == 6
    svg, table = html.split("</svg>")
    for seconds in ("1.10", "1.30", "0.60", "1.00", "0.26", "0.30"):
        assert f"{seconds} s</text>" in svg and f"<td>{seconds} s</td>" in table
    assert "median of 3 recorded runs on CPython 3.11.7 (GIL build), 2 cores" in html
    assert not re.search(r"\n\s*\n", html), "a blank line would end the raw HTML block"


def test_a_recording_without_the_timings_is_an_error():
    broken = {"example": "gil_measured", "runs": [{"stdout": "cores: 2\ncpu threads: 1 s\n"}]}
    with pytest.raises(ExampleError, match=r"gil_chart\('gil_measured'\): the recording lacks"):
        gil_chart.measurements(broken)


PROVENANCE = {
    "format": FORMAT,
    "source_sha256": "abc",
    "recorded_at": "2026-11-29T19:00:00+00:00",
    "python": {"version": "3.11.7", "build": "GIL"},
}


class FakeExample:
    sha256 = "abc"
