"""Programs the tests run, in one place (browser tests, runtime unit tests, recorder).

Each is a complete program as a reader would paste it. Some tests check line numbers
(a deadlock's report), so edit a program only together with the tests that import it:
`grep -rn NAME tests/`.
"""

# Three threads add one through a function call: updates get lost.
RACE_ADD_ONE = """\
import threading

counter = 0

def add_one(value):
    return value + 1

def work():
    global counter
    for _ in range(20_000):
        counter = add_one(counter)

threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter:", counter)
"""

# Two threads take two locks in opposite orders: a deadlock (lines 7 and 12 wait).
LOCK_ORDER_DEADLOCK = """\
import threading, time
a = threading.Lock()
b = threading.Lock()
def one():
    with a:
        time.sleep(0.1)
        with b:
            pass
def two():
    with b:
        time.sleep(0.1)
        with a:
            pass
t1 = threading.Thread(target=one, name="one")
t2 = threading.Thread(target=two, name="two")
t1.start(); t2.start()
t1.join(); t2.join()
print("never printed")
"""

# Two named workers print under one lock while main prints between them.
TWO_WORKERS_ONE_LOCK = """\
import threading, time
lock = threading.Lock()
def work(n):
    time.sleep(0.1 * n)
    with lock:
        print("hi from", n)
        time.sleep(0.2)
ts = [threading.Thread(target=work, args=(i,), name=f"w{i}") for i in range(2)]
for t in ts:
    t.start()
time.sleep(0.05)
print("main")
for t in ts:
    t.join()
"""

# Thread names and idents: a fresh threading state gives Thread-1, Thread-2 again.
THREAD_NAMES_AND_IDENTS = """\
import threading
names = []
def work():
    names.append(threading.current_thread().name)
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(names, threading.get_ident() == threading.main_thread().ident)
print([t.ident for t in ts])
"""

# A deadlock reached through a Barrier (lines 7 and 12 wait).
BARRIER_DEADLOCK = """\
import threading
a, b = threading.Lock(), threading.Lock()
ready = threading.Barrier(2)
def one():
    with a:
        ready.wait()
        with b:
            pass
def two():
    with b:
        ready.wait()
        with a:
            pass
t1 = threading.Thread(target=one, name="one")
t2 = threading.Thread(target=two, name="two")
t1.start(); t2.start()
t1.join()
print("unreachable")
"""

# Two threads spin forever: only Stop (or the time limit) ends it.
SPIN_FOREVER = """\
import threading
def spin():
    while True:
        pass
threading.Thread(target=spin).start()
print("started", flush=True)
spin()
"""

# Two threads sleep a minute: Stop must end a run that only waits.
SLEEP_FOREVER = """\
import threading, time
threading.Thread(target=time.sleep, args=(60,)).start()
time.sleep(60)
"""

# Four threads read, call, write a counter: loses updates with time slices.
RACE_READ_CALL_WRITE = """\
import threading
counter = 0
def f():
    pass
def work():
    global counter
    for _ in range(100_000):
        value = counter
        f()
        counter = value + 1
threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)
"""

# A read-call-write race whose sleeps wake threads mid-race (replay test).
RACE_WITH_SLEEPS = """\
import threading, time
counter = 0
def f():
    pass
def work(n):
    global counter
    for round in range(3):
        time.sleep(0.002 * n)  # the wake-ups land in the middle of the others' race
        for _ in range(50_000):
            value = counter
            f()
            counter = value + 1
        print(f"worker {n} round {round}")
threads = [threading.Thread(target=work, args=(n,)) for n in (1, 2, 3)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)
"""

# counter += 1 in four threads: no update lost in GIL mode.
RACE_PLUS_EQUALS = """\
import threading
counter = 0
def work():
    global counter
    for _ in range(20_000):
        counter += 1
threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)
"""

# Two CPU-bound threads append tags: 'aaabbb' unless something preempts them.
CPU_BOUND_APPEND = """\
import threading
out = []
def spin(tag):
    for _ in range(3):
        out.append(tag)
ts = [threading.Thread(target=spin, args=(tag,)) for tag in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("".join(out))
"""

# counter += 1 in three named threads, 200 times each.
RACE_PLUS_EQUALS_SMALL = """\
import threading
counter = 0
def work():
    global counter
    for _ in range(200):
        counter += 1
ts = [threading.Thread(target=work, name=f"w{i}") for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter)
"""

