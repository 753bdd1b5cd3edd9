import threading
import time


def wait_for_io():
    time.sleep(0.5)  # like waiting on a socket or a disk: the GIL is released


start = time.perf_counter()
threads = [threading.Thread(target=wait_for_io) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print(f"4 threads x 0.5 s of waiting took {elapsed:.1f} s in total")
