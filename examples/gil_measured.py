import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 4


def cpu_task(n=3_000_000):  # pure-Python computation: needs the GIL throughout
    while n > 0:
        n -= 1


def io_task():  # waiting, like a network call: releases the GIL
    time.sleep(0.25)


def timed(label, run):
    start = time.perf_counter()
    run()
    print(f"{label}: {time.perf_counter() - start:.2f} s")


def in_pool(pool_class, task):
    with pool_class(max_workers=TASKS) as pool:
        for future in [pool.submit(task) for _ in range(TASKS)]:
            future.result()


if __name__ == "__main__":  # required: worker processes re-import this file
    print("cores:", os.cpu_count())
    for _ in range(TASKS):  # untimed warm-up: the first runs are slower than later ones
        cpu_task()
    for kind, task in (("cpu", cpu_task), ("io", io_task)):
        timed(f"{kind} sequential", lambda: [task() for _ in range(TASKS)])
        timed(f"{kind} threads", lambda: in_pool(ThreadPoolExecutor, task))
        timed(f"{kind} processes", lambda: in_pool(ProcessPoolExecutor, task))