# Two workers sleep different times and print: output order set by the sleeps.
SLEEPING_WORKERS = """\
import threading, time

def work(n):
    time.sleep(0.05 * n)
    print(f"worker {n} done")

threads = [threading.Thread(target=work, args=(n,), name=f"W{n}") for n in (2, 1)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("main done")
"""

# Main and a thread both spin until the other has run: only time slices let it end.
BOTH_SPIN = """\
import threading
count = 0
def spin():
    global count
    while True:
        count += 1
threading.Thread(target=spin, daemon=True).start()
while count == 0:
    pass
print("main ran while the other thread spun:", count > 0)
"""

# Issue 8: 200 threads each sleeping 10 ms fifty times crashed Pyodide about one run
# in ten (the 3.14 collector's increments walked suspended stacks: gc_guard.py).
SLEEPERS_200 = """\
import threading, time

done = []

def sleeper():
    for _ in range(50):
        time.sleep(0.01)
    done.append(1)

threads = [threading.Thread(target=sleeper) for _ in range(200)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(done), "threads slept 50 times")
"""

# An incremental collection (what 3.14 runs automatically) while 50 threads are
# suspended: crashed Pyodide on every run before gc_guard.py.
GC_WHILE_THREADS_SLEEP = """\
import gc, threading, time

def sleeper():
    for _ in range(5):
        time.sleep(0.001)
        gc.collect(1)

threads = [threading.Thread(target=sleeper) for _ in range(50)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("collected while 50 threads slept")
"""

# The reader's program still sees CPython's gc switch.
GC_SWITCH = """\
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.collect() >= 0)
"""

# Ctrl-C (the page's Stop) reaches the main thread: it asks its worker to stop and joins it.
STOPS_ITS_WORKER_ON_CTRL_C = """\
import threading, time
stop = threading.Event()
def worker():
    while not stop.wait(0.05):
        pass
    print('worker: asked to stop')
w = threading.Thread(target=worker)
w.start()
try:
    print('spinning\\n', end='', flush=True)  # one write: a Stop can land anywhere after
    while True:
        time.sleep(0.1)
except KeyboardInterrupt:
    print('main: KeyboardInterrupt')
    stop.set()
    w.join()
print('done')
"""

# asyncio (browser_runtime/page_asyncio.py); expected outputs are CPython 3.13's.
ASYNC_RAISES = """\
import asyncio
async def main():
    print('hi')
    raise ValueError('boom')
asyncio.run(main())
"""

ASYNC_EXIT_3 = """\
import asyncio, sys
async def main():
    await asyncio.sleep(0)
    sys.exit(3)
asyncio.run(main())
"""

# What a script sees of the loop: none at top level, CPython's own inside asyncio.run,
# tasks counted from Task-1; a blocking time.sleep inside a coroutine returns.
ASYNC_LOOP_FACTS = """\
import asyncio, time
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print('top level:', e)
async def main():
    print(asyncio.get_running_loop())
    print(asyncio.current_task().get_name())
    time.sleep(0.01)
    print(await asyncio.gather(asyncio.sleep(0.02, 'b'), asyncio.sleep(0.01, 'a')))
asyncio.run(main())
"""

# Leaves a callback and a task scheduled when asyncio.run returns: neither ever runs.
ASYNC_LEAVES_CALLBACKS = """\
import asyncio
async def main():
    asyncio.get_running_loop().call_later(0.2, print, 'late callback')
    task = asyncio.create_task(asyncio.sleep(0.1))
    task.add_done_callback(lambda t: print('cancelled', t.cancelled()))
    print('main done')
asyncio.run(main())
"""

ASYNC_UNRETRIEVED = """\
import asyncio
async def bad():
    raise ValueError('lost')
async def main():
    asyncio.create_task(bad())
    await asyncio.sleep(0.01)
asyncio.run(main())
print('end')
"""

ASYNC_AWAITS_FOREVER = """\
import asyncio
async def main():
    print('waiting\\n', end='', flush=True)  # one write: Stop comes after
    await asyncio.sleep(600)
asyncio.run(main())
"""

ASYNC_SPINS = """\
import asyncio
async def main():
    print('spinning\\n', end='', flush=True)  # one write: Stop comes after
    while True:
        pass
asyncio.run(main())
"""

