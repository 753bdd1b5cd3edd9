import queue
import threading

lifo, prio, simple = queue.LifoQueue(), queue.PriorityQueue(), queue.SimpleQueue()


def fill():
    for i in (3, 1, 2):
        lifo.put(i)
        prio.put((i, f"item{i}"))
        simple.put(i)


t = threading.Thread(target=fill)
t.start()
t.join()
print([lifo.get() for _ in range(3)])
print([prio.get()[1] for _ in range(3)])
print([simple.get() for _ in range(3)])
