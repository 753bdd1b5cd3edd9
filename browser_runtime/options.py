"""What the page may set per run, checked before anything is set up."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from browser_runtime.facts import MAX_CHARS, MAX_LINES, SEED_LIMIT


class BadOptions(ValueError):
    """The page sent options this runtime cannot honour; nothing was run."""


def check_seed(seed: object) -> int | None:
    """None, or an int with 0 <= seed < 2**32 (an integral float from JS counts)."""
    if seed is None:
        return None
    if isinstance(seed, float) and seed.is_integer():
        seed = int(seed)
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < SEED_LIMIT:
        limit = SEED_LIMIT - 1
        raise BadOptions(f"the seed must be a whole number from 0 to {limit}, not {seed!r}")
    return seed


@dataclass(frozen=True)
class RunOptions:
    """Per-run settings; unknown keys are kept for later features."""

    max_lines: int = MAX_LINES
    max_chars: int = MAX_CHARS
    threads: bool = False  # run on the cooperative threads runtime (browser_runtime.threads)
    mode: str = "gil"  # its scheduling: threads.MODES ("gil", "gil39", "anywhere", "step")
    seed: int | None = None  # None: wall-clock time slices; an int: replayable slices
    events: bool = False  # send the threads runtime's event stream to on_event
    extra: Mapping[str, object] | None = None

    @classmethod
    def from_mapping(cls, options: Mapping[str, object] | None) -> RunOptions:
        options = dict(options or {})
        max_lines = int(options.pop("max_lines", MAX_LINES))
        max_chars = int(options.pop("max_chars", MAX_CHARS))
        if max_lines < 1 or max_chars < 1:
            raise BadOptions("max_lines and max_chars must be positive")
        mode = str(options.pop("mode", "gil"))  # checked by the threads runtime
        return cls(
            max_lines=max_lines,
            max_chars=max_chars,
            threads=bool(options.pop("threads", False)),
            mode=mode,
            seed=check_seed(options.pop("seed", None)),
            events=bool(options.pop("events", False)),
            extra=options,
        )
