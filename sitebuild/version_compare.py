"""``compare_versions(name, versions, caption)``: one example's recordings side by side.

Every run recorded on each CPython version, one column per version, so a reader sees
at a glance that (say) 3.9 lost updates in every run where 3.13 lost none. The figures
come from the committed recordings only; a missing or stale one stops the build.
"""

from __future__ import annotations

from sitebuild import EXAMPLES_DIR, RECORDED_DIR, examples, templating
from sitebuild.examples import ExampleError
from sitebuild.recorder import load_recording, recording_path


def _recording(name: str, version: str, example, recorded_dir):
    main = load_recording(recording_path(recorded_dir, name))
    main_version = (main or {}).get("python", {}).get("version", "")
    if main is not None and (main_version == version or main_version.startswith(version + ".")):
        recording = main
    else:
        recording = load_recording(recording_path(recorded_dir, name, version))
    if recording is None or recording.get("source_sha256") != example.sha256:
        raise ExampleError(
            f"compare_versions({name!r}): the CPython {version} recording is missing or older "
            "than its source; run `make record-versions`"
        )
    return recording


def _last_line(run: dict) -> str:
    return (run["stdout"].rstrip("\n").splitlines() or [""])[-1]


def _column(recording: dict, version: str) -> dict:
    py = recording.get("python", {})
    return {
        "version": version,
        "build": "free-threaded build" if py.get("build") == "free-threaded" else "GIL build",
        "platform": py.get("platform", "?"),
        "date": recording.get("recorded_at", "")[:10],
        "sha": recording["source_sha256"][:12],
        "runs": [_last_line(run) for run in recording["runs"]],
    }


def render(
    name: str,
    versions: list[str],
    caption: str,
    examples_dir=EXAMPLES_DIR,
    recorded_dir=RECORDED_DIR,
) -> str:
    """The figure, one line of HTML (templating joins the template's lines)."""
    example = examples.get(examples_dir, name)
    columns = [_column(_recording(name, v, example, recorded_dir), v) for v in versions]
    return templating.render("version_compare.html", name=name, columns=columns, caption=caption)
