"""MkDocs hooks: stop a build on stale recordings; put runtime assets into the site.

Listed under ``hooks:`` in mkdocs.yml, so they run for ``mkdocs build`` and ``serve``.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import Abort

from sitebuild import EXAMPLES_DIR, RECORDED_DIR
from sitebuild.examples import ExampleError, discover
from sitebuild.recorder import record_all
from sitebuild.staleness import StaleRecordingError, check

log = logging.getLogger("mkdocs.hooks.sitebuild")
_command = "build"


def on_startup(command, dirty) -> None:
    global _command
    _command = command


def on_pre_build(config) -> None:
    try:
        if _command == "serve":
            # While authoring, an edited example is re-recorded so live reload shows its
            # new output; `mkdocs build` never records, it only refuses stale recordings.
            record_all(log=log.info)
        check(discover(EXAMPLES_DIR), RECORDED_DIR)
    except (StaleRecordingError, ExampleError) as exc:
        raise Abort(f"Aborted: {exc}") from exc
