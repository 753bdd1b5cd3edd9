"""The clock that timeouts and sleeps are measured on during a run.

Wall-clock runs use the backend's clock. Seeded runs must replay, so their timeouts
use a virtual clock instead: it moves by a fixed step for each time slice a thread
runs (CPU work takes time, so a busy thread cannot starve a sleeper) and jumps to the
next deadline when every thread waits. Which thread wakes when is then a function of
the program and the seed alone. The scheduler still waits for the *real* deadline
before such a jump, so ``time.sleep(1)`` takes about a second of wall time.
"""

from __future__ import annotations


class WallClock:
    virtual = False

    def __init__(self, backend):
        self.now = backend.now

    def ran(self, secs: float) -> None:
        """A thread used ``secs`` of CPU (wall time moves by itself)."""

    def jump(self, when: float) -> None:
        """Every thread waits until ``when`` (wall time gets there by itself)."""


class VirtualClock:
    virtual = True

    def __init__(self, backend):
        self._t = backend.now()

    def now(self) -> float:
        return self._t

    def ran(self, secs: float) -> None:
        self._t += secs

    def jump(self, when: float) -> None:
        if when > self._t:
            self._t = when


# Where a replayable run's clocks start: fixed, so the same seed prints the same times.
EPOCH_START = 1_767_225_600.0  # time.time(): 2026-01-01 00:00:00 UTC
MONOTONIC_START = 1_000.0


def reader_clocks(clock: VirtualClock) -> dict:
    """``time``'s clocks for a replayable run, read off its virtual clock."""
    origin = clock.now()

    def elapsed() -> float:
        return clock.now() - origin

    def monotonic() -> float:
        return MONOTONIC_START + elapsed()

    def perf_counter() -> float:
        return MONOTONIC_START + elapsed()

    def wall() -> float:
        return EPOCH_START + elapsed()

    def ns(seconds) -> object:
        return lambda: int(round(seconds() * 1e9))

    return {
        "time": wall,
        "monotonic": monotonic,
        "perf_counter": perf_counter,
        "time_ns": ns(wall),
        "monotonic_ns": ns(monotonic),
        "perf_counter_ns": ns(perf_counter),
    }
