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
        self.held_while_sleeping: list[bool] = []
        self.held = False

    def sleep(self, secs: float) -> None:
        self.held_while_sleeping.append(self.held)
        self.slept.append(secs)
        self.now += secs

    # The stop flag's side (StopFlag protocol).
    def hold(self, on: bool) -> None:
        self.held = on

    def take(self) -> int:
        assert not self.held, "the sleep asks only after the flag is let go"
        if self.stop_after is not None and len(self.slept) >= self.stop_after:
            self.stop_after = None  # one Stop, one SIGINT
            return signal.SIGINT
        return 0


def test_a_long_sleep_is_cut_into_pieces_that_add_up():
    fake = FakeTime()
    sleep_in_pieces(fake.sleep, fake, lambda: fake.now)(1.0)
    assert max(fake.slept) <= PIECE
    assert sum(fake.slept) == pytest.approx(1.0)


def test_stop_raises_keyboardinterrupt_from_the_sleep():
    fake = FakeTime(stop_after=3)
    with pytest.raises(KeyboardInterrupt):
        sleep_in_pieces(fake.sleep, fake, lambda: fake.now)(60)
    assert len(fake.slept) == 3


def test_the_programs_own_sigint_handler_runs_and_sees_the_callers_frame():
    fake = FakeTime(stop_after=1)
    seen = []
    before = signal.signal(signal.SIGINT, lambda n, frame: seen.append((n, frame.f_code.co_name)))
    try:

        def caller():
            sleep_in_pieces(fake.sleep, fake, lambda: fake.now)(0.2)

        caller()
    finally:
        signal.signal(signal.SIGINT, before)
    assert seen == [(signal.SIGINT, "caller")]
    assert sum(fake.slept) == pytest.approx(0.2)  # the handler returned: the sleep goes on


def test_a_short_sleep_is_one_piece_and_still_asks():
    fake = FakeTime(stop_after=1)
    with pytest.raises(KeyboardInterrupt):
        sleep_in_pieces(fake.sleep, fake, lambda: fake.now)(0)
    assert fake.slept == [0]


def test_the_flag_is_held_while_each_piece_sleeps_and_let_go_after():
    fake = FakeTime(stop_after=2)
    with pytest.raises(KeyboardInterrupt):
        sleep_in_pieces(fake.sleep, fake, lambda: fake.now)(1.0)
    assert fake.held_while_sleeping == [True, True]
    assert fake.held is False


def test_a_sleep_that_fails_lets_the_flag_go():
    fake = FakeTime()

    def failing_sleep(secs):
        fake.held_while_sleeping.append(fake.held)
        raise ValueError("no sleep")

    with pytest.raises(ValueError):
        sleep_in_pieces(failing_sleep, fake, lambda: fake.now)(0.01)
    assert fake.held_while_sleeping == [True]
    assert fake.held is False
