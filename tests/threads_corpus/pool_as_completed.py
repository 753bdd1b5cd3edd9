import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def slow(delay):
    time.sleep(delay)
    return delay


with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(slow, d) for d in (0.3, 0.1, 0.2)]
    for future in as_completed(futures):
        print("finished", future.result())
