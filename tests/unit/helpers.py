"""Build a throwaway examples folder for tests that must not touch the real one."""

from __future__ import annotations

from pathlib import Path


def make_examples(root: Path, files: dict[str, str], manifest: str = "") -> Path:
    examples = root / "examples"
    examples.mkdir()
    for name, source in files.items():
        (examples / f"{name}.py").write_text(source)
    if manifest:
        (examples / "examples.toml").write_text(manifest)
    return examples
