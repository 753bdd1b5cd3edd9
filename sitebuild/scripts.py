"""The site's own ES modules, served as one bundle.

site.js and the ~20 runner modules it imports were one request each: on a GitHub Pages
like server (HTTP/1.1, six connections) the last arrived 200-500 ms after navigation,
and the playground's Run button waited for all of them. The build bundles site.js with
esbuild into ``assets/js/site.bundle.js``: what a page needs at load in one file. Each
literal dynamic import (site.js's later features, the stepper) becomes a chunk beside it,
fetched when imported; a module shared by the bundle and a lazy chunk goes into a chunk
the bundle imports, which main.html preloads (``bundle`` returns them). The sources
stay small plain modules: tests import them, and the workers (runner/worker.js,
timeline/layout_worker.js) still load from them.

In a bundle ``import.meta.url`` is the bundle's URL, not the module's: before bundling,
each module's ``import.meta.url`` is rewritten to its own URL, so ``new URL("./worker.js",
import.meta.url)`` keeps naming the file beside its source.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

from sitebuild import ROOT
from sitebuild.assets import ESBUILD, AssetError, require_node_modules

JS_ROOT = ROOT / "overrides" / "assets" / "js"
ENTRY = "site.js"
SITE_FOLDER = "assets/js"  # where JS_ROOT is served; the bundle and its chunks go there too
BUNDLE = f"{SITE_FOLDER}/site.bundle.js"
_CHUNK_PREFIX = "site-"  # chunks are named site-<name>-<hash>.js (no source is)
_IMPORT_META_URL = re.compile(r"\bimport\.meta\.url\b")


def own_urls(source: Path, target: Path) -> None:
    """Copy the modules of ``source`` into ``target``, each ``import.meta.url`` made
    the URL the module has in the site (relative to the bundle's folder, which is
    ``source`` served)."""
    for module in source.rglob("*.js"):
        relative = module.relative_to(source).as_posix()
        own = f'new URL("./{relative}", import.meta.url).href'
        copy = target / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        text = _IMPORT_META_URL.sub(own, module.read_text(encoding="utf-8"))
        copy.write_text(text, encoding="utf-8")


def bundle(site_dir: Path, js_root: Path = JS_ROOT) -> list[str]:
    """Write the bundle and its chunks into ``site_dir``; returns the site paths of the
    chunks the bundle imports statically (needed before it can run)."""
    require_node_modules()
    out_dir = site_dir / SITE_FOLDER
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in [out_dir / Path(BUNDLE).name, *out_dir.glob(f"{_CHUNK_PREFIX}*.js")]:
        old.unlink(missing_ok=True)  # an earlier build's (`mkdocs serve`)
    with tempfile.TemporaryDirectory() as tmp:
        sources, meta = Path(tmp) / "js", Path(tmp) / "meta.json"
        own_urls(js_root, sources)
        # Run in the copy's folder, so chunk hashes (of relative paths) are the same
        # from build to build.
        _esbuild(Path(tmp), f"js/{ENTRY}", out_dir.resolve(), meta)
        outputs = json.loads(meta.read_text())["outputs"]
    entry = next(o for o in outputs.values() if o.get("entryPoint"))
    return [
        f"{SITE_FOLDER}/{Path(i['path']).name}"
        for i in entry["imports"]
        if i["kind"] == "import-statement"
    ]


def _esbuild(cwd: Path, entry: str, out_dir: Path, meta: Path) -> None:
    result = subprocess.run(
        [
            str(ESBUILD),
            f"{Path(BUNDLE).stem}={entry}",
            "--bundle",
            "--splitting",
            "--format=esm",
            "--minify",
            "--legal-comments=none",
            "--log-level=error",
            f"--outdir={out_dir}",
            f"--chunk-names={_CHUNK_PREFIX}[name]-[hash]",
            f"--metafile={meta}",
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise AssetError(f"esbuild failed to bundle {JS_ROOT / ENTRY}:\n{result.stderr}")
