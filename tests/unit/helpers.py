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


def run_async(coroutine):
    """asyncio.run in a thread of its own.

    Playwright's sync API keeps an event loop running in the main thread for the whole
    session, so a plain asyncio.run() fails once a browser test has run.
    """
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
