"""When threads switch without asking: never in "gil" mode on CPython (no slice
controller outside the browser), anywhere between two bytecodes in seeded "anywhere" mode."""

from __future__ import annotations

import sys

from tests.programs import CPU_BOUND_APPEND as CPU_BOUND
from tests.programs import RACE_PLUS_EQUALS_SMALL as RACE
from tests.unit.threads_backend import run_captured


def test_gil_mode_without_a_slice_controller_is_not_preemptive():
    run = run_captured(CPU_BOUND)
    assert run.outcome.preemptive is False
    assert (run.outcome.mode, run.outcome.seed) == ("gil", None)
    assert run.stdout == "aaabbb\n"  # each thread runs until it blocks or ends


def test_gil_mode_with_a_seed_is_still_not_preemptive_here():
    run = run_captured(CPU_BOUND, seed=7)
    assert (run.outcome.preemptive, run.outcome.seed) == (False, 7)
    assert run.stdout == "aaabbb\n"


def test_gil_mode_keeps_every_update_of_an_unlocked_counter():
    run = run_captured(RACE)
    assert run.stdout == "600\n"


def test_anywhere_mode_loses_updates_for_some_seed():
    counts = {seed: int(run_captured(RACE, mode="anywhere", seed=seed).stdout) for seed in range(5)}
    assert all(0 < count <= 600 for count in counts.values())
    assert min(counts.values()) < 600, counts


def test_anywhere_mode_replays_a_seed_exactly():
    first = run_captured(RACE, mode="anywhere", seed=11)
    second = run_captured(RACE, mode="anywhere", seed=11)
    assert first.outcome.preemptive is True
    assert (first.outcome.mode, first.outcome.seed) == ("anywhere", 11)
    assert first.stdout == second.stdout
    assert first.events == second.events  # the same switches at the same (virtual) times
    assert first.outcome.switches == second.outcome.switches > 6


def test_anywhere_mode_preempts_every_thread():
    run = run_captured(RACE, mode="anywhere", seed=3)
    resumed = [e["thread"] for e in run.of_type("switch")]
    # Each worker is switched back to more than once: switched away mid-loop.
    assert all(resumed.count(f"w{i}") > 1 for i in range(3)), resumed


def test_anywhere_mode_draws_a_seed_that_replays_the_run():
    drawn = run_captured(RACE, mode="anywhere")
    assert isinstance(drawn.outcome.seed, int)
    again = run_captured(RACE, mode="anywhere", seed=drawn.outcome.seed)
    assert again.stdout == drawn.stdout
    assert again.outcome.switches == drawn.outcome.switches


def test_anywhere_mode_removes_its_tracer_afterwards():
    before = sys.gettrace()
    run_captured(RACE, mode="anywhere", seed=1)
    assert sys.gettrace() is before


def test_anywhere_mode_never_switches_inside_a_print():
    # Output goes through a guarded stream: lines of different threads never mix.
    run = run_captured(
        """
        import threading
        def talk(tag):
            for i in range(20):
                print(f"{tag} says {i} and this line stays in one piece")
        ts = [threading.Thread(target=talk, args=(tag,)) for tag in "xy"]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        """,
        mode="anywhere",
        seed=5,
    )
    lines = run.stdout.splitlines()
    assert len(lines) == 40
    assert all(line.endswith("and this line stays in one piece") for line in lines)
    assert sorted(lines) == sorted(
        f"{tag} says {i} and this line stays in one piece" for tag in "xy" for i in range(20)
    )
    assert run.outcome.switches > 3
