import threading

barrier = threading.Barrier(3)
log = []
lock = threading.Lock()


def phase_worker(n):
    for phase in range(3):
        with lock:
            log.append((phase, n))
        barrier.wait()


threads = [threading.Thread(target=phase_worker, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
phases = [p for p, _ in log]
print("phases in order:", phases == sorted(phases))
print("entries:", len(log))
