"""A recording that is missing, older than its source, or orphaned stops the build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from sitebuild import ROOT
from sitebuild.examples import discover
from sitebuild.recorder import record_all, recording_path
from sitebuild.staleness import StaleRecordingError, check, problems
from tests.unit.helpers import make_examples


@pytest.fixture
def recorded_examples(tmp_path):
    examples = make_examples(tmp_path, {"one": "print(1)\n", "two": "print(2)\n"})
    recorded = tmp_path / "recorded"
    assert record_all(examples, recorded, log=lambda *_: None) == []
    return examples, recorded


def test_fresh_recordings_pass(recorded_examples):
    examples, recorded = recorded_examples
    check(discover(examples), recorded)


def test_missing_recording_names_example_and_command(recorded_examples):
    examples, recorded = recorded_examples
    recording_path(recorded, "two").unlink()
    with pytest.raises(StaleRecordingError) as info:
        check(discover(examples), recorded)
    assert "example two: no recording" in str(info.value)
    assert "make record" in str(info.value)


def test_edited_source_makes_recording_stale(recorded_examples):
    examples, recorded = recorded_examples
    (examples / "one.py").write_text("print('changed')\n")
    found = problems(discover(examples), recorded)
    assert len(found) == 1
    assert "example one: recording one.json is older than one.py" in found[0]
    assert "make record" in found[0]


def test_recording_of_deleted_example_is_reported(recorded_examples):
    examples, recorded = recorded_examples
    (examples / "two.py").unlink()
    assert any("no longer exists" in p for p in problems(discover(examples), recorded))


def test_corrupt_recording_names_file_and_line(recorded_examples):
    examples, recorded = recorded_examples
    recording_path(recorded, "one").write_text('{\n "example": "one",\n oops\n}\n')
    found = problems(discover(examples), recorded)
    assert "one.json:3: not valid JSON" in found[0]


def test_real_examples_have_fresh_recordings():
    """The committed recordings match the committed examples (what the build checks)."""
    check(discover(ROOT / "examples"), ROOT / "examples" / "recorded")


def test_mkdocs_build_aborts_on_stale_recording(tmp_path):
    """End to end: edit an example without re-recording and `mkdocs build` stops."""
    copy = tmp_path / "repo"
    ignore = ("site", ".venv", "node_modules", ".git", "__pycache__")
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*ignore))
    if (ROOT / "node_modules").exists():
        (copy / "node_modules").symlink_to(ROOT / "node_modules")
    example = sorted((copy / "examples").glob("*.py"))[0]
    example.write_text(example.read_text() + "\nprint('edited')\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(copy)}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "s")],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr  # mkdocs prints Abort messages on stdout
    assert f"example {example.stem}: recording {example.stem}.json is older than" in output
    assert "make record" in output


def test_recording_without_timeline_events_is_stale_and_re_recorded(recorded_examples):
    examples, recorded = recorded_examples
    path = recording_path(recorded, "one")
    old = json.loads(path.read_text())
    del old["format"]  # what recordings made before the timeline looked like
    for run in old["runs"]:
        run["lines"] = [{"t": 0.0, "thread": "MainThread", "stream": "stdout", "text": "1"}]
        del run["events"]
    path.write_text(json.dumps(old))
    found = problems(discover(examples), recorded)
    assert len(found) == 1
    assert "example one: recording one.json is in an old format (1, now 2" in found[0]
    assert "make record" in found[0]
    log: list[str] = []
    assert record_all(examples, recorded, log=log.append) == []
    assert any(m.startswith("[1/2] one: recording") for m in log)
    assert problems(discover(examples), recorded) == []
