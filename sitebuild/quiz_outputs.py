"""What an example was observed to print, for "which outputs are possible?" questions.

The comparison rule (also described at the top of each bank file):

* A choice's ``output`` is compared with the *whole* stdout of each recorded run, after
  normalising both: line endings unified, trailing spaces removed from every line, and
  blank lines at the start and end dropped.
* When the question sets ``lines_matching`` (a regular expression), only the stdout lines
  in which it matches (``re.search``) are kept, in order, before comparing. This lets a
  question ask about one line or a few lines of a longer output.
* Every current recording of the example counts: the main one (``NAME.json``) and those
  made on other CPythons (``NAME@3.13.json``), as long as they were recorded from the
  example's current source.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sitebuild.examples import source_sha256
from sitebuild.recorder import load_recording


def normalise(text: str, lines_matching: str | None = None) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    if lines_matching:
        pattern = re.compile(lines_matching)
        lines = [line for line in lines if pattern.search(line)]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


@dataclass(frozen=True)
class Observed:
    """The normalised outputs of every recorded run of one example, with counts."""

    example: str
    runs: int
    counts: Counter

    def seen(self, output: str) -> int:
        return self.counts.get(output, 0)


class Recordings:
    """Reads examples and their recordings on demand; caches what it read."""

    def __init__(self, examples_dir: Path, recorded_dir: Path) -> None:
        self.examples_dir = Path(examples_dir)
        self.recorded_dir = Path(recorded_dir)
        self._stdouts: dict[str, list[str] | None] = {}

    def source(self, example: str) -> str | None:
        path = self.examples_dir / f"{example}.py"
        return path.read_text("utf-8") if path.is_file() else None

    def stdouts(self, example: str) -> list[str] | None:
        """Stdout of every current run, or None when the example has no current recording."""
        if example not in self._stdouts:
            self._stdouts[example] = self._read(example)
        return self._stdouts[example]

    def _read(self, example: str) -> list[str] | None:
        source = self.source(example)
        if source is None:
            return None
        sha = source_sha256(source)
        paths = [self.recorded_dir / f"{example}.json"]
        paths += sorted(self.recorded_dir.glob(f"{example}@*.json"))
        found = []
        for path in paths:
            recording = load_recording(path)
            if recording and recording.get("source_sha256") == sha:
                found += [run["stdout"] for run in recording["runs"]]
        return found or None

    def observed(self, example: str, lines_matching: str | None = None) -> Observed | None:
        stdouts = self.stdouts(example)
        if stdouts is None:
            return None
        counts = Counter(normalise(s, lines_matching) for s in stdouts)
        return Observed(example, len(stdouts), counts)
