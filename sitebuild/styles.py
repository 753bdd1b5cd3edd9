"""The site's own stylesheets, served as one file.

mkdocs.yml lists them under ``extra_css`` (the source of their order); each linked on its
own was one more render-blocking request before the first paint (seven of them, on top of
Material's two). The build links ``assets/css/site.bundle.css`` instead and writes it as
the sources concatenated in that order; the sources stay separate and small.
"""

from __future__ import annotations

from pathlib import Path

from sitebuild import ROOT

BUNDLE = "assets/css/site.bundle.css"
THEME_DIR = ROOT / "overrides"


def bundle_in_config(config) -> list[str]:
    """Point ``extra_css`` at the bundle; returns the sources it replaces."""
    sources = [str(path) for path in config["extra_css"] if str(path) != BUNDLE]
    config["extra_css"] = [BUNDLE]
    return sources


def write_bundle(sources: list[str], site_dir: Path) -> None:
    parts = []
    for source in sources:
        path = THEME_DIR / source
        parts.append(f"/* {source} */\n{path.read_text(encoding='utf-8').strip()}\n")
    target = site_dir / BUNDLE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(parts), encoding="utf-8")
