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
    run = record(example)["runs"][0]  # raises RecordError on a wrong exit code or a hang
    recorded = load_recording(recording_path(RECORDED_DIR, name))
    assert recorded is not None, f"{name}: no recording; run `make record`"
    if EXAMPLES[name].deterministic:
        assert run["stdout"] == recorded["runs"][0]["stdout"], (
            f"{name} printed something else than its recording: the page would mislead"
        )
