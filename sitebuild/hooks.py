"""MkDocs hooks: stop a build on stale recordings; put runtime assets into the site.

Listed under ``hooks:`` in mkdocs.yml, so they run for ``mkdocs build`` and ``serve``.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import Abort

from sitebuild import EXAMPLES_DIR, RECORDED_DIR
from sitebuild.examples import ExampleError, discover
from sitebuild.staleness import StaleRecordingError, check

log = logging.getLogger("mkdocs.hooks.sitebuild")


def on_pre_build(config) -> None:
    try:
        check(discover(EXAMPLES_DIR), RECORDED_DIR)
    except (StaleRecordingError, ExampleError) as exc:
        raise Abort(f"Aborted: {exc}") from exc
