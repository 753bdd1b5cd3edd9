"""How a threaded run ended, as the page and the tests read it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Outcome:
    status: str  # "ok" | "deadlock" | "stopped"
    exit_code: int
    mode: str
    seed: int | None
    preemptive: bool  # False when the page installed no slice controller
    deadlock: list[dict] | None = None
    switches: int = 0
    idle_s: float = 0.0  # wall time every thread spent sleeping or waiting for a timeout
    uncaught: bool = False  # the main thread ended with an uncaught exception
    events_truncated: bool = False
    details: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "exit_code": self.exit_code,
            "mode": self.mode,
            "seed": self.seed,
            "preemptive": self.preemptive,
            "deadlock": self.deadlock,
            "switches": self.switches,
            "idle_s": self.idle_s,
            "events_truncated": self.events_truncated,
            "uncaught": self.uncaught,
        }
