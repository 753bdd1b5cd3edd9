"""stop_sleep.sleep_in_pieces: a sleep that hears the page's Stop between pieces."""

from __future__ import annotations

import signal

import pytest

from browser_runtime.stop_sleep import PIECE, sleep_in_pieces


class FakeTime:
    def __init__(self, stop_after: int | None = None):
        self.now = 0.0
        self.slept: list[float] = []
        self.stop_after = stop_after  # polls before Stop is pressed

    def sleep(self, secs: float) -> None:
        self.slept.append(secs)
        self.now += secs

    def poll(self) -> int:
        if self.stop_after is not None and len(self.slept) >= self.stop_after:
            self.stop_after = None  # one Stop, one SIGINT
            return signal.SIGINT
        return 0


def test_a_long_sleep_is_cut_into_pieces_that_add_up():
    fake = FakeTime()
    sleep_in_pieces(fake.sleep, fake.poll, lambda: fake.now)(1.0)
    assert max(fake.slept) <= PIECE
    assert sum(fake.slept) == pytest.approx(1.0)


def test_stop_raises_keyboardinterrupt_from_the_sleep():
    fake = FakeTime(stop_after=3)
    with pytest.raises(KeyboardInterrupt):
        sleep_in_pieces(fake.sleep, fake.poll, lambda: fake.now)(60)
    assert len(fake.slept) == 3


def test_the_programs_own_sigint_handler_runs_and_sees_the_callers_frame():
    fake = FakeTime(stop_after=1)
    seen = []
    before = signal.signal(signal.SIGINT, lambda n, frame: seen.append((n, frame.f_code.co_name)))
    try:

        def caller():
            sleep_in_pieces(fake.sleep, fake.poll, lambda: fake.now)(0.2)

        caller()
    finally:
        signal.signal(signal.SIGINT, before)
    assert seen == [(signal.SIGINT, "caller")]
    assert sum(fake.slept) == pytest.approx(0.2)  # the handler returned: the sleep goes on


def test_a_short_sleep_is_one_piece_and_still_asks():
    fake = FakeTime(stop_after=1)
    with pytest.raises(KeyboardInterrupt):
        sleep_in_pieces(fake.sleep, fake.poll, lambda: fake.now)(0)
    assert fake.slept == [0]
