"""The site's own ES modules that every page loads: site.js and what it imports.

The browser finds a module's imports only after fetching it, so the graph arrived one
level per round trip (the playground's Run came ~1 s after navigation, on localhost).
main.html lists these as <link rel="modulepreload">: all are fetched at once, in
parallel with the styles. First the static graph (site.js runs once all of it is here:
the runner), then what it imports with a literal ``import("./x.js")`` (site.js's later
features: fetched as early, but site.js does not wait for them). Imports of computed
URLs (the editor bundle, Python's worker) stay lazy.
"""

from __future__ import annotations

import re
from pathlib import Path

from sitebuild import ROOT

JS_ROOT = ROOT / "overrides" / "assets" / "js"
ENTRY = JS_ROOT / "site.js"
# import x from "./a.js"; import { y } from "../b.js"; export { z } from "./c.js"; import "./d.js"
_STATIC_IMPORT = re.compile(r'^\s*(?:import|export)\b[^;"\'()]*?["\'](\.{1,2}/[^"\']+)["\']', re.M)
# import("./x.js"), a literal path (a computed URL is not followed)
_DYNAMIC_IMPORT = re.compile(r'\bimport\(\s*["\'](\.{1,2}/[^"\']+)["\']\s*\)')


def static_imports(module: Path) -> list[Path]:
    return _resolved(module, _STATIC_IMPORT)


def literal_dynamic_imports(module: Path) -> list[Path]:
    return _resolved(module, _DYNAMIC_IMPORT)


def _resolved(module: Path, pattern: re.Pattern) -> list[Path]:
    text = module.read_text(encoding="utf-8")
    return [(module.parent / spec).resolve() for spec in pattern.findall(text)]


def _add_static_graph(start: Path, found: list[Path]) -> None:
    pending = [start.resolve()]
    while pending:
        module = pending.pop(0)
        if module in found:
            continue
        found.append(module)
        pending.extend(static_imports(module))


def site_modules(entry: Path = ENTRY) -> list[str]:
    """Site paths (``assets/js/…``): ``entry`` and its static imports, entry first; then
    the static graphs of the literal dynamic imports found in those."""
    found: list[Path] = []
    _add_static_graph(entry, found)
    for module in list(found):
        for lazy in literal_dynamic_imports(module):
            _add_static_graph(lazy, found)
    root = JS_ROOT.resolve()
    return [f"assets/js/{p.relative_to(root).as_posix()}" for p in found]
