"""Debian's Chromium through Playwright, with the flags this sandbox needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sitebuild import ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright):
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run `make test` (installs Debian's chromium)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)


def build_site(site_dir: Path, site_url: str) -> None:
    """Build the site for the URL it will be served at, as the Pages workflow does.

    Material's instant navigation matches links against sitemap.xml, whose URLs come
    from site_url (port and sub-path included), so the build must know where it lives.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "--site-dir",
            str(site_dir),
        ],
        cwd=ROOT,
        check=True,
        env=env,
    )
