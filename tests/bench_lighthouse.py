"""Speed budget (``make bench``): Lighthouse 12, mobile and desktop, prints, asserts nothing.

Pages: home, the heaviest topic page (most bytes of HTML) and the playground, served from
the built site on 127.0.0.1. Targets: mobile performance >= 90, accessibility 100.
Lighthouse runs Debian's Chromium with the sandbox's flags; its network and CPU throttling
are simulated (the default), so figures are comparable between runs on a busy machine
only roughly: the table prints each score and the render-blocking estimate behind it.

``python -m tests.bench_lighthouse [--site DIR]`` measures an already built site.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from sitebuild import ROOT
from tests.browser.chromium import ARGS, CHROMIUM, build_site
from tests.browser.server import SiteServer

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
FORM_FACTORS = ("mobile", "desktop")
# Pages that are not topic pages: the quiz page and the reference table are not lessons.
NOT_TOPICS = ("playground", "knowledge-check", "quick-reference", "search", "assets")
TARGETS = {"performance": 90, "accessibility": 100}


def heaviest_topic_page(site_dir: Path) -> str:
    pages = [p for p in site_dir.glob("*/index.html") if p.parent.name not in NOT_TOPICS]
    return max(pages, key=lambda p: p.stat().st_size).parent.name + "/"


def lighthouse(url: str, form_factor: str, out: Path) -> dict:
    cmd = [
        str(LIGHTHOUSE),
        url,
        f"--chrome-path={CHROMIUM}",
        "--chrome-flags=" + " ".join(ARGS),
        "--only-categories=performance,accessibility",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
    ]
    if form_factor == "desktop":
        cmd.append("--preset=desktop")
    subprocess.run(cmd, check=True, timeout=600)
    return json.loads(out.read_text())


def summary(report: dict) -> dict:
    categories = report["categories"]
    audits = report["audits"]
    blocking = audits.get("render-blocking-resources", {}).get("numericValue") or 0
    unused_js = audits.get("unused-javascript", {}).get("details", {}).get("overallSavingsBytes")
    failed_a11y = [
        ref["id"]
        for ref in categories["accessibility"]["auditRefs"]
        if ref.get("weight") and audits[ref["id"]].get("score") == 0
    ]
    return {
        "performance": round(categories["performance"]["score"] * 100),
        "accessibility": round(categories["accessibility"]["score"] * 100),
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "blocking": blocking,
        "unused_js": unused_js or 0,
        "failed_a11y": failed_a11y,
    }


def measure(site_dir: Path, base_url: str) -> list[tuple[str, str, dict]]:
    pages = ["", heaviest_topic_page(site_dir), "playground/"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in pages:
            for form_factor in FORM_FACTORS:
                report = lighthouse(base_url + path, form_factor, Path(tmp) / "report.json")
                rows.append((path or "(home)", form_factor, summary(report)))
                print(f"  measured /{path} {form_factor}", file=sys.stderr, flush=True)
    return rows


def print_table(rows: list[tuple[str, str, dict]]) -> None:
    print(
        f"{'page':<20} {'profile':<8} {'perf':>4} {'a11y':>4} {'FCP ms':>7} {'LCP ms':>7} "
        f"{'TBT ms':>7} {'blocking ms':>11} {'unused JS':>9}  failed a11y audits"
    )
    for page, form_factor, s in rows:
        print(
            f"{page:<20} {form_factor:<8} {s['performance']:>4} {s['accessibility']:>4} "
            f"{s['fcp']:>7.0f} {s['lcp']:>7.0f} {s['tbt']:>7.0f} {s['blocking']:>11.0f} "
            f"{s['unused_js'] / 1024:>7.0f}Ki  {', '.join(s['failed_a11y']) or '-'}"
        )
    print(
        f"targets: mobile performance >= {TARGETS['performance']}, "
        f"accessibility {TARGETS['accessibility']}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site/ (built for any URL)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run `make setup`", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = args.site or Path(tmp)
        # Like GitHub Pages (gzip, keep-alive, cache headers): Lighthouse's simulated
        # throttling then sees the bytes and connections a reader would get.
        with SiteServer(site_dir, pages_like=True) as server:
            if not args.site:
                print("building the site…", file=sys.stderr, flush=True)
                build_site(site_dir, server.url)
            print_table(measure(site_dir, server.url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
