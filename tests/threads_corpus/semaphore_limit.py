import threading
import time

slots = threading.Semaphore(2)
lock = threading.Lock()
inside = 0
peak = 0


def visit(n):
    global inside, peak
    with slots:
        with lock:
            inside += 1
            peak = max(peak, inside)
        time.sleep(0.05)
        with lock:
            inside -= 1


threads = [threading.Thread(target=visit, args=(n,)) for n in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("peak concurrency:", peak)
