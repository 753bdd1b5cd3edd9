"""mkdocs-macros entry point: the ``example()`` and ``quiz()`` macros pages call.

Pages never paste example code: ``{{ example("lock_counter") }}`` reads
``examples/lock_counter.py`` and its recording and renders the block.
"""

from __future__ import annotations

from functools import cache

from sitebuild import (
    EXAMPLES_DIR,
    RECORDED_DIR,
    example_html,
    examples,
    gil_chart,
)
from sitebuild.examples import ExampleError
from sitebuild.recorder import is_current, load_recording, recording_path


def render_example(name: str, examples_dir=EXAMPLES_DIR, recorded_dir=RECORDED_DIR) -> str:
    example = examples.get(examples_dir, name)
    recording = load_recording(recording_path(recorded_dir, name))
    if not is_current(recording, example.sha256):
        raise ExampleError(
            f"example({name!r}): recording missing or older than its source; run `make record`"
        )
    others = {}
    for version in example.versions:
        other = load_recording(recording_path(recorded_dir, name, version))
        if is_current(other, example.sha256):
            others[version] = other
    return example_html.render(example, recording, others)


def define_env(env) -> None:
    """Called by mkdocs-macros once per build (every rebuild of `mkdocs serve` too)."""
    from sitebuild import quiz_bank, quiz_html  # the quiz feature lives in its own modules

    env.macro(render_example, "example")
    env.macro(example_html.render_playground, "playground")

    @env.macro
    def quick_reference() -> str:
        from sitebuild import quick_reference as reference  # its own feature module

        return reference.render(page=env.page)

    env.macro(gil_chart.render, "gil_chart")

    # This build's bank, loaded by the first quiz() of the build (after hooks.on_pre_build
    # has validated it and re-recorded examples): it lives as long as the build.
    bank = cache(lambda: quiz_bank.load_for_site(env.conf))

    @env.macro
    def compare_versions(name: str, versions: list[str], caption: str) -> str:
        from sitebuild import version_compare  # one example's recordings side by side

        return version_compare.render(name, versions, caption)

    @env.macro
    def quiz(topic: str | None = None, count: int | None = None) -> str:
        return quiz_html.render(topic=topic, count=count, page=env.page, bank=bank())
