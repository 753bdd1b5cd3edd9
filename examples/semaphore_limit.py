import threading
import time

slots = threading.Semaphore(2)  # at most 2 downloads at a time
running = 0
peak = 0
count_lock = threading.Lock()


def download(n):
    global running, peak
    with slots:  # acquire: takes a slot, or waits until one is free
        with count_lock:
            running += 1
            peak = max(peak, running)
        time.sleep(0.2)  # the download itself
        with count_lock:
            running -= 1


start = time.perf_counter()
threads = [threading.Thread(target=download, args=(n,)) for n in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"6 downloads took {time.perf_counter() - start:.1f} s (3 rounds of 0.2 s)")
print("most downloads running at once:", peak)