TOP_LEVEL_AWAIT = """\
import asyncio
await asyncio.sleep(0)
print('never')
"""

# Uncaught exceptions raised inside the standard library (browser_runtime/tracebacks.py):
# the traceback shows the library's frames, as ``python file.py`` does.
LIBRARY_RAISES = """\
import json
def load(text):
    return json.loads(text)
load('x')
"""

# A chain (raise ... from, and an exception while handling another) through the library.
LIBRARY_CHAIN = """\
import json, random
try:
    json.loads('{')
except ValueError as e:
    try:
        raise RuntimeError('bad config') from e
    except RuntimeError:
        random.choice([])
"""

LIBRARY_GROUP = """\
import json
errors = []
for text in ['x', '[']:
    try:
        json.loads(text)
    except ValueError as e:
        errors.append(e)
raise ExceptionGroup('parse', errors)
"""

# input() in a thread and in the main thread (the page's own input(): page_limits.py).
ASKS_IN_A_THREAD = """\
import threading
def ask():
    input('x? ')
t = threading.Thread(target=ask)
t.start()
t.join()
input('y? ')
"""

# The stack as traceback shows it: from the module's top level, or a thread's start.
PRINTS_ITS_STACK = """\
import traceback
def f():
    traceback.print_stack()
f()
"""

PRINTS_A_THREADS_STACK = """\
import threading, traceback
def f():
    traceback.print_stack()
t = threading.Thread(target=f)
t.start()
t.join()
"""

# The program's own sys.excepthook reports the uncaught exception, as in CPython.
OWN_EXCEPTHOOK = """\
import sys, traceback
def hook(kind, value, tb):
    print('hook:', kind.__name__, value, file=sys.stderr)
    traceback.print_tb(tb)
sys.excepthook = hook
def f():
    raise ValueError('x')
f()
"""

# asyncio's threads: to_thread and run_in_executor run in threads of their own
# (the default executor's are named asyncio_N), shut down when asyncio.run returns.
ASYNC_TO_THREAD = """\
import asyncio, threading
barrier = threading.Barrier(3)
def name():
    return threading.current_thread().name
def meet(n):
    barrier.wait()  # three at once: three threads, whatever the timing
    return name(), n * 2
async def main():
    print(name())
    print(await asyncio.to_thread(name))
    done = await asyncio.gather(*(asyncio.to_thread(meet, i) for i in range(3)))
    print(sorted(thread for thread, _ in done), [n for _, n in done])
asyncio.run(main())
print(threading.active_count())
"""

# No threading module imported: asyncio's thread is still a thread.
ASYNC_TO_THREAD_ONLY = """\
import asyncio
async def main():
    print(await asyncio.to_thread(sum, [20, 22]))
asyncio.run(main())
"""

ASYNC_EXECUTORS = """\
import asyncio, threading
from concurrent.futures import ThreadPoolExecutor
def work(n):
    return threading.current_thread().name.split('_')[0], n
async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix='pool') as pool:
        print(await asyncio.gather(*(loop.run_in_executor(pool, work, i) for i in range(3))))
    print(await loop.run_in_executor(None, work, 3))
asyncio.run(main())
"""

# Two threads each run an event loop at once: each has its own, and its own executor.
ASYNC_LOOP_PER_THREAD = """\
import asyncio, threading
barrier = threading.Barrier(2)
seen = {}
async def job():
    seen[threading.current_thread().name] = asyncio.get_running_loop()
    await asyncio.to_thread(barrier.wait)  # both loops are running now
    return await asyncio.to_thread(lambda: threading.current_thread().name)
def worker():
    seen['result'] = asyncio.run(job())
t = threading.Thread(target=worker, name='W')
t.start()
result = asyncio.run(job())
t.join()
print(result, seen['result'], seen['W'] is not seen['MainThread'])
"""

# The policy's event loop (set by asyncio.run in the main thread) is per thread.
ASYNC_POLICY_LOOP_PER_THREAD = """\
import asyncio, threading
def worker():
    try:
        asyncio.get_event_loop()
    except RuntimeError as e:
        print(e)
async def main():
    t = threading.Thread(target=worker, name='W')
    t.start()
    t.join()
asyncio.run(main())
"""
