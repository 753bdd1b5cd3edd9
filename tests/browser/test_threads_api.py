"""_thread / threading behaviours that must match CPython, checked in the real page
(Pyodide's Python 3.14 and the live runtime), each against what CPython 3.13+ does."""

from __future__ import annotations

import pytest

from tests.browser.threads_page import open_threads_page


@pytest.fixture(scope="module")
def threads(browser):
    with open_threads_page(browser) as page:
        yield page


def run_ok(threads, source: str, **options) -> dict:
    result = threads.run(source, **options)
    assert "error" not in result, result["error"]
    assert result["outcome"]["status"] == "ok", result
    return result


ACQUIRE_ARGS = """\
import threading, _thread
for lock in (threading.Lock(), threading.RLock(), _thread.allocate_lock()):
    for args, kwargs in [((False, 1), {}), ((), {"timeout": -100}), ((), {"timeout": 1e100}),
                         ((), {"timeout": float("nan")}), ((), {"timeout": "x"})]:
        try:
            lock.acquire(*args, **kwargs)
            print("acquired")
            lock.release()
        except Exception as exc:
            print(type(exc).__name__, exc)
print(lock.acquire(timeout=threading.TIMEOUT_MAX), lock.acquire(False), lock.acquire(timeout=0))
"""

ACQUIRE_EXPECTED = (
    "ValueError can't specify a timeout for a non-blocking call\n"
    "ValueError timeout value must be a non-negative number\n"
    "OverflowError timestamp out of range for platform time_t\n"
    "ValueError Invalid value NaN (not a number)\n"
    "TypeError 'str' object cannot be interpreted as an integer\n"
) * 3 + "True False False\n"


def test_acquire_checks_its_arguments_as_cpython(threads):
    assert run_ok(threads, ACQUIRE_ARGS)["stdout"] == ACQUIRE_EXPECTED


def test_c_rlock_and_thread_module_constants(threads):
    result = run_ok(
        threads,
        "import threading, _thread, re\n"
        "print(threading._CRLock is _thread.RLock, type(threading.RLock()))\n"
        "r = threading.RLock(); r.acquire(); r.acquire()\n"
        "print(re.sub('0x[0-9a-f]+', 'ADDR', repr(r)).replace(str(threading.get_ident()), 'ME'))\n"
        "r.release(); r.release()\n"
        "print(re.sub('0x[0-9a-f]+', 'ADDR', repr(r)))\n"
        "print(_thread.TIMEOUT_MAX, threading.TIMEOUT_MAX)\n"
        "print(_thread._count(), end=' ')\n"
        "t = threading.Thread(target=lambda: print(_thread._count(), end=' '))\n"
        "t.start(); t.join()\n"
        "print(_thread._count())\n"
        "print(_thread.stack_size(), _thread.stack_size(65536), _thread.stack_size(0))\n"
        "for bad in (100, -1):\n"
        "    try: _thread.stack_size(bad)\n"
        "    except ValueError as e: print(e)\n",
    )
    assert result["stdout"] == (
        "True <class '_thread.RLock'>\n"
        "<locked _thread.RLock object owner=ME count=2 at ADDR>\n"
        "<unlocked _thread.RLock object owner=0 count=0 at ADDR>\n"
        "9223372036.0 9223372036.0\n"
        "0 1 0\n"
        "0 0 65536\n"
        "size not valid: 100 bytes\n"
        "size must be 0 or a positive value\n"
    )


def test_interrupt_main_raises_keyboardinterrupt_in_main(threads):
    result = run_ok(
        threads,
        "import threading, _thread, time\n"
        "t = threading.Thread(target=_thread.interrupt_main)\n"
        "try:\n"
        "    t.start()\n"
        "    time.sleep(0.2)\n"
        "    print('not interrupted')\n"
        "except KeyboardInterrupt:\n"
        "    print('KeyboardInterrupt in', threading.current_thread().name)\n"
        "t.join()\n"
        "try:\n"
        "    _thread.interrupt_main()\n"
        "except KeyboardInterrupt:\n"
        "    print('again')\n"
        "print('still running')\n",
    )
    assert result["stdout"] == "KeyboardInterrupt in MainThread\nagain\nstill running\n"
    assert result["outcome"]["exit_code"] == 0


def test_interrupt_main_lets_the_main_thread_finish_its_wait_first(threads):
    # CPython (3.11, 3.13): interrupt_main() only trips the signal flag, which no sleep,
    # acquire() or wait() hears; the KeyboardInterrupt comes when the wait is over.
    result = run_ok(
        threads,
        "import _thread, threading, time\n"
        "for what in ('sleep', 'acquire', 'event'):\n"
        "    lock = threading.Lock(); lock.acquire()\n"
        "    ev = threading.Event()\n"
        "    threading.Timer(0.05, _thread.interrupt_main).start()\n"
        "    t0 = time.monotonic()\n"
        "    try:\n"
        "        if what == 'sleep': time.sleep(0.3)\n"
        "        elif what == 'acquire': lock.acquire(timeout=0.3)\n"
        "        else: ev.wait(0.3)\n"
        "    except KeyboardInterrupt:\n"
        "        print(what, time.monotonic() - t0 >= 0.3)\n",
    )
    assert result["stdout"] == "sleep True\nacquire True\nevent True\n"


