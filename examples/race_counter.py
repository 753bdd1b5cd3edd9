import sys
import threading

counter = 0
PER_THREAD = 1_000_000


def work():
    global counter
    for _ in range(PER_THREAD):
        counter += 1


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()

expected = 4 * PER_THREAD
print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
print(f"expected {expected}, got {counter}")
print(f"lost updates: {expected - counter}")
