"""axe-core in a page of the built site: inject it from the site's own host, run, report.

axe-core comes from node_modules (pinned in package.json). It is copied next to the
built site and added as an ordinary script from the test server, so the page's Content
Security Policy (script-src 'self') applies to it like to any script of the site.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from sitebuild import ROOT

AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_PATH = "_test/axe.min.js"  # under the site root, never part of a real build
BLOCKING = ("serious", "critical")


@dataclass(frozen=True)
class Violation:
    page: str
    scheme: str
    rule: str
    impact: str
    target: str
    summary: str

    def __str__(self) -> str:
        where = f"/{self.page} [{self.scheme}]"
        return f"{where} {self.rule} ({self.impact}) at {self.target}: {self.summary}"


def install(site_dir: Path) -> None:
    if not AXE_SOURCE.exists():
        raise RuntimeError(f"{AXE_SOURCE} is missing: run `make setup`")
    (site_dir / "_test").mkdir(exist_ok=True)
    shutil.copyfile(AXE_SOURCE, site_dir / AXE_PATH)


def scheme_of(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def run(page, site_url: str, label: str) -> list[Violation]:
    """Every axe violation on the page as it is now (all impacts)."""
    # Contrast is judged on the settled page, not half-way through a fade-in.
    # A function, not an expression string: the page's CSP refuses eval of strings.
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(url=site_url + AXE_PATH)
    results = page.evaluate(
        "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
    )
    scheme = scheme_of(page)
    return [
        Violation(
            label,
            scheme,
            v["id"],
            v["impact"] or "?",
            " ".join(map(str, node["target"])),
            (node.get("failureSummary") or v["help"]).replace("\n", " "),
        )
        for v in results
        for node in v["nodes"]
    ]


def blocking(violations: list[Violation]) -> list[Violation]:
    return [v for v in violations if v.impact in BLOCKING]


def report(violations: list[Violation]) -> str:
    return f"{len(violations)} serious/critical axe violations:\n" + "\n".join(map(str, violations))
