import threading

counter = 0
PER_THREAD = 500_000
lock = threading.Lock()


def add_one(value):
    return value + 1


def work():
    global counter
    for _ in range(PER_THREAD):
        with lock:  # read, call and write now happen as one step
            counter = add_one(counter)


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()

expected = 4 * PER_THREAD
print(f"expected {expected}, got {counter}")
print(f"lost updates: {expected - counter}")
