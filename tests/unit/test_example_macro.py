"""The example() macro renders code, recorded output and provenance from the files."""

from __future__ import annotations

import html
import re

import pytest

from sitebuild.examples import ExampleError
from sitebuild.macros import render_example
from sitebuild.recorder import record_all
from tests.unit.helpers import make_examples

SOURCE = 'import sys\nprint("<b>hi</b> & {{ braces }}")\nprint("oops", file=sys.stderr)\n'


@pytest.fixture
def recorded(tmp_path):
    examples = make_examples(
        tmp_path,
        {"demo": SOURCE, "race": "import random\nprint(random.random() < 2)\n"},
        "[race]\nruns = 3\n",
    )
    recorded = tmp_path / "recorded"
    assert record_all(examples, recorded, log=lambda *_: None) == []
    return examples, recorded


def text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_block_shows_code_output_and_provenance(recorded):
    out = render_example("demo", *recorded)
    assert 'data-example="demo"' in out and 'data-threads="false"' in out
    code = re.search(r"<code>(.*?)</code></pre>", out, re.S).group(1)
    assert text_of(code) == SOURCE  # highlighted, but the text is exactly the file
    assert "<b>hi</b>" not in out  # output is escaped, never markup
    assert re.search(r"Recorded on CPython \d+\.\d+\.\d+ \((GIL|free-threaded) build", out)
    assert '<span class="example__stderr">oops</span>' in out
    assert "\n\n" not in out.split("<pre>")[0]  # one raw HTML block for Markdown


def test_nondeterministic_example_shows_spread(recorded):
    out = render_example("race", *recorded)
    assert "All 3 recorded runs ended with the same line." in out


def test_unknown_example_is_an_error(recorded):
    with pytest.raises(ExampleError, match="no such example"):
        render_example("nope", *recorded)


def test_stale_recording_is_an_error(recorded):
    examples, recorded_dir = recorded
    (examples / "demo.py").write_text("print('changed')\n")
    with pytest.raises(ExampleError, match="older than its source; run `make record`"):
        render_example("demo", examples, recorded_dir)
