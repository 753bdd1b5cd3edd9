import threading

lock = threading.Lock()


def risky_update():
    with lock:
        raise ValueError("bad data")  # the with block releases the lock anyway


try:
    risky_update()
except ValueError as exc:
    print("caught:", exc)
print("locked after with + exception:", lock.locked())

# The same, written by hand: only try/finally guarantees the release.
lock.acquire()
try:
    print("holding the lock:", lock.locked())
finally:
    lock.release()
print("locked after acquire/release:", lock.locked())
