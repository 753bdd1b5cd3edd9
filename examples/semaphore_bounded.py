import threading

plain = threading.Semaphore(2)
plain.release()  # a bug: released without an acquire -- no error
taken = sum(plain.acquire(blocking=False) for _ in range(5))
print("Semaphore(2) after one extra release lets in:", taken)

bounded = threading.BoundedSemaphore(2)
try:
    bounded.release()  # same bug, caught immediately
except ValueError as exc:
    print("BoundedSemaphore(2) extra release -> ValueError:", exc)
