import threading


class Countdown(threading.Thread):
    def __init__(self, start_at):
        super().__init__(name=f"countdown-{start_at}")
        self.start_at = start_at
        self.steps = []

    def run(self):  # start() calls run() in the new thread
        for n in range(self.start_at, 0, -1):
            self.steps.append(n)


c = Countdown(3)
c.start()
c.join()
print(c.name, "counted", c.steps)
