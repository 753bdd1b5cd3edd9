import threading

lock = threading.Lock()

with lock:
    print("outer: got the lock")
    # Taking it again in the same thread: a plain Lock waits for *itself*.
    # A bare acquire() would hang forever; the timeout lets us see it and move on.
    got_it = lock.acquire(timeout=0.5)
    print("inner: acquire(timeout=0.5) returned", got_it)
    if got_it:
        lock.release()
print("a plain Lock cannot be re-entered by the thread that holds it")

rlock = threading.RLock()
with rlock:
    with rlock:  # the owner may re-enter an RLock
        print("RLock: entered twice by the same thread")
