"""Refuse to build pages from recordings that do not match their examples.

A recording is stale when the sha256 of the source it was made from differs from the
example's source now (a hash, not file times: a fresh clone resets every mtime).
"""

from __future__ import annotations

from pathlib import Path

from sitebuild.examples import Example
from sitebuild.recorder import FORMAT, RecordError, load_recording, recording_path

FIX = "run `make record` (or `python -m sitebuild.recorder {name}`)"


class StaleRecordingError(Exception):
    """One or more recordings are missing or stale; the message lists each."""


def problems(examples: dict[str, Example], recorded_dir: Path) -> list[str]:
    """One message per missing, stale or unreadable recording."""
    found = []
    for name, example in sorted(examples.items()):
        fix = FIX.format(name=name)
        targets = [(None, recording_path(recorded_dir, name))]
        targets += [(v, recording_path(recorded_dir, name, v)) for v in example.versions]
        for version, path in targets:
            try:
                recording = load_recording(path)
            except RecordError as exc:
                found.append(f"example {name}: {exc}; {fix}")
                continue
            if recording is None:
                if version is None:
                    found.append(f"example {name}: no recording at {path}; {fix}")
                continue  # other versions are optional: a fresh machine may lack them
            again = fix if version is None else f"run `make record-versions`, or delete {path.name}"
            if recording.get("source_sha256") != example.sha256:
                found.append(
                    f"example {name}: recording {path.name} is older than {example.path.name} "
                    f"(source changed since it was recorded); {again}"
                )
            elif recording.get("format") != FORMAT:
                found.append(
                    f"example {name}: recording {path.name} is in an old format "
                    f"({recording.get('format', 1)}, now {FORMAT}: it has no timeline "
                    f"events); {again}"
                )
    for path in sorted(recorded_dir.glob("*.json")):
        if path.stem.split("@")[0] not in examples:
            found.append(f"{path}: recording of an example that no longer exists; delete it")
    return found


def check(examples: dict[str, Example], recorded_dir: Path) -> None:
    found = problems(examples, recorded_dir)
    if found:
        raise StaleRecordingError("recorded outputs are missing or stale:\n  " + "\n  ".join(found))
