import threading
import time

lock = threading.Lock()


def holder():
    with lock:
        time.sleep(0.3)


t = threading.Thread(target=holder)
t.start()
time.sleep(0.05)
print("got it quickly:", lock.acquire(timeout=0.1))
print("got it later:", lock.acquire(timeout=1))
lock.release()
t.join()
