"""mkdocs-macros entry point: the ``example()`` and ``quiz()`` macros pages call.

Pages never paste example code: ``{{ example("lock_counter") }}`` reads
``examples/lock_counter.py`` and its recording and renders the block.
"""

from __future__ import annotations

from sitebuild import EXAMPLES_DIR, RECORDED_DIR, example_html, examples
from sitebuild.examples import ExampleError
from sitebuild.recorder import load_recording, recording_path


def render_example(name: str, examples_dir=EXAMPLES_DIR, recorded_dir=RECORDED_DIR) -> str:
    example = examples.get(examples_dir, name)
    recording = load_recording(recording_path(recorded_dir, name))
    if recording is None or recording.get("source_sha256") != example.sha256:
        raise ExampleError(
            f"example({name!r}): recording missing or older than its source; run `make record`"
        )
    others = {}
    for version in example.versions:
        other = load_recording(recording_path(recorded_dir, name, version))
        if other and other.get("source_sha256") == example.sha256:
            others[version] = other
    return example_html.render(example, recording, others)


def define_env(env) -> None:
    env.macro(render_example, "example")
    env.macro(example_html.render_playground, "playground")

    @env.macro
    def quiz(topic: str | None = None, count: int | None = None) -> str:
        from sitebuild import quiz_html  # the quiz feature lives in its own modules

        return quiz_html.render(topic=topic, count=count, page=env.page)
