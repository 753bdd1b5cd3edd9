import hashlib
import threading
import time


def countdown(n):  # pure Python: holds the GIL while it runs
    while n > 0:
        n -= 1


def digest(data):  # C code that releases the GIL while it hashes
    hashlib.sha256(data).hexdigest()


def cores_used(target, arg):
    """Run target(arg) in 2 threads; CPU time / wall time = cores busy on average."""
    threads = [threading.Thread(target=target, args=(arg,)) for _ in range(2)]
    wall, cpu = time.perf_counter(), time.process_time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return (time.process_time() - cpu) / (time.perf_counter() - wall)


print(f"2 threads, pure-Python loop: {cores_used(countdown, 5_000_000):.1f} cores busy")
print(f"2 threads, hashlib.sha256:   {cores_used(digest, b'x' * 100_000_000):.1f} cores busy")
