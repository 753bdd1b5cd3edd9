"""Deploys are gated: the Pages workflow tests before it builds and deploys, and the
Python lock carries hashes that `make setup` installs with."""

from __future__ import annotations

import re

import yaml

from sitebuild import ROOT


def test_pages_workflow_deploys_only_after_the_tests_pass():
    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())["jobs"]
    runs = " ".join(step.get("run", "") for step in jobs["test"]["steps"])
    assert ".ci/run" in runs or "make test" in runs
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    assert jobs["build"]["needs"] == "test"
    assert jobs["deploy"]["needs"] == "build"


def test_every_locked_requirement_has_a_hash():
    text = (ROOT / "requirements.lock").read_text()
    requirements = re.split(r"\n(?=[a-z0-9])", text.split("\n\n", 1)[-1].strip(), flags=re.I)
    pins = [r for r in requirements if "==" in r.split("\n")[0]]
    assert len(pins) >= 20
    for pin in pins:
        assert "--hash=sha256:" in pin, f"no hash for {pin.splitlines()[0]}"


def test_setup_installs_with_hashes_required():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"pip install .*--require-hashes -r requirements\.lock", makefile)
