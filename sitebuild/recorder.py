"""Record each example's real CPython output next to it, in ``examples/recorded/``.

``python -m sitebuild.recorder`` (``make record``) re-runs only the examples whose source
changed since their recording (sha256), each in a fresh interpreter with a time limit.
An example that exits with a code other than the one it declares is an error, and its
previous recording is kept: nothing is overwritten with a failed run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitebuild import EXAMPLES_DIR, RECORDED_DIR, recording_shape
from sitebuild.examples import Example, ExampleError, discover

CAPTURE = Path(__file__).with_name("capture.py")
# Version of what a recording stores. 2: each run has "events" (the timeline, in the
# live runtime's event format; output lines are its "output" events). A recording of
# an older format counts as stale, so `make record` records it again.
FORMAT = 2
# Keep captured streams bounded: a runaway example must not fill the disk.
MAX_STREAM_CHARS = 200_000


class RecordError(Exception):
    """An example could not be recorded; the message says which and why."""


def recording_path(recorded_dir: Path, name: str, version: str | None = None) -> Path:
    """``NAME.json`` for the main recording, ``NAME@3.13.json`` for another CPython."""
    return recorded_dir / (f"{name}@{version}.json" if version else f"{name}.json")


def run_once(example: Example, python: str = sys.executable) -> dict:
    """Run the example once in a fresh interpreter and return what it did."""
    with tempfile.TemporaryDirectory() as tmp:
        events_file = Path(tmp) / "events.jsonl"
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("PYTHONPATH", None)
        started = time.perf_counter()
        proc = subprocess.Popen(
            [python, str(CAPTURE), str(events_file), example.path.name],
            cwd=example.path.parent,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,  # so a timeout can kill the example's whole group
        )
        try:
            stdout, stderr = proc.communicate(timeout=example.timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise RecordError(
                f"example {example.name} ({example.path}) did not finish within its time limit "
                f"of {example.timeout:g} s; make it end on its own, or raise 'timeout' in "
                f"{example.path.parent / 'examples.toml'}"
            ) from None
        wall = time.perf_counter() - started
        events = [json.loads(line) for line in events_file.read_text("utf-8").splitlines()]
    header = events[0]["provenance"] if events and "provenance" in events[0] else {}
    end = next((e["end"] for e in events if "end" in e), None)
    return {
        "provenance": header,
        "exit_code": proc.returncode,
        "duration": round(end if end is not None else wall, 4),
        "stdout": stdout[:MAX_STREAM_CHARS],
        "stderr": stderr[:MAX_STREAM_CHARS],
        "events": [e for e in events if "type" in e],
    }


def record(example: Example, python: str = sys.executable) -> dict:
    """Run the example as many times as it declares and build its recording."""
    runs = []
    for _ in range(example.runs):
        run = run_once(example, python)
        if run["exit_code"] != example.exit_code:
            tail = "\n".join(run["stderr"].splitlines()[-15:])
            raise RecordError(
                f"example {example.name} ({example.path}) exited with code {run['exit_code']}, "
                f"expected {example.exit_code}. Fix it, or declare exit_code = "
                f"{run['exit_code']} in {example.path.parent / 'examples.toml'}.\n{tail}"
            )
        runs.append(run)
    provenance = runs[0].pop("provenance")
    for run in runs[1:]:
        run.pop("provenance")
    return {
        "example": example.name,
        "format": FORMAT,
        "source_sha256": example.sha256,
        "recorded_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "python": provenance,
        "runs": runs,
    }


def output_lines(run: dict) -> list[dict]:
    """A run's output lines (its "output" events) as ``{t (s), thread, stream, text}``."""
    return [
        {"t": e["t"] / 1000, "thread": e["thread"], "stream": e["stream"], "text": e["text"]}
        for e in run.get("events", [])
        if e["type"] == "output"
    ]


def is_current(recording: dict | None, sha256: str) -> bool:
    """Recorded from this source, in this format?"""
    return (
        bool(recording)
        and recording.get("source_sha256") == sha256
        and (recording.get("format") == FORMAT)
    )


def load_recording(path: Path) -> dict | None:
    """The recording at ``path`` (None if there is none); each run gets ``lines``."""
    if not path.exists():
        return None
    try:
        recording = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise RecordError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
    except UnicodeDecodeError as exc:
        raise RecordError(f"{path}: not UTF-8 (byte {exc.start}: {exc.reason})") from exc
    if wrong := recording_shape.problem(recording):
        raise RecordError(f"{path}: {wrong}")
    for run in recording.get("runs", []):
        if "events" in run:
            run["lines"] = output_lines(run)
    return recording


def dumps(recording: dict) -> str:
    """Indented JSON, but one event per line of text: readable diffs in review."""
    runs = recording["runs"]
    events = [[json.dumps(e, ensure_ascii=False) for e in run["events"]] for run in runs]
    shell = {**recording, "runs": [{**run, "events": i} for i, run in enumerate(runs)]}
    for run in shell["runs"]:
        run.pop("lines", None)  # derived from the events when loaded
    text = json.dumps(shell, indent=1, ensure_ascii=False)
    for i, run_events in enumerate(events):
        body = ",\n   ".join(run_events)
        text = text.replace(
            f'"events": {i}\n', f'"events": [\n   {body}\n  ]\n' if body else '"events": []\n', 1
        )
    return text + "\n"


def write_recording(path: Path, recording: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(dumps(recording), "utf-8")
    tmp.replace(path)  # atomic: a crash never leaves half a recording behind


def record_all(
    examples_dir: Path = EXAMPLES_DIR,
    recorded_dir: Path = RECORDED_DIR,
    names: list[str] | None = None,
    force: bool = False,
    python: str = sys.executable,
    version: str | None = None,
    log=print,
) -> list[str]:
    """Record what changed; return the errors (empty when everything is recorded)."""
    examples = discover(examples_dir)
    unknown = sorted(set(names or []) - set(examples))
    if unknown:
        return [f"no such example(s): {unknown}"]
    chosen = [examples[n] for n in (names or sorted(examples))]
    if version:  # another CPython only records the examples that ask for it
        chosen = [e for e in chosen if version in e.versions]
    errors = []
    for index, example in enumerate(chosen, start=1):
        target = recording_path(recorded_dir, example.name, version)
        prefix = f"[{index}/{len(chosen)}] {example.name}"
        try:
            old = load_recording(target)
        except RecordError:
            old = None  # unreadable: record it again
        if is_current(old, example.sha256) and not force:
            log(f"{prefix}: unchanged, kept")
            continue
        runs = f" ({example.runs} runs)" if example.runs > 1 else ""
        log(f"{prefix}: recording{runs} ...")
        started = time.perf_counter()
        try:
            recording = record(example, python)
        except RecordError as exc:
            errors.append(str(exc))
            log(f"{prefix}: FAILED; previous recording kept\n{exc}")
            continue
        write_recording(target, recording)
        log(f"{prefix}: recorded in {time.perf_counter() - started:.1f} s -> {target}")
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="examples to record (default: all)")
    parser.add_argument("--force", action="store_true", help="re-record unchanged examples too")
    parser.add_argument("--python", default=sys.executable, help="interpreter to record with")
    parser.add_argument(
        "--version", help="record as NAME@VERSION.json (only examples listing this version)"
    )
    args = parser.parse_args(argv)
    try:
        errors = record_all(
            names=args.names, force=args.force, python=args.python, version=args.version
        )
    except ExampleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for error in errors:
        print(f"error: {error.splitlines()[0]}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
