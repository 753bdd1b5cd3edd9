import threading
import time


def fetch(page):
    time.sleep(0.5)  # stands in for a network request: the thread just waits


pages = ["home", "about", "blog", "contact"]

start = time.perf_counter()
for page in pages:
    fetch(page)
print(f"one after another: {time.perf_counter() - start:.1f} s")

start = time.perf_counter()
threads = [threading.Thread(target=fetch, args=(page,)) for page in pages]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"in {len(threads)} threads:      {time.perf_counter() - start:.1f} s")
