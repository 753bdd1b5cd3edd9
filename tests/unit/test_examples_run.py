"""Every example runs under CPython now and still does what its recording shows."""

from __future__ import annotations

import dataclasses

import pytest

from sitebuild import EXAMPLES_DIR, RECORDED_DIR
from sitebuild.examples import discover
from sitebuild.recorder import load_recording, record, recording_path

EXAMPLES = discover(EXAMPLES_DIR)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_runs_like_its_recording(name):
    example = dataclasses.replace(EXAMPLES[name], runs=1)  # once is enough to check it runs
    recorded = load_recording(recording_path(RECORDED_DIR, name))
    assert recorded is not None, f"{name}: no recording; run `make record`"
    expected = recorded["runs"][0]["stdout"]
    # record() raises RecordError on a wrong exit code or a hang.
    outputs = [record(example)["runs"][0]["stdout"]]
    if EXAMPLES[name].deterministic and outputs[0] != expected:
        # One more try absorbs a rare scheduling hiccup on a loaded machine; two
        # different outputs in a row mean the recording does not represent the example.
        outputs.append(record(example)["runs"][0]["stdout"])
        assert outputs[1] == expected, (
            f"{name} printed something other than its recording (twice): the page would "
            f"mislead. Declare runs > 1 in examples.toml or make the output deterministic.\n"
            f"recorded:\n{expected}\nnow:\n{outputs[1]}"
        )
