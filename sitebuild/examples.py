"""Find the examples and read their settings from ``examples/examples.toml``.

Each ``examples/NAME.py`` is one example. The manifest is optional per example; an entry
says how to record it (time limit, expected exit code, how many runs) without putting
that noise into the code readers see.
"""

from __future__ import annotations

import ast
import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from browser_runtime.thread_detect import uses_threads

MANIFEST_NAME = "examples.toml"

# The only keys an entry may have, with their defaults and types.
SPEC_DEFAULTS: dict[str, object] = {
    "title": "",
    "timeout": 30.0,
    "exit_code": 0,
    "runs": 1,
    "versions": [],
    "note": "",
    "live": "",
    "live_note": "",
}
SPEC_TYPES: dict[str, tuple[type, ...]] = {
    "title": (str,),
    "timeout": (int, float),
    "exit_code": (int,),
    "runs": (int,),
    "versions": (list,),
    "note": (str,),
    "live": (str,),
    "live_note": (str,),
}
# How a live browser run (Python 3.14 in Pyodide) must agree with the CPython
# recordings (tests check it): "exact" stdout; the same "shape" as one of the
# recordings (numbers may differ: a race's count, a version); the same "last-line"
# (the rest depends on the Python version, e.g. dis output); or "none" (it cannot run
# in a browser: live_note says why, and the page says so instead of running it).
LIVE_CHECKS = ("exact", "shape", "last-line", "none")


class ExampleError(Exception):
    """A problem with an example or the manifest; the message names the file (and line)."""


@dataclass(frozen=True)
class Example:
    name: str
    path: Path
    source: str
    title: str = ""
    timeout: float = 30.0
    exit_code: int = 0
    runs: int = 1
    versions: tuple[str, ...] = ()
    note: str = ""
    live: str = ""
    live_note: str = ""
    imports: frozenset[str] = field(default_factory=frozenset)

    @property
    def sha256(self) -> str:
        return source_sha256(self.source)

    @property
    def deterministic(self) -> bool:
        """An example recorded once is one whose output does not depend on timing."""
        return self.runs == 1

    @property
    def live_check(self) -> str:
        """How a live run is compared: declared, else exact when deterministic."""
        return self.live or ("exact" if self.deterministic else "shape")

    @property
    def uses_threads(self) -> bool:
        """True when the example starts threads (the in-browser runner needs to know)."""
        return uses_threads(self.source)


def source_sha256(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def _imports(source: str, path: Path) -> frozenset[str]:
    try:
        tree = ast.parse(source, filename=str(path))
    except SyntaxError as exc:
        raise ExampleError(f"{path}:{exc.lineno}: syntax error: {exc.msg}") from exc
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return frozenset(names)


def _manifest_line(text: str, name: str) -> int:
    """Line of ``[name]`` in the manifest, so errors can point at it."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == f"[{name}]":
            return number
    return 1


def load_manifest(examples_dir: Path) -> dict[str, dict]:
    path = examples_dir / MANIFEST_NAME
    if not path.exists():
        return {}
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message already ends with "(at line N, column M)".
        raise ExampleError(f"{path}: {exc}") from exc
    specs: dict[str, dict] = {}
    for name, entry in data.items():
        where = f"{path}:{_manifest_line(text, name)}"
        if not isinstance(entry, dict):
            raise ExampleError(f"{where}: [{name}] must be a table of settings")
        unknown = sorted(set(entry) - set(SPEC_DEFAULTS))
        if unknown:
            known = ", ".join(SPEC_DEFAULTS)
            raise ExampleError(f"{where}: [{name}] has unknown key(s) {unknown}; known: {known}")
        for key, value in entry.items():
            if not isinstance(value, SPEC_TYPES[key]) or isinstance(value, bool):
                raise ExampleError(f"{where}: [{name}] {key} has the wrong type: {value!r}")
        if entry.get("runs", 1) < 1 or entry.get("timeout", 1) <= 0:
            raise ExampleError(f"{where}: [{name}] runs and timeout must be positive")
        if entry.get("live", "exact") not in LIVE_CHECKS:
            raise ExampleError(f"{where}: [{name}] live must be one of {LIVE_CHECKS}")
        if entry.get("live") == "none" and not entry.get("live_note"):
            raise ExampleError(f'{where}: [{name}] live = "none" needs a live_note saying why')
        specs[name] = entry
    return specs


def _load(path: Path, specs: dict[str, dict]) -> Example:
    source = path.read_text(encoding="utf-8")
    spec = {**SPEC_DEFAULTS, **specs.get(path.stem, {})}
    spec["versions"] = tuple(spec["versions"])
    return Example(name=path.stem, path=path, source=source, imports=_imports(source, path), **spec)


def discover(examples_dir: Path) -> dict[str, Example]:
    """All examples in ``examples_dir``, by name, with their manifest settings applied."""
    specs = load_manifest(examples_dir)
    examples = {path.stem: _load(path, specs) for path in sorted(examples_dir.glob("*.py"))}
    orphans = sorted(set(specs) - set(examples))
    if orphans:
        manifest = examples_dir / MANIFEST_NAME
        text = manifest.read_text(encoding="utf-8")
        where = f"{manifest}:{_manifest_line(text, orphans[0])}"
        raise ExampleError(f"{where}: settings for missing example(s) {orphans}")
    return examples


def get(examples_dir: Path, name: str) -> Example:
    """One example: reads only its file and the manifest (a page embeds many examples)."""
    path = examples_dir / f"{name}.py"
    if not path.is_file():
        raise ExampleError(f"example({name!r}): no such example; expected {path}")
    return _load(path, load_manifest(examples_dir))
