import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def countdown(n):  # CPU-bound pure Python
    while n > 0:
        n -= 1
    return os.getpid()  # which process ran this task


def run(executor_class):
    start = time.perf_counter()
    with executor_class(max_workers=2) as pool:
        pids = list(pool.map(countdown, [5_000_000] * 4))
    elsewhere = all(pid != os.getpid() for pid in pids)
    print(f"{executor_class.__name__}: tasks ran outside the main process: {elsewhere}")
    return time.perf_counter() - start


if __name__ == "__main__":  # required: worker processes re-import this file
    thread_time = run(ThreadPoolExecutor)
    process_time = run(ProcessPoolExecutor)
    print(f"processes finished {thread_time / process_time:.1f}x as fast as threads")
