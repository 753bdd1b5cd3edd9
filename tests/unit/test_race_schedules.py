"""The "gil39" schedule and per-run code caches, on CPython (greenlet backend).

Outside the browser there is no slice controller, so "gil39" is not preemptive here;
its switches are tested in Chromium (tests/browser/test_race_schedules.py).
"""

from __future__ import annotations

import gc
import weakref

from browser_runtime.threads import MODES, preempt, run_program_blocking
from tests.unit.threads_backend import GreenletBackend, run_captured


def test_modes_name_what_they_model():
    assert MODES[:3] == ("gil", "gil39", "anywhere")


def test_gil39_runs_a_program_like_python():
    run = run_captured(
        """
        import threading
        counter = 0
        def work():
            global counter
            for _ in range(100):
                counter += 1
        ts = [threading.Thread(target=work) for _ in range(3)]
        for t in ts: t.start()
        for t in ts: t.join()
        print(counter)
        """,
        mode="gil39",
        seed=3,
    )
    assert run.stdout == "300\n"
    assert (run.outcome.mode, run.outcome.seed) == ("gil39", 3)


def test_no_module_level_cache_keeps_a_runs_code():
    assert not hasattr(preempt, "_kind_cache")
    source = "import threading\ndef f():\n    pass\nthreading.Thread(target=f).start()\n"
    code = compile(source, "prog.py", "exec")
    ref = weakref.ref(code)
    outcome = run_program_blocking(
        code, "prog.py", backend=GreenletBackend(), mode="anywhere", seed=1
    )
    assert outcome.status == "ok"
    del code
    gc.collect()
    assert ref() is None, "a run's code object outlived the run"
