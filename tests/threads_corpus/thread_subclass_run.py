import threading


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"counter-{n}")
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i


threads = [Counter(n) for n in (10, 100, 1000)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for t in threads:
    print(t.name, t.total, t.is_alive())
