"""Build-time code of the site: examples, recordings, macros, quiz bank and MkDocs hooks.

Data flows one way: ``examples/*.py`` -> ``examples/recorded/*.json`` -> rendered pages.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = ROOT / "examples"
RECORDED_DIR = EXAMPLES_DIR / "recorded"