def test_thread_local_init_failure_and_end_of_thread(threads):
    result = run_ok(
        threads,
        "import threading, weakref, gc\n"
        "calls = []\n"
        "class Local(threading.local):\n"
        "    def __init__(self):\n"
        "        calls.append(1)\n"
        "        self.partial = True\n"
        "        if len(calls) == 2:\n"
        "            raise ValueError('init failed')\n"
        "        self.done = True\n"
        "loc = Local()\n"
        "class Obj: pass\n"
        "refs = []\n"
        "def worker():\n"
        "    try:\n"
        "        loc.done\n"
        "    except ValueError as e:\n"
        "        print('first access:', e)\n"
        "    print('second access:', loc.done, hasattr(loc, 'partial'))\n"
        "    loc.obj = Obj(); refs.append(weakref.ref(loc.obj))\n"
        "    threading.current_thread()\n"
        "t = threading.Thread(target=worker); t.start(); t.join()\n"
        "gc.collect()\n"
        "print('thread value freed:', refs[0]() is None)\n"
        "import _thread\n"
        "done = threading.Event()\n"
        "def plain():\n"
        "    refs.append(threading.current_thread())\n"
        "    done.set()\n"
        "_thread.start_new_thread(plain, ())\n"
        "done.wait(); import time; time.sleep(0.05)\n"
        "dummy = refs.pop()\n"
        "print(type(dummy).__name__, dummy.ident in threading._active, threading.active_count())\n",
    )
    assert result["stdout"] == (
        "first access: init failed\n"
        "second access: True True\n"
        "thread value freed: True\n"
        "_DummyThread False 1\n"
    )


def test_uncaught_exception_goes_through_sys_excepthook(threads):
    result = threads.run(
        "import sys\n"
        "def hook(tp, value, tb):\n"
        "    print('hooked', tp.__name__, value)\n"
        "sys.excepthook = hook\n"
        "raise ValueError('boom')\n"
    )
    assert result["stdout"] == "hooked ValueError boom\n"
    assert result["stderr"] == ""
    assert result["outcome"]["exit_code"] == 1


@pytest.mark.parametrize(("arg", "code"), [("True", 1), ("False", 0), ("3", 3), ("None", 0)])
def test_sys_exit_code(threads, arg, code):
    result = threads.run(f"import sys, threading\nsys.exit({arg})\n")
    assert result["outcome"]["exit_code"] == code
    assert type(result["outcome"]["exit_code"]) is int


DEEP_DEADLOCK = """\
import threading
stop = threading.Event()
def waiter():
    stop.wait()
for name in ("w1", "w2"):
    threading.Thread(target=waiter, name=name).start()
def deep(n):
    return n if n == 0 else deep(n - 1)
deep(200)
print("main done")
"""

DEEP_DEADLOCK_UNITTEST = """\
import threading, unittest
class T(unittest.TestCase):
    def test_it(self):
        stop = threading.Event()
        def waiter():
            stop.wait()
        for name in ("w1", "w2"):
            threading.Thread(target=waiter, name=name).start()
        def deep(n):
            return n if n == 0 else deep(n - 1)
        deep(200)
unittest.TextTestRunner().run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
print("main done")
"""


@pytest.mark.parametrize(
    "source", [DEEP_DEADLOCK, DEEP_DEADLOCK_UNITTEST], ids=["plain", "unittest"]
)
def test_deadlock_report_after_deep_recursion(threads, source):
    result = threads.run(source, filename="deep.py", timeout_ms=60_000)
    assert "error" not in result, result["error"]
    assert result["outcome"]["status"] == "deadlock", result
    assert "main done\n" in result["stdout"]
    assert "Traceback" not in result["stderr"]
    by_thread = {e["thread"]: e for e in result["outcome"]["deadlock"]}
    assert by_thread["w1"]["waiting_for"] == "threading.Event.wait()"
    assert by_thread["w1"]["file"] == "deep.py"
    assert by_thread["MainThread"]["target"] in ("w1", "w2")


DAEMONS = """\
import threading, time
class Resource:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("__exit__ ran")
def daemon():
    with Resource():
        try:
            while True:
                time.sleep(0.01)
        except BaseException as exc:
            print("caught", type(exc).__name__)
            raise
        finally:
            print("finally ran")
for _ in range(3):
    threading.Thread(target=daemon, daemon=True).start()
time.sleep(0.05)
print("main ends")
"""


def test_daemon_threads_leave_nothing_visible_and_runs_go_on(threads):
    # CPython abandons daemon threads at exit: nothing of theirs shows after main ends.
    # Their stacks are freed unresumed (end_of_run.py), so many such runs in one page work.
    for _ in range(15):
        result = run_ok(threads, DAEMONS, events=False)
        assert result["stdout"] == "main ends\n"
        assert result["stderr"] == ""
    after = run_ok(threads, "import threading\nprint(threading.active_count())")
    assert after["stdout"] == "1\n"
