"""The site's own ES modules that every page loads: site.js and what it imports, statically.

The browser finds a module's imports only after fetching it, so the graph arrived one
level per round trip (the playground's Run came ~1 s after navigation, on localhost).
main.html lists these as <link rel="modulepreload">: all are fetched at once, in
parallel with the styles. Dynamic imports (the editor, Python's worker) stay lazy.
"""

from __future__ import annotations

import re
from pathlib import Path

from sitebuild import ROOT

JS_ROOT = ROOT / "overrides" / "assets" / "js"
ENTRY = JS_ROOT / "site.js"
# import x from "./a.js"; import { y } from "../b.js"; export { z } from "./c.js"; import "./d.js"
_STATIC_IMPORT = re.compile(r'^\s*(?:import|export)\b[^;"\'()]*?["\'](\.{1,2}/[^"\']+)["\']', re.M)


def static_imports(module: Path) -> list[Path]:
    text = module.read_text(encoding="utf-8")
    return [(module.parent / spec).resolve() for spec in _STATIC_IMPORT.findall(text)]


def site_modules(entry: Path = ENTRY) -> list[str]:
    """Site paths (``assets/js/…``) of ``entry`` and its static imports, entry first."""
    found: list[Path] = []
    pending = [entry.resolve()]
    while pending:
        module = pending.pop(0)
        if module in found:
            continue
        found.append(module)
        pending.extend(static_imports(module))
    root = JS_ROOT.resolve()
    return [f"assets/js/{p.relative_to(root).as_posix()}" for p in found]
