"""The site's plain JS modules have unit tests too: tests/js/*.test.js under ``node --test``."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from sitebuild import ROOT

JS_TESTS = sorted((ROOT / "tests" / "js").glob("*.test.js"))


@pytest.mark.parametrize("path", JS_TESTS, ids=[p.name for p in JS_TESTS])
def test_js_unit_tests_pass(path):
    node = shutil.which("node")
    assert node, "Node.js is needed for the JS unit tests (the brief's machine has Node 20)"
    run = subprocess.run([node, "--test", str(path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
