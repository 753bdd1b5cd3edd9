import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait


def slow(delay):
    time.sleep(delay)
    return delay


with ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(slow, 0.3), pool.submit(slow, 0.05)]
    done, not_done = wait(futures, return_when=FIRST_COMPLETED)
    print("first done:", [f.result() for f in done], "pending:", len(not_done))
print("all:", sorted(f.result() for f in futures))
