import threading


class Inventory:
    def __init__(self):
        self._lock = threading.RLock()  # with a plain Lock, add_many() would hang
        self._items = {}

    def add(self, name, qty):
        with self._lock:
            self._items[name] = self._items.get(name, 0) + qty

    def add_many(self, pairs):
        with self._lock:  # holds the lock while calling add(), which takes it again
            for name, qty in pairs:
                self.add(name, qty)

    def snapshot(self):
        with self._lock:
            return dict(sorted(self._items.items()))


inv = Inventory()
batch = [("apple", 1), ("pear", 2)]
threads = [threading.Thread(target=inv.add_many, args=(batch,)) for _ in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(inv.snapshot())
