"""Put the in-browser runner's runtime into the built site.

- Pyodide's files, copied from ``node_modules/pyodide`` to ``assets/pyodide/`` (the site
  serves Python itself: no CDN).
- ``browser_runtime/`` (the Python run inside Pyodide), zipped to
  ``assets/runner/browser_runtime.zip`` for the worker to unpack.
- The CodeMirror editor, bundled by esbuild from ``overrides/editor/editor-entry.js`` to
  ``assets/runner/editor.js`` plus one chunk per dynamic import (the Python language is
  one: evaluated in a task of its own); loaded only when a reader shows intent.
- ``assets/runner/runtime.json``: file sizes, so the page can show download progress, and
  under ``facts`` the runner's limits from ``browser_runtime/facts.py``, which the page
  reads through ``overrides/assets/js/runner/facts.js``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

from browser_runtime import facts
from sitebuild import ROOT

NODE_MODULES = ROOT / "node_modules"
PYODIDE_DIR = NODE_MODULES / "pyodide"
ESBUILD = NODE_MODULES / ".bin" / "esbuild"
EDITOR_ENTRY = ROOT / "overrides" / "editor" / "editor-entry.js"
RUNTIME_PACKAGE = ROOT / "browser_runtime"

# What loadPyodide fetches (no packages: examples use the standard library only).
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
# The big ones whose download the page reports as progress.
PROGRESS_FILES = ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs")

# Source folder of the theme (custom_dir) that must not be copied raw into the site.
THEME_SOURCE_PREFIX = "editor/"


class AssetError(Exception):
    """The runner's assets cannot be built; the message says what to run."""


def require_node_modules() -> None:
    missing = [p for p in (PYODIDE_DIR / "pyodide.mjs", ESBUILD) if not p.exists()]
    if missing:
        raise AssetError(
            f"{missing[0]} is missing: run `make setup` (or `npm ci`) to install the "
            "front-end packages from package-lock.json"
        )


def copy_if_changed(source: Path, target: Path) -> None:
    """Skip identical files: `mkdocs serve` rebuilds often and Pyodide is 13 MB."""
    if target.exists():
        s, t = source.stat(), target.stat()
        if s.st_size == t.st_size and s.st_mtime_ns == t.st_mtime_ns:
            return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def copy_pyodide(site_dir: Path) -> dict[str, int]:
    target_dir = site_dir / "assets" / "pyodide"
    sizes = {}
    for name in PYODIDE_FILES:
        copy_if_changed(PYODIDE_DIR / name, target_dir / name)
        sizes[name] = (PYODIDE_DIR / name).stat().st_size
    return sizes


def runtime_files() -> list[Path]:
    return sorted(p for p in RUNTIME_PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def pack_runtime(target: Path) -> None:
    """Zip browser_runtime/*.py with fixed timestamps, so equal sources give equal bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in runtime_files():
            info = zipfile.ZipInfo(path.relative_to(ROOT).as_posix(), (2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())


def bundle_editor(target: Path) -> None:
    """``target`` (the entry) and its chunks, named by content hash, in its folder."""
    for old in target.parent.glob("editor-*.js"):
        old.unlink()  # chunks of an earlier build
    result = subprocess.run(
        [
            str(ESBUILD),
            f"{target.stem}={EDITOR_ENTRY}",
            "--bundle",
            "--splitting",
            "--format=esm",
            "--minify",
            "--target=es2020",
            "--legal-comments=none",
            "--log-level=warning",
            f"--outdir={target.parent}",
            "--chunk-names=editor-[name]-[hash]",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise AssetError(f"esbuild failed to bundle {EDITOR_ENTRY}:\n{result.stderr}")


def pyodide_version() -> str:
    return json.loads((PYODIDE_DIR / "package.json").read_text())["version"]


def build(site_dir: Path) -> None:
    """Write every runner asset into ``site_dir``; raises AssetError with a fix."""
    require_node_modules()
    sizes = copy_pyodide(site_dir)
    runner_dir = site_dir / "assets" / "runner"
    pack_runtime(runner_dir / "browser_runtime.zip")
    bundle_editor(runner_dir / "editor.js")
    manifest = {
        "pyodide": pyodide_version(),
        "download": {name: sizes[name] for name in PROGRESS_FILES},
        "facts": facts.as_json(),
    }
    (runner_dir / "runtime.json").write_text(json.dumps(manifest, indent=1) + "\n")


def is_theme_source(src_uri: str) -> bool:
    """True for files of the theme folder that are inputs of the bundle, not site files."""
    return src_uri.startswith(THEME_SOURCE_PREFIX)
