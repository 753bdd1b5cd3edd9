"""The threads runtime seen from ``execute.run``: same result shape as a plain run."""

from __future__ import annotations

from browser_runtime.options import RunOptions
from browser_runtime.output import OutputSink


async def run_threaded(code, main, opts: RunOptions, sink: OutputSink, on_event) -> tuple:
    """Run on the cooperative threads runtime: real interleaving, CPython's exit rules.

    Returns (status, exit_code, extra): the status a plain run would give for the same
    ending (``error`` for an uncaught exception), so the page words both alike.
    """
    from browser_runtime.threads import run_program, scheduler

    def stop_run() -> None:
        if scheduler.ACTIVE is not None:
            scheduler.ACTIVE.stop()

    sink.on_limit = stop_run
    extra = dict(opts.extra or {})
    # mode "step": the reader picks each step (browser_runtime/threads/stepping.py).
    stepping = {"step": extra.get("step"), "replay": list(extra.get("replay") or ())}
    outcome = await run_program(
        code,
        code.co_filename,
        main.__dict__,
        mode=opts.mode,
        seed=opts.seed,
        on_event=on_event if opts.events else None,
        stepping=stepping if opts.mode == "step" else None,
    )
    if outcome.status in ("deadlock", "stopped"):  # stopped: a stepped run abandoned
        status = outcome.status
    elif outcome.exit_code == 0:
        status = "ok"
    elif outcome.uncaught:
        status = "error"
    else:
        status = "exit"
    # What the page labels the output with: how threads were scheduled in this run.
    return (
        status,
        outcome.exit_code,
        {
            "mode": outcome.mode,
            "seed": outcome.seed,
            "preemptive": outcome.preemptive,
            "switches": outcome.switches,
        },
    )
