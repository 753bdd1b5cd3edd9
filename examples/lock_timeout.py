import threading
import time

lock = threading.Lock()


def hold_lock():
    with lock:
        time.sleep(1)  # keeps the lock busy for 1 s


holder = threading.Thread(target=hold_lock)
holder.start()
time.sleep(0.1)  # let the holder take the lock first

print("acquire(blocking=False):", lock.acquire(blocking=False))  # answers at once
print("acquire(timeout=0.3):   ", lock.acquire(timeout=0.3))  # gives up after 0.3 s

if lock.acquire(timeout=2):  # the holder lets go after 1 s, well within 2 s
    try:
        print("acquire(timeout=2):      True, doing the work")
    finally:
        lock.release()
holder.join()
