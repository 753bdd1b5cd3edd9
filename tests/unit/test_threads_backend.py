"""The greenlet test backend keeps the contract the scheduler relies on."""

from __future__ import annotations

import greenlet
import pytest

from tests.unit.threads_backend import GreenletBackend, Stalled


def _drive(backend: GreenletBackend, *fns) -> list:
    """Spawn each fn on a stack of its own and run until the last one finishes."""
    done = backend.new_completion()
    log: list = []
    remaining = [len(fns)]

    def wrap(fn):
        def body():
            fn(log)
            remaining[0] -= 1
            if not remaining[0]:
                done.set_result("finished")

        return body

    for fn in fns:
        backend.spawn(wrap(fn))
    assert backend.run_until(done) == "finished"
    return log


def test_a_gate_resumes_its_waiter_with_the_value_given_to_open():
    backend = GreenletBackend()
    gate = backend.new_gate()

    def waiter(log):
        log.append(("got", backend.wait(gate)))

    def opener(log):
        log.append("opening")
        gate.open(42)
        log.append("opener continues until it waits")  # open() queues, it does not switch

    assert _drive(backend, waiter, opener) == [
        "opening",
        "opener continues until it waits",
        ("got", 42),
    ]


def test_waiting_at_a_gate_opened_earlier_returns_at_once():
    backend = GreenletBackend()
    gate = backend.new_gate()
    gate.open("early")
    gate.open("ignored: a gate opens once")

    def waiter(log):
        log.append(backend.wait(gate))

    assert _drive(backend, waiter) == ["early"]


def test_virtual_clock_jumps_to_each_timer_in_due_order():
    backend = GreenletBackend(start=50.0)
    seen = []
    done = backend.new_completion()
    backend.call_later(0.3, lambda: seen.append(("c", backend.now())))
    backend.call_later(0.1, lambda: seen.append(("a", backend.now())))
    cancelled = backend.call_later(0.2, lambda: seen.append(("cancelled", backend.now())))
    cancelled.cancel()
    backend.call_later(0.4, lambda: done.set_result(None))
    backend.call_later(-5, lambda: seen.append(("negative delay runs first", backend.now())))
    backend.run_until(done)
    assert seen == [("negative delay runs first", 50.0), ("a", 50.1), ("c", 50.3)]
    assert backend.now() == pytest.approx(50.4)


def test_a_run_with_nothing_left_to_do_is_reported_not_hung():
    backend = GreenletBackend()
    with pytest.raises(Stalled, match="nothing is ready"):
        backend.run_until(backend.new_completion())


def test_a_runaway_timer_chain_stops_at_the_limit():
    backend = GreenletBackend(limit=10.0)

    def again():
        backend.call_later(1.0, again)

    backend.call_later(1.0, again)
    with pytest.raises(Stalled, match="more than 10.0 s"):
        backend.run_until(backend.new_completion())


def test_wait_outside_a_spawned_stack_is_an_error():
    backend = GreenletBackend()
    with pytest.raises(RuntimeError, match="outside an emulated thread"):
        backend.wait(backend.new_gate())


def test_stacks_left_suspended_when_the_run_ends_never_resume():
    backend = GreenletBackend()
    done = backend.new_completion()
    log = []

    def stuck():
        try:
            backend.wait(backend.new_gate())
        finally:
            log.append("finally ran")  # would run if the greenlet were collected

    def finisher():
        done.set_result(None)

    backend.spawn(stuck)
    backend.spawn(finisher)
    backend.run_until(done)
    import gc

    gc.collect()
    assert log == []
    assert greenlet.getcurrent().parent is None  # back on the test's own stack


def test_real_clock_really_waits_for_a_timer():
    backend = GreenletBackend(clock="real")
    done = backend.new_completion()
    start = backend.now()
    backend.call_later(0.05, lambda: done.set_result(backend.now()))
    assert backend.run_until(done) - start >= 0.05


def test_unknown_clock_is_rejected():
    with pytest.raises(ValueError, match="clock must be"):
        GreenletBackend(clock="wall")
