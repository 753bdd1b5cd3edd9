import queue
import threading
import time

jobs = queue.Queue(maxsize=2)  # put() blocks while two jobs are waiting
DONE = None  # the sentinel: "no more jobs"


def producer():
    for n in range(1, 6):
        jobs.put(n)
        print(f"producer: put job {n}")
    jobs.put(DONE)


def consumer():
    while True:
        job = jobs.get()
        if job is DONE:
            break
        time.sleep(0.2)  # the slow part of the work
        print(f"consumer: finished job {job}")
    print("consumer: got the sentinel, stopping")


threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
