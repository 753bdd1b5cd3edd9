import threading

sem = threading.BoundedSemaphore(1)
sem.acquire()
sem.release()
try:
    sem.release()
except ValueError as exc:
    print("ValueError:", exc)
print(sem.acquire(blocking=False), sem.acquire(timeout=0.05))
