"""MkDocs hooks: stop a build on stale recordings; put runtime assets into the site.

Listed under ``hooks:`` in mkdocs.yml, so they run for ``mkdocs build`` and ``serve``.
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path

from mkdocs.exceptions import Abort

from sitebuild import (
    EXAMPLES_DIR,
    RECORDED_DIR,
    assets,
    csp,
    quiz_bank,
    render_path,
    scripts,
    styles,
)
from sitebuild.examples import ExampleError, discover
from sitebuild.recorder import record_all
from sitebuild.staleness import StaleRecordingError, check

log = logging.getLogger("mkdocs.hooks.sitebuild")

# `mkdocs serve` guesses types from this table: module workers and streaming wasm
# compilation refuse anything but these.
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")

# The mkdocs command ("build", "serve", "gh-deploy"): MkDocs passes it only to
# on_startup, and on_pre_build needs it. Module state on purpose: it describes this
# process, which runs exactly one command, and is written once, before any build.
_command = "build"
# The stylesheets mkdocs.yml lists, served as one bundle (styles.py); set by on_config.
_css_sources: list[str] = []


def on_startup(command, dirty) -> None:
    global _command
    _command = command


def on_config(config):
    global _css_sources
    _css_sources = styles.bundle_in_config(config) or _css_sources
    return config


def on_pre_build(config) -> None:
    try:
        if _command == "serve":
            # While authoring, an edited example is re-recorded so live reload shows its
            # new output; `mkdocs build` never records, it only refuses stale recordings.
            record_all(log=log.info)
        check(discover(EXAMPLES_DIR), RECORDED_DIR)
    except (StaleRecordingError, ExampleError) as exc:
        raise Abort(f"Aborted: {exc}") from exc
    try:  # the quiz bank: every problem in every file, reported at once
        quiz_bank.load_for_site(config)
    except quiz_bank.QuizBankError as exc:
        raise Abort(f"Aborted: {exc}") from exc


def on_env(env, config, files):
    """The site's modules as one bundle (scripts.py), before the pages that load it."""
    try:
        env.globals["site_chunks"] = scripts.bundle(Path(config["site_dir"]))
    except assets.AssetError as exc:
        raise Abort(f"Aborted: {exc}") from exc
    env.globals["site_script"] = scripts.BUNDLE
    return env


def on_files(files, config):
    """Keep the editor bundle's sources (theme folder) out of the site."""
    for file in [f for f in files if assets.is_theme_source(f.src_uri)]:
        files.remove(file)
    return files


def on_post_page(output, page, config):
    """Material's bundle deferred; the page's CSP gets the hashes of its inline scripts."""
    output = render_path.defer_material_bundle(output)
    return _with_policy(output, page.file.src_uri, page.content)


def on_post_template(output, template_name, config):
    if not template_name.endswith(".html"):
        return output
    return _with_policy(render_path.defer_material_bundle(output), template_name)


def _with_policy(html, where, content=None):
    if _command == "serve":  # live reload injects an inline script (see csp.strip)
        return csp.strip(html)
    try:
        return csp.fill(html, where, content)
    except csp.CspError as exc:
        raise Abort(f"Aborted: {exc}") from exc


def on_post_build(config) -> None:
    """Pyodide, the Python runtime zip and the editor bundle for the in-browser runner."""
    styles.write_bundle(_css_sources, Path(config["site_dir"]))
    try:
        assets.build(Path(config["site_dir"]))
    except assets.AssetError as exc:
        raise Abort(f"Aborted: {exc}") from exc
