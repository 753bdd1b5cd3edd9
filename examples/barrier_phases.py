import threading
import time

barrier = threading.Barrier(3)


def runner(name, seconds):
    time.sleep(seconds)  # phase 1 takes a different time in each thread
    print(f"{name}: phase 1 done")
    arrival = barrier.wait()  # blocks until all 3 threads have called wait()
    if arrival == 2:  # wait() returns 0, 1 or 2: a different number in each thread
        print(f"{name}: arrived last and opened the barrier")
    time.sleep(seconds)
    print(f"{name}: phase 2 done")


threads = [
    threading.Thread(target=runner, args=(name, seconds))
    for name, seconds in [("A", 0.2), ("B", 0.6), ("C", 0.4)]
]
for t in threads:
    t.start()
for t in threads:
    t.join()
