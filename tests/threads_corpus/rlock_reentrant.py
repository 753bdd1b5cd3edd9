import threading

lock = threading.RLock()


def outer(depth):
    with lock:
        if depth:
            return outer(depth - 1) + 1
        return 0


results = []
threads = [threading.Thread(target=lambda: results.append(outer(5))) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
